import GAECore

/// The rollout, one column per time step: t, label, r, V(s), V(s′), δ, carry, A, then A as a
/// signed bar against the scenario's fixed scale. Steps the backward pass has not reached show
/// a pending mark; the step being computed is highlighted and A_{t+1}, which feeds it,
/// underlined; episode boundaries are walls (┃ terminated, ┆ truncated) and the carry from
/// A_{t+1} is an arrow (◀).
struct TimelineView {
  let walkthrough: Walkthrough
  let session: Session
  let glyphs: Glyphs
  let viewport: TimelineViewport
  let barRows: Int

  enum Row: Int, CaseIterable {
    case time, label, reward, value, nextValue, delta, carry, advantage
  }

  private var numbers: NumberText { NumberText(glyphs: glyphs) }

  func rowName(_ row: Row) -> String {
    switch row {
    case .time: return "t"
    case .label: return ""
    case .reward: return "r"
    case .value: return "V(s)"
    case .nextValue: return "V(s\(glyphs.symbols.prime))"
    case .delta: return glyphs.symbols.delta
    case .carry: return "carry"
    case .advantage: return "A"
    }
  }

  func render(into canvas: inout Canvas, in area: Rect) {
    let gutterEnd = viewport.originX
    for row in Row.allCases {
      let y = area.y + row.rawValue
      let name = rowName(row)
      canvas.put(name, x: gutterEnd - 2 - TextWidth.columns(of: name), y: y, style: Theme.title, clip: area)
      canvas.put(glyphs.border.vertical, x: gutterEnd - 1, y: y, style: Theme.rule, clip: area)
    }
    for row in 0..<barRows {
      canvas.put(
        glyphs.border.vertical, x: gutterEnd - 1, y: area.y + Row.allCases.count + row, style: Theme.rule, clip: area)
    }
    drawAxisLabels(into: &canvas, area: area)
    let (first, last) = (viewport.first, viewport.last)
    guard last >= first else { return }

    // More steps to either side: arrows on the t row (the step panel's rule gives the range).
    if first > 0 { canvas.put(glyphs.marks.moreLeft, x: area.x, y: area.y, style: Theme.key, clip: area) }
    if last < session.stepCount - 1 {
      let x = gutterEnd + viewport.visible * viewport.columnWidth
      canvas.put(glyphs.marks.moreRight, x: x, y: area.y, style: Theme.key, clip: area)
    }
    let current = walkthrough.currentTime
    for t in first...last {
      guard let x = viewport.x(of: t) else { continue }
      let cell = Rect(x: x, y: area.y, width: viewport.numberWidth, height: area.height).intersection(area)
      drawColumn(t: t, x: x, area: cell, canvas: &canvas)
      if t == current {
        canvas.restyle(Rect(x: x, y: area.y, width: viewport.numberWidth, height: Row.allCases.count)) { style in
          style = Theme.current
        }
      }
      drawSeparator(after: t, x: x + viewport.numberWidth, area: area, canvas: &canvas)
    }
    // The number that feeds the current step's formula, underlined: A_{t+1} in the next column.
    if let t = current, !session.trace.rollout.isEpisodeBoundary(t), let x = viewport.x(of: t + 1) {
      canvas.restyle(Rect(x: x, y: area.y + Row.advantage.rawValue, width: viewport.numberWidth, height: 1)) { style in
        style.underline = true
        style.bold = true
      }
    }
  }

  /// The bar scale, labelled: a full bar up reaches +s at the top row, a full bar down −s at
  /// the bottom row; the axis runs between the two halves.
  private func drawAxisLabels(into canvas: inout Canvas, area: Rect) {
    guard barRows >= 2 else { return }
    let top = area.y + Row.allCases.count
    let right = viewport.originX - 2
    func label(_ text: String, _ y: Int) {
      canvas.put(text, x: right - TextWidth.columns(of: text), y: y, style: .plain, clip: area)
    }
    // The gutter holds 6 columns: the sign always shows.
    label(numbers.compactSigned(session.barScale, sign: "+", width: 6), top)
    label(numbers.compactSigned(session.barScale, sign: glyphs.symbols.minus, width: 6), top + barRows - 1)
  }

