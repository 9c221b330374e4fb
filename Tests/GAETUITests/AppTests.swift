import Foundation
import GAECore
import TestSupport
import Testing

@testable import GAETUI

@Suite("App: keys, messages, overlays")
struct AppTests {
  let start = makeApp()

  func progress(_ app: App) -> Int { app.walkthrough?.progress ?? -1 }

  @Test func opensOnTheFirstStepWithTheSeedsDefaults() throws {
    let walkthrough = try #require(start.walkthrough)
    #expect(walkthrough.progress == 1)
    #expect(walkthrough.currentTime == 11)
    #expect(start.session.gamma == 0.99 && start.session.lambda == 0.95)
    #expect(!walkthrough.playing && start.chrome.top == nil && !start.quitting)
  }

  /// The pass runs right to left: ← moves the highlight left (the next step), → moves it back.
  @Test func arrowsMoveTheHighlightTheWayTheyPoint() {
    #expect(progress(sending(start, .key(.left))) == 2)
    #expect(progress(sending(start, .key(.left), .key(.right))) == 1)
    for key in [Key.character("h"), .character("n"), .enter] { #expect(progress(sending(start, .key(key))) == 2) }
    for key in [Key.character("l"), .character("p"), .backspace] { #expect(progress(sending(start, .key(key))) == 0) }
    let before = sending(start, .key(.left)).walkthrough!.currentTime!
    let after = sending(start, .key(.left), .key(.left)).walkthrough!.currentTime!
    #expect(after < before)  // the highlight moved left on the timeline
  }

  @Test func steppingIsClampedAndStopsPlaying() {
    #expect(progress(sending(start, .key(.right), .key(.right))) == 0)
    #expect(progress(sending(start, .key(.end), .key(.left))) == 12)
    #expect(sending(start, .key(.end)).walkthrough!.isFinished)
    #expect(progress(sending(start, .key(.end), .key(.home))) == 0)
    #expect(sending(start, character(" "), .key(.left)).walkthrough!.playing == false)
  }

  @Test func ticksAdvanceOnlyWhilePlayingAndStopAtTheEnd() {
    #expect(progress(sending(start, .tick)) == 1)
    let playing = sending(start, character(" "))
    #expect(playing.walkthrough!.playing)
    #expect(playing.tickInterval == .milliseconds(500))
    #expect(progress(sending(playing, .tick, .tick)) == 3)
    let again = sending(playing, .key(.end), character(" "))
    #expect(progress(again) == 0 && again.walkthrough!.playing)  // play at the end starts over
    var app = playing
    for _ in 0..<20 { app = sending(app, .tick) }
    #expect(app.walkthrough!.isFinished && !app.walkthrough!.playing && app.tickInterval == nil)
    #expect(sending(playing, character("+")).tickInterval == .milliseconds(250))
    #expect(sending(playing, .key(.escape)).tickInterval == nil)
  }

  @Test func adjustingRecomputesAndKeepsTheStep() {
    let moved = sending(start, .key(.left), .key(.left), .key(.up))
    #expect(moved.session.lambda == 0.96)
    #expect(progress(moved) == 3)
    #expect(
      moved.session.trace.advantage == GAE.advantages(for: moved.session.scenario.rollout, gamma: 0.99, lambda: 0.96))
    #expect(sending(start, .key(.pageUp), .key(.pageUp)).session.lambda == 1)
    #expect(sending(start, .key(.pageDown)).session.lambda == 0.85)
    #expect(sending(start, character("0"), .key(.down)).session.lambda == 0)
    #expect(sending(start, character("j")).session.lambda == 0.94)
    var app = sending(start, character("0"))
    for _ in 0..<70 { app = sending(app, character("k")) }
    #expect(app.session.lambda == 0.7)  // no drift
  }

  @Test func tabSelectsWhichParameterTheArrowsMove() {
    let gamma = sending(start, .key(.tab), .key(.down))
    #expect(gamma.session.selected == .gamma)
    #expect(gamma.session.gamma == 0.98 && gamma.session.lambda == 0.95)
    #expect(sending(gamma, .key(.backTab)).session.selected == .lambda)
  }

  @Test func zeroAndOneAreTheTwoClassicalEstimators() {
    let td = sending(start, .key(.tab), character("0"))
    #expect(td.session.selected == .lambda)
    #expect(td.session.trace.advantage == Estimators.tdErrors(for: td.session.scenario.rollout, gamma: 0.99))
    let mc = sending(start, character("1"))
    let expected = Estimators.monteCarloAdvantages(for: mc.session.scenario.rollout, gamma: 0.99)
    #expect(zip(mc.session.trace.advantage, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(sending(mc, character("r")).session.lambda == 0.95)
  }

  @Test func speedIsClamped() {
    #expect(sending(start, character("+")).walkthrough!.speed == 4)
    #expect(sending(start, character("-"), character("-"), character("-"), character("-")).walkthrough!.speed == 0.5)
    var app = start
    for _ in 0..<20 { app = sending(app, character("=")) }
    #expect(app.walkthrough!.speed == 64)
  }

  /// In help, q and Esc close the help: they never quit or act on the walkthrough.
  @Test func helpClosesWithQAndEscapeAndNeverActs() {
    let help = sending(start, character("?"))
    #expect(help.chrome.top == .help(scroll: 0))
    for key in [Key.character("q"), .escape, .character("?"), .left, .character("x")] {
      let closed = sending(help, .key(key))
      #expect(closed.chrome.top == nil && !closed.quitting && progress(closed) == 1)
    }
    #expect(sending(help, .key(.down)).chrome.top == .help(scroll: 1))
    #expect(sending(help, .tick).chrome.top == .help(scroll: 0))
    #expect(sending(help, .resize(width: 100, height: 30)).chrome.top == .help(scroll: 0))
    // A tick under help still plays the walkthrough: system messages are never swallowed.
    let playing = sending(start, character(" "), character("?"), .tick)
    #expect(progress(playing) == 2 && playing.chrome.top == .help(scroll: 0))
    #expect(sending(start, character("q")).quitting)
  }

  @Test func everyBoundKeyIsInHelp() {
    for app in [start, makeApp(playlist: ["a.json", "b.json"])] {
      let help = HelpOverlay(app: app, glyphs: .unicode)
      let text = help.lines.map(\.0).joined(separator: "\n")
      var bound = GlobalAction.bindings(app.session, active: app.mode).flatMap(\.keys)
      bound += app.walkthrough!.bindings(session: app.session, glyphs: .unicode).flatMap(\.keys)
      for key in bound {
        let name = Glyphs.unicode.name(of: key)
        #expect(text.contains(name), "\(name) is bound but not in help")
        // And the key really does something from the walkthrough.
        #expect(
          GlobalAction.bindings(app.session, active: app.mode).action(for: key) != nil
            || app.walkthrough!.bindings(session: app.session, glyphs: .unicode).action(for: key) != nil)
      }
    }
  }

