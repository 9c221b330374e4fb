import GAECore

/// The rollout, one column per time step: t, label, r, V(s), V(s′), δ, carry, A, then A as a
/// signed bar. Steps the backward pass has not reached are left blank; the step being computed
/// is highlighted and the numbers that feed it are underlined; episode boundaries are walls
/// (┃ terminated, ┆ truncated) and the carry from A_{t+1} is an arrow (◀).
struct TimelineView {
  let state: AppState
  let glyphs: Glyphs
  let barRows: Int

  enum Row: Int, CaseIterable {
    case time, label, reward, value, nextValue, delta, carry, advantage
  }

  func rowName(_ row: Row) -> String {
    switch row {
    case .time: return "t"
    case .label: return ""
    case .reward: return "r"
    case .value: return "V(s)"
    case .nextValue: return "V(s\(glyphs.prime))"
    case .delta: return glyphs.delta
    case .carry: return "carry"
    case .advantage: return "A"
    }
  }

  func render(into canvas: inout Canvas, in area: Rect) {
    let columns = Layout.columns(for: state)
    let trace = state.trace
    let first = state.firstVisibleTime
    let last = min(first + columns.visible, state.stepCount) - 1
    let current = state.currentTime
    let gutterEnd = area.x + Layout.gutter

    for row in Row.allCases {
      let y = area.y + row.rawValue
      let name = rowName(row)
      canvas.put(name, x: gutterEnd - 2 - TextWidth.columns(of: name), y: y, style: Theme.title, clip: area)
      canvas.put(glyphs.vertical, x: gutterEnd - 1, y: y, style: Theme.rule, clip: area)
    }
    for row in 0..<barRows {
      canvas.put(glyphs.vertical, x: gutterEnd - 1, y: area.y + Row.allCases.count + row, style: Theme.rule, clip: area)
    }
    if barRows > 0 {
      let axis = area.y + Row.allCases.count + barRows / 2
      canvas.put("0", x: gutterEnd - 3, y: axis - (barRows % 2 == 0 ? 1 : 0), style: Theme.dim, clip: area)
    }
    guard last >= first else { return }

    // More steps to either side: arrows on the t row (the step panel's rule gives the range).
    if first > 0 { canvas.put(glyphs.moreLeft, x: area.x, y: area.y, style: Theme.key, clip: area) }
    if last < state.stepCount - 1 {
      let x = gutterEnd + columns.visible * columns.columnWidth
      canvas.put(glyphs.moreRight, x: x, y: area.y, style: Theme.key, clip: area)
    }

    for t in first...last {
      let x = gutterEnd + (t - first) * columns.columnWidth
      let cell = Rect(x: x, y: area.y, width: columns.numberWidth, height: area.height).intersection(area)
      drawColumn(t: t, x: x, columns: columns, area: cell, canvas: &canvas)
      if t == current {
        canvas.restyle(Rect(x: x, y: area.y, width: columns.numberWidth, height: Row.allCases.count)) { style in
          style = Theme.current
        }
      }
      drawSeparator(after: t, x: x + columns.numberWidth, area: area, canvas: &canvas)
    }
    // The numbers that feed the current step's formulas, underlined: A_{t+1} in the next column.
    if let t = current, let step = Optional(trace.record(at: t)), step.nextAdvantage != nil, t + 1 <= last {
      let x = gutterEnd + (t + 1 - first) * columns.columnWidth
      canvas.restyle(Rect(x: x, y: area.y + Row.advantage.rawValue, width: columns.numberWidth, height: 1)) { style in
        style.underline = true
        style.bold = true
      }
    }
  }

  private func number(_ value: Double, decimals: Int, signed: Bool) -> String {
    signed ? NumberFormat.signed(value, digits: decimals) : NumberFormat.fixed(value, digits: decimals)
  }

