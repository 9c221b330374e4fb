/// Every symbol the screen draws, each a named field, in a Unicode set and a plain-ASCII set for
/// terminals without a UTF-8 locale (where γ, ▄ or │ would otherwise be drawn blank or as
/// garbage). In ASCII the Greek letters are spelt out: a lone `l` would read as the key.
public struct Glyphs: Sendable, Equatable {
  /// Symbols in formulas and labels.
  public struct Symbols: Sendable, Equatable {
    public let gamma: String
    public let lambda: String
    /// γλ as one factor: "γλ", or "gamma*lambda".
    public let gammaLambda: String
    public let delta: String
    public let minus: String
    public let times: String
    public let prime: String
    public let infinity: String
    /// A range of numbers: t 3–9.
    public let dash: String
    /// The truncated episode's own last state, in V(ŝ₉) / V(final_9).
    public let finalState: String
    /// A change: ΔGAE, or chgGAE.
    public let change: String
    /// Σ, or "sum".
    public let symbolSum: String
    /// Subscripts as ₁₂ rather than _12.
    public let subscripts: Bool
  }

  /// Boxes and rules.
  public struct Border: Sendable, Equatable {
    public let horizontal: Character
    public let vertical: String
    public let topLeft: String
    public let topRight: String
    public let bottomLeft: String
    public let bottomRight: String
  }

  /// A's bar below the timeline.
  public struct Bars: Sendable, Equatable {
    public let full: Character
    /// The lower half of a cell (the tip of a bar going up) and the upper half (going down).
    public let halfUp: Character
    public let halfDown: Character
    /// A value too small for half a cell, drawn on the axis so it is not mistaken for nothing.
    public let hairUp: Character
    public let hairDown: Character
    /// The tip of a bar cut off by the scale (|A| beyond it, or infinite).
    public let beyondUp: Character
    public let beyondDown: Character
    /// NaN: no bar can be drawn; this mark sits on the axis.
    public let undefined: Character
  }

  /// Marks on the timeline and in text.
  public struct Marks: Sendable, Equatable {
    public let terminatedWall: Character
    public let truncatedWall: Character
    public let terminated: String
    public let truncated: String
    public let carryArrow: String
    public let carryTrail: String
    public let pending: String
    public let playing: String
    public let paused: String
    /// Text cut to fit: one column.
    public let cut: String
    /// Steps hidden to the left or right of the timeline.
    public let moreLeft: String
    public let moreRight: String
    /// The highlighted step on the overview of scroll positions (help, notes).
    public let scrollUp: String
    public let scrollDown: String
  }

  /// How keys are named on screen.
  public struct KeyNames: Sendable, Equatable {
    public let left: String
    public let right: String
    public let up: String
    public let down: String
  }

  public let symbols: Symbols
  public let border: Border
  public let bars: Bars
  public let marks: Marks
  public let keys: KeyNames

  public static let unicode = Glyphs(
    symbols: Symbols(
      gamma: "γ", lambda: "λ", gammaLambda: "γλ", delta: "δ", minus: "−", times: "·", prime: "′", infinity: "∞",
      dash: "–", finalState: "ŝ", change: "Δ", symbolSum: "Σ", subscripts: true),
    border: Border(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘"),
    bars: Bars(
      full: "█", halfUp: "▄", halfDown: "▀", hairUp: "▁", hairDown: "▔", beyondUp: "▲", beyondDown: "▼", undefined: "?"),
    marks: Marks(
      terminatedWall: "┃", truncatedWall: "┆", terminated: "■", truncated: "◆", carryArrow: "◀", carryTrail: "‹",
      pending: "·", playing: "▶", paused: "❚❚", cut: "…", moreLeft: "◂", moreRight: "▸", scrollUp: "▲",
      scrollDown: "▼"),
    keys: KeyNames(left: "←", right: "→", up: "↑", down: "↓"))

  public static let ascii = Glyphs(
    symbols: Symbols(
      gamma: "gamma", lambda: "lambda", gammaLambda: "gamma*lambda", delta: "delta", minus: "-", times: "*",
      prime: "'", infinity: "inf", dash: "-", finalState: "final", change: "chg", symbolSum: "sum", subscripts: false),
    border: Border(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+"),
    // No + or - (they read as signs) and no . (it reads as "not computed yet"); the
    // terminated wall is "!", not "|", which is the gutter's rule; only the current step's
    // carry gets an arrow, so it is told from the others without colour.
    bars: Bars(
      full: "#", halfUp: "=", halfDown: "=", hairUp: "_", hairDown: "\"", beyondUp: "^", beyondDown: "v",
      undefined: "?"),
    marks: Marks(
      terminatedWall: "!", truncatedWall: ":", terminated: "#", truncated: "%", carryArrow: "<", carryTrail: " ",
      pending: ".", playing: ">", paused: "||", cut: "~", moreLeft: "<", moreRight: ">", scrollUp: "^",
      scrollDown: "v"),
    keys: KeyNames(left: "Left", right: "Right", up: "Up", down: "Down"))

  /// `t` as a subscript: ₁₂, or _12 in ASCII.
  public func subscripted(_ t: Int) -> String {
    guard symbols.subscripts else { return "_\(t)" }
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    var text = t < 0 ? "₋" : ""
    for digit in String(t.magnitude).utf8 { text.append(digits[Int(digit - 48)]) }
    return text
  }

  /// Two keys named together in the footer: ←→, or Left/Right.
  public func keyPair(_ first: String, _ second: String) -> String {
    symbols.subscripts ? first + second : first + "/" + second
  }

  /// The name a key has on screen and in help.
  public func name(of key: Key) -> String {
    switch key {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .up: return keys.up
    case .down: return keys.down
    case .left: return keys.left
    case .right: return keys.right
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .escape: return "Esc"
    case .enter: return "Enter"
    case .backspace: return "Bksp"
    }
  }
}
