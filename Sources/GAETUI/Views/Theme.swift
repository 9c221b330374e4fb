/// What each colour means. Every style here also has a non-colour cue (a sign, a glyph, bold or
/// reverse video), so the screen reads the same without colour (NO_COLOR) or on a poor projector.
/// Content is never dim: a projector washes dim text out. Colours are ones that read on dark and
/// light backgrounds alike (no yellow or cyan text, which vanish on white).
enum Theme {
  static let positive = Style(foreground: .green, bold: true)
  static let negative = Style(foreground: .red, bold: true)
  static let terminated = Style(foreground: .magenta, bold: true)
  static let truncated = Style(foreground: .blue, bold: true)
  /// The step being computed: black on cyan, reverse video without colour.
  static let current = Style(foreground: .black, background: .cyan, bold: true)
  static let carry = Style(foreground: .blue, bold: true)
  static let header = Style(reverse: true)
  static let headerTitle = Style(bold: true, reverse: true)
  static let selected = Style(foreground: .black, background: .yellow, bold: true)
  static let title = Style(bold: true)
  /// Rules and box lines: structure, not content, so they may recede.
  static let rule = Style(dim: true)
  /// "Not computed yet" marks: they should recede too.
  static let pending = Style(dim: true)
  static let key = Style(bold: true, underline: true)
  static let message = Style(foreground: .black, background: .yellow, bold: true)
  static let error = Style(foreground: .red, bold: true)

  static func signed(_ value: Double) -> Style {
    value > 0 ? positive : (value < 0 ? negative : .plain)
  }
}
