/// The scenario's notes, whole, in a box that scrolls: what the notes panel had to cut.
struct NotesOverlay {
  let session: Session
  let glyphs: Glyphs

  /// The width the notes are wrapped to in `area`: a readable measure, not the whole screen.
  static func textWidth(in area: Rect) -> Int { max(min(area.width - 4, 72), 1) }
  static func rows(in area: Rect) -> Int { max(area.height - 2, 0) }

  func render(scroll: Int, into canvas: inout Canvas, in area: Rect) {
    let width = Self.textWidth(in: area)
    let lines = session.notesLines(width: width)
    let box = Box.frame(contentWidth: width, lines: max(lines.count, 1), in: area)
    let rows = max(box.height - 2, 0)
    let first = min(max(scroll, 0), max(lines.count - rows, 0))
    Box(glyphs: glyphs).draw(
      box, title: "\(session.scenario.name) \(glyphs.symbols.times) q or Esc closes", moreAbove: first > 0,
      moreBelow: first + rows < lines.count, into: &canvas)
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: rows)
    for (index, line) in lines.dropFirst(first).prefix(rows).enumerated() {
      canvas.put(line, x: inner.x, y: inner.y + index, style: .plain, clip: inner)
    }
  }
}
