import GAECore

/// Everything that can happen to the app: input from the person, and system events — time,
/// the window, the outcome of an effect. Only input can clear a status message or a prompt.
public enum Msg: Equatable, Sendable {
  case key(Key)
  /// The subscription's interval has passed (see `App.tickInterval`).
  case tick
  case resize(width: Int, height: Int)
  case loaded(Scenario, index: Int)
  case loadFailed(path: String, reason: String, index: Int)
  case traceWritten(path: String)
  /// `directory` is where the write was tried, so the message can name it.
  case traceWriteFailed(TraceWrite, reason: String, directory: String, exists: Bool)
}
