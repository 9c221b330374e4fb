import GAECore

/// The step panel's text: each formula with its numbers substituted, and why the step is what
/// it is. Every number on the screen can be traced back to one of these lines.
///
/// The formulas add up: the result printed is the arithmetic on the operands printed, rounded to
/// the result's digits. Inputs and earlier results are printed to `inputDigits` and
/// `resultDigits` decimals when that holds, and with as many more as it takes when it does not.
public struct Formula: Sendable {
  public let glyphs: Glyphs
  /// Decimals for inputs (r, V); results (δ, carry, A, return) get one more.
  public let inputDigits: Int
  public var resultDigits: Int { inputDigits + 1 }
  private let numbers: NumberText

  public init(glyphs: Glyphs, inputDigits: Int) {
    self.glyphs = glyphs
    self.inputDigits = inputDigits
    numbers = NumberText(glyphs: glyphs)
  }

  private func sub(_ t: Int) -> String { glyphs.subscripted(t) }

  /// One number in a formula: its value and the fewest decimals it is shown with. A parameter
  /// (γ, γλ) is shown exactly, its trailing zeros trimmed.
  struct Operand {
    let value: Double
    let minimum: Int
    var isParameter = false
  }

  /// The operands' texts and the result's, such that evaluating the shown operands and rounding
  /// to the result's digits prints the shown result.
  func substitute(_ operands: [Operand], result: Double, evaluate: ([Double]) -> Double) -> ([String], String) {
    let target = numbers.fixed(result, digits: resultDigits)
    func shown(_ operand: Operand, extra: Int) -> String {
      if operand.isParameter { return Self.exact(operand.value) }
      return Self.trimmed(NumberFormat.fixed(operand.value, digits: operand.minimum + extra), keeping: operand.minimum)
    }
    var extra = 0
    if result.isFinite && operands.allSatisfy({ $0.value.isFinite }) {
      while extra < 12 {
        let values = operands.map { Double(shown($0, extra: extra)) ?? $0.value }
        if numbers.fixed(evaluate(values), digits: resultDigits) == target { break }
        extra += 1
      }
    }
    let texts = operands.enumerated().map { index, operand -> String in
      guard operand.value.isFinite else {
        return index == 0 ? numbers.fixed(operand.value, digits: 0) : numbers.operand(operand.value, digits: 0)
      }
      var text = shown(operand, extra: extra)
      if text.hasPrefix("-") {
        text = glyphs.symbols.minus + text.dropFirst()
        if index > 0 { text = "(\(text))" }
      }
      return text
    }
    return (texts, target)
  }

  /// A parameter as typed: up to 8 decimals, at least 2, no trailing zeros (0.99, 0.9405).
  static func exact(_ value: Double) -> String {
    var digits = 2
    while digits < 8, Double(NumberFormat.fixed(value, digits: digits)) != value { digits += 1 }
    return trimmed(NumberFormat.fixed(value, digits: digits), keeping: 2)
  }

  /// Trailing zeros removed down to `keeping` decimals; a negative zero loses its sign.
  static func trimmed(_ text: String, keeping: Int) -> String {
    var text = text
    if let dot = text.firstIndex(of: ".") {
      while text.hasSuffix("0"), text.distance(from: dot, to: text.endIndex) - 1 > keeping { text.removeLast() }
    }
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
    return text
  }

  /// V(s_{t+1}) as this step used it: V(s₅), 0 after a termination, V(ŝ₉) for a final value.
  public func nextValueSymbol(_ step: GAETrace.Step) -> String {
    switch step.nextValueSource {
    case .nextValue: return "V(s\(sub(step.t + 1)))"
    case .terminal: return "0"
    case .finalValue: return "V(\(glyphs.symbols.finalState)\(sub(step.t + 1)))"
    }
  }

  /// δ₄ = r₄ + γ·V(s₅) − V(s₄) = −1.00 + 0.99·0.40 − 0.30 = −0.904
  public func delta(_ step: GAETrace.Step, gamma: Double) -> String {
    let t = step.t
    let s = glyphs.symbols
    let symbolic =
      "\(s.delta)\(sub(t)) = r\(sub(t)) + \(s.gamma)\(s.times)\(nextValueSymbol(step)) \(s.minus) V(s\(sub(t)))"
    let terminal = step.nextValueSource == .terminal
    let (texts, result) = substitute(
      [
        Operand(value: step.reward, minimum: inputDigits), Operand(value: gamma, minimum: 2, isParameter: true),
        Operand(value: terminal ? 0 : step.nextValue, minimum: inputDigits),
        Operand(value: step.value, minimum: inputDigits),
      ], result: step.delta
    ) { GAE.delta(reward: $0[0], gamma: $0[1], nextValue: $0[2], value: $0[3]) }
    let next = terminal ? "0" : texts[2]
    return "\(symbolic) = \(texts[0]) + \(texts[1])\(s.times)\(next) \(s.minus) \(texts[3]) = \(result)"
  }

