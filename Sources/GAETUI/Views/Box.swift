/// A framed box centred in an area, with a title in its top edge and, when its text scrolls,
/// marks on its right edge saying there is more above or below.
struct Box {
  let glyphs: Glyphs

  /// The box for `lines` lines of `width` columns, as large as `area` allows.
  static func frame(contentWidth: Int, lines: Int, in area: Rect) -> Rect {
    let width = min(contentWidth + 4, area.width)
    let height = min(lines + 2, area.height)
    return Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
  }

  func draw(_ box: Rect, title: String, moreAbove: Bool, moreBelow: Bool, into canvas: inout Canvas) {
    guard box.width >= 2, box.height >= 2 else { return }
    let border = glyphs.border
    canvas.fill(box, style: .plain)
    let horizontal = String(repeating: border.horizontal, count: max(box.width - 2, 0))
    canvas.put(border.topLeft + horizontal + border.topRight, x: box.x, y: box.y, style: Theme.rule, clip: box)
    canvas.put(
      border.bottomLeft + horizontal + border.bottomRight, x: box.x, y: box.maxY - 1, style: Theme.rule, clip: box)
    for y in (box.y + 1)..<(box.maxY - 1) {
      canvas.put(border.vertical, x: box.x, y: y, style: Theme.rule, clip: box)
      canvas.put(border.vertical, x: box.maxX - 1, y: y, style: Theme.rule, clip: box)
    }
    let fitted = TextWidth.fitted(title, width: box.width - 6, cut: glyphs.marks.cut)
    canvas.put(" \(fitted) ", x: box.x + 2, y: box.y, style: Theme.title, clip: box)
    if moreAbove { canvas.put(glyphs.marks.scrollUp, x: box.maxX - 1, y: box.y + 1, style: Theme.key, clip: box) }
    if moreBelow { canvas.put(glyphs.marks.scrollDown, x: box.maxX - 1, y: box.maxY - 2, style: Theme.key, clip: box) }
  }
}
