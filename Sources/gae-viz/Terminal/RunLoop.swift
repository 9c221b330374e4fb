import GAECore
import GAETUI

/// The program's one loop: draw, wait for a key or the next tick, turn it into an action,
/// update, and carry out what update asks for (loading a scenario). One thread; when paused it
/// sleeps in a blocking read.
struct RunLoop {
  let terminal: NcursesTerminal
  var state: AppState

  /// Runs until the user quits or a quitting signal arrives; returns that signal, or 0.
  mutating func run() -> Int32 {
    let glyphs: Glyphs = terminal.unicode ? .unicode : .ascii
    let clock = ContinuousClock()
    var nextTick: ContinuousClock.Instant?
    var interval = Duration.seconds(state.tickInterval)
    dispatch(.resize(width: terminal.size.width, height: terminal.size.height))

    while !state.quitting {
      terminal.draw(Screen.render(state, glyphs: glyphs))
      if state.playing {
        if nextTick == nil { nextTick = clock.now + interval }
      } else {
        nextTick = nil
      }
      let timeout = nextTick.map { Self.milliseconds(until: $0, from: clock.now) } ?? -1
      let key = terminal.readKey(timeout: timeout)

      let signal = Signals.pending.load(ordering: .relaxed)
      if signal != 0 { return signal }
      if Signals.suspendRequested.load(ordering: .relaxed) {
        terminal.suspend()
        // Time stood still while stopped: no burst of catch-up ticks.
        nextTick = nil
        continue
      }

      if let key {
        if key == .resize {
          let size = terminal.size
          dispatch(.resize(width: size.width, height: size.height))
        } else if let action = KeyMap.action(for: key) ?? (state.showingHelp ? .dismiss : nil) {
          let speed = state.speedIndex
          dispatch(action)
          if state.speedIndex != speed || action == .togglePlay {
            interval = .seconds(state.tickInterval)
            nextTick = state.playing ? clock.now + interval : nil
          }
        }
      }
      if state.playing, let due = nextTick, clock.now >= due {
        dispatch(.tick)
        // After a stall (Ctrl-Z, a slow frame) start again from now instead of catching up.
        let now = clock.now
        nextTick = now - due > interval ? now + interval : due + interval
      }
    }
    return 0
  }

  private mutating func dispatch(_ action: Action) {
    if let effect = state.handle(action) { perform(effect) }
  }

  private mutating func perform(_ effect: Effect) {
    switch effect {
    case .loadScenario(let path, let index):
      do {
        dispatch(.scenarioLoaded(try Scenario.load(path: path), index: index))
      } catch {
        dispatch(.scenarioFailed(error.description, index: index))
      }
    case .writeTrace(let path, let overwrite):
      let text = TraceFormat.markdown.render(state.trace, name: state.scenario.name, digits: 4)
      do {
        try SafeFileWriter.write(text, to: path, overwrite: overwrite)
        dispatch(.traceWritten(path: path))
      } catch {
        if case .exists = error {
          dispatch(.traceWriteFailed(error.description, path: path, exists: true))
        } else {
          dispatch(.traceWriteFailed(error.description, path: path, exists: false))
        }
      }
    }
  }

  static func milliseconds(until deadline: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int {
    let (seconds, attoseconds) = (deadline - now).components
    return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000) + 1)
  }
}
