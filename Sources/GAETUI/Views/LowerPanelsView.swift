import GAECore

/// Below the step panel: the computation steps done so far (the seed's "Computation Steps"
/// panel, newest highlighted) on the left, the scenario's teaching notes on the right.
struct LowerPanelsView {
  let state: AppState
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    let leftWidth = min(max(area.width * 11 / 20, 44), area.width)
    let (left, right) = area.splitLeft(leftWidth)
    renderSteps(into: &canvas, in: left)
    if right.width >= 16 { renderDescription(into: &canvas, in: right) }
  }

  private func renderSteps(into canvas: inout Canvas, in area: Rect) {
    SectionRule.draw(
      "Computation steps \(state.progress)/\(state.stepCount)", into: &canvas, at: area.y, in: area, glyphs: glyphs)
    let rows = area.height - 1
    guard rows > 0 else { return }
    guard state.progress > 0 else {
      canvas.put(" none yet", x: area.x, y: area.y + 1, style: Theme.dim, clip: area)
      return
    }
    let digits = StepPanelView.inputDigits(width: state.width) + 1
    let firstStep = max(1, state.progress - rows + 1)
    for (offset, stepNumber) in (firstStep...state.progress).enumerated() {
      let step = state.trace.step(stepNumber)
      let y = area.y + 1 + offset
      let newest = stepNumber == state.progress
      var text = String(repeating: " ", count: max(0, String(state.stepCount).count - String(stepNumber).count))
      text += " \(stepNumber). t=\(step.t)"
      text += String(repeating: " ", count: max(1, String(state.stepCount - 1).count + 5 - "t=\(step.t)".count))
      text +=
        "\(glyphs.delta) \(NumberFormat.signed(step.delta, digits: digits))  A \(NumberFormat.signed(step.advantage, digits: digits))"
      switch step.boundary {
      case .terminated: text += "  \(glyphs.terminatedMark) term"
      case .truncated: text += "  \(glyphs.truncatedMark) trunc"
      case .endOfRollout: text += "  end"
      case .none: break
      }
      let line = Rect(x: area.x, y: y, width: area.width - 1, height: 1)
      if newest { canvas.fill(line, style: Theme.current) }
      canvas.put(text, x: area.x, y: y, style: newest ? Theme.current : .plain, clip: line)
    }
  }

  private func renderDescription(into canvas: inout Canvas, in area: Rect) {
    SectionRule.draw("About this scenario", into: &canvas, at: area.y, in: area, glyphs: glyphs)
    let text = state.notes
    let lines = WordWrap.lines(text, width: area.width - 2)
    for (index, line) in lines.prefix(area.height - 1).enumerated() {
      let isLastShown = index == area.height - 2 && lines.count > area.height - 1
      canvas.put(
        " " + line + (isLastShown ? glyphs.ellipsis : ""), x: area.x, y: area.y + 1 + index, style: .plain, clip: area)
    }
  }
}
