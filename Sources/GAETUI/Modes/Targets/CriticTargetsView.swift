import GAECore

/// The targets table: one column per step, a row per target and per normalisation.
struct CriticTargetsView {
  let targets: CriticTargets
  let session: Session
  let glyphs: Glyphs
  let viewport: TimelineViewport

  private var numbers: NumberText { NumberText(glyphs: glyphs) }

  func render(into canvas: inout Canvas, in area: Rect) {
    let s = glyphs.symbols
    let trace = session.trace
    let rollout = trace.rollout
    let (first, last) = (viewport.first, viewport.last)
    guard last >= first else { return }
    // The rollout-wide numbers come from the mode (computed once per γ and λ); minibatches are
    // normalised here, only those that hold the visible steps.
    let size = targets.minibatchSize
    let batchStart = first / size * size
    let batchEnd = min((last / size + 1) * size, rollout.count)
    let batches = GAECore.Targets.normalized(Array(trace.advantage[batchStart..<batchEnd]), minibatch: size)
    let (mean, rolloutDeviation) = (targets.advantageMean, targets.advantageDeviation)
    let rows: [(String, (Int) -> Double)] = [
      ("t", { Double($0) }),
      ("A", { trace.advantage[$0] }),
      ("A+V", { trace.returns[$0] }),
      ("G", { targets.rewardToGo[$0] }),
      ("TD(0)", { rollout.rewards[$0] + session.gamma * rollout.nextValue(at: $0).value }),
      ("norm", { (trace.advantage[$0] - mean) / (rolloutDeviation + 1e-8) }),
      ("mb \(size)", { batches[$0 - batchStart] }),
    ]
    let gutterEnd = viewport.originX
    for (index, row) in rows.enumerated() where index < area.height {
      let name = TextWidth.fitted(row.0, width: 6, cut: glyphs.marks.cut)
      canvas.put(
        name, x: gutterEnd - 2 - TextWidth.columns(of: name), y: area.y + index, style: Theme.title, clip: area)
      canvas.put(glyphs.border.vertical, x: gutterEnd - 1, y: area.y + index, style: Theme.rule, clip: area)
    }
    let width = viewport.numberWidth
    let decimals = viewport.decimals
    for t in first...last {
      guard let x = viewport.x(of: t) else { continue }
      func right(_ text: String, _ row: Int, _ style: Style) {
        guard row < area.height else { return }
        canvas.putRight(text, x: x, y: area.y + row, width: width, style: style, clip: area, cut: glyphs.marks.cut)
      }
      right("\(t)", 0, Theme.title)
      let advantage = trace.advantage[t]
      for (index, row) in rows.enumerated().dropFirst() {
        let value = row.1(t)
        // A flip: the normalised value's sign against A's own (even an A too small to print).
        let flipped =
          index >= 5 && value.isFinite && value != 0 && advantage != 0 && (value > 0) != (advantage > 0)
        let style = Theme.signed(Double(NumberText.shownSign(value, digits: decimals)))
        right(
          numbers.fitting(value, digits: decimals, width: width, signed: true), index,
          flipped ? style.with(reverse: true) : style)
        // Marked by a sign as well as by reverse video, in the gap after the number — unless an
        // episode's wall stands there.
        if flipped, index < area.height, !rollout.isEpisodeBoundary(t) {
          canvas.put("*", x: x + width, y: area.y + index, style: Theme.title, clip: area)
        }
      }
      if rollout.isEpisodeBoundary(t) {
        let (glyph, style) =
          rollout.terminated[t]
          ? (glyphs.marks.terminatedWall, Theme.terminated) : (glyphs.marks.truncatedWall, Theme.truncated)
        for row in 0..<min(rows.count, area.height) {
          canvas.put(String(glyph), x: x + width, y: area.y + row, style: style, clip: area)
        }
      }
    }
    if first > 0 { canvas.put(glyphs.marks.moreLeft, x: area.x, y: area.y, style: Theme.key, clip: area) }
    if last < rollout.count - 1 {
      canvas.put(
        glyphs.marks.moreRight, x: gutterEnd + viewport.visible * viewport.columnWidth, y: area.y, style: Theme.key,
        clip: area)
    }
    // The smallest deviation among the rollout and the minibatches shown.
    var deviation = rolloutDeviation
    if size > 1 {
      for start in stride(from: batchStart, to: batchEnd, by: size) {
        let batch = trace.advantage[start..<min(start + size, rollout.count)]
        if batch.count > 1 { deviation = min(deviation, CriticTargets.meanAndDeviation(batch).deviation) }
      }
    }
    var notes = [
      "A+V: the \(s.lambda)-return (PPO's value target); G: reward-to-go; TD(0): r + \(s.gamma)V(s\(s.prime))",
      "norm: (A \(s.minus) mean)/(std + 1e-8) over the rollout; mb \(size): per minibatch (< >)",
      "* (and reverse video): the normalisation flipped A's sign",
    ]
    if size == 1 { notes.append("A minibatch of one has no deviation (n \(s.minus) 1 = 0): NaN, as in PPO") }
    if deviation < 1e-6 {
      notes.append("a std near 0 here: the 1e-8 in the denominator is not negligible")
    }
    let top = area.y + rows.count + 1
    for (index, note) in notes.enumerated() where top + index < area.maxY {
      canvas.put(
        " " + TextWidth.fitted(note, width: area.width - 2, cut: glyphs.marks.cut), x: area.x, y: top + index,
        style: .plain, clip: area)
    }
  }
}

extension CriticTargets {
  public func render(session: Session, glyphs: Glyphs, into canvas: inout Canvas, in area: Rect) {
    CriticTargetsView(targets: self, session: session, glyphs: glyphs, viewport: viewport(session: session, area: area))
      .render(into: &canvas, in: area)
  }
}
