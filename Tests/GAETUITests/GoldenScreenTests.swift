import GAECore
import TestSupport
import Testing

@testable import GAETUI

@Suite("Golden screens, text and styles")
struct GoldenScreenTests {
  @Test(arguments: [(80, 24), (120, 40)])
  func defaultScenario(width: Int, height: Int) {
    let size = "\(width)x\(height)"
    func check(_ messages: [Msg], _ name: String) {
      Golden.check(Screen.render(makeApp(width: width, height: height, messages), glyphs: .unicode), "\(name)-\(size)")
    }
    check([], "default-first-step")
    // Step 5 computes t=7; step 4 is t=8, the truncation; step 8 is t=4, the termination.
    check(steps(4), "default-mid-way")
    check(steps(3), "default-truncation")
    check(steps(7), "default-termination")
    check(keys(.end), "default-finished")
    check(keys(.end) + [character("0")], "default-finished-lambda-0")
    check(keys(.end) + [character("1")], "default-finished-lambda-1")
  }

  @Test func overlaysAsciiAndTooSmall() {
    func check(_ app: App, _ name: String, glyphs: Glyphs = .unicode) {
      Golden.check(Screen.render(app, glyphs: glyphs), name)
    }
    check(makeApp(keys(.home)), "default-restart-80x24")
    check(makeApp([character("?")]), "help-80x24")
    check(makeApp([character("?"), .key(.end)]), "help-end-80x24")
    check(makeApp([character("i")]), "notes-80x24")
    check(makeApp(steps(7)), "ascii-termination-80x24", glyphs: .ascii)
    check(makeApp(width: 40, height: 12), "too-small-40x12")
    // The smallest layout: panel titles that do not fit are cut with a mark, not mid-word.
    check(makeApp(width: 60, height: 20, steps(3)), "default-truncation-60x20")
  }

  @Test func longRolloutScrolls() throws {
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    Golden.check(
      Screen.render(makeApp(scenario: scenario, steps(20)), glyphs: .unicode), "long-horizon-step-21-80x24")
  }

  @Test func aFolderFileThatFailsShowsItsOwnError() {
    let folder = ["Scenarios/00-default.json", "Scenarios/bad.json"]
    var app = makeApp(playlist: folder)
    app = sending(
      app,
      .loadFailed(
        path: "Scenarios/bad.json", reason: "Scenarios/bad.json: line 3, column 5: expected a number", index: 1))
    Golden.check(Screen.render(app, glyphs: .unicode), "folder-failed-file-80x24")
  }

  @Test func writeConfirmationAndStatus() {
    let app = makeApp()
    let write = TraceWrite(
      path: app.session.traceFileName, trace: app.session.trace, name: app.session.scenario.name, format: .markdown,
      digits: 4, overwrite: false)
    let asking = sending(app, .traceWriteFailed(write, reason: "exists", directory: "/home/teacher", exists: true))
    Golden.check(Screen.render(asking, glyphs: .unicode), "write-confirm-80x24")
  }
}
