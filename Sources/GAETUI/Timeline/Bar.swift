import GAECore

/// A value as a bar from an axis against a scale, in half-cell steps: up for positive, down for
/// negative; a hairline when it is too small for half a cell but does not print as zero;
/// nothing when it prints as zero. Beyond the scale (or infinite) the bar ends in a mark; NaN
/// gets a mark on the axis and no bar. The walkthrough's and compare's bars are drawn here.
struct Bar {
  let glyphs: Glyphs
  /// The first row below the axis, and the rows above and below it.
  let axis: Int
  let up: Int
  let down: Int
  let scale: Double
  /// Decimals the value is printed with: a value that prints as zero draws nothing.
  let digits: Int

  func draw(_ value: Double, x: Int, width: Int, style: Style? = nil, into canvas: inout Canvas, clip: Rect) {
    func put(_ glyph: Character, row: Int, style: Style) {
      canvas.put(String(repeating: glyph, count: width), x: x, y: row, style: style, clip: clip)
    }
    if value.isNaN {
      put(glyphs.bars.undefined, row: axis - 1, style: Theme.title)
      return
    }
    let sign = NumberText.shownSign(value, digits: digits)
    guard sign != 0 else { return }
    let style = style ?? Theme.signed(value)
    let rows = sign > 0 ? up : down
    let fraction = abs(value) / scale
    let beyond = !(fraction <= 1)
    let halves = beyond ? rows * 2 : Int((fraction * Double(rows * 2)).rounded())
    if halves == 0 {
      put(sign > 0 ? glyphs.bars.hairUp : glyphs.bars.hairDown, row: sign > 0 ? axis - 1 : axis, style: style)
      return
    }
    let cells = (halves + 1) / 2
    for index in 0..<cells {
      let isTip = index == cells - 1
      let glyph: Character
      if isTip && beyond {
        glyph = sign > 0 ? glyphs.bars.beyondUp : glyphs.bars.beyondDown
      } else if isTip && halves % 2 == 1 {
        glyph = sign > 0 ? glyphs.bars.halfUp : glyphs.bars.halfDown
      } else {
        glyph = glyphs.bars.full
      }
      put(glyph, row: sign > 0 ? axis - 1 - index : axis + index, style: style)
    }
  }
}