  private func drawColumn(t: Int, x: Int, area: Rect, canvas: inout Canvas) {
    let trace = session.trace
    let rollout = trace.rollout
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
    func plain(_ value: Double, _ row: Row, _ style: Style) {
      right(numbers.fitting(value, digits: decimals, width: width, signed: false), row, style)
    }
    right("\(t)", .time, Theme.title)

    // The label row: boundaries get their mark (shape, not only colour), other labels plain.
    let label = rollout.label(at: t)
    let boundary = rollout.boundary(at: t)
    if let (mark, style) = BoundaryText.mark(boundary, glyphs: glyphs) {
      right(mark + (label.isEmpty ? BoundaryText.short(boundary) : label), .label, style)
    } else if !label.isEmpty {
      right(label, .label, .plain)
    }
    plain(rollout.rewards[t], .reward, .plain)
    plain(rollout.values[t], .value, .plain)

    guard walkthrough.isComputed(t) else {
      for row in [Row.nextValue, .delta, .carry, .advantage] { right(glyphs.marks.pending, row, Theme.pending) }
      return
    }
    let nextStyle: Style
    switch rollout.nextValue(at: t).source {
    case .terminal: nextStyle = Theme.terminated
    case .finalValue: nextStyle = Theme.truncated
    case .nextValue: nextStyle = .plain
    }
    plain(trace.nextValue[t], .nextValue, nextStyle)
    signed(trace.delta[t], .delta)
    if rollout.isEpisodeBoundary(t) {
      // The carry is not computed here: the rule sets it to 0. Say so.
      right(String("reset".prefix(width)), .carry, BoundaryText.style(boundary))
    } else {
      signed(trace.carry[t], .carry)
    }
    signed(trace.advantage[t], .advantage)
    drawBar(trace.advantage[t], x: x, width: width, area: area, canvas: &canvas)
  }

  /// A as a bar against the scenario's fixed scale (see `Bar`).
  private func drawBar(_ value: Double, x: Int, width: Int, area: Rect, canvas: inout Canvas) {
    guard barRows >= 2 else { return }
    let up = barRows / 2
    let bar = Bar(
      glyphs: glyphs, axis: area.y + Row.allCases.count + up, up: up, down: barRows - up, scale: session.barScale,
      digits: viewport.decimals)
    let barWidth = max(width - 2, 1)
    bar.draw(value, x: x + (width - barWidth), width: barWidth, into: &canvas, clip: area)
  }

  /// The one-column gap to the right of step t: a wall at an episode boundary, the carry arrow
  /// on the A row where A_{t+1} flows into a computed A_t.
  private func drawSeparator(after t: Int, x: Int, area: Rect, canvas: inout Canvas) {
    let rollout = session.trace.rollout
    let wall: (Character, Style)? =
      rollout.terminated[t]
      ? (glyphs.marks.terminatedWall, Theme.terminated)
      : rollout.truncated[t] ? (glyphs.marks.truncatedWall, Theme.truncated) : nil
    if let (glyph, style) = wall {
      for row in 0..<(Row.allCases.count + barRows) {
        canvas.put(String(glyph), x: x, y: area.y + row, style: style, clip: area)
      }
      return
    }
    guard t + 1 < session.stepCount, walkthrough.isComputed(t) else { return }
    let isCurrent = walkthrough.currentTime == t
    canvas.put(
      isCurrent ? glyphs.marks.carryArrow : glyphs.marks.carryTrail, x: x, y: area.y + Row.advantage.rawValue,
      style: isCurrent ? Theme.carry : .plain, clip: area)
  }
}
