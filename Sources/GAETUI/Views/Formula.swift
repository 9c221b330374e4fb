import Foundation
import GAECore

/// The step panel's text: each formula with its numbers substituted, and why the step is what
/// it is. Every number on the screen can be traced back to one of these lines.
///
/// The formulas add up, exactly: for every line, the arithmetic on the operands as printed, done
/// in decimal as a student would, lies strictly inside the rounding interval of the result as
/// printed (so even a tie like 0.0445 is never printed as 0.044). The lines feed each other —
/// δ into A, A into the return — so each number is printed with one more decimal than the
/// result it feeds, and the same in every line that shows it; trailing zeros are trimmed, so
/// numbers that are short (0.50, −0.904) stay short.
public struct Formula: Sendable {
  public let glyphs: Glyphs
  /// Decimals for inputs (r, V) at the least; results (δ, carry, A, return) get one more.
  public let inputDigits: Int
  public var resultDigits: Int { inputDigits + 1 }
  private let numbers: NumberText

  public init(glyphs: Glyphs, inputDigits: Int) {
    self.glyphs = glyphs
    self.inputDigits = inputDigits
    numbers = NumberText(glyphs: glyphs)
  }

  private func sub(_ t: Int) -> String { glyphs.subscripted(t) }

  /// What a number is in the panel, which decides its decimals: the return (printed to
  /// `resultDigits`), A (one more, as it feeds the return), δ and A_{t+1} (two more, as they feed
  /// A), the inputs (three more, as they feed δ) and the parameters γ and γλ (exact).
  enum Role {
    case returnValue, advantage, delta, nextAdvantage, input, parameter
  }

  /// The decimals of a role at precision `extra`, and the fewest it is trimmed to.
  func digits(_ role: Role, extra: Int) -> (digits: Int, keeping: Int) {
    let base = resultDigits + extra
    switch role {
    case .returnValue: return (base, resultDigits)
    case .advantage: return (base + 1, resultDigits)
    case .delta, .nextAdvantage: return (base + 2, resultDigits)
    case .input: return (base + 3, inputDigits)
    case .parameter: return (base + 5, 2)
    }
  }

  /// A number as printed, with an ASCII minus (for `Decimal`).
  func text(_ value: Double, _ role: Role, extra: Int) -> String {
    if role == .parameter, let exact = Self.exact(value) { return exact }
    // A huge number in its shortest exact form (1e+308), not hundreds of digits.
    if value.isFinite, abs(value) >= 1e12 { return String(value) }
    var (digits, keeping) = digits(role, extra: extra)
    digits = min(digits, 17)
    var text = NumberFormat.fixed(value, digits: digits)
    // A number that is not zero never prints as zero: it gets the decimals that show it.
    while value != 0, digits < 17, text.utf8.allSatisfy({ $0 == 0x30 || $0 == 0x2E || $0 == 0x2D }) {
      digits += 1
      text = NumberFormat.fixed(value, digits: digits)
    }
    return Self.trimmed(text, keeping: keeping)
  }

  /// For the screen: the set's minus sign, a negative operand after an operator in parentheses,
  /// infinities and NaN spelt out.
  func display(_ value: Double, _ role: Role, extra: Int, operand: Bool = true, first: Bool = false) -> String {
    guard value.isFinite else {
      return operand && !first ? numbers.operand(value, digits: 0) : numbers.fixed(value, digits: 0)
    }
    var text = text(value, role, extra: extra)
    if text.hasPrefix("-") {
      text = glyphs.symbols.minus + text.dropFirst()
      if operand && !first { text = "(\(text))" }
    }
    return text
  }

  /// The smallest precision at which every line of the panel for `step` adds up exactly.
  func extraDigits(_ step: GAETrace.Step, gamma: Double, decay: Double) -> Int {
    typealias Line = (operands: [(Double, Role)], result: (Double, Role), evaluate: ([Decimal]) -> Decimal)
    var lines: [Line] = [
      (
        [
          (step.reward, .input), (gamma, .parameter),
          (step.nextValueSource == .terminal ? 0 : step.nextValue, .input), (step.value, .input),
        ], (step.delta, .delta), { $0[0] + $0[1] * $0[2] - $0[3] }
      ),
      (
        [(step.advantage, step.nextAdvantage == nil ? .delta : .advantage), (step.value, .input)],
        (step.return, .returnValue), { $0[0] + $0[1] }
      ),
    ]
    if let next = step.nextAdvantage {
      lines.append(
        (
          [(step.delta, .delta), (decay, .parameter), (next, .nextAdvantage)], (step.advantage, .advantage),
          {
            $0[0] + $0[1] * $0[2]
          }
        ))
    }
    let all = [step.reward, step.value, step.nextValue, step.delta, step.advantage, step.return, gamma, decay]
    guard all.allSatisfy(\.isFinite) else { return 0 }
    for extra in 0...4 {
      let addsUp = lines.allSatisfy { line in
        let values = line.operands.compactMap { Decimal(string: text($0.0, $0.1, extra: extra)) }
        let printed = text(line.result.0, line.result.1, extra: extra)
        guard values.count == line.operands.count, let shown = Decimal(string: printed) else { return false }
        let decimals = printed.split(separator: ".").last.map(\.count) ?? 0
        var half = Decimal(5)
        for _ in 0..<(decimals + 1) { half /= 10 }
        let difference = line.evaluate(values) - shown
        return (difference < 0 ? -difference : difference) < half
      }
      if addsUp { return extra }
    }
    return 4
  }

