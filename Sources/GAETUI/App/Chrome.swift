/// What sits around and above the mode: a small modal stack (help, the notes, a question) and
/// the status line. The top of the stack sees a key first.
public struct Chrome: Sendable, Equatable {
  public enum Overlay: Sendable, Equatable {
    /// The key list; `scroll` is the first line shown.
    case help(scroll: Int)
    /// The scenario's full notes.
    case notes(scroll: Int)
    /// "file exists: press w again": `key` runs `effect`, anything else withdraws the offer.
    case confirm(Confirmation)
    /// A line of text typed for the mode (a step to go to): every key goes here, so digits
    /// never reach the global keys; Enter gives the text to the mode, Esc withdraws it.
    case prompt(Prompt)
  }

  public struct Prompt: Sendable, Equatable {
    public let question: String
    public var text: String
    /// What the mode is asked; it answers in `Mode.answer`.
    public let kind: PromptKind
  }

  public struct Confirmation: Sendable, Equatable {
    public let message: String
    public let key: Key
    public let effect: Effect
  }

  /// A one-line message: what a write did, why a file did not open.
  public struct Status: Sendable, Equatable {
    public let text: String
    public let isError: Bool
  }

  public private(set) var stack: [Overlay] = []
  public var status: Status?

  public var top: Overlay? { stack.last }

  mutating func push(_ overlay: Overlay) {
    // One of each kind: opening help again replaces it rather than stacking a second.
    stack.removeAll { Self.sameKind($0, overlay) }
    stack.append(overlay)
  }

  mutating func pop() { _ = stack.popLast() }

  mutating func replaceTop(_ overlay: Overlay) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1] = overlay
  }

  /// Takes a confirmation off the stack wherever it is (a new one supersedes it).
  mutating func withdrawConfirmations() {
    stack.removeAll { if case .confirm = $0 { return true } else { return false } }
  }

  private static func sameKind(_ a: Overlay, _ b: Overlay) -> Bool {
    switch (a, b) {
    case (.help, .help), (.notes, .notes), (.confirm, .confirm), (.prompt, .prompt): return true
    default: return false
    }
  }
}
