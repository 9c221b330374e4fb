import Foundation
import GAECore

/// The current step explained: a title, δ and A with their numbers substituted, and why.
struct StepPanelView {
  let walkthrough: Walkthrough
  let session: Session
  let glyphs: Glyphs
  let viewport: TimelineViewport

  /// Wider screens get more digits in the formulas.
  static func inputDigits(width: Int) -> Int { width >= 140 ? 4 : (width >= 100 ? 3 : 2) }

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    let formula = Formula(glyphs: glyphs, inputDigits: Self.inputDigits(width: area.width))
    let s = glyphs.symbols
    let lines: [(String, Style)]
    let title: String
    if let t = walkthrough.currentTime {
      let step = session.trace.record(at: t)
      title = formula.title(step, of: session.stepCount)
      lines = [
        (formula.delta(step, gamma: session.gamma, decay: session.trace.decay), Theme.title),
        (formula.advantage(step, gamma: session.gamma, decay: session.trace.decay), Theme.title),
        (formula.note(step, trace: session.trace), BoundaryText.style(step.boundary)),
      ]
    } else {
      title = "Ready \(s.times) the backward pass starts at t = \(session.stepCount - 1)"
      lines = [
        ("\(s.delta)_t = r_t + \(s.gamma)\(s.times)V(s_{t+1}) \(s.minus) V(s_t)   the TD error", Theme.title),
        ("A_t = \(s.delta)_t + \(s.gammaLambda)\(s.times)A_{t+1}   computed backward, from the last step", Theme.title),
        ("Press \(glyphs.keys.left) (or Enter) to compute the first step, or Space to play.", .plain),
      ]
    }
    SectionRule.draw(title, into: &canvas, at: area.y, in: area, glyphs: glyphs, right: visibleRange())
    drawOverview(into: &canvas, in: area, titleWidth: TextWidth.columns(of: title))
    // The formulas keep one line each (cut with a mark if they must be); the note wraps into
    // whatever rows are left.
    var y = area.y + 1
    for (index, (text, style)) in lines.enumerated() {
      // A formula too long for the line drops its symbolic middle (δ₄ = r₄ + γ·V(s₅) − V(s₄))
      // so the numbers and the result still show.
      var line = text
      if index < lines.count - 1, TextWidth.columns(of: line) > area.width - 2 {
        let parts = line.components(separatedBy: " = ")
        if parts.count >= 3 { line = ([parts[0]] + parts.dropFirst(2)).joined(separator: " = ") }
      }
      var wrapped =
        index == lines.count - 1
        ? WordWrap.lines(line, width: area.width - 2)
        : [TextWidth.fitted(line, width: area.width - 2, cut: glyphs.marks.cut)]
      let rows = max(area.maxY - y, 0)
      if wrapped.count > rows, rows > 0 {
        // More than fits: the last line shown ends in the cut mark, never mid-sentence silently.
        wrapped = Array(wrapped.prefix(rows))
        wrapped[rows - 1] = TextWidth.fitted(wrapped[rows - 1], width: area.width - 3, cut: "") + glyphs.marks.cut
      }
      for line in wrapped where y < area.maxY {
        canvas.put(" " + line, x: area.x, y: y, style: style, clip: area)
        y += 1
      }
    }
  }

  /// When the timeline scrolls, the whole rollout on the panel's rule, right of the title: |A| per
  /// stretch, the shown window in reverse video. Only when there is room for a useful strip.
  private func drawOverview(into canvas: inout Canvas, in area: Rect, titleWidth: Int) {
    guard viewport.scrolls, viewport.visible > 0 else { return }
    let range = visibleRange() ?? ""
    let width = min(area.width - titleWidth - TextWidth.columns(of: range) - 12, 60)
    guard width >= 12 else { return }
    let cells = Overview(glyphs: glyphs).cells(
      advantages: session.trace.advantage, computedFrom: session.stepCount - walkthrough.progress,
      window: viewport.first...viewport.last, width: width)
    var x = area.maxX - 4 - TextWidth.columns(of: range) - cells.count - 2
    for cell in cells {
      canvas.put(String(cell.glyph), x: x, y: area.y, style: cell.shown ? Theme.current : .plain, clip: area)
      x += 1
    }
  }

  /// "t 278–289 of 300" when the timeline scrolls.
  private func visibleRange() -> String? {
    guard viewport.scrolls, viewport.visible > 0 else { return nil }
    let dash = glyphs.symbols.dash
    return "t \(viewport.first)\(dash)\(viewport.last) of \(session.stepCount)"
  }
}
