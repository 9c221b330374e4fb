/// What each colour means. Every style here also has a non-colour cue (a sign, a glyph, bold or
/// reverse video), so the screen reads the same without colour (NO_COLOR) or on a poor projector.
enum Theme {
  static let positive = Style(foreground: .green, bold: true)
  static let negative = Style(foreground: .red, bold: true)
  static let terminated = Style(foreground: .magenta, bold: true)
  static let truncated = Style(foreground: .yellow, bold: true)
  static let current = Style(foreground: .black, background: .cyan, bold: true)
  static let feeds = Style(foreground: .cyan, bold: true, underline: true)
  static let carry = Style(foreground: .cyan, bold: true)
  static let header = Style(reverse: true)
  static let headerTitle = Style(bold: true, reverse: true)
  static let selected = Style(foreground: .black, background: .yellow, bold: true)
  static let title = Style(bold: true)
  static let rule = Style(foreground: .blue)
  static let dim = Style(dim: true)
  static let key = Style(foreground: .cyan, bold: true)
  static let message = Style(foreground: .black, background: .yellow, bold: true)

  static func signed(_ value: Double) -> Style {
    value > 0 ? positive : (value < 0 ? negative : .plain)
  }
}