  /// At 80×24 the notes are cut; the footer says so, and `i` shows them whole to the last word.
  @Test func theNotesAreReadableToTheEnd() throws {
    let canvas = Screen.render(start, glyphs: .unicode)
    #expect(canvas.lines[23].contains("i more notes"))
    var app = sending(start, character("i"))
    #expect(app.chrome.top == .notes(scroll: 0))
    app = sending(app, .key(.end))
    let text = Screen.render(app, glyphs: .unicode).text
    let lastWords = start.session.notes.split(separator: " ").suffix(3).joined(separator: " ")
    #expect(text.replacingOccurrences(of: "\n", with: " ").contains(lastWords))
    #expect(sending(app, character("q")).chrome.top == nil)
    #expect(!sending(app, character("q")).quitting)
    // A scenario whose notes fit gets no such hint.
    let short = try scenario(rewards: [1], values: [0, 0], description: "Short notes.")
    #expect(!Screen.render(makeApp(scenario: short), glyphs: .unicode).lines[23].contains("more notes"))
  }

  @Test func browsingAFolderAsksTheRunLoopToLoad() throws {
    #expect(sending(start, character("]")).chrome.status?.text.contains("Open a folder") == true)
    let folder = makeApp(playlist: ["a.json", "b.json", "c.json"])
    #expect(App.update(folder, character("]")).1 == [.load(path: "b.json", index: 1)])
    #expect(App.update(folder, character("[")).1 == [.load(path: "c.json", index: 2)])
    let other = try Scenario.load(path: packageRoot + "/Scenarios/01-sparse-goal.json")
    let faster = sending(folder, character("+"), .key(.tab), .key(.end))
    let loaded = sending(faster, .loaded(other, index: 2))
    #expect(loaded.session.scenario == other && loaded.session.playlistIndex == 2)
    #expect(progress(loaded) == 1 && loaded.walkthrough!.speed == 4 && loaded.session.selected == .gamma)
  }

