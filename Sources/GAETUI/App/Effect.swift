import GAECore

/// Work `update` asks the run loop to do, carrying everything it needs; the outcome comes back
/// as a message.
public enum Effect: Equatable, Sendable {
  /// Open file `index` of the folder.
  case load(path: String, index: Int)
  case writeTrace(TraceWrite)
  /// A mode asks for a line of text; the app opens the prompt itself (the run loop never sees it).
  case ask(question: String, kind: PromptKind)
  /// A mode has something to say on the status line; the app shows it itself.
  case say(String)
}

/// A trace to write to a file: which numbers, in which format, where.
public struct TraceWrite: Equatable, Sendable {
  public let path: String
  public let trace: GAETrace
  public let name: String
  public let format: TraceFormat
  public let digits: Int
  /// Replace the file if it exists (the person confirmed).
  public let overwrite: Bool

  public init(path: String, trace: GAETrace, name: String, format: TraceFormat, digits: Int, overwrite: Bool) {
    self.path = path
    self.trace = trace
    self.name = name
    self.format = format
    self.digits = digits
    self.overwrite = overwrite
  }

  /// The same write, confirmed.
  public var confirmed: TraceWrite {
    TraceWrite(path: path, trace: trace, name: name, format: format, digits: digits, overwrite: true)
  }
}
