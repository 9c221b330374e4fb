import GAECore
import TestSupport
import Testing

@testable import GAETUI

/// Drives the app with random messages and checks after each one that the state still makes
/// sense; renders now and then at whatever size the storm left behind.
@Suite("Soak: random messages")
struct SoakTests {
  static let scenarios: [String] = ["built-in"] + ((try? Scenario.files(inDirectory: packageRoot + "/Scenarios")) ?? [])

  static let keyPool: [Key] = [
    .left, .right, .up, .down, .home, .end, .pageUp, .pageDown, .tab, .backTab, .escape, .enter, .backspace,
    .character(" "), .character("0"), .character("1"), .character("r"), .character("+"), .character("-"),
    .character("?"), .character("i"), .character("]"), .character("["), .character("w"), .character("h"),
    .character("l"), .character("x"), .character("g"), .character("G"), .character("t"), .character("4"),
    .character("b"), .character("B"), .character("m"), .character("M"), .character("c"), .character("e"),
    .character("s"),
  ]

  static func randomMessage(_ rng: inout SplitMix64, app: App) -> Msg {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0, 1, 2, 3, 4: return .key(keyPool.randomElement(using: &rng)!)
    case 5, 6: return .tick
    case 7:
      let width = [1, 2, 39, 59, 60, 80, 81, 120, 299, 300, Int.random(in: 0...320, using: &rng)].randomElement(
        using: &rng)!
      let height = [1, 2, 12, 19, 20, 24, 40, 100, Int.random(in: 0...110, using: &rng)].randomElement(using: &rng)!
      return .resize(width: width, height: height)
    case 8:
      let write = TraceWrite(
        path: "x", trace: app.session.trace, name: "x", format: .markdown, digits: 4, overwrite: false)
      return .traceWriteFailed(write, reason: "x: exists", directory: "/d", exists: Bool.random(using: &rng))
    default:
      return Bool.random(using: &rng)
        ? .loadFailed(path: "b.json", reason: "b.json: bad", index: 1) : .loaded(.builtInDefault, index: 0)
    }
  }

  @Test(arguments: scenarios)
  func invariantsHoldUnderRandomMessages(path: String) throws {
    let scenario = path == "built-in" ? Scenario.builtInDefault : try Scenario.load(path: path)
    // Seeded from the file's name: the same in every run, so a failure reproduces.
    var rng = SplitMix64(name: String(path.split(separator: "/").last!))
    var app = App(session: Session(scenario: scenario, gamma: 0.99, lambda: 0.95, playlist: ["a.json", "b.json"]))
    var failures = 0
    for index in 0..<50_000 {
      let message = Self.randomMessage(&rng, app: app)
      let effects = app.handle(message)
      var broken: [String] = []
      func check(_ condition: Bool, _ name: String) { if !condition { broken.append(name) } }
      let session = app.session
      if let walkthrough = app.walkthrough {
        check((0...session.stepCount).contains(walkthrough.progress), "progress outside 0…T")
        check(walkthrough.stepCount == session.stepCount, "the mode counts another rollout's steps")
        let viewport = walkthrough.viewport(session: session, area: app.body)
        check(walkthrough.firstVisibleTime == viewport.first, "scroll position not clamped")
        if let t = walkthrough.currentTime, viewport.visible > 0 {
          check(t >= viewport.first && t <= viewport.last, "current t \(t) off screen")
        }
      }
      check((0...1).contains(session.gamma) && (0...1).contains(session.lambda), "γ or λ outside [0, 1]")
      for effect in effects {
        if case .load(let path, let target) = effect { check(["a.json", "b.json"][target] == path, "wrong file") }
      }
      if index % 1_000 == 0 {
        check(
          session.trace.advantage
            == GAE.advantages(for: session.scenario.rollout, gamma: session.gamma, lambda: session.lambda),
          "trace differs from a fresh computation")
      }
      if index % 250 == 0 {
        let canvas = Screen.render(app, glyphs: index % 500 == 0 ? .unicode : .ascii)
        check(canvas.width == app.size.width && canvas.height == app.size.height, "canvas of the wrong size")
        check(canvas.lines.allSatisfy { TextWidth.columns(of: $0) == app.size.width }, "a row of the wrong width")
      }
      if !broken.isEmpty {
        failures += 1
        Issue.record("after message \(index) (\(message)) in \(path): \(broken.joined(separator: "; "))")
        if failures > 3 { return }
      }
    }
  }
}
