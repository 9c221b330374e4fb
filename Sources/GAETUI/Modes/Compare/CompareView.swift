import GAECore

/// The three estimators' advantages, a row each, and their bars side by side in every column
/// (TD, GAE, MC from left to right), on the scenario's one scale; then the Δ row and the legend.
struct CompareView {
  let compare: Compare
  let session: Session
  let glyphs: Glyphs
  let viewport: TimelineViewport
  let layout: CompareLayout

  enum Row: Int, CaseIterable {
    case time, td, gae, mc, change
  }

  private var numbers: NumberText { NumberText(glyphs: glyphs) }

  func rowName(_ row: Row) -> String {
    switch row {
    case .time: return "t"
    case .td: return "TD"
    case .gae: return "GAE"
    case .mc: return "MC"
    case .change: return "\(glyphs.symbols.change)GAE"
    }
  }

  func render(into canvas: inout Canvas) {
    let area = layout.timeline
    let gutterEnd = viewport.originX
    for row in Row.allCases {
      let name = rowName(row)
      let y = area.y + row.rawValue
      canvas.put(name, x: gutterEnd - 2 - TextWidth.columns(of: name), y: y, style: Theme.title, clip: area)
      canvas.put(glyphs.border.vertical, x: gutterEnd - 1, y: y, style: Theme.rule, clip: area)
    }
    let barTop = area.y + Row.allCases.count
    for row in 0..<layout.barRows {
      canvas.put(glyphs.border.vertical, x: gutterEnd - 1, y: barTop + row, style: Theme.rule, clip: area)
    }
    if layout.barRows >= 2 {
      let top = numbers.compactSigned(session.barScale, sign: "+", width: 6)
      let bottom = numbers.compactSigned(session.barScale, sign: glyphs.symbols.minus, width: 6)
      for (text, y) in [(top, barTop), (bottom, barTop + layout.barRows - 1)] {
        canvas.put(text, x: gutterEnd - 2 - TextWidth.columns(of: text), y: y, style: .plain, clip: area)
      }
    }
    let (first, last) = (viewport.first, viewport.last)
    if last >= first {
      if first > 0 { canvas.put(glyphs.marks.moreLeft, x: area.x, y: area.y, style: Theme.key, clip: area) }
      if last < session.stepCount - 1 {
        canvas.put(
          glyphs.marks.moreRight, x: gutterEnd + viewport.visible * viewport.columnWidth, y: area.y, style: Theme.key,
          clip: area)
      }
      for t in first...last { drawColumn(t, into: &canvas, area: area) }
    }
    renderLegend(into: &canvas)
  }

  private func drawColumn(_ t: Int, into canvas: inout Canvas, area: Rect) {
    guard let x = viewport.x(of: t) else { return }
    let width = viewport.numberWidth
    let decimals = viewport.decimals
    func right(_ text: String, _ row: Row, _ style: Style) {
      canvas.putRight(
        text, x: x, y: area.y + row.rawValue, width: width, style: style, clip: area, cut: glyphs.marks.cut)
    }
    func signed(_ value: Double, _ row: Row) {
      let style = Theme.signed(Double(NumberText.shownSign(value, digits: decimals)))
      right(numbers.fitting(value, digits: decimals, width: width, signed: true), row, style)
    }
    right("\(t)", .time, Theme.title)
    let gae = session.trace.advantage[t]
    signed(compare.td[t], .td)
    signed(gae, .gae)
    signed(compare.monteCarlo[t], .mc)
    if let ghost = compare.ghost {
      signed(gae - ghost[t], .change)
    }
    // The episode's end, after the column: a wall, as on the walkthrough's timeline.
    let rollout = session.trace.rollout
    if rollout.isEpisodeBoundary(t) {
      let (glyph, style) =
        rollout.terminated[t]
        ? (glyphs.marks.terminatedWall, Theme.terminated) : (glyphs.marks.truncatedWall, Theme.truncated)
      for row in 0..<(Row.allCases.count + layout.barRows) {
        canvas.put(String(glyph), x: x + width, y: area.y + row, style: style, clip: area)
      }
    }
    guard layout.barRows >= 2 else { return }
    let up = layout.barRows / 2
    let bar = Bar(
      glyphs: glyphs, axis: area.y + Row.allCases.count + up, up: up, down: layout.barRows - up,
      scale: session.barScale, digits: decimals)
    // Three bars of one column each, TD, GAE, MC, right-aligned under the numbers. TD and MC
    // are plain, GAE in its sign's colour: the estimator in use stands out.
    let plainStyle = Style(bold: true)
    bar.draw(compare.td[t], x: x + width - 5, width: 1, style: plainStyle, into: &canvas, clip: area)
    bar.draw(gae, x: x + width - 3, width: 1, into: &canvas, clip: area)
    bar.draw(compare.monteCarlo[t], x: x + width - 1, width: 1, style: plainStyle, into: &canvas, clip: area)
  }

