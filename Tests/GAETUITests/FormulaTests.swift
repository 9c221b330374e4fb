import Foundation
import GAECore
import TestSupport
import Testing

@testable import GAETUI

@Suite("Formulas with their numbers substituted")
struct FormulaTests {
  let formula = Formula(glyphs: .unicode, inputDigits: 2)

  @Test func theDesignsWorkedExample() throws {
    // r₄ = −1, V(s₄) = 0.30, V(s₅) = 0.40 and A₅ = 0.310 (r₅ = 0.31 with V(s₅) = 0 … bootstrap 0).
    let rollout = try Rollout(
      rewards: [0, 0, 0, 0, -1, 0.31 + 0.4], values: [0, 0, 0, 0, 0.3, 0.4, 0],
      terminated: [false, false, false, false, false, true], truncated: Array(repeating: false, count: 6))
    let trace = GAE.trace(for: rollout, gamma: 0.99, lambda: 0.95)
    let step = trace.record(at: 4)
    #expect(
      formula.delta(step, gamma: 0.99, decay: 0.99 * 0.95)
        == "δ₄ = r₄ + γ·V(s₅) − V(s₄) = −1.00 + 0.99·0.40 − 0.30 = −0.904")
    #expect(
      formula.advantage(step, gamma: 0.99, decay: trace.decay) == "A₄ = δ₄ + γλ·A₅ = −0.904 + 0.9405·0.310 = −0.6124")
  }

  @Test func boundariesExplainThemselves() {
    let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)
    let goal = trace.record(at: 4)
    #expect(
      formula.delta(goal, gamma: 0.99, decay: 0.99 * 0.95) == "δ₄ = r₄ + γ·0 − V(s₄) = 1.00 + 0.99·0 − 0.90 = 0.100")
    #expect(formula.advantage(goal, gamma: 0.99, decay: trace.decay) == "A₄ = δ₄ + 0 = 0.100")
    #expect(formula.note(goal, trace: trace).contains("terminated (goal): no next state"))
    #expect(formula.note(goal, trace: trace).contains("A₅ belongs to the next episode"))
    let limit = trace.record(at: 8)
    #expect(
      formula.delta(limit, gamma: 0.99, decay: 0.99 * 0.95)
        == "δ₈ = r₈ + γ·V(ŝ₉) − V(s₈) = 0.00 + 0.99·0.30 − 0.20 = 0.097")
    #expect(formula.note(limit, trace: trace).contains("not V(s₉)=0.45 of the next episode; the carry resets"))
    let last = trace.record(at: 11)
    #expect(formula.advantage(last, gamma: 0.99, decay: trace.decay) == "A₁₁ = δ₁₁ = 0.044")
    #expect(formula.title(limit, of: 12) == "Step  4 of 12 · t = 8 · ◆ truncated · limit")
    #expect(formula.title(trace.record(at: 0), of: 12) == "Step 12 of 12 · t = 0 · start")
    let negative = trace.record(at: 6)
    #expect(
      formula.delta(negative, gamma: 0.99, decay: 0.99 * 0.95)
        == "δ₆ = r₆ + γ·V(s₇) − V(s₆) = −0.50 + 0.99·0.10 − 0.35 = −0.751")
    #expect(
      formula.advantage(trace.record(at: 5), gamma: 0.99, decay: trace.decay)
        == "A₅ = δ₅ + γλ·A₆ = −0.0535 + 0.9405·(−0.57303) = −0.5924")
  }

  /// A termination at the rollout's last step: no A_{t+1} exists, in this episode or another.
  @Test func theLastStepNeverMentionsAnotherEpisode() throws {
    let ending = try scenario(rewards: [0, 1], values: [0.5, 0.5, 0.7], terminated: [false, true])
    let trace = GAE.trace(for: ending.rollout, gamma: 0.99, lambda: 0.95)
    let note = formula.note(trace.record(at: 1), trace: trace)
    #expect(!note.contains("episode"))
    #expect(note.contains("rollout's last step"))
    let truncatedEnd = try scenario(
      rewards: [0, 1], values: [0.5, 0.5, 0.7], truncated: [false, true], finalValues: [nil, 0.2])
    let truncatedTrace = GAE.trace(for: truncatedEnd.rollout, gamma: 0.99, lambda: 0.95)
    #expect(!formula.note(truncatedTrace.record(at: 1), trace: truncatedTrace).contains("next episode"))
  }

  /// The example of the issue: inputs shown to two decimals would have printed
  /// 0.02 + 0.97·0.96 − (−0.92) = 1.875; the inputs now carry the digits the sum needs, and δ
  /// one more than the result it feeds.
  @Test func inputsGetTheDigitsTheArithmeticNeeds() throws {
    let example = try scenario(rewards: [0.0213, 0], values: [-0.9237, 0.96333, 0])
    let trace = GAE.trace(for: example.rollout, gamma: 0.97, lambda: 0.95)
    let line = formula.delta(trace.record(at: 0), gamma: 0.97, decay: 0.97 * 0.95)
    #expect(line == "δ₀ = r₀ + γ·V(s₁) − V(s₀) = 0.0213 + 0.97·0.96333 − (−0.9237) = 1.87943")
    #expect(Self.addsUp(line, resultDigits: 3, evaluate: { $0[0] + $0[1] * $0[2] - $0[3] }))
  }

  /// Every δ, A and return line on random rollouts: the printed result is the arithmetic on the
  /// printed operands, rounded to the printed digits.
  @Test(arguments: [2, 3, 4])
  func formulasAddUpOnRandomRollouts(inputDigits: Int) throws {
    var rng = SplitMix64(seed: UInt64(inputDigits))
    let formula = Formula(glyphs: .unicode, inputDigits: inputDigits)
    for _ in 0..<200 {
      let count = Int.random(in: 2...12, using: &rng)
      let rewards = (0..<count).map { _ in Double.random(in: -3...3, using: &rng) }
      let values = (0...count).map { _ in Double.random(in: -3...3, using: &rng) }
      let terminated = (0..<count).map { _ in Double.random(in: 0...1, using: &rng) < 0.15 }
      let truncated = (0..<count).map { _ in Double.random(in: 0...1, using: &rng) < 0.15 }
      let finals = (0..<count).map { t in truncated[t] ? Double.random(in: -3...3, using: &rng) : nil }
      let example = try scenario(
        rewards: rewards, values: values, terminated: terminated, truncated: truncated, finalValues: finals)
      let gamma = [0.99, 0.9, 0.975, Double.random(in: 0...1, using: &rng)].randomElement(using: &rng)!
      let lambda = [0.95, 0.5, 1, 0, Double.random(in: 0...1, using: &rng)].randomElement(using: &rng)!
      let trace = GAE.trace(for: example.rollout, gamma: gamma, lambda: lambda)
      for t in 0..<count {
        let step = trace.record(at: t)
        let delta = formula.delta(step, gamma: gamma, decay: trace.decay)
        #expect(
          Self.addsUp(delta, resultDigits: formula.resultDigits) { $0[0] + $0[1] * $0[2] - $0[3] }, "\(delta)")
        let advantage = formula.advantage(step, gamma: gamma, decay: trace.decay)
        if step.nextAdvantage != nil {
          #expect(Self.addsUp(advantage, resultDigits: formula.resultDigits) { $0[0] + $0[1] * $0[2] }, "\(advantage)")
        }
        let ret = formula.returnLine(step, gamma: gamma, decay: trace.decay)
        #expect(Self.addsUp(ret, resultDigits: formula.resultDigits) { $0[0] + $0[1] }, "\(ret)")
      }
    }
  }

  /// Reads "symbols = operands = result" back: evaluates the operands as printed and compares
  /// with the printed result at its digits.
  static func addsUp(_ line: String, resultDigits: Int, evaluate evaluateDecimal: ([Decimal]) -> Decimal) -> Bool {
    let text = line.replacingOccurrences(of: "−", with: "-").replacingOccurrences(
      of: "  (the critic's target)", with: "")
    let parts = text.components(separatedBy: " = ")
    guard parts.count == 4 else { return false }
    var operands: [String] = []
    var token = ""
    func flush() {
      if Double(token) != nil { operands.append(token) }
      token = ""
    }
    // Operators are spaced (" + ", " - ", "·"); a sign is glued to its number.
    for character in parts[2] {
      if character.isNumber || character == "." || (character == "-" && token.isEmpty) {
        token.append(character)
      } else {
        flush()
      }
    }
    flush()
    // " - " between operands is an operator: the evaluate closure supplies it, so a lone "-"
    // token (no digits) was dropped above.
    // Exactly, in decimal, as a student would: strictly inside the printed result's rounding
    // interval (a tie such as 0.0445 printed as 0.044 does not add up).
    guard let printed = Decimal(string: parts[3]) else { return false }
    let digits = parts[3].split(separator: ".").last.map(\.count) ?? 0
    guard digits >= resultDigits else { return false }
    let exact = evaluateDecimal(operands.map { Decimal(string: $0) ?? 0 })
    var half = Decimal(5)
    for _ in 0..<(digits + 1) { half /= 10 }
    let difference = exact - printed
    return (difference < 0 ? -difference : difference) < half
  }

  /// A tie: 0.00 + 0.99·0.55 − 0.50 is 0.0445 exactly, which a student rounds up; it is printed
  /// in full, never as 0.044 (what the binary value rounds to), and δ is printed the same in
  /// the A line.
  @Test func tiesArePrintedInFullAndDeltaIsTheSameInEveryLine() {
    let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)
    let step = trace.record(at: 0)
    let delta = formula.delta(step, gamma: 0.99, decay: trace.decay)
    let advantage = formula.advantage(step, gamma: 0.99, decay: trace.decay)
    #expect(delta.hasSuffix("= 0.0445"))
    #expect(advantage.contains("= 0.0445 + 0.9405·"))
    let ret = formula.returnLine(step, gamma: 0.99, decay: trace.decay)
    let a = advantage.components(separatedBy: " = ").last!
    #expect(ret.contains("= \(a) + 0.50 ="))
  }

  @Test func asciiSpellsEverythingOut() {
    let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)
    let ascii = Formula(glyphs: .ascii, inputDigits: 2)
    #expect(
      ascii.delta(trace.record(at: 8), gamma: 0.99, decay: 0.99 * 0.95)
        == "delta_8 = r_8 + gamma*V(final_9) - V(s_8) = 0.00 + 0.99*0.30 - 0.20 = 0.097")
    #expect(ascii.advantage(trace.record(at: 7), gamma: 0.99, decay: trace.decay).allSatisfy { $0.isASCII })
    #expect(ascii.advantage(trace.record(at: 7), gamma: 0.99, decay: trace.decay).contains("gamma*lambda*A_8"))
  }
}

