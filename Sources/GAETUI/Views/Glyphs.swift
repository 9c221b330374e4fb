/// Every symbol the screen draws, in a Unicode set and a plain-ASCII set for terminals without
/// a UTF-8 locale (where γ, ▄ or │ would otherwise be drawn blank or as garbage).
public struct Glyphs: Sendable, Equatable {
  public let gamma: String
  public let lambda: String
  public let delta: String
  public let minus: String
  public let times: String
  public let prime: String
  public let carryArrow: String
  public let carryTrail: String
  public let terminatedWall: Character
  public let truncatedWall: Character
  public let terminatedMark: String
  public let truncatedMark: String
  public let horizontal: Character
  public let vertical: String
  public let barFull: Character
  public let barHalfUp: Character
  public let barHalfDown: Character
  public let barHairUp: Character
  public let barHairDown: Character
  public let playing: String
  public let paused: String
  public let pending: String
  public let ellipsis: String
  /// Marks text cut to fit a column.
  public let cut: String
  /// Steps hidden to the left or right of the timeline.
  public let moreLeft: String
  public let moreRight: String
  public let unicodeSubscripts: Bool
  /// How keys are named on screen.
  public let keyNext: String
  public let keyPrevious: String
  public let keyAdjust: String

  public static let unicode = Glyphs(
    gamma: "γ", lambda: "λ", delta: "δ", minus: "−", times: "·", prime: "′", carryArrow: "◀", carryTrail: "‹",
    terminatedWall: "┃", truncatedWall: "┆", terminatedMark: "■", truncatedMark: "◆", horizontal: "─",
    vertical: "│", barFull: "█", barHalfUp: "▄", barHalfDown: "▀", barHairUp: "▁", barHairDown: "▔",
    playing: "▶", paused: "❚❚", pending: "·", ellipsis: "…", cut: "…", moreLeft: "◂", moreRight: "▸",
    unicodeSubscripts: true,
    keyNext: "→", keyPrevious: "←", keyAdjust: "↑↓")

  public static let ascii = Glyphs(
    gamma: "g", lambda: "l", delta: "d", minus: "-", times: "*", prime: "'", carryArrow: "<", carryTrail: "<",
    terminatedWall: "|", truncatedWall: ":", terminatedMark: "#", truncatedMark: "~", horizontal: "-",
    vertical: "|", barFull: "#", barHalfUp: "+", barHalfDown: "-", barHairUp: ".", barHairDown: "'",
    playing: ">", paused: "||", pending: ".", ellipsis: "...", cut: "", moreLeft: "<", moreRight: ">",
    unicodeSubscripts: false,
    keyNext: "Right", keyPrevious: "Left", keyAdjust: "Up/Down")

  /// `t` as a subscript: ₁₂ in Unicode, _12 in ASCII.
  public func subscripted(_ t: Int) -> String {
    guard unicodeSubscripts else { return "_\(t)" }
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(t).map { digits[Int(String($0))!] })
  }
}
