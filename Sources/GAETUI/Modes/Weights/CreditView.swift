import GAECore

/// The reverse of the weights: for the input at the cursor — the reward r_k or the value V(s_k)
/// — every advantage it moves and by how much, ∂A_t/∂r_k = (γλ)^{k−t} and
/// ∂A_t/∂V_k = γ(1−λ)(γλ)^{k−t−1} (−1 at t = k), with the steps nearest k shown. At λ = 1 a
/// value inside an episode moves only its own A: the critic's values cancel.
struct CreditView {
  let weights: Weights
  let session: Session
  let glyphs: Glyphs

  private var numbers: NumberText { NumberText(glyphs: glyphs) }

  func render(into canvas: inout Canvas, in area: Rect) {
    let k = weights.cursor
    let s = glyphs.symbols
    let ofValue = weights.view == .creditOfValue
    let input: Sensitivity.Input = ofValue ? .value(k) : .reward(k)
    let rows = 2
    let barRows = min(max(area.height - rows - 4, 2), 8) / 2 * 2
    let timeline = Rect(x: area.x, y: area.y, width: area.width, height: rows + barRows)
    // The steps nearest k, up to k: as many as fit.
    let probe = TimelineViewport(area: timeline, stepCount: k + 1, integerDigits: 1, first: 0)
    let derivatives = Sensitivity.derivatives(
      of: input, rollout: session.trace.rollout, gamma: session.gamma, lambda: session.lambda,
      limit: max(probe.visible, 1))
    let shownTimes = Array(derivatives.suffix(max(probe.visible, 1)))
    let columns = TimelineViewport(area: timeline, stepCount: shownTimes.count, integerDigits: 1, first: 0)
    let gutterEnd = columns.originX
    let symbol = ofValue ? "V\(glyphs.subscripted(k))" : "r\(glyphs.subscripted(k))"
    let partial = s.subscripts ? "∂" : "d"
    let names = ["t", "\(partial)A/\(partial)\(ofValue ? "V" : "r")"]
    for (index, name) in names.enumerated() {
      let fitted = TextWidth.fitted(name, width: 6, cut: glyphs.marks.cut)
      canvas.put(
        fitted, x: gutterEnd - 2 - TextWidth.columns(of: fitted), y: area.y + index, style: Theme.title, clip: area)
    }
    for y in area.y..<timeline.maxY {
      canvas.put(glyphs.border.vertical, x: gutterEnd - 1, y: y, style: Theme.rule, clip: area)
    }
    let width = columns.numberWidth
    let decimals = columns.decimals
    let up = barRows / 2
    let bar = Bar(
      glyphs: glyphs, axis: area.y + rows + up, up: up, down: barRows - up, scale: 1, digits: decimals)
    for (index, entry) in shownTimes.enumerated() {
      guard let x = columns.x(of: index) else { break }
      func right(_ text: String, _ y: Int, _ style: Style) {
        canvas.putRight(text, x: x, y: y, width: width, style: style, clip: area, cut: glyphs.marks.cut)
      }
      right("\(entry.t)", area.y, entry.t == k ? Theme.current : Theme.title)
      right(
        numbers.signed(entry.derivative, digits: decimals), area.y + 1,
        Theme.signed(Double(NumberText.shownSign(entry.derivative, digits: decimals))))
      bar.draw(entry.derivative, x: x + 1, width: max(width - 2, 1), into: &canvas, clip: timeline)
    }
    var lines: [String] = []
    let episodeStart = session.trace.rollout.episode(containing: k).lowerBound
    if ofValue {
      lines.append(
        k == episodeStart
          ? "∂A_t/∂V\(glyphs.subscripted(k)) = \(s.minus)1 at t = \(k), the first step of its episode"
          : "∂A_t/∂V\(glyphs.subscripted(k)) = \(s.gamma)(1\(s.minus)\(s.lambda))(\(s.gammaLambda))^(\(k)\(s.minus)t\(s.minus)1) for t < \(k) "
            + "in its episode, \(s.minus)1 at t = \(k)")
      lines.append(
        session.lambda == 1
          ? "\(s.lambda) = 1: the critic's values cancel; V\(glyphs.subscripted(k)) moves A\(glyphs.subscripted(k)) alone"
          : "at \(s.lambda) = 1 these would all be 0 but A\(glyphs.subscripted(k)): the critic's values cancel")
    } else {
      lines.append(
        "∂A_t/∂r\(glyphs.subscripted(k)) = (\(s.gammaLambda))^(\(k)\(s.minus)t): every earlier advantage of the episode hears r\(glyphs.subscripted(k))"
      )
    }
    let reached = derivatives.count
    // Complete when the episode's start (and, for a value, the step before it) is in view.
    let complete = k - episodeStart + 1 + (ofValue ? 1 : 0) <= max(probe.visible, 1)
    lines.append(
      complete
        ? "\(symbol) moves \(reached) advantage\(reached == 1 ? "" : "s")\(reached == 0 ? " (λ = 0 and γ = 0 hear nothing)" : "")"
        : "\(symbol) moves every advantage of its episode up to t = \(k); the nearest \(shownTimes.count) "
          + (shownTimes.count == 1 ? "is" : "are") + " shown")
    for (index, line) in lines.enumerated() where timeline.maxY + 1 + index < area.maxY {
      let text = s.subscripts ? line : line.replacingOccurrences(of: "∂", with: "d")
      canvas.put(
        " " + TextWidth.fitted(text, width: area.width - 2, cut: glyphs.marks.cut), x: area.x,
        y: timeline.maxY + 1 + index, style: index == 0 ? Theme.title : .plain, clip: area)
    }
  }
}
