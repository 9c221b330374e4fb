import GAECore

/// The current step explained: a title, δ and A with their numbers substituted, and why.
struct StepPanelView {
  let state: AppState
  let glyphs: Glyphs

  /// Wider screens get more digits in the formulas.
  static func inputDigits(width: Int) -> Int { width >= 140 ? 4 : (width >= 100 ? 3 : 2) }

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    let formula = Formula(glyphs: glyphs, inputDigits: Self.inputDigits(width: area.width))
    let lines: [(String, Style)]
    let title: String
    if let t = state.currentTime {
      let step = state.trace.record(at: t)
      title = formula.title(step, of: state.stepCount)
      let noteStyle: Style =
        step.boundary == .terminated ? Theme.terminated : (step.boundary == .truncated ? Theme.truncated : Theme.dim)
      lines = [
        (formula.delta(step, gamma: state.gamma), Theme.title),
        (formula.advantage(step, decay: state.trace.decay), Theme.signed(step.advantage)),
        (formula.note(step, trace: state.trace), noteStyle),
      ]
    } else {
      let g = glyphs
      title = "Ready \(g.times) the backward pass starts at t = \(state.stepCount - 1)"
      lines = [
        ("\(g.delta)_t = r_t + \(g.gamma)\(g.times)V(s_t+1) \(g.minus) V(s_t)      the TD error", Theme.title),
        (
          "A_t = \(g.delta)_t + \(g.gamma)\(g.lambda)\(g.times)A_t+1             computed backward, from the last step",
          Theme.title
        ),
        ("Press \(g.keyNext) to compute the first step, or Space to play.", Theme.dim),
      ]
    }
    SectionRule.draw(title, into: &canvas, at: area.y, in: area, glyphs: glyphs, right: visibleRange())
    // The formulas keep one line each; the note wraps into whatever rows are left.
    var y = area.y + 1
    for (index, (text, style)) in lines.enumerated() {
      let wrapped = index == lines.count - 1 ? WordWrap.lines(text, width: area.width - 2) : [text]
      for line in wrapped where y < area.maxY {
        canvas.put(" " + line, x: area.x, y: y, style: style, clip: area)
        y += 1
      }
    }
  }

  /// "t 278–289 of 0–299" when the timeline scrolls.
  private func visibleRange() -> String? {
    let columns = Layout.columns(for: state)
    guard columns.scrolls, columns.visible > 0 else { return nil }
    let last = min(state.firstVisibleTime + columns.visible, state.stepCount) - 1
    let dash = glyphs.unicodeSubscripts ? "–" : "-"
    return "showing t \(state.firstVisibleTime)\(dash)\(last) of 0\(dash)\(state.stepCount - 1)"
  }

}

/// A titled horizontal rule: ── Title ───────── right ──
enum SectionRule {
  static func draw(
    _ title: String, into canvas: inout Canvas, at y: Int, in area: Rect, glyphs: Glyphs, right: String? = nil
  ) {
    let rule = Rect(x: area.x, y: y, width: area.width, height: 1)
    canvas.fill(rule, character: glyphs.horizontal, style: Theme.rule)
    let end = canvas.put(
      " \(TextWidth.fitted(title, width: area.width - 5, cut: glyphs.cut)) ", x: area.x + 2, y: y, style: Theme.title,
      clip: Rect(x: area.x, y: y, width: area.width - 1, height: 1))
    if let right {
      let x = area.maxX - 3 - TextWidth.columns(of: right)
      if x > end + 1 { canvas.put(" \(right) ", x: x - 1, y: y, style: Theme.dim, clip: rule) }
    }
  }
}
