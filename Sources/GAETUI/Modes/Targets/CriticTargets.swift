import GAECore

/// Targets: what the critic regresses on — the λ-return A + V (PPO's value target), the
/// reward-to-go, the TD(0) target — and the advantages as PPO feeds them to its loss,
/// normalised over the rollout and over minibatches of a chosen size, with the steps whose sign
/// the normalisation flips marked, and a minibatch of one shown as it really behaves (NaN).
public struct CriticTargets: Mode {
  public enum Action: Equatable, Sendable {
    case scroll(Int)
    case toStart
    case toEnd
    /// Halve or double the minibatch size.
    case minibatch(smaller: Bool)
    case parameter(ParameterControl.Action)
  }

  public static let title = "Targets"

  public internal(set) var firstVisibleTime = 0
  /// Steps per minibatch, 1 … T.
  public internal(set) var minibatchSize: Int
  let stepCount: Int
  /// What needs the whole rollout, computed when γ or λ changes, not on every frame: the
  /// reward-to-go (γ only), and the mean and sample deviation of A for the rollout-wide
  /// normalisation.
  private(set) var rewardToGo: [Double] = []
  private(set) var advantageMean = 0.0
  private(set) var advantageDeviation = 0.0
  private var computedFor: (gamma: Double, lambda: Double)?

  public init(session: Session) {
    stepCount = session.stepCount
    minibatchSize = min(4, max(session.stepCount, 1))
    measure(session)
  }

  private mutating func measure(_ session: Session) {
    guard computedFor == nil || computedFor! != (session.gamma, session.lambda) else { return }
    if computedFor?.gamma != session.gamma {
      rewardToGo = GAECore.Targets.rewardToGo(session.scenario.rollout, gamma: session.gamma)
    }
    (advantageMean, advantageDeviation) = Self.meanAndDeviation(session.trace.advantage[...])
    computedFor = (session.gamma, session.lambda)
  }

  /// The mean and the sample deviation (n − 1, as torch.std) of some advantages.
  static func meanAndDeviation(_ advantages: ArraySlice<Double>) -> (mean: Double, deviation: Double) {
    let count = Double(advantages.count)
    let mean = advantages.reduce(0, +) / count
    let squares = advantages.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, count > 1 ? (squares / (count - 1)).squareRoot() : .nan)
  }

  public func adopting(_ session: Session) -> CriticTargets { CriticTargets(session: session) }

  public var tickInterval: Duration? { nil }

  public func bindings(session: Session, glyphs: Glyphs) -> [Binding<Action>] {
    let own: [Binding<Action>] = [
      Binding(
        [.left, .character("h")], .scroll(-1), help: "scroll towards t = 0", footer: "scroll",
        footerKeys: glyphs.keyPair(glyphs.keys.left, glyphs.keys.right)),
      Binding([.right, .character("l")], .scroll(1), help: "scroll towards the rollout's end"),
      Binding([.home, .character("g")], .toStart, help: "the rollout's start"),
      Binding([.end, .character("G")], .toEnd, help: "the rollout's end"),
      Binding(
        [.character("<")], .minibatch(smaller: true), help: "halve the minibatch size (down to 1)",
        footer: "minibatch", footerKeys: "< >"),
      Binding([.character(">")], .minibatch(smaller: false), help: "double the minibatch size (up to T)"),
    ]
    return own + ParameterControl.bindings(session, glyphs: glyphs).map { $0.map(Action.parameter) }
  }

  public mutating func update(_ action: Action, session: inout Session, area: Rect) -> [Effect] {
    let viewport = self.viewport(session: session, area: area)
    switch action {
    case .scroll(let direction): firstVisibleTime = viewport.first + direction * max(viewport.visible / 2, 1)
    case .toStart: firstVisibleTime = 0
    case .toEnd: firstVisibleTime = stepCount
    case .minibatch(let smaller):
      minibatchSize = smaller ? max(minibatchSize / 2, 1) : min(minibatchSize * 2, max(stepCount, 1))
    case .parameter(let change): ParameterControl.update(change, session: &session)
    }
    return []
  }

  public mutating func tick(session: inout Session, area: Rect) -> [Effect] { [] }

  public mutating func fit(session: Session, area: Rect) {
    firstVisibleTime = viewport(session: session, area: area).first
    measure(session)
  }

  func viewport(session: Session, area: Rect) -> TimelineViewport {
    TimelineViewport(
      area: area, stepCount: session.stepCount, integerDigits: session.integerDigits, first: firstVisibleTime)
  }

  public func headerStatus(session: Session, glyphs: Glyphs) -> String {
    "targets, minibatch \(minibatchSize)"
  }

  public func helpSections(session: Session, glyphs: Glyphs) -> [KeySection] {
    ParameterControl.helpSections(
      Self.title, bindings(session: session, glyphs: glyphs), session: session, glyphs: glyphs
    ) {
      if case .parameter = $0 { return true } else { return false }
    }
  }

  public func legend(glyphs: Glyphs) -> [(String, Style)] {
    [
      ("  A+V      the λ-return: the target PPO implementations regress the critic on", .plain),
      ("  G        the reward-to-go, bootstrapped at a truncation and the rollout's end", .plain),
      ("  TD(0)    the TD(0) target r + γV(s′)", .plain),
      ("  norm     (A − mean)/(std + 1e-8), std with n − 1 (torch.std), over the rollout", .plain),
      ("  mb N     the same per minibatch of N steps (< > halve or double N)", .plain),
      ("  *        the normalisation flipped A's sign (also in reverse video)", .plain),
    ]
  }
}
