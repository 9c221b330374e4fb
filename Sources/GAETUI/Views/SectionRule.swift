/// A titled horizontal rule: ── Title ───────── right ──
enum SectionRule {
  static func draw(
    _ title: String, into canvas: inout Canvas, at y: Int, in area: Rect, glyphs: Glyphs, right: String? = nil,
    rightStyle: Style = .plain
  ) {
    let rule = Rect(x: area.x, y: y, width: area.width, height: 1)
    canvas.fill(rule, character: glyphs.border.horizontal, style: Theme.rule)
    let end = canvas.put(
      " \(TextWidth.fitted(title, width: area.width - 5, cut: glyphs.marks.cut)) ", x: area.x + 2, y: y,
      style: Theme.title, clip: Rect(x: area.x, y: y, width: area.width - 1, height: 1))
    if let right {
      let x = area.maxX - 3 - TextWidth.columns(of: right)
      if x > end + 1 { canvas.put(" \(right) ", x: x - 1, y: y, style: rightStyle, clip: rule) }
    }
  }
}
