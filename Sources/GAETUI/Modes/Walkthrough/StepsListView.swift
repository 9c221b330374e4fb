import GAECore

/// The computation steps done so far, newest at the bottom and highlighted (the seed's
/// "Computation Steps" panel). Columns are aligned however wide the numbers are.
struct StepsListView {
  let walkthrough: Walkthrough
  let session: Session
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    let progress = walkthrough.progress
    let count = session.stepCount
    SectionRule.draw("Computation steps \(progress)/\(count)", into: &canvas, at: area.y, in: area, glyphs: glyphs)
    let rows = area.height - 1
    guard rows > 0 else { return }
    guard progress > 0 else {
      canvas.put(" none yet: press \(glyphs.keys.left) to compute one", x: area.x, y: area.y + 1, clip: area)
      return
    }
    let numbers = NumberText(glyphs: glyphs)
    let digits = StepPanelView.inputDigits(width: area.width) + 1
    let firstStep = max(1, progress - rows + 1)
    let shown = (firstStep...progress).map { session.trace.step($0) }
    // At most 10 columns a number: a huge one takes its short form (−5.8e11), never a cut.
    let deltas = shown.map { numbers.fitting($0.delta, digits: digits, width: 10, signed: true) }
    let advantages = shown.map { numbers.fitting($0.advantage, digits: digits, width: 10, signed: true) }
    let deltaWidth = deltas.map { TextWidth.columns(of: $0) }.max() ?? 0
    let advantageWidth = advantages.map { TextWidth.columns(of: $0) }.max() ?? 0
    let stepWidth = String(count).count
    let timeWidth = String(count - 1).count
    func padded(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(width - TextWidth.columns(of: text), 0)) + text
    }
    for (offset, step) in shown.enumerated() {
      let y = area.y + 1 + offset
      let newest = step.step == progress
      let time = "t=\(step.t)" + String(repeating: " ", count: timeWidth - String(step.t).count)
      var text = " \(padded(String(step.step), stepWidth)). \(time)  "
      text +=
        "\(glyphs.symbols.delta) \(padded(deltas[offset], deltaWidth))  A \(padded(advantages[offset], advantageWidth))"
      if step.boundary != .none {
        let mark = BoundaryText.mark(step.boundary, glyphs: glyphs)?.0
        text += "  " + [mark, BoundaryText.short(step.boundary)].compactMap { $0 }.joined(separator: " ")
      }
      let line = Rect(x: area.x, y: y, width: area.width - 1, height: 1)
      if newest { canvas.fill(line, style: Theme.current) }
      canvas.put(text, x: area.x, y: y, style: newest ? Theme.current : .plain, clip: line)
    }
  }
}
