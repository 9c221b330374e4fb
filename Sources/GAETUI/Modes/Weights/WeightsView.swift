import Foundation
import GAECore

/// The weights view: for the cursor's t, one column per later step of its episode (k = 0, 1, …):
/// δ, the weight (γλ)^k, the contribution; the weights as bars; the half, 1/e and horizon marks;
/// the sum; then the forward view, the n-step advantages under the same columns (n = k + 1).
struct WeightsView {
  let weights: Weights
  let session: Session
  let glyphs: Glyphs

  enum Row: Int, CaseIterable {
    case time, k, delta, weight, contribution
  }

  private var numbers: NumberText { NumberText(glyphs: glyphs) }

  func rowName(_ row: Row) -> String {
    let s = glyphs.symbols
    switch row {
    case .time: return "t"
    case .k: return "k"
    case .delta: return s.delta
    case .weight: return s.subscripts ? "(\(s.gammaLambda))ᵏ" : "w"
    case .contribution: return s.subscripts ? "w·\(s.delta)" : "w*d"
    }
  }

  func render(into canvas: inout Canvas, in area: Rect) {
    let t = weights.cursor
    let s = glyphs.symbols
    let forwardRows = 5
    let barRows = min(max(area.height - Row.allCases.count - 3 - forwardRows, 0), 6)
    let timeline = Rect(x: area.x, y: area.y, width: area.width, height: Row.allCases.count + barRows + 3)
    let forward = Rect(x: area.x, y: timeline.maxY, width: area.width, height: area.maxY - timeline.maxY)
    let columns = TimelineViewport(
      area: timeline, stepCount: session.trace.rollout.episode(containing: t).upperBound - t,
      integerDigits: session.integerDigits, first: 0)
    // Only the visible terms are computed: a million-step episode costs a screenful.
    let explanation = Explanation(trace: session.trace, t: t, limit: max(columns.visible, 1))
    let gutterEnd = columns.originX
    for row in Row.allCases {
      let name = rowName(row)
      canvas.put(
        name, x: gutterEnd - 2 - TextWidth.columns(of: name), y: area.y + row.rawValue, style: Theme.title, clip: area)
    }
    for y in area.y..<(timeline.maxY - 2) {
      canvas.put(glyphs.border.vertical, x: gutterEnd - 1, y: y, style: Theme.rule, clip: area)
    }
    if barRows >= 1 {
      canvas.put("1", x: gutterEnd - 3, y: area.y + Row.allCases.count, style: .plain, clip: area)
    }
    let width = columns.numberWidth
    let decimals = columns.decimals
    for (k, term) in explanation.terms.enumerated() {
      guard let x = columns.x(of: k) else { break }
      func right(_ text: String, _ y: Int, _ style: Style) {
        canvas.putRight(text, x: x, y: y, width: width, style: style, clip: area, cut: glyphs.marks.cut)
      }
      func signed(_ value: Double, _ row: Row) {
        right(
          numbers.fitting(value, digits: decimals, width: width, signed: true), area.y + row.rawValue,
          Theme.signed(Double(NumberText.shownSign(value, digits: decimals))))
      }
      right("\(term.t)", area.y + Row.time.rawValue, k == 0 ? Theme.current : Theme.title)
      right("\(k)", area.y + Row.k.rawValue, .plain)
      signed(term.delta, .delta)
      right(numbers.fixed(term.weight, digits: decimals), area.y + Row.weight.rawValue, .plain)
      signed(term.contribution, .contribution)
      if barRows > 0 {
        let bar = Bar(
          glyphs: glyphs, axis: area.y + Row.allCases.count + barRows, up: barRows, down: 0, scale: 1, digits: decimals)
        bar.draw(term.weight, x: x + 1, width: max(width - 2, 1), style: Theme.carry, into: &canvas, clip: timeline)
      }
    }
    drawMarks(columns: columns, y: area.y + Row.allCases.count + barRows, area: area, canvas: &canvas)
    let shown = explanation.terms.count
    let sum = explanation.sumOfTerms
    let complete = shown == explanation.remaining
    let episodeEnd = t + explanation.remaining - 1
    let how = session.trace.rollout.boundary(at: episodeEnd)
    let mark = BoundaryText.mark(how, glyphs: glyphs).map { " " + $0.0 } ?? ""
    let ending = how == .none || how == .endOfRollout ? "to the rollout's end" : "to the episode's end\(mark)"
    let sumLine =
      complete
      ? "A\(glyphs.subscripted(t)) = \(s.symbolSum)_k (\(s.gammaLambda))^k \(s.delta)_(\(t)+k) = "
        + "\(numbers.fixed(sum, digits: decimals + 1)): \(shown) term\(shown == 1 ? "" : "s"), \(ending) (t = \(episodeEnd))"
      : "the first \(shown) of \(explanation.remaining) terms sum to \(numbers.fixed(sum, digits: decimals + 1)); "
        + "all of them to A\(glyphs.subscripted(t)) = \(numbers.fixed(explanation.advantage, digits: decimals + 1))"
    canvas.put(
      " " + TextWidth.fitted(sumLine, width: area.width - 2, cut: glyphs.marks.cut), x: area.x,
      y: area.y + Row.allCases.count + barRows + 2, style: Theme.title, clip: area)
    renderForward(explanation, columns: columns, into: &canvas, in: forward)
  }

