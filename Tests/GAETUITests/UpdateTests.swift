import GAECore
import TestSupport
import Testing

@testable import GAETUI

private func apply(_ state: AppState, _ actions: Action...) -> AppState {
  var state = state
  for action in actions { (state, _) = AppState.update(state, action) }
  return state
}

@Suite("update: every action")
struct UpdateTests {
  let start = state(width: 80, height: 24)

  @Test func opensOnTheFirstStepWithTheSeedsDefaults() {
    #expect(start.progress == 1)
    #expect(start.currentTime == 11)
    #expect(start.gamma == 0.99 && start.lambda == 0.95)
    #expect(!start.playing && !start.showingHelp && !start.quitting)
  }

  @Test func steppingIsClampedAndStopsPlaying() {
    #expect(apply(start, .nextStep).progress == 2)
    #expect(apply(start, .previousStep).progress == 0)
    #expect(apply(start, .previousStep, .previousStep).progress == 0)
    #expect(apply(start, .finish, .nextStep).progress == 12)
    #expect(apply(start, .finish).isFinished)
    #expect(apply(start, .finish, .restart).progress == 0)
    #expect(apply(start, .togglePlay, .nextStep).playing == false)
  }

  @Test func ticksAdvanceOnlyWhilePlayingAndStopAtTheEnd() {
    #expect(apply(start, .tick).progress == 1)
    let playing = apply(start, .togglePlay)
    #expect(playing.playing)
    #expect(apply(playing, .tick, .tick).progress == 3)
    let done = apply(playing, .finish, .togglePlay)
    #expect(done.progress == 0 && done.playing)  // play at the end starts over
    var state = playing
    for _ in 0..<20 { state = apply(state, .tick) }
    #expect(state.isFinished && !state.playing)
    #expect(apply(playing, .togglePlay).playing == false)
  }

  @Test func adjustingRecomputesAndKeepsTheStep() {
    let moved = apply(start, .nextStep, .nextStep, .adjust(0.01))
    #expect(moved.lambda == 0.96)
    #expect(moved.progress == 3)
    #expect(moved.trace.advantage == GAE.advantages(for: moved.scenario.rollout, gamma: 0.99, lambda: 0.96))
    #expect(apply(start, .adjust(0.1), .adjust(0.1)).lambda == 1)
    #expect(apply(start, .adjust(-0.1)).lambda == 0.85)
    #expect(apply(start, .setLambda(0), .adjust(-0.01)).lambda == 0)
    // Twenty presses up from 0.5 land exactly on 0.7: no drift.
    var state = apply(start, .setLambda(0.5))
    for _ in 0..<20 { state = apply(state, .adjust(0.01)) }
    #expect(state.lambda == 0.7)
  }

  @Test func tabSelectsWhichParameterTheArrowsMove() {
    let gamma = apply(start, .selectNextParameter, .adjust(-0.01))
    #expect(gamma.selected == .gamma)
    #expect(gamma.gamma == 0.98 && gamma.lambda == 0.95)
    #expect(apply(gamma, .selectNextParameter).selected == .lambda)
  }

  @Test func zeroAndOneAreTheTwoClassicalEstimators() {
    let td = apply(start, .selectNextParameter, .setLambda(0))
    #expect(td.selected == .lambda)
    #expect(td.trace.advantage == Estimators.tdErrors(for: td.scenario.rollout, gamma: 0.99))
    let mc = apply(start, .setLambda(1))
    let expected = Estimators.monteCarloAdvantages(for: mc.scenario.rollout, gamma: 0.99)
    #expect(zip(mc.trace.advantage, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(apply(mc, .resetParameters).lambda == 0.95)
  }

  @Test func speedIsClamped() {
    #expect(apply(start, .faster).speed == 4)
    #expect(apply(start, .slower, .slower, .slower, .slower).speed == 0.5)
    var state = start
    for _ in 0..<20 { state = apply(state, .faster) }
    #expect(state.speed == 64)
    #expect(state.tickInterval == 1.0 / 64)
  }

  @Test func helpOpensAndAnyKeyClosesItWithoutActing() {
    let help = apply(start, .toggleHelp)
    #expect(help.showingHelp)
    let closed = apply(help, .nextStep)
    #expect(!closed.showingHelp && closed.progress == 1)
    #expect(apply(help, .tick).showingHelp)
    #expect(apply(help, .resize(width: 100, height: 30)).showingHelp)
    #expect(apply(help, .quit).quitting)
  }

  @Test func escapePausesAndQuitQuits() {
    #expect(apply(start, .togglePlay, .dismiss).playing == false)
    #expect(apply(start, .quit).quitting)
  }

  @Test func resizeIsRecorded() {
    let resized = apply(start, .resize(width: 200, height: 50))
    #expect(resized.width == 200 && resized.height == 50)
    #expect(apply(start, .resize(width: -3, height: 0)).width == 0)
  }