  /// A file that fails shows its own error under its own number and name: never the previous
  /// scenario's numbers, and no key acts on them.
  @Test func aFileThatFailsShowsItsOwnErrorScreen() {
    let folder = makeApp(playlist: ["a.json", "b.json", "c.json"])
    let failed = sending(folder, .loadFailed(path: "b.json", reason: "b.json: line 1, column 1: bad", index: 1))
    let text = Screen.render(failed, glyphs: .unicode).text
    #expect(text.contains("[2/3] b.json"))
    #expect(text.contains("b.json: line 1, column 1: bad"))
    #expect(!text.contains("Goal, time limit"))
    #expect(!text.contains("V(s)"))
    #expect(App.update(failed, character("w")).1.isEmpty)
    #expect(progress(sending(failed, .key(.left))) == 1)
    #expect(failed.tickInterval == nil)
    #expect(App.update(failed, character("]")).1 == [.load(path: "c.json", index: 2)])
    let recovered = sending(failed, .loaded(.builtInDefault, index: 2))
    #expect(recovered.session.failure == nil)
    #expect(Screen.render(recovered, glyphs: .unicode).text.contains("[3/3] c.json"))
  }

  @Test func writingTheTraceCarriesWhatItNeedsAndAsksBeforeReplacing() throws {
    let name = "goal-time-limit-and-a-rollout-cut-short-trace-g0.99-l0.95.md"
    let (_, effects) = App.update(start, character("w"))
    guard case .writeTrace(let write)? = effects.first else {
      Issue.record("no write effect")
      return
    }
    #expect(write.path == name && write.format == .markdown && write.digits == 4 && !write.overwrite)
    #expect(write.trace == start.session.trace)
    let asking = sending(start, .traceWriteFailed(write, reason: "exists", directory: "/tmp/x", exists: true))
    let footer = Screen.render(asking, glyphs: .unicode).lines[23]
    #expect(footer.contains("File exists: press w again to replace it"))
    // A tick, a resize or a finished load does not withdraw the question.
    let ticked = sending(asking, .tick, .resize(width: 90, height: 30))
    #expect(App.update(ticked, character("w")).1 == [.writeTrace(write.confirmed)])
    // Any other key withdraws it (and does what it always does).
    let moved = sending(asking, .key(.left))
    #expect(progress(moved) == 2)
    #expect(App.update(moved, character("w")).1 == [.writeTrace(write)])
    #expect(sending(asking, .key(.escape)).chrome.top == nil)
    #expect(sending(start, .key(.up)).session.traceFileName.hasSuffix("-l0.96.md"))
  }