@Suite("Numbers on screen")
struct NumberTextTests {
  let numbers = NumberText(glyphs: .unicode)

  @Test func zeroIsZero() {
    #expect(numbers.signed(1e-8, digits: 2) == "0.00")
    #expect(numbers.signed(-1e-8, digits: 2) == "0.00")
    #expect(numbers.fixed(-0.004, digits: 2) == "0.00")
    #expect(numbers.signed(-0.0, digits: 3) == "0.000")
    #expect(numbers.signed(0.005001, digits: 2) == "+0.01")
    #expect(numbers.signed(-0.31, digits: 2) == "−0.31")
    #expect(NumberText.shownSign(1e-8, digits: 2) == 0)
  }

  @Test func nonFiniteNumbersAreSpeltOut() {
    #expect(numbers.signed(.infinity, digits: 2) == "+∞")
    #expect(numbers.fixed(-.infinity, digits: 2) == "−∞")
    #expect(numbers.signed(.nan, digits: 2) == "NaN")
    #expect(NumberText(glyphs: .ascii).signed(-.infinity, digits: 2) == "-inf")
    #expect(numbers.compact(.infinity) == "∞")
  }

  @Test func scaleLabelsAreShort() {
    #expect(numbers.compact(0.751) == "0.751")
    #expect(numbers.compact(12.5) == "12.5")
    #expect(numbers.compact(250) == "250")
    #expect(numbers.compact(1.5e9) == "1.5e9")
    #expect(numbers.compact(1e308) == "1e308")
    #expect(numbers.compact(9.96e-4) == "1e-3")
    #expect(numbers.fitting(1e308, digits: 2, width: 8, signed: false) == "1e308")
    #expect(numbers.fitting(-1e308, digits: 2, width: 8, signed: true) == "−1e308")
    #expect(numbers.fitting(0.5, digits: 2, width: 8, signed: true) == "+0.50")
    #expect(numbers.compact(1e308).count <= 6)
  }
}

