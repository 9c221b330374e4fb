/// The scenario's teaching notes, as many lines as fit; when they do not all fit, the last line
/// says how to read the rest (and the footer says it too).
struct NotesPanelView {
  let session: Session
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    let lines = session.notesLines(width: area.width - 2)
    let rows = area.height - 1
    let cut = lines.count > rows
    SectionRule.draw(
      "About this scenario", into: &canvas, at: area.y, in: area, glyphs: glyphs, right: cut ? "i: all" : nil,
      rightStyle: Theme.key)
    for (index, line) in lines.prefix(rows).enumerated() {
      let isLastShown = cut && index == rows - 1
      var text = " " + line
      if isLastShown {
        // The line keeps its start and ends in the cut mark, so it never passes for the end.
        text = " " + TextWidth.fitted(line, width: area.width - 3, cut: "") + glyphs.marks.cut
      }
      canvas.put(text, x: area.x, y: area.y + 1 + index, style: .plain, clip: area)
    }
  }

  /// Whether the notes are cut at this size.
  static func isCut(_ session: Session, panel: Size) -> Bool {
    session.notesLines(width: panel.width).count > panel.height
  }
}
