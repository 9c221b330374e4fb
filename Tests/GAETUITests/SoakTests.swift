import GAECore
import TestSupport
import Testing

@testable import GAETUI

/// Drives `update` with random actions and checks after each one that the state still makes
/// sense; renders now and then at whatever size the storm left behind.
@Suite("Soak: random actions")
struct SoakTests {
  static let scenarios: [String] = ["built-in"] + ((try? Scenario.files(inDirectory: packageRoot + "/Scenarios")) ?? [])

  static func randomAction(_ rng: inout SplitMix64) -> Action {
    switch Int.random(in: 0..<22, using: &rng) {
    case 0, 1, 2: return .nextStep
    case 3, 4: return .previousStep
    case 5: return .restart
    case 6: return .finish
    case 7: return .togglePlay
    case 8, 9, 10: return .tick
    case 11: return .adjust([0.01, -0.01, 0.1, -0.1].randomElement(using: &rng)!)
    case 12: return .selectNextParameter
    case 13: return .setLambda([0, 1, Double.random(in: -0.5...1.5, using: &rng)].randomElement(using: &rng)!)
    case 14: return .resetParameters
    case 15: return Bool.random(using: &rng) ? .faster : .slower
    case 16: return .toggleHelp
    case 17: return .dismiss
    case 18:
      let width = [1, 2, 39, 59, 60, 80, 81, 120, 299, 300, Int.random(in: 0...320, using: &rng)].randomElement(
        using: &rng)!
      let height = [1, 2, 12, 19, 20, 24, 40, 100, Int.random(in: 0...110, using: &rng)].randomElement(using: &rng)!
      return .resize(width: width, height: height)
    case 19: return Bool.random(using: &rng) ? .nextScenario : .previousScenario
    case 20: return .writeTrace
    default: return .traceWriteFailed("x: exists", path: "x", exists: Bool.random(using: &rng))
    }
  }

  @Test(arguments: scenarios)
  func invariantsHoldUnderRandomActions(path: String) throws {
    let scenario = path == "built-in" ? Scenario.builtInDefault : try Scenario.load(path: path)
    // Seeded from the file's name: the same in every run, so a failure reproduces.
    var rng = SplitMix64(name: String(path.split(separator: "/").last!))
    var state = AppState(scenario: scenario, gamma: 0.99, lambda: 0.95, playlist: ["a.json", "b.json"])
    var failures = 0
    for index in 0..<100_000 {
      let action = Self.randomAction(&rng)
      let effect: Effect?
      (state, effect) = AppState.update(state, action)
      var broken: [String] = []
      func check(_ condition: Bool, _ name: String) { if !condition { broken.append(name) } }
      check((0...state.stepCount).contains(state.progress), "progress \(state.progress) outside 0…T")
      check((0...1).contains(state.gamma) && (0...1).contains(state.lambda), "γ or λ outside [0, 1]")
      check(state.trace.gamma == state.gamma && state.trace.lambda == state.lambda, "trace for other γ, λ")
      check(state.trace.rollout == scenario.rollout, "trace for another rollout")
      let columns = Layout.columns(for: state)
      check(
        state.firstVisibleTime >= 0 && state.firstVisibleTime <= max(0, state.stepCount - columns.visible),
        "first visible t \(state.firstVisibleTime) out of range")
      if let t = state.currentTime, columns.visible > 0 {
        check(
          t >= state.firstVisibleTime && t < state.firstVisibleTime + columns.visible,
          "current t \(t) off screen (\(state.firstVisibleTime)+\(columns.visible), \(state.width)×\(state.height))")
      }
      if case .loadScenario(let path, let target)? = effect {
        check(["a.json", "b.json"][target] == path, "load effect for the wrong file")
      }
      if index % 1_000 == 0 {
        check(
          state.trace.advantage == GAE.advantages(for: scenario.rollout, gamma: state.gamma, lambda: state.lambda),
          "trace differs from a fresh computation")
      }
      if index % 500 == 0 {
        let canvas = Screen.render(state, glyphs: index % 1_000 == 0 ? .unicode : .ascii)
        check(canvas.width == state.width && canvas.height == state.height, "canvas of the wrong size")
        check(canvas.lines.allSatisfy { TextWidth.columns(of: $0) == state.width }, "a row of the wrong width")
      }
      let ok = broken.isEmpty
      if !ok {
        failures += 1
        Issue.record("after action \(index) (\(action)) in \(path): \(broken.joined(separator: "; "))")
        if failures > 3 { return }
      }
    }
  }
}
