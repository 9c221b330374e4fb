import GAECore

/// The step panel's text: each formula with its numbers substituted, and why the step is what
/// it is. Every number on the screen can be traced back to one of these lines.
public struct Formula: Sendable {
  public let glyphs: Glyphs
  /// Decimals for inputs (r, V); results (δ, carry, A, return) get one more.
  public let inputDigits: Int
  public var resultDigits: Int { inputDigits + 1 }

  public init(glyphs: Glyphs, inputDigits: Int) {
    self.glyphs = glyphs
    self.inputDigits = inputDigits
  }

  private func sub(_ t: Int) -> String { glyphs.subscripted(t) }

  /// A number as an operand: negative ones in parentheses after an operator, "-" as their sign.
  private func operand(_ value: Double, digits: Int, first: Bool = false) -> String {
    let text = NumberFormat.fixed(value, digits: digits)
    return text.hasPrefix("-") && !first ? "(\(text))" : text
  }

  private func result(_ value: Double) -> String { NumberFormat.fixed(value, digits: resultDigits) }

  /// V(s_{t+1}) as this step used it: V(s₅), 0 after a termination, V(ŝ₉) for a final value.
  public func nextValueSymbol(_ step: GAETrace.Step) -> String {
    switch step.nextValueSource {
    case .nextValue: return "V(s\(sub(step.t + 1)))"
    case .terminal: return "0"
    case .finalValue: return glyphs.unicodeSubscripts ? "V(ŝ\(sub(step.t + 1)))" : "V(final\(sub(step.t + 1)))"
    }
  }

  /// δ₄ = r₄ + γ·V(s₅) − V(s₄) = 1.00 + 0.99·0.40 − 0.30 = 1.096
  public func delta(_ step: GAETrace.Step, gamma: Double) -> String {
    let t = step.t
    let (g, m, x) = (glyphs.gamma, glyphs.minus, glyphs.times)
    let symbolic = "\(glyphs.delta)\(sub(t)) = r\(sub(t)) + \(g)\(x)\(nextValueSymbol(step)) \(m) V(s\(sub(t)))"
    let next = step.nextValueSource == .terminal ? "0" : operand(step.nextValue, digits: inputDigits)
    let numbers =
      "\(operand(step.reward, digits: inputDigits, first: true)) + \(NumberFormat.parameter(gamma))\(x)\(next)"
      + " \(m) \(operand(step.value, digits: inputDigits))"
    return "\(symbolic) = \(numbers) = \(result(step.delta))"
  }

  /// A₄ = δ₄ + γλ·A₅ = −0.904 + 0.9405·0.310 = −0.612, or A₄ = δ₄ + 0 = … at a boundary.
  public func advantage(_ step: GAETrace.Step, decay: Double) -> String {
    let t = step.t
    let a = "A\(sub(t))"
    let d = "\(glyphs.delta)\(sub(t))"
    if let next = step.nextAdvantage {
      return "\(a) = \(d) + \(glyphs.gamma)\(glyphs.lambda)\(glyphs.times)A\(sub(t + 1)) = "
        + "\(operand(step.delta, digits: resultDigits, first: true)) + \(NumberFormat.parameter(decay))\(glyphs.times)"
        + "\(operand(next, digits: resultDigits)) = \(result(step.advantage))"
    }
    if step.boundary == .endOfRollout {
      return "\(a) = \(d) = \(result(step.advantage))"
    }
    return "\(a) = \(d) + 0 = \(result(step.advantage))"
  }

  /// Why this step is what it is: a boundary's rule, or the λ-return the critic learns from.
  public func note(_ step: GAETrace.Step, trace: GAETrace) -> String {
    let t = step.t
    let label = step.label.isEmpty ? "" : " (\(step.label))"
    switch step.boundary {
    case .terminated:
      return "t=\(t) terminated\(label): no next state, so \(glyphs.gamma)\(glyphs.times)V is 0; "
        + "the carry resets, A\(sub(t + 1)) is another episode's."
    case .truncated where step.nextValueSource == .finalValue:
      let reset = NumberFormat.fixed(trace.rollout.values[t + 1], digits: inputDigits)
      return "t=\(t) truncated\(label): bootstrap from the state it was cut off in, "
        + "not V(s\(sub(t + 1)))=\(reset) of the next episode; the carry resets."
    case .truncated:
      return "t=\(t) truncated\(label): it could have gone on, so we still bootstrap from "
        + "V(s\(sub(t + 1))); the carry resets."
    case .endOfRollout:
      return "t=\(t) is the rollout's last step: bootstrap from V(s\(sub(t + 1))); nothing to carry yet."
    case .none:
      return
        "return\(sub(t)) = A\(sub(t)) + V(s\(sub(t))) = \(operand(step.advantage, digits: resultDigits, first: true))"
        + " + \(operand(step.value, digits: inputDigits)) = \(result(step.return))  (the critic's target)"
    }
  }

  /// The panel's title: Step 8 of 12 · t = 4 · terminated · goal
  public func title(_ step: GAETrace.Step, of count: Int) -> String {
    var parts = ["Step \(step.step) of \(count)", "t = \(step.t)"]
    switch step.boundary {
    case .terminated: parts.append("\(glyphs.terminatedMark) terminated")
    case .truncated: parts.append("\(glyphs.truncatedMark) truncated")
    case .endOfRollout: parts.append("end of rollout")
    case .none: break
    }
    if !step.label.isEmpty { parts.append(step.label) }
    return parts.joined(separator: " \(glyphs.times) ")
  }
}