  @Test func statusMessagesSurviveSystemMessagesAndOverlays() {
    let wrote = sending(start, .traceWritten(path: "x.md"))
    #expect(wrote.chrome.status?.text == "Wrote x.md")
    #expect(sending(wrote, .tick, .resize(width: 100, height: 30)).chrome.status != nil)
    #expect(sending(wrote, .key(.left)).chrome.status == nil)
    // A write that finishes while help is open is still reported, below the help.
    let underHelp = sending(start, character("?"), .traceWritten(path: "x.md"))
    #expect(underHelp.chrome.status != nil)
    #expect(Screen.render(underHelp, glyphs: .unicode).lines[23].contains("Wrote x.md"))
    let write = TraceWrite(
      path: "x.md", trace: start.session.trace, name: "n", format: .markdown, digits: 4, overwrite: false)
    let failed = sending(
      start,
      .traceWriteFailed(
        write, reason: "permission denied; nothing was written", directory: "/srv/ro", exists: false))
    #expect(
      failed.chrome.status
        == Chrome.Status(
          text: "Could not write: permission denied; nothing was written · x.md in /srv/ro", isError: true))
    // Cut with a mark when longer than the line.
    let long = sending(
      start, .traceWriteFailed(write, reason: String(repeating: "x", count: 200), directory: "/d", exists: false))
    let line = Screen.render(long, glyphs: .unicode).lines[23]
    #expect(line.trimmingCharacters(in: .whitespaces).hasSuffix("…"))
  }

  @Test func theTimelineFollowsTheCurrentStep() throws {
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    var app = makeApp(scenario: scenario)
    let visible = app.walkthrough!.viewport(session: app.session, area: app.body).visible
    #expect(visible > 3 && visible < 300)
    for _ in 0..<300 {
      let walkthrough = app.walkthrough!
      let t = try #require(walkthrough.currentTime)
      #expect(t >= walkthrough.firstVisibleTime && t < walkthrough.firstVisibleTime + visible)
      app = sending(app, .key(.left))
    }
    app = sending(app, .key(.home))
    #expect(app.walkthrough!.firstVisibleTime == 300 - visible)
  }

  /// Stepping back keeps A_{t+1}, which feeds the current step, on screen (and t−1 too).
  @Test func steppingBackKeepsTheNextColumnInView() throws {
    let scenario = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    var app = makeApp(scenario: scenario, keys(.end))
    for _ in 0..<40 {
      app = sending(app, .key(.right))
      let walkthrough = app.walkthrough!
      let viewport = walkthrough.viewport(session: app.session, area: app.body)
      let t = try #require(walkthrough.currentTime)
      #expect(viewport.x(of: t + 1) != nil && viewport.x(of: t) != nil)
      if t > 0 { #expect(viewport.x(of: t - 1) != nil) }
    }
  }

  /// The command line's γ and λ win over every file of a folder, not only the first.
  @Test func theCommandLinesGammaAndLambdaHoldForEveryFile() throws {
    let other = try Scenario.load(path: packageRoot + "/Scenarios/02-dense-rewards.json")
    var app = App(
      session: Session(
        scenario: .builtInDefault, gamma: 0.5, lambda: 0.3, playlist: ["a.json", "b.json"],
        overrides: Session.Overrides(gamma: 0.5, lambda: 0.3)))
    app = sending(app, .loaded(other, index: 1))
    #expect(app.session.gamma == 0.5 && app.session.lambda == 0.3)
    #expect(sending(app, character("r")).session.lambda == 0.3)
    // Without flags, each file's own.
    let plain = sending(makeApp(playlist: ["a.json", "b.json"]), .loaded(other, index: 1))
    #expect(plain.session.gamma == other.gamma)
  }

  /// On the "enlarge me" screen nothing acts unseen: only quitting works.
  @Test func keysDoNothingUnseenOnTheEnlargeScreen() {
    let small = makeApp(width: 40, height: 10, playlist: ["a.json", "b.json"])
    for key in [Key.character("w"), .character("]"), .character(" "), .left, .character("?"), .character("1")] {
      let (after, effects) = App.update(small, .key(key))
      #expect(effects.isEmpty && after.chrome.top == nil && after.walkthrough!.progress == 1)
      #expect(after.session.lambda == 0.95 && !after.walkthrough!.playing)
    }
    #expect(sending(small, character("q")).quitting)
  }

  @Test func negativeZeroIsZero() {
    let app = App(session: Session(scenario: .builtInDefault, gamma: -0.0, lambda: -0.0))
    #expect(app.session.gamma.sign == .plus && app.session.lambda.sign == .plus)
    #expect(app.session.traceFileName.hasSuffix("-g0.00-l0.00.md"))
  }

  /// A million steps: the t row's numbers fit their columns.
  @Test func longRolloutsShowEveryTimeStepWhole() throws {
    let count = 1_000_001
    let zeros = try scenario(rewards: Array(repeating: 0, count: count), values: Array(repeating: 0, count: count + 1))
    let app = makeApp(scenario: zeros)
    let text = Screen.render(app, glyphs: .unicode).lines[2]
    #expect(text.contains("1000000"))
    #expect(!text.contains("…"))
  }

  /// A window larger than the screen draws is drawn capped, and says so.
  @Test func aHugeWindowIsDrawnCapped() {
    let app = makeApp(width: 10_000, height: 10_000)
    #expect(app.size == Size(width: Screen.maximumWidth, height: Screen.maximumHeight))
    let canvas = Screen.render(app, glyphs: .unicode)
    #expect(canvas.width == Screen.maximumWidth)
    #expect(canvas.lines.last!.contains("window 10000×10000: drawing 500×300"))
  }

  /// `w` on a rollout no slide can hold says what to do instead, and writes nothing.
  @Test func writingAHugeTraceIsRefusedWithTheWayToDoIt() throws {
    let count = App.largestSlideTrace + 1
    let big = try scenario(rewards: Array(repeating: 0, count: count), values: Array(repeating: 0, count: count + 1))
    let (app, effects) = App.update(makeApp(scenario: big), character("w"))
    #expect(effects.isEmpty)
    #expect(app.chrome.status?.text.contains("gae-viz trace") == true)
  }
}
