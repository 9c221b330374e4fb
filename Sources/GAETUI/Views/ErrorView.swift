import GAECore

/// A file of the folder that could not be opened, in its own place: its name and why, and the
/// keys that lead on. Nothing of the previous scenario shows.
struct ErrorView {
  let failure: Session.Failure
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    SectionRule.draw("Could not open this file", into: &canvas, at: area.y, in: area, glyphs: glyphs)
    var lines: [(String, Style)] = [("", .plain)]
    lines += WordWrap.lines(PathBytes.display(failure.path), width: area.width - 4).map { ($0, Theme.title) }
    lines.append(("", .plain))
    lines += WordWrap.lines(PathBytes.display(failure.reason), width: area.width - 4).map { ($0, Theme.error) }
    lines.append(("", .plain))
    lines.append(("] or [ opens the next or previous file; q quits.", .plain))
    for (index, (text, style)) in lines.prefix(area.height - 1).enumerated() {
      canvas.put(text, x: area.x + 2, y: area.y + 1 + index, style: style, clip: area)
    }
  }
}