  @Test func browsingAFolderAsksTheRunLoopToLoad() {
    var alone = start
    (alone, _) = AppState.update(alone, .nextScenario)
    #expect(alone.message?.contains("Open a folder") == true)
    let folder = AppState(
      scenario: .builtInDefault, gamma: 0.99, lambda: 0.95, playlist: ["a.json", "b.json", "c.json"])
    #expect(AppState.update(folder, .nextScenario).1 == .loadScenario(path: "b.json", index: 1))
    #expect(AppState.update(folder, .previousScenario).1 == .loadScenario(path: "c.json", index: 2))
    let other = try! Scenario.load(path: packageRoot + "/Scenarios/01-sparse-goal.json")
    let faster = apply(folder, .faster, .selectNextParameter, .finish)
    let loaded = apply(faster, .scenarioLoaded(other, index: 2))
    #expect(loaded.scenario == other && loaded.playlistIndex == 2)
    #expect(loaded.progress == 1 && loaded.speed == 4 && loaded.selected == .gamma)
    let failed = apply(folder, .scenarioFailed("b.json: line 1, column 1: bad", index: 1))
    #expect(failed.message == "b.json: line 1, column 1: bad")
    #expect(failed.playlistIndex == 1 && failed.scenario == folder.scenario)
    #expect(apply(failed, .nextStep).message == nil)
  }

  @Test func writingTheTraceAsksBeforeReplacingAFile() {
    let name = "goal-time-limit-and-a-rollout-cut-short-trace-g0.99-l0.95.md"
    #expect(start.traceFileName == name)
    #expect(AppState.update(start, .writeTrace).1 == .writeTrace(path: name, overwrite: false))
    let exists = apply(start, .traceWriteFailed("\(name): already exists", path: name, exists: true))
    #expect(exists.message == "\(name) exists: press w again to replace it, any other key to keep it")
    #expect(AppState.update(exists, .writeTrace).1 == .writeTrace(path: name, overwrite: true))
    // Any other key in between withdraws the offer.
    let moved = apply(exists, .nextStep)
    #expect(AppState.update(moved, .writeTrace).1 == .writeTrace(path: name, overwrite: false))
    // After changing λ the file name changes, so the old confirmation does not apply.
    #expect(apply(start, .adjust(0.01)).traceFileName.hasSuffix("-l0.96.md"))
    #expect(apply(start, .traceWritten(path: name)).message == "Wrote \(name): this trace as a Markdown table")
    let failed = apply(
      start, .traceWriteFailed("x.md: permission denied; nothing was written", path: "x.md", exists: false))
    #expect(failed.message == "x.md: permission denied; nothing was written" && failed.pendingOverwrite == nil)
  }

  @Test func theTimelineFollowsTheCurrentStep() throws {
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    var state = state(width: 80, height: 24, scenario: scenario)
    let visible = Layout.columns(for: state).visible
    #expect(visible > 3 && visible < 300)
    for _ in 0..<300 {
      let t = try #require(state.currentTime)
      #expect(t >= state.firstVisibleTime && t < state.firstVisibleTime + visible)
      state = apply(state, .nextStep)
    }
    state = apply(state, .restart)
    #expect(state.firstVisibleTime == 300 - visible)
  }
}

@Suite("Keys")
struct KeyMapTests {
  @Test func theDesignsKeysAreBound() {
    #expect(KeyMap.action(for: .right) == .nextStep)
    #expect(KeyMap.action(for: .left) == .previousStep)
    #expect(KeyMap.action(for: .character(" ")) == .togglePlay)
    #expect(KeyMap.action(for: .home) == .restart)
    #expect(KeyMap.action(for: .end) == .finish)
    #expect(KeyMap.action(for: .up) == .adjust(0.01))
    #expect(KeyMap.action(for: .down) == .adjust(-0.01))
    #expect(KeyMap.action(for: .pageUp) == .adjust(0.1))
    #expect(KeyMap.action(for: .pageDown) == .adjust(-0.1))
    #expect(KeyMap.action(for: .tab) == .selectNextParameter)
    #expect(KeyMap.action(for: .character("0")) == .setLambda(0))
    #expect(KeyMap.action(for: .character("1")) == .setLambda(1))
    #expect(KeyMap.action(for: .character("+")) == .faster)
    #expect(KeyMap.action(for: .character("-")) == .slower)
    #expect(KeyMap.action(for: .character("?")) == .toggleHelp)
    #expect(KeyMap.action(for: .character("q")) == .quit)
    #expect(KeyMap.action(for: .character("]")) == .nextScenario)
    #expect(KeyMap.action(for: .resize) == nil)
    #expect(KeyMap.action(for: .character("x")) == nil)
  }
}
