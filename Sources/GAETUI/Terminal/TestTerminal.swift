/// A terminal in memory for run-loop tests: it plays a script of events at given times on a
/// virtual clock and keeps every frame drawn. Waiting costs no real time: a wait with a timeout
/// moves the clock to the next scripted event or to the timeout, whichever comes first; a wait
/// for ever with nothing left in the script ends the run with a signal, so a test cannot hang.
public final class TestTerminal: Terminal {
  public struct Scripted: Sendable {
    public let at: Duration
    public let event: TerminalEvent
    /// The window's size from this event on (for `.resize`).
    public let size: Size?
    /// Time the program spends before it can read again (a stall: a slow load, a stopped process).
    public let stall: Duration

    public init(at: Duration, _ event: TerminalEvent, size: Size? = nil, stall: Duration = .zero) {
      self.at = at
      self.event = event
      self.size = size
      self.stall = stall
    }
  }

  public private(set) var size: Size
  public let glyphs: Glyphs
  private let start = ContinuousClock.now
  /// Virtual time since the start.
  public private(set) var elapsed: Duration = .zero
  private var script: [Scripted]
  public private(set) var frames: [Canvas] = []
  /// The virtual times at which frames were drawn.
  public private(set) var frameTimes: [Duration] = []
  public private(set) var suspensions = 0
  /// The signal returned once the script is exhausted and the program would wait for ever.
  public static let exhausted: Int32 = 9999

  public init(size: Size = Size(width: 80, height: 24), glyphs: Glyphs = .unicode, script: [Scripted]) {
    self.size = size
    self.glyphs = glyphs
    self.script = script.sorted { $0.at < $1.at }
  }

  public var now: ContinuousClock.Instant { start + elapsed }

  public func draw(_ canvas: Canvas) {
    frames.append(canvas)
    frameTimes.append(elapsed)
  }

  public func nextEvent(timeout: Duration?) -> TerminalEvent {
    guard let next = script.first else {
      if let timeout {
        elapsed += timeout
        return .timeout
      }
      return .signal(Self.exhausted)
    }
    if let timeout, elapsed + timeout < next.at {
      elapsed += timeout
      return .timeout
    }
    script.removeFirst()
    elapsed = max(elapsed, next.at) + next.stall
    if let size = next.size { self.size = size }
    return next.event
  }

  public func suspend() { suspensions += 1 }

  /// The last frame as text.
  public var screen: String { frames.last?.text ?? "" }
}
