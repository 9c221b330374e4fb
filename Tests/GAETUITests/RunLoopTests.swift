import GAECore
import TestSupport
import Testing

@testable import GAETUI

/// Answers every effect without touching the disk, and remembers what it was asked.
final class RecordingEffects: EffectPerformer, @unchecked Sendable {
  var performed: [Effect] = []
  let answer: (Effect) -> Msg

  init(answer: @escaping (Effect) -> Msg) { self.answer = answer }

  func perform(_ effect: Effect) -> Msg? {
    performed.append(effect)
    return answer(effect)
  }
}

@Suite("Run loop, on a terminal in memory")
struct RunLoopTests {
  func run(
    _ script: [TestTerminal.Scripted], app: App = makeApp(), effects: any EffectPerformer = FileEffects(),
    size: Size = Size(width: 80, height: 24)
  ) -> (TestTerminal, RunLoop<TestTerminal>, Int32) {
    let terminal = TestTerminal(size: size, script: script)
    var loop = RunLoop(terminal: terminal, app: app, effects: effects)
    let result = loop.run()
    return (terminal, loop, result)
  }

  @Test func quitsOnQAndDrawsFirst() {
    let (terminal, loop, result) = run([.init(at: .seconds(1), .key(.character("q")))])
    #expect(result == 0 && loop.app.quitting)
    #expect(terminal.frames.count == 1)
    #expect(terminal.screen.contains("Step  1 of 12"))
  }

  @Test func aSignalEndsTheLoopWithItsNumber() {
    let (_, _, result) = run([.init(at: .seconds(1), .signal(15))])
    #expect(result == 15)
  }

  /// Playing at 2 steps a second for 3 seconds computes 6 more steps, on time.
  @Test func ticksFollowTheSubscription() {
    let (terminal, loop, _) = run([
      .init(at: .seconds(1), .key(.character(" "))),
      .init(at: .milliseconds(4_100), .key(.character(" "))),
      .init(at: .seconds(60), .key(.character("q"))),
    ])
    #expect(loop.app.walkthrough!.progress == 7)
    // While paused the loop blocks: no frames between the pause and the q a minute later.
    #expect(terminal.frameTimes.filter { $0 > .milliseconds(4_200) && $0 < .seconds(60) }.isEmpty)
  }

  /// A faster speed takes effect at once, not after the old interval.
  @Test func aNewSpeedStartsANewSchedule() {
    let (_, loop, _) = run([
      .init(at: .zero, .key(.character(" "))),
      .init(at: .milliseconds(100), .key(.character("+"))),  // 4/s from 0.1 s
      .init(at: .milliseconds(1_120), .key(.character("q"))),
    ])
    #expect(loop.app.walkthrough!.progress == 1 + 4)
  }

  /// After a stall (a slow load, a stopped process) the loop goes on from now: no burst of
  /// catch-up ticks.
  @Test func aStallDoesNotBurst() {
    let (_, loop, _) = run([
      .init(at: .zero, .key(.character(" "))),
      .init(at: .milliseconds(100), .key(.character("k")), stall: .seconds(10)),
      .init(at: .milliseconds(10_200), .key(.character("q"))),
    ])
    #expect(loop.app.walkthrough!.progress == 2)
  }

  @Test func suspendingStopsTheClockForTicks() {
    let (terminal, loop, _) = run([
      .init(at: .zero, .key(.character(" "))),
      .init(at: .milliseconds(100), .suspend, stall: .seconds(30)),
      .init(at: .milliseconds(30_200), .key(.character("q"))),
    ])
    #expect(terminal.suspensions == 1)
    #expect(loop.app.walkthrough!.progress == 1)
  }

  @Test func aResizeRedrawsAtTheNewSize() {
    let (terminal, _, _) = run([
      .init(at: .seconds(1), .resize, size: Size(width: 120, height: 40)),
      .init(at: .seconds(2), .resize, size: Size(width: 30, height: 10)),
      .init(at: .seconds(3), .key(.character("q"))),
    ])
    #expect(terminal.frames.map(\.width) == [80, 120, 30])
    #expect(terminal.frames[2].text.contains("Enlarge"))
  }

  /// Effects go out, their results come back as messages: `]` loads the next file, and a
  /// file that fails shows its error.
  @Test func effectsAreCarriedOutAndAnswered() throws {
    let other = try Scenario.load(path: packageRoot + "/Scenarios/01-sparse-goal.json")
    let effects = RecordingEffects { effect in
      guard case .load(let path, let index) = effect else { return .traceWritten(path: "?") }
      return path == "b.json"
        ? .loaded(other, index: index) : .loadFailed(path: path, reason: "\(path): bad", index: index)
    }
    let folder = makeApp(playlist: ["a.json", "b.json", "c.json"])
    let (terminal, loop, _) = run(
      [
        .init(at: .seconds(1), .key(.character("]"))),
        .init(at: .seconds(2), .key(.character("]"))),
        .init(at: .seconds(3), .key(.character("q"))),
      ], app: folder, effects: effects)
    #expect(effects.performed == [.load(path: "b.json", index: 1), .load(path: "c.json", index: 2)])
    #expect(terminal.frames[1].text.contains(other.name.prefix(20)))
    #expect(terminal.frames[2].text.contains("c.json: bad"))
    #expect(loop.app.session.failure?.path == "c.json")
  }

  /// The real effects: `w` writes the trace beside the program, and a second `w` replaces it.
  @Test func writingATraceForReal() throws {
    let scratch = try ScratchDirectory("gaeviz-runloop")
    let app = makeApp()
    let path = scratch.path + "/trace.md"
    let write = TraceWrite(
      path: path, trace: app.session.trace, name: app.session.scenario.name, format: .markdown, digits: 4,
      overwrite: false)
    #expect(FileEffects().perform(.writeTrace(write)) == .traceWritten(path: path))
    guard case .traceWriteFailed(_, _, let directory, let exists) = FileEffects().perform(.writeTrace(write)) else {
      Issue.record("a second write should find the file")
      return
    }
    #expect(exists && directory == scratch.path)
    #expect(FileEffects().perform(.writeTrace(write.confirmed)) == .traceWritten(path: path))
    #expect(FileEffects.directory(of: "x.md").hasPrefix("/"))
  }
}
