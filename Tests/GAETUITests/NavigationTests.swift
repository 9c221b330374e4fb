import GAECore
import TestSupport
import Testing

@testable import GAETUI

@Suite("Navigating long rollouts")
struct NavigationTests {
  func current(_ app: App) -> Int? { app.walkthrough?.currentTime }

  /// `t` asks for a step; what is typed goes to the prompt, never to the keys (1 would set λ).
  @Test func goToATypedTimeStep() {
    var app = makeApp([character("t")])
    guard case .prompt(let prompt)? = app.chrome.top else {
      Issue.record("no prompt")
      return
    }
    #expect(prompt.kind == .timeStep)
    app = sending(app, character("1"), character("0"), .key(.backspace), character("4"))
    #expect(app.session.lambda == 0.95)
    #expect(Screen.render(app, glyphs: .unicode).lines[23].contains("Go to t (0–11): 14_"))
    app = sending(app, .key(.backspace), .key(.enter))
    #expect(current(app) == 1 && app.chrome.top == nil)
    let wrong = sending(makeApp([character("t"), character("9"), character("9"), .key(.enter)]))
    #expect(wrong.chrome.status?.text == "\"99\" is not a time step: t runs from 0 to 11")
    #expect(current(wrong) == 11)
    let cancelled = sending(makeApp([character("t"), character("3"), .key(.escape)]))
    #expect(current(cancelled) == 11 && cancelled.chrome.top == nil)
  }

  @Test func episodeEndsAndTheLargestNumbers() {
    // From t = 11 the pass reaches the truncation at t = 8, then the termination at t = 4.
    let app = makeApp([character("b")])
    #expect(current(app) == 8)
    #expect(current(sending(app, character("b"))) == 4)
    let stays = sending(app, character("b"), character("b"))
    #expect(current(stays) == 4)  // no earlier end: it stays, and says so
    #expect(stays.chrome.status?.text == "No episode end before this step")
    #expect(current(sending(app, character("b"), character("B"))) == 8)
    let trace = app.session.trace
    let largestA = (0..<12).max { abs(trace.advantage[$0]) < abs(trace.advantage[$1]) }
    let largestDelta = (0..<12).max { abs(trace.delta[$0]) < abs(trace.delta[$1]) }
    #expect(current(makeApp([character("m")])) == largestA)
    #expect(current(makeApp([character("M")])) == largestDelta)
  }

  /// On a million steps, a jump lands in view.
  @Test func aJumpOnAMillionStepsLandsInView() throws {
    let count = 1_000_000
    var rewards = Array(repeating: 0.0, count: count)
    rewards[123_456] = 50
    let big = try scenario(rewards: rewards, values: Array(repeating: 0, count: count + 1))
    let app = makeApp(scenario: big, [character("M")])
    #expect(current(app) == 123_456)
    let walkthrough = try #require(app.walkthrough)
    let viewport = walkthrough.viewport(session: app.session, area: app.body)
    #expect(viewport.x(of: 123_456) != nil)
  }
}

@Suite("The overview strip")
struct OverviewTests {
  /// One cell per stretch of steps: pending before the pass reaches it, the shown window marked.
  @Test func theStripShowsTheWholeRolloutAndTheWindow() throws {
    let overview = Overview(glyphs: .unicode)
    let advantages = (0..<1000).map { Double($0 % 100) }
    let cells = overview.cells(advantages: advantages, computedFrom: 500, window: 900...949, width: 20)
    #expect(cells.count == 20)
    #expect(cells.prefix(10).allSatisfy { $0.glyph == "·" })
    // Stretches of 50 steps: 0…49 (up to half the largest) and 50…99 (the largest, a full cell).
    #expect(cells.suffix(10).map(\.glyph) == Array(repeating: ["▄", "█"], count: 5).flatMap { $0 })
    #expect(cells.enumerated().filter(\.element.shown).map(\.offset) == [18])
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    let app = makeApp(scenario: scenario, steps(20))
    let canvas = Screen.render(app, glyphs: .unicode)
    let rule = canvas.lines[14]
    #expect(rule.contains("t 278–288 of 300") && rule.contains("·"))
    let highlighted = (0..<80).filter { canvas[$0, 14].style == Theme.current }
    #expect(!highlighted.isEmpty)
  }
}
