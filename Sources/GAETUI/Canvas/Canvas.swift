/// The screen as a value: a grid of cells, each a character and a style. Views draw into it;
/// the terminal copies it out; tests read it back as text.
public struct Canvas: Equatable, Sendable {
  public struct Cell: Equatable, Sendable {
    /// One character of display width 1 or 2.
    public var character: Character
    public var style: Style
    /// The right half of a wide character drawn in the cell to its left: the terminal skips it.
    public var isContinuation = false

    public init(character: Character, style: Style, isContinuation: Bool = false) {
      self.character = character
      self.style = style
      self.isContinuation = isContinuation
    }

    public static let blank = Cell(character: " ", style: .plain)

    /// Columns of the character's first scalar alone: 1 where the cluster is wide only as a
    /// whole (a flag, ❤️), which a terminal given the first scalar draws narrow.
    public var leadingScalarColumns: Int { TextWidth.columns(of: character.unicodeScalars.first ?? " ") }
  }

  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes `text` from (x, y), clipped to `clip` (and to the canvas); never wraps. Control
  /// characters are drawn as "?" so nothing a file contains can move the terminal's cursor.
  /// Returns the column after the last one written.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    guard y >= area.y, y < area.maxY else { return x + TextWidth.columns(of: text) }
    var column = x
    for character in text {
      let scalar = character.unicodeScalars.first!
      var glyph = character
      var columns = TextWidth.columns(of: scalar)
      if TextWidth.isControl(scalar) {
        glyph = "?"
        columns = 1
      } else if columns == 1 {
        // A text symbol asked for as an emoji (❤️) is drawn two columns wide: as TextWidth counts it.
        columns = TextWidth.columns(of: character)
      }
      if columns == 0 { continue }
      if column >= area.x && column + columns <= area.maxX {
        clearWideNeighbours(x: column, y: y, columns: columns)
        self[column, y] = Cell(character: glyph, style: style)
        if columns == 2 { self[column + 1, y] = Cell(character: " ", style: style, isContinuation: true) }
      } else if column < area.maxX && column + columns > area.maxX && column >= area.x {
        // A wide character cut by the right edge: show that something is there.
        self[column, y] = Cell(character: "…", style: style)
      }
      column += columns
    }
    return column
  }

  /// Writes `text` right-aligned in the `width` columns starting at `x`, cut with `cut` when it
  /// is wider: a timeline cell.
  public mutating func putRight(
    _ text: String, x: Int, y: Int, width: Int, style: Style = .plain, clip: Rect? = nil, cut: String
  ) {
    let fitted = TextWidth.fitted(text, width: width, cut: cut)
    put(fitted, x: x + width - TextWidth.columns(of: fitted), y: y, style: style, clip: clip)
  }

  /// Overwriting half of a wide character blanks its other half, so no orphan half is drawn.
  private mutating func clearWideNeighbours(x: Int, y: Int, columns: Int) {
    if self[x, y].isContinuation, x > 0 { self[x - 1, y] = .blank }
    let last = x + columns - 1
    if last + 1 < width, self[last + 1, y].isContinuation { self[last + 1, y] = .blank }
  }

  /// Fills a rectangle with one character and style.
  public mutating func fill(_ rect: Rect, character: Character = " ", style: Style = .plain) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { self[x, y] = Cell(character: character, style: style) }
    }
  }

  /// Changes the style of the cells in a rectangle, keeping their characters.
  public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { change(&cells[y * width + x].style) }
    }
  }

  /// The rows as plain text, trailing spaces kept: what a golden test compares.
  public var lines: [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].character) }
      return line
    }
  }

  /// The rows as plain text with trailing spaces removed.
  public var text: String {
    lines.map { line in
      var trimmed = line
      while trimmed.hasSuffix(" ") { trimmed.removeLast() }
      return trimmed
    }.joined(separator: "\n")
  }
}
