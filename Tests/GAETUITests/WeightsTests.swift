import GAECore
import TestSupport
import Testing

@testable import GAETUI

@Suite("Weights: what A_t is made of")
struct WeightsTests {
  func weights(_ app: App) -> Weights? { app.mode as? Weights }

  @Test func eOpensItAndTheCursorMovesWithinTheRollout() {
    let app = makeApp([character("e")])
    #expect(weights(app)?.cursor == 0)
    #expect(weights(sending(app, .key(.right), .key(.right)))?.cursor == 2)
    #expect(weights(sending(app, .key(.left)))?.cursor == 0)
    #expect(weights(sending(app, .key(.end)))?.cursor == 11)
    #expect(weights(sending(app, .key(.end), .key(.right)))?.cursor == 11)
  }

  /// Both sums on screen are A_t, to the digits shown, and the terms stop at the episode's end.
  @Test func bothSumsOnScreenAreTheAdvantage() {
    for t in 0..<12 {
      var app = makeApp(width: 120, height: 40, [character("e")])
      for _ in 0..<t { app = sending(app, .key(.right)) }
      let text = Screen.render(app, glyphs: .unicode).text
      let a = NumberText(glyphs: .unicode).fixed(app.session.trace.advantage[t], digits: 5)
      #expect(text.contains("= \(a):"), "t=\(t)")
      #expect(text.contains("= \(a) = A\(Glyphs.unicode.subscripted(t))"), "t=\(t)")
      let terms = app.session.trace.rollout.episode(containing: t).upperBound - t
      #expect(text.contains("\(terms) term"), "t=\(t)")
    }
  }

  @Test func theMarksSitWhereTheWeightFalls() throws {
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    let app = makeApp(width: 200, height: 40, scenario: scenario, [character("e")])
    let lines = Screen.render(app, glyphs: .unicode).lines
    let marks = try #require(lines.first { $0.hasPrefix(" marks │") })
    #expect(marks.contains("½") && marks.contains("e") && marks.contains("H"))
    #expect(lines.contains { $0.contains("half-life k = 11.3") && $0.contains("horizon 1/(1−γλ) = 16.8") })
  }

  @Test func aMillionStepEpisodeDrawsOnlyWhatIsVisible() throws {
    let count = 1_000_000
    let ones = try scenario(rewards: Array(repeating: 1, count: count), values: Array(repeating: 0, count: count + 1))
    let app = makeApp(scenario: ones, [character("e")])
    let text = Screen.render(app, glyphs: .unicode).text
    #expect(text.contains("of 1000000 terms sum to"))
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func goldenScreens(width: Int, height: Int) {
    let size = "\(width)x\(height)"
    Golden.check(
      Screen.render(
        makeApp(width: width, height: height, [character("e")] + keys(.right, .right, .right, .right, .right)),
        glyphs: .unicode),
      "weights-t5-\(size)")
    Golden.check(
      Screen.render(makeApp(width: width, height: height, [character("e"), character("1")]), glyphs: .ascii),
      "weights-ascii-lambda-1-\(size)")
  }

  /// `d` asks the reverse question: which advantages r_k, then V(s_k), moves — the numbers
  /// are the derivatives (checked against finite differences in GAECore).
  @Test func creditShowsWhatAnInputMoves() throws {
    var app = makeApp([character("e")] + Array(repeating: .key(.right), count: 7) + [character("d")])
    #expect(weights(app)?.view == .creditOfReward)
    var text = Screen.render(app, glyphs: .unicode).text
    let numbers = NumberText(glyphs: .unicode)
    for (t, derivative) in Sensitivity.derivatives(
      of: .reward(7), rollout: app.session.trace.rollout, gamma: 0.99, lambda: 0.95)
    {
      _ = t
      #expect(text.contains(numbers.signed(derivative, digits: 4)))
    }
    app = sending(app, character("d"))
    #expect(weights(app)?.view == .creditOfValue)
    text = Screen.render(app, glyphs: .unicode).text
    #expect(text.contains("−1.0000") && text.contains("the critic's values cancel"))
    // At λ = 1, V₇ moves A₇ alone.
    let atOne = sending(app, character("1"))
    #expect(Screen.render(atOne, glyphs: .unicode).text.contains("V₇ moves 1 advantage"))
    #expect(weights(sending(app, character("d")))?.view == .weights)
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func creditGoldenScreens(width: Int, height: Int) {
    let moves: [Msg] = [character("e")] + Array(repeating: .key(.right), count: 7)
    Golden.check(
      Screen.render(makeApp(width: width, height: height, moves + [character("d")]), glyphs: .unicode),
      "credit-reward-t7-\(width)x\(height)")
    Golden.check(
      Screen.render(makeApp(width: width, height: height, moves + [character("d"), character("d")]), glyphs: .unicode),
      "credit-value-t7-\(width)x\(height)")
  }
}

@Suite("Weights on overflowing numbers")
struct WeightsOverflowTests {
  @Test func theForwardSumIsNotClaimedEqualWhenItIsNot() throws {
    let overflow = try scenario(rewards: [1e308, -1e308], values: [-1e308, 0, -1e308])
    let text = Screen.render(makeApp(scenario: overflow, [character("e")]), glyphs: .unicode).text
    #expect(text.contains("the numbers overflowed") && !text.contains("the same number, reached forward"))
  }
}