  /// A parameter as typed, when it has at most 8 decimals: at least 2, no trailing zeros (0.99,
  /// 0.9405); nil for one that has more (it is then printed like the other numbers).
  static func exact(_ value: Double) -> String? {
    for digits in 2...8 where Double(NumberFormat.fixed(value, digits: digits)) == value {
      return trimmed(NumberFormat.fixed(value, digits: digits), keeping: 2)
    }
    // γλ is a product: 0.99·0.95 is 0.9404999999999999 in binary, 0.9405 to the eye.
    let rounded = NumberFormat.fixed(value, digits: 8)
    if let back = Double(rounded), abs(back - value) <= 4 * value.ulp { return trimmed(rounded, keeping: 2) }
    return nil
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
  public func delta(_ step: GAETrace.Step, gamma: Double, decay: Double) -> String {
    let t = step.t
    let s = glyphs.symbols
    let e = extraDigits(step, gamma: gamma, decay: decay)
    let symbolic =
      "\(s.delta)\(sub(t)) = r\(sub(t)) + \(s.gamma)\(s.times)\(nextValueSymbol(step)) \(s.minus) V(s\(sub(t)))"
    let next = step.nextValueSource == .terminal ? "0" : display(step.nextValue, .input, extra: e)
    let numbers =
      "\(display(step.reward, .input, extra: e, first: true)) + \(display(gamma, .parameter, extra: e))"
      + "\(s.times)\(next) \(s.minus) \(display(step.value, .input, extra: e))"
    return "\(symbolic) = \(numbers) = \(display(step.delta, .delta, extra: e, operand: false))"
  }

  /// A₄ = δ₄ + γλ·A₅ = −0.904 + 0.9405·0.310 = −0.612, or A₄ = δ₄ + 0 = … at a boundary.
  public func advantage(_ step: GAETrace.Step, gamma: Double, decay: Double) -> String {
    let t = step.t
    let s = glyphs.symbols
    let e = extraDigits(step, gamma: gamma, decay: decay)
    let a = "A\(sub(t))"
    let d = "\(s.delta)\(sub(t))"
    guard let next = step.nextAdvantage else {
      // Nothing is carried: A is δ, the same number, printed as δ is.
      let zero = step.boundary == .endOfRollout ? "" : " + 0"
      return "\(a) = \(d)\(zero) = \(display(step.advantage, .delta, extra: e, operand: false))"
    }
    return
      "\(a) = \(d) + \(s.gammaLambda)\(s.times)A\(sub(t + 1)) = \(display(step.delta, .delta, extra: e, first: true))"
      + " + \(display(decay, .parameter, extra: e))\(s.times)\(display(next, .nextAdvantage, extra: e))"
      + " = \(display(step.advantage, .advantage, extra: e, operand: false))"
  }

  /// return₇ = A₇ + V(s₇) = 0.1893 + 0.10 = 0.289: the λ-return, the critic's target.
  public func returnLine(_ step: GAETrace.Step, gamma: Double, decay: Double) -> String {
    let t = step.t
    let e = extraDigits(step, gamma: gamma, decay: decay)
    let a = step.nextAdvantage == nil ? Role.delta : .advantage
    return "return\(sub(t)) = A\(sub(t)) + V(s\(sub(t))) = \(display(step.advantage, a, extra: e, first: true))"
      + " + \(display(step.value, .input, extra: e)) = \(display(step.return, .returnValue, extra: e, operand: false))"
      + "  (the critic's target)"
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
      let reset = display(trace.rollout.values[t + 1], .input, extra: 0, operand: false)
      let other = isLast ? "V(s\(sub(t + 1)))=\(reset)" : "V(s\(sub(t + 1)))=\(reset) of the next episode"
      return "t=\(t) truncated\(label): bootstrap from the state it was cut off in, not \(other); \(carry)"
    case .truncated:
      return "t=\(t) truncated\(label): it could have gone on, so it still bootstraps from V(s\(sub(t + 1))); \(carry)"
    case .endOfRollout:
      return "t=\(t) is the rollout's last step: bootstrap from V(s\(sub(t + 1))); nothing to carry yet."
    case .none:
      return returnLine(step, gamma: trace.gamma, decay: trace.decay)
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
