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
    #expect(formula.delta(step, gamma: 0.99) == "δ₄ = r₄ + γ·V(s₅) − V(s₄) = -1.00 + 0.99·0.40 − 0.30 = -0.904")
    #expect(formula.advantage(step, decay: trace.decay) == "A₄ = δ₄ + γλ·A₅ = -0.904 + 0.9405·0.310 = -0.612")
  }

  @Test func boundariesExplainThemselves() {
    let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)
    let goal = trace.record(at: 4)
    #expect(formula.delta(goal, gamma: 0.99) == "δ₄ = r₄ + γ·0 − V(s₄) = 1.00 + 0.99·0 − 0.90 = 0.100")
    #expect(formula.advantage(goal, decay: trace.decay) == "A₄ = δ₄ + 0 = 0.100")
    #expect(formula.note(goal, trace: trace).contains("terminated (goal): no next state"))
    let limit = trace.record(at: 8)
    #expect(formula.delta(limit, gamma: 0.99) == "δ₈ = r₈ + γ·V(ŝ₉) − V(s₈) = 0.00 + 0.99·0.30 − 0.20 = 0.097")
    #expect(formula.note(limit, trace: trace).contains("not V(s₉)=0.45 of the next episode; the carry resets"))
    let last = trace.record(at: 11)
    #expect(formula.advantage(last, decay: trace.decay) == "A₁₁ = δ₁₁ = 0.044")
    #expect(formula.title(limit, of: 12) == "Step 4 of 12 · t = 8 · ◆ truncated · limit")
    let negative = trace.record(at: 6)
    #expect(formula.delta(negative, gamma: 0.99) == "δ₆ = r₆ + γ·V(s₇) − V(s₆) = -0.50 + 0.99·0.10 − 0.35 = -0.751")
    #expect(
      formula.advantage(trace.record(at: 5), decay: trace.decay)
        == "A₅ = δ₅ + γλ·A₆ = -0.054 + 0.9405·(-0.573) = -0.592")
  }

  @Test func asciiSpellsEverythingOut() {
    let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)
    let ascii = Formula(glyphs: .ascii, inputDigits: 2)
    #expect(
      ascii.delta(trace.record(at: 8), gamma: 0.99)
        == "d_8 = r_8 + g*V(final_9) - V(s_8) = 0.00 + 0.99*0.30 - 0.20 = 0.097")
    #expect(ascii.advantage(trace.record(at: 7), decay: trace.decay).allSatisfy { $0.isASCII })
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

  @Test func wordWrapRespectsWidth() {
    #expect(WordWrap.lines("the carry resets here", width: 9) == ["the carry", "resets", "here"])
    #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
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
        for actions in [[], [Action.finish], [.restart], [.toggleHelp], [.finish, .setLambda(1)]] {
          let s = state(width: width, height: height, scenario: scenario, actions: actions)
          let canvas = Screen.render(s, glyphs: .unicode)
          #expect(canvas.width == width && canvas.height == height)
          #expect(canvas.lines.allSatisfy { TextWidth.columns(of: $0) == width })
        }
      }
    }
  }

  @Test func theScreenShowsTheTracesAdvantagesAfterFinishing() {
    // The A row at 80×24 shows every advantage to two decimals, as `gae-viz trace` computes them.
    let s = state(width: 80, height: 24, actions: [.finish])
    let row = Screen.render(s, glyphs: .unicode).lines[9]
    let shown = row.split(separator: "│")[1].split(whereSeparator: { " ┃┆‹◀".contains($0) }).map(String.init)
    #expect(shown == (0..<12).map { NumberFormat.signed(s.trace.advantage[$0], digits: 2) })
  }
}
