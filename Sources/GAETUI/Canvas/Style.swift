/// The eight terminal colours. Colour always repeats what a sign or a glyph already says.
public enum Color: Int, CaseIterable, Sendable {
  case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
  public var foreground: Color?
  public var background: Color?
  public var bold: Bool
  public var reverse: Bool
  public var dim: Bool
  public var underline: Bool

  public init(
    foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
    dim: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.dim = dim
    self.underline = underline
  }

  public static let plain = Style()

  public func with(bold: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil, foreground: Color?? = nil) -> Style {
    var copy = self
    if let bold { copy.bold = bold }
    if let reverse { copy.reverse = reverse }
    if let dim { copy.dim = dim }
    if let foreground { copy.foreground = foreground }
    return copy
  }
}
