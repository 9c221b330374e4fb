/// What the run loop needs of a terminal: its size and glyphs, a way to show a canvas, and the
/// next event within a timeout. `NcursesTerminal` is the real one; `TestTerminal` plays a script
/// in memory, so the run loop's timing, resizes and effects are tested without a screen.
public protocol Terminal: AnyObject {
  var size: Size { get }
  var glyphs: Glyphs { get }
  /// Now, on a monotonic clock (a virtual one in tests).
  var now: ContinuousClock.Instant { get }
  func draw(_ canvas: Canvas)
  /// Waits at most `timeout` (for ever when nil) for something to happen.
  func nextEvent(timeout: Duration?) -> TerminalEvent
  /// Ctrl-Z: give the terminal back, stop as the shell expects, and take it again on `fg`.
  func suspend()
}

public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  /// The window changed size: read `size`.
  case resize
  /// A quitting signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) arrived.
  case signal(Int32)
  /// Ctrl-Z.
  case suspend
  /// The timeout passed with nothing to report (or an input that means nothing).
  case timeout
}