  /// ½ under the column where the weight has fallen to a half, e where to 1/e, H at the horizon
  /// 1/(1−γλ); the numbers on the line below.
  private func drawMarks(columns: TimelineViewport, y: Int, area: Rect, canvas: inout Canvas) {
    let s = glyphs.symbols
    let decay = session.trace.decay
    let name = "marks"
    canvas.put(name, x: columns.originX - 2 - TextWidth.columns(of: name), y: y, style: Theme.title, clip: area)
    canvas.put(glyphs.border.vertical, x: columns.originX - 1, y: y, style: Theme.rule, clip: area)
    let caption: String
    if decay > 0 && decay < 1 {
      let half = log(0.5) / log(decay)
      let e = -1 / log(decay)
      let horizon = 1 / (1 - decay)
      var labels: [Int: String] = [:]
      for (value, label) in [(half, s.subscripts ? "½" : "h"), (e, "e"), (horizon, "H")] where value.isFinite {
        labels[Int(value.rounded()), default: ""] += label
      }
      for (k, label) in labels {
        guard let x = columns.x(of: k) else { continue }
        canvas.put(label, x: x + columns.numberWidth - TextWidth.columns(of: label), y: y, style: Theme.key, clip: area)
      }
      func one(_ value: Double) -> String { NumberFormat.fixed(value, digits: 1) }
      caption =
        "\(s.subscripts ? "½" : "h") half-life k = \(one(half))   e: weight 1/e at k = \(one(e))   "
        + "H: horizon 1/(1\(s.minus)\(s.gammaLambda)) = \(one(horizon))"
    } else if decay >= 1 {
      caption = "\(s.gammaLambda) = 1: every later \(s.delta) of the episode counts fully (horizon \(s.infinity))"
    } else {
      caption = "\(s.gammaLambda) = 0: A_t is \(s.delta)_t alone"
    }
    canvas.put(
      " " + TextWidth.fitted(caption, width: area.width - 2, cut: glyphs.marks.cut), x: area.x, y: y + 1,
      style: .plain, clip: area)
  }

  private func renderForward(
    _ explanation: Explanation, columns: TimelineViewport, into canvas: inout Canvas, in area: Rect
  ) {
    guard area.height >= 2 else { return }
    let s = glyphs.symbols
    SectionRule.draw(
      "The forward view: n-step advantages, weighted", into: &canvas, at: area.y, in: area, glyphs: glyphs)
    let names = ["n", s.subscripts ? "Â⁽ⁿ⁾" : "A(n)", s.subscripts ? "wₙ" : "w_n"]
    let gutterEnd = columns.originX
    for (index, name) in names.enumerated() where index + 1 < area.height {
      canvas.put(
        name, x: gutterEnd - 2 - TextWidth.columns(of: name), y: area.y + 1 + index, style: Theme.title, clip: area)
      canvas.put(glyphs.border.vertical, x: gutterEnd - 1, y: area.y + 1 + index, style: Theme.rule, clip: area)
    }
    let width = columns.numberWidth
    let decimals = columns.decimals
    for (k, step) in explanation.nStep.enumerated() {
      guard let x = columns.x(of: k) else { break }
      let cells = [
        ("\(step.n)", Style.plain),
        (
          numbers.fitting(step.advantage, digits: decimals, width: width, signed: true),
          Theme.signed(Double(NumberText.shownSign(step.advantage, digits: decimals)))
        ),
        (numbers.fixed(step.weight, digits: decimals), Style.plain),
      ]
      for (index, (text, style)) in cells.enumerated() where index + 1 < area.height {
        canvas.putRight(
          text, x: x, y: area.y + 1 + index, width: width, style: style, clip: area, cut: glyphs.marks.cut)
      }
    }
    guard area.height >= 5 else { return }
    let complete = explanation.nStep.count == explanation.remaining
    let forwardSum = explanation.weightedNStep
    let agrees =
      forwardSum.isFinite && explanation.advantage.isFinite
      && abs(forwardSum - explanation.advantage) <= 1e-9 * max(1, abs(explanation.advantage))
    let a = "A\(glyphs.subscripted(explanation.t))"
    let line: String
    if !complete {
      line =
        "showing n = 1\(s.dash)\(explanation.nStep.count) of \(explanation.remaining); the weighted sum of all is \(a) = "
        + numbers.fixed(explanation.advantage, digits: decimals + 1)
    } else if agrees {
      line =
        "\(s.symbolSum) wₙ\(s.times)Â⁽ⁿ⁾ = \(numbers.fixed(forwardSum, digits: decimals + 1)) = \(a): the same number, reached forward"
    } else {
      // Overflowed numbers: the two orders of summing need not meet, and the screen says so.
      line =
        "\(s.symbolSum) wₙ\(s.times)Â⁽ⁿ⁾ = \(numbers.fixed(forwardSum, digits: decimals + 1)), but \(a) = "
        + "\(numbers.fixed(explanation.advantage, digits: decimals + 1)): the numbers overflowed"
    }

    let text =
      s.subscripts
      ? line : line.replacingOccurrences(of: "wₙ", with: "w_n").replacingOccurrences(of: "Â⁽ⁿ⁾", with: "A(n)")
    canvas.put(
      " " + TextWidth.fitted(text, width: area.width - 2, cut: glyphs.marks.cut), x: area.x, y: area.y + 4,
      style: Theme.title, clip: area)
  }
}