  /// A₄ = δ₄ + γλ·A₅ = −0.904 + 0.9405·0.310 = −0.612, or A₄ = δ₄ + 0 = … at a boundary.
  public func advantage(_ step: GAETrace.Step, decay: Double) -> String {
    let t = step.t
    let s = glyphs.symbols
    let a = "A\(sub(t))"
    let d = "\(s.delta)\(sub(t))"
    guard let next = step.nextAdvantage else {
      // Nothing is carried: A is δ, the same number.
      let zero = step.boundary == .endOfRollout ? "" : " + 0"
      return "\(a) = \(d)\(zero) = \(numbers.fixed(step.advantage, digits: resultDigits))"
    }
    let (texts, result) = substitute(
      [
        Operand(value: step.delta, minimum: resultDigits), Operand(value: decay, minimum: 2, isParameter: true),
        Operand(value: next, minimum: resultDigits),
      ], result: step.advantage
    ) { $0[0] + $0[1] * $0[2] }
    return
      "\(a) = \(d) + \(s.gammaLambda)\(s.times)A\(sub(t + 1)) = \(texts[0]) + \(texts[1])\(s.times)\(texts[2]) = \(result)"
  }

  /// return₇ = A₇ + V(s₇) = 0.127 + 0.10 = 0.227: the λ-return, the critic's target.
  public func returnLine(_ step: GAETrace.Step) -> String {
    let t = step.t
    let (texts, result) = substitute(
      [Operand(value: step.advantage, minimum: resultDigits), Operand(value: step.value, minimum: inputDigits)],
      result: step.return
    ) { $0[0] + $0[1] }
    return "return\(sub(t)) = A\(sub(t)) + V(s\(sub(t))) = \(texts[0]) + \(texts[1]) = \(result)  (the critic's target)"
  }

  /// Why this step is what it is: a boundary's rule, or the λ-return the critic learns from.
  public func note(_ step: GAETrace.Step, trace: GAETrace) -> String {
    let t = step.t
    let s = glyphs.symbols
    let label = step.label.isEmpty ? "" : " (\(step.label))"
    let isLast = t == trace.count - 1
    // The carry: at the rollout's last step there is no A_{t+1} at all, in any episode.
    let carry = isLast ? "it is the rollout's last step, so there is nothing to carry." : "the carry resets."
    switch step.boundary {
    case .terminated:
      let why = isLast ? carry : "the carry resets: A\(sub(t + 1)) belongs to the next episode."
      return "t=\(t) terminated\(label): no next state, so \(s.gamma)\(s.times)V is 0; \(why)"
    case .truncated where step.nextValueSource == .finalValue:
      let reset = numbers.fixed(trace.rollout.values[t + 1], digits: inputDigits)
      let other = isLast ? "V(s\(sub(t + 1)))=\(reset)" : "V(s\(sub(t + 1)))=\(reset) of the next episode"
      return "t=\(t) truncated\(label): bootstrap from the state it was cut off in, not \(other); \(carry)"
    case .truncated:
      return "t=\(t) truncated\(label): it could have gone on, so it still bootstraps from V(s\(sub(t + 1))); \(carry)"
    case .endOfRollout:
      return "t=\(t) is the rollout's last step: bootstrap from V(s\(sub(t + 1))); nothing to carry yet."
    case .none:
      return returnLine(step)
    }
  }

  /// The panel's title: Step  8 of 12 · t = 4 · ■ terminated · goal. The step number is padded
  /// to the count's width, so the title does not shift as the pass goes on.
  public func title(_ step: GAETrace.Step, of count: Int) -> String {
    let pad = String(repeating: " ", count: max(String(count).count - String(step.step).count, 0))
    var parts = ["Step \(pad)\(step.step) of \(count)", "t = \(step.t)"]
    if step.boundary != .none { parts.append(BoundaryText.marked(step.boundary, glyphs: glyphs)) }
    if !step.label.isEmpty { parts.append(step.label) }
    return parts.joined(separator: " \(glyphs.symbols.times) ")
  }
}
