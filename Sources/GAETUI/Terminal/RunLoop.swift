import GAECore

/// The program's one loop: draw, wait for an event or the next tick, turn it into a message,
/// let the app handle it, and carry out the effects it asks for. One thread; when nothing moves
/// it sleeps in a blocking read.
public struct RunLoop<T: Terminal> {
  public let terminal: T
  public private(set) var app: App
  let effects: any EffectPerformer
  /// When the next tick is due, while the app subscribes to ticks.
  private var nextTick: ContinuousClock.Instant?
  private var interval: Duration?

  public init(terminal: T, app: App, effects: any EffectPerformer = FileEffects()) {
    self.terminal = terminal
    self.app = app
    self.effects = effects
  }

  /// Runs until the app quits or a quitting signal arrives; returns that signal, or 0.
  public mutating func run() -> Int32 {
    let size = terminal.size
    dispatch(.resize(width: size.width, height: size.height))
    while !app.quitting {
      terminal.draw(Screen.render(app, glyphs: terminal.glyphs))
      let timeout = nextTick.map { max($0 - terminal.now, .zero) }
      switch terminal.nextEvent(timeout: timeout) {
      case .signal(let signal):
        return signal
      case .suspend:
        terminal.suspend()
        // Time stood still while stopped: start counting again from now, no burst of ticks.
        if let interval { nextTick = terminal.now + interval }
        continue
      case .resize:
        let size = terminal.size
        dispatch(.resize(width: size.width, height: size.height))
      case .key(let key):
        dispatch(.key(key))
      case .timeout:
        break
      }
      if let due = nextTick, let interval, terminal.now >= due {
        dispatch(.tick)
        // After a stall (a slow frame, a long load) go on from now instead of catching up.
        let now = terminal.now
        if self.interval == interval, nextTick == due {
          nextTick = now - due > interval ? now + interval : due + interval
        }
      }
    }
    return 0
  }

  /// A message to the app, then its effects, whose results are messages in turn.
  mutating func dispatch(_ msg: Msg) {
    var pending = [msg]
    while !pending.isEmpty {
      let effectsToRun = app.handle(pending.removeFirst())
      resubscribe()
      for effect in effectsToRun {
        if let result = effects.perform(effect) { pending.append(result) }
      }
    }
  }

  /// Time as a subscription: the app says how often it wants a tick; the loop starts a new
  /// schedule whenever that changes (playing, pausing, a new speed) and drops it when it is nil.
  private mutating func resubscribe() {
    let wanted = app.tickInterval
    guard wanted != interval else { return }
    interval = wanted
    nextTick = wanted.map { terminal.now + $0 }
  }
}