@Suite("Canvas")
struct CanvasTests {
  @Test func textIsClippedNeverWrapped() {
    var canvas = Canvas(width: 5, height: 2)
    let end = canvas.put("abcdefgh", x: 2, y: 0)
    #expect(end == 10)
    #expect(canvas.lines == ["  abc", "     "])
    canvas.put("xy", x: -1, y: 1)
    #expect(canvas.lines[1] == "y    ")
    canvas.put("zz", x: 0, y: 5)
    canvas.put("zz", x: 0, y: -1)
    #expect(canvas.text == "  abc\ny")
  }

  @Test func controlCharactersCannotReachTheTerminal() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("a\u{1B}[2Jb", x: 0, y: 0)
    #expect(canvas.lines == ["a?[2Jb"])
  }

  @Test func wideCharactersTakeTwoCellsAndAreCutCleanly() {
    var canvas = Canvas(width: 5, height: 1)
    canvas.put("日本x", x: 0, y: 0)
    #expect(canvas[0, 0].character == "日" && canvas[1, 0].isContinuation)
    #expect(canvas.lines == ["日本x"])
    var cut = Canvas(width: 3, height: 1)
    cut.put("日本", x: 0, y: 0)
    #expect(cut.lines == ["日…"])
    canvas.put("a", x: 1, y: 0)
    #expect(canvas.lines == [" a本x"])
  }

}