  private func drawColumn(t: Int, x: Int, columns: Layout.Columns, area: Rect, canvas: inout Canvas) {
    let trace = state.trace
    let rollout = trace.rollout
    let computed = state.isComputed(t)
    let width = columns.numberWidth
    func right(_ text: String, _ row: Row, _ style: Style) {
      let clipped = TextWidth.fitted(text, width: width, cut: glyphs.cut)
      canvas.put(
        clipped, x: x + width - TextWidth.columns(of: clipped), y: area.y + row.rawValue, style: style, clip: area)
    }
    right("\(t)", .time, Theme.title)

    // The label row: boundaries get their mark (shape, not only colour), other labels plain.
    let label = rollout.label(at: t)
    switch rollout.boundary(at: t) {
    case .terminated:
      right(glyphs.terminatedMark + (label.isEmpty ? "term" : label), .label, Theme.terminated)
    case .truncated:
      right(glyphs.truncatedMark + (label.isEmpty ? "trunc" : label), .label, Theme.truncated)
    default:
      if !label.isEmpty { right(label, .label, Theme.dim) }
    }
    right(number(rollout.rewards[t], decimals: columns.decimals, signed: false), .reward, .plain)
    right(number(rollout.values[t], decimals: columns.decimals, signed: false), .value, .plain)

    guard computed else {
      for row in [Row.nextValue, .delta, .carry, .advantage] { right(glyphs.pending, row, Theme.dim) }
      return
    }
    let nextStyle: Style
    switch rollout.nextValue(at: t).source {
    case .terminal: nextStyle = Theme.terminated
    case .finalValue: nextStyle = Theme.truncated
    case .nextValue: nextStyle = .plain
    }
    right(number(trace.nextValue[t], decimals: columns.decimals, signed: false), .nextValue, nextStyle)
    right(number(trace.delta[t], decimals: columns.decimals, signed: true), .delta, Theme.signed(trace.delta[t]))
    if rollout.isEpisodeBoundary(t) {
      // The carry is not computed here: the rule sets it to 0. Say so.
      right(String("reset".prefix(width)), .carry, rollout.terminated[t] ? Theme.terminated : Theme.truncated)
    } else {
      right(
        number(trace.carry[t], decimals: columns.decimals, signed: true), .carry,
        trace.carry[t] == 0 ? Theme.dim : .plain)
    }
    right(
      number(trace.advantage[t], decimals: columns.decimals, signed: true), .advantage, Theme.signed(trace.advantage[t])
    )
    drawBar(trace.advantage[t], x: x, width: width, area: area, canvas: &canvas)
  }

  /// A as a bar from the axis: up for positive, down for negative, in half-cell steps; a hairline
  /// when it is too small for half a cell, so a non-zero A never looks like nothing.
  private func drawBar(_ value: Double, x: Int, width: Int, area: Rect, canvas: inout Canvas) {
    guard barRows >= 2, value != 0 else { return }
    let up = barRows / 2
    let down = barRows - up
    let top = area.y + Row.allCases.count
    let axis = top + up  // first row below the axis
    let rows = value > 0 ? up : down
    let halves = Int((abs(value) / state.advantageScale * Double(rows * 2)).rounded())
    let style = Theme.signed(value)
    let barWidth = max(width - 2, 1)
    let barX = x + (width - barWidth)
    func put(_ glyph: Character, row: Int) {
      canvas.put(String(repeating: glyph, count: barWidth), x: barX, y: row, style: style, clip: area)
    }
    if halves == 0 {
      put(value > 0 ? glyphs.barHairUp : glyphs.barHairDown, row: value > 0 ? axis - 1 : axis)
      return
    }
    for index in 0..<((halves + 1) / 2) {
      let isHalf = index == halves / 2 && halves % 2 == 1
      if value > 0 {
        put(isHalf ? glyphs.barHalfUp : glyphs.barFull, row: axis - 1 - index)
      } else {
        put(isHalf ? glyphs.barHalfDown : glyphs.barFull, row: axis + index)
      }
    }
  }

  /// The one-column gap to the right of step t: a wall at an episode boundary, the carry arrow
  /// on the A row where A_{t+1} flows into a computed A_t.
  private func drawSeparator(after t: Int, x: Int, area: Rect, canvas: inout Canvas) {
    let rollout = state.trace.rollout
    let wall: (Character, Style)? =
      rollout.terminated[t]
      ? (glyphs.terminatedWall, Theme.terminated)
      : rollout.truncated[t] ? (glyphs.truncatedWall, Theme.truncated) : nil
    if let (glyph, style) = wall {
      for row in 0..<(Row.allCases.count + barRows) {
        canvas.put(String(glyph), x: x, y: area.y + row, style: style, clip: area)
      }
      return
    }
    guard t + 1 < state.stepCount, state.isComputed(t) else { return }
    let isCurrent = state.currentTime == t
    canvas.put(
      isCurrent ? glyphs.carryArrow : glyphs.carryTrail, x: x, y: area.y + Row.advantage.rawValue,
      style: isCurrent ? Theme.carry : Theme.dim, clip: area)
  }
}
