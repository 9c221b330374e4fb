import GAECore
import TestSupport
import Testing

@testable import GAETUI

func state(width: Int, height: Int, scenario: Scenario = .builtInDefault, actions: [Action] = []) -> AppState {
  var state = AppState(scenario: scenario, gamma: scenario.gamma ?? 0.99, lambda: scenario.lambda ?? 0.95)
  (state, _) = AppState.update(state, .resize(width: width, height: height))
  for action in actions { (state, _) = AppState.update(state, action) }
  return state
}

func steps(_ count: Int) -> [Action] { Array(repeating: .nextStep, count: count) }

@Suite("Golden screens")
struct GoldenScreenTests {
  @Test(arguments: [(80, 24), (120, 40)])
  func defaultScenario(width: Int, height: Int) {
    let size = "\(width)x\(height)"
    Golden.check(Screen.render(state(width: width, height: height), glyphs: .unicode), "default-first-step-\(size)")
    // Step 5 computes t=7; step 4 is t=8, the truncation; step 8 is t=4, the termination.
    Golden.check(
      Screen.render(state(width: width, height: height, actions: steps(4)), glyphs: .unicode), "default-mid-way-\(size)"
    )
    Golden.check(
      Screen.render(state(width: width, height: height, actions: steps(3)), glyphs: .unicode),
      "default-truncation-\(size)")
    Golden.check(
      Screen.render(state(width: width, height: height, actions: steps(7)), glyphs: .unicode),
      "default-termination-\(size)")
    Golden.check(
      Screen.render(state(width: width, height: height, actions: [.finish]), glyphs: .unicode),
      "default-finished-\(size)")
  }

  @Test func restartedHelpAsciiAndTooSmall() {
    Golden.check(
      Screen.render(state(width: 80, height: 24, actions: [.restart]), glyphs: .unicode), "default-restart-80x24")
    Golden.check(Screen.render(state(width: 80, height: 24, actions: [.toggleHelp]), glyphs: .unicode), "help-80x24")
    Golden.check(
      Screen.render(state(width: 80, height: 24, actions: steps(7)), glyphs: .ascii), "ascii-termination-80x24")
    Golden.check(Screen.render(state(width: 40, height: 12), glyphs: .unicode), "too-small-40x12")
    // The smallest layout: panel titles that do not fit are cut with a mark, not mid-word.
    Golden.check(
      Screen.render(state(width: 60, height: 20, actions: steps(3)), glyphs: .unicode), "default-truncation-60x20")
  }

  @Test func longRolloutScrolls() throws {
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    Golden.check(
      Screen.render(state(width: 80, height: 24, scenario: scenario, actions: steps(20)), glyphs: .unicode),
      "long-horizon-step-21-80x24")
  }
}