@Suite("Rendering at any size")
struct RenderSweepTests {
  @Test func everySizeRendersWithinTheCanvas() throws {
    let scenarios = [
      Scenario.builtInDefault, try Scenario.load(path: packageRoot + "/Scenarios/02-dense-rewards.json"),
    ]
    for scenario in scenarios {
      for (width, height) in [
        (1, 1), (2, 1), (10, 3), (59, 19), (60, 20), (61, 23), (80, 24), (97, 31), (160, 50), (300, 100),
      ] {
        for messages in [
          [], keys(.end), keys(.home), [character("?")], [character("i")], keys(.end) + [character("1")],
        ] {
          let app = makeApp(width: width, height: height, scenario: scenario, messages)
          let canvas = Screen.render(app, glyphs: .unicode)
          #expect(canvas.width == width && canvas.height == height)
          #expect(canvas.lines.allSatisfy { TextWidth.columns(of: $0) == width })
        }
      }
    }
  }

  @Test func theScreenShowsTheTracesAdvantagesAfterFinishing() {
    // The A row at 80×24 shows every advantage to two decimals, as `gae-viz trace` computes them.
    let app = makeApp(keys(.end))
    let row = Screen.render(app, glyphs: .unicode).lines[9]
    let shown = row.split(separator: "│")[1].split(whereSeparator: { " ┃┆‹◀".contains($0) }).map(String.init)
    let numbers = NumberText(glyphs: .unicode)
    #expect(shown == (0..<12).map { numbers.signed(app.session.trace.advantage[$0], digits: 2) })
  }
}