  /// The seed's table: what each estimator is, its bias and its variance, the current λ marked.
  private func renderLegend(into canvas: inout Canvas) {
    let area = layout.legend
    guard area.height > 0 else { return }
    let s = glyphs.symbols
    SectionRule.draw(
      "TD, GAE and Monte Carlo \(s.times) bars TD | GAE | MC in each column", into: &canvas, at: area.y, in: area,
      glyphs: glyphs)
    let lambda = NumberFormat.parameter(session.lambda)
    let rows: [(String, String, String, String, Bool)] = [
      ("estimator", "A_t", "bias", "variance", false),
      (
        "TD   \(s.lambda) = 0", "r_t + \(s.gamma)\(s.times)V(s_{t+1}) \(s.minus) V(s_t)", "biased if V is wrong", "low",
        session.lambda == 0
      ),
      (
        "GAE  \(s.lambda) = \(lambda)", "\(s.symbolSum)_k (\(s.gammaLambda))^k \(s.delta)_{t+k}", "in between",
        "in between", session.lambda > 0 && session.lambda < 1
      ),
      (
        "MC   \(s.lambda) = 1", "\(s.symbolSum)_k \(s.gamma)^k r_{t+k} \(s.minus) V(s_t)", "unbiased", "high",
        session.lambda == 1
      ),
    ]
    let widths = [
      rows.map { TextWidth.columns(of: $0.0) }.max()!, rows.map { TextWidth.columns(of: $0.1) }.max()!,
      rows.map { TextWidth.columns(of: $0.2) }.max()!,
    ]
    func pad(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(width - TextWidth.columns(of: text), 0))
    }
    // Bias and variance are the point of the table: when a line is short, the formula goes.
    let full = 2 + widths[0] + 2 + widths[1] + 2 + widths[2] + 2 + 8
    let withFormula = full <= area.width - 1
    for (index, row) in rows.enumerated() where index + 1 < area.height {
      // The current λ's row: marked by a sign and reverse video, not by colour alone.
      let mark = row.4 ? glyphs.marks.playing : " "
      let formula = withFormula ? "\(pad(row.1, widths[1]))  " : ""
      let text = "\(mark) \(pad(row.0, widths[0]))  \(formula)\(pad(row.2, widths[2]))  \(row.3)"
      let style = index == 0 ? Theme.title : (row.4 ? Theme.title.with(reverse: true) : .plain)
      canvas.put(
        TextWidth.fitted(text, width: area.width - 1, cut: glyphs.marks.cut), x: area.x + 1, y: area.y + 1 + index,
        style: style, clip: area)
    }
    guard area.height > 5 else { return }
    let change: String
    if let (gamma, lambda) = compare.ghostParameters {
      change =
        "\(s.change)GAE: what moved from \(s.gamma) \(NumberFormat.parameter(gamma)), \(s.lambda) "
        + "\(NumberFormat.parameter(lambda)) to \(s.gamma) \(NumberFormat.parameter(session.gamma)), "
        + "\(s.lambda) \(lambda == session.lambda ? NumberFormat.parameter(lambda) : NumberFormat.parameter(session.lambda))"
    } else {
      change =
        "Change \(s.gamma) or \(s.lambda) (\(glyphs.keys.up)\(glyphs.keys.down), Tab, 0, 1): the \(s.change)GAE row shows what moved."
    }
    canvas.put(
      " " + TextWidth.fitted(change, width: area.width - 2, cut: glyphs.marks.cut), x: area.x, y: area.y + 5,
      style: .plain, clip: area)
  }
}
