import GAECore
import TestSupport
import Testing

@testable import GAETUI

@Suite("Compare: TD, GAE and Monte Carlo side by side")
struct CompareTests {
  func compare(_ app: App) -> Compare? { app.mode as? Compare }

  @Test func cOpensCompareAndSGoesBackToTheWalkthrough() {
    let app = makeApp([character("c")])
    #expect(compare(app) != nil)
    #expect(Screen.render(app, glyphs: .unicode).lines[0].contains("compare"))
    #expect(sending(app, character("s")).walkthrough != nil)
    #expect(compare(sending(app, character("c"))) != nil)  // its own key does nothing
  }

  /// Going to compare and back finds the walkthrough where it was left.
  @Test func theWalkthroughKeepsItsPlaceAcrossModes() {
    let app = makeApp(steps(3) + [character("c"), .key(.up), character("s")])
    #expect(app.walkthrough?.progress == 4)
    #expect(app.session.lambda == 0.96)
    let finished = makeApp(keys(.end) + [character("e"), character("c"), character("s")])
    #expect(finished.walkthrough?.isFinished == true)
  }

  /// The three rows are the three estimators by their own definitions, γ from the session.
  @Test func theRowsAreTheThreeEstimators() throws {
    let app = makeApp([character("c"), .key(.tab), .key(.down)])  // γ 0.98
    let mode = try #require(compare(app))
    let rollout = app.session.scenario.rollout
    #expect(app.session.gamma == 0.98)
    #expect(mode.td == GAE.deltas(for: rollout, gamma: 0.98))
    #expect(mode.monteCarlo == Estimators.monteCarloAdvantages(for: rollout, gamma: 0.98))
    let text = Screen.render(app, glyphs: .unicode).lines
    let numbers = NumberText(glyphs: .unicode)
    #expect(text[3].contains(numbers.signed(mode.td[6], digits: 2)))
    #expect(text[5].contains(numbers.signed(mode.monteCarlo[0], digits: 2)))
  }

  /// After a change of λ the previous values stay as a Δ row: what moved and by how much.
  @Test func theChangeRowShowsWhatMoved() throws {
    let before = makeApp([character("c")])
    let after = sending(before, .key(.up))
    let mode = try #require(compare(after))
    #expect(mode.ghost == before.session.trace.advantage)
    #expect(mode.ghostParameters! == (0.99, 0.95))
    let lines = Screen.render(after, glyphs: .unicode).lines
    #expect(lines[6].hasPrefix("  ΔGAE │+0.01"))
    #expect(lines.contains { $0.contains("ΔGAE: what moved from γ 0.99, λ 0.95 to γ 0.99, λ 0.96") })
    // Scrolling or a key that changes nothing keeps it.
    #expect(compare(sending(after, .key(.left)))?.ghost != nil)
  }

  @Test func theCurrentLambdasRowIsMarked() {
    for (key, marked) in [("0", "TD"), ("1", "MC")] {
      let lines = Screen.render(makeApp([character("c"), character(Character(key))]), glyphs: .unicode).lines
      #expect(lines.contains { $0.hasPrefix(" ▶ \(marked)") }, "\(key)")
    }
    let lines = Screen.render(makeApp([character("c")]), glyphs: .unicode).lines
    #expect(lines.contains { $0.hasPrefix(" ▶ GAE  λ = 0.95") })
  }

  @Test func longRolloutsScroll() throws {
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    var app = makeApp(scenario: scenario, [character("c")])
    #expect(compare(app)!.firstVisibleTime == 0)
    app = sending(app, .key(.right), .key(.right))
    #expect(compare(app)!.firstVisibleTime > 0)
    app = sending(app, .key(.end))
    let viewport = compare(app)!.viewport(session: app.session, area: app.body)
    #expect(viewport.last == 299)
    app = sending(app, .key(.home))
    #expect(compare(app)!.firstVisibleTime == 0)
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func goldenScreens(width: Int, height: Int) {
    let size = "\(width)x\(height)"
    Golden.check(
      Screen.render(makeApp(width: width, height: height, [character("c")]), glyphs: .unicode), "compare-\(size)")
    Golden.check(
      Screen.render(makeApp(width: width, height: height, [character("c"), .key(.up)]), glyphs: .unicode),
      "compare-after-lambda-up-\(size)")
    Golden.check(
      Screen.render(makeApp(width: width, height: height, [character("c"), character("1")]), glyphs: .ascii),
      "compare-ascii-lambda-1-\(size)")
  }
}
