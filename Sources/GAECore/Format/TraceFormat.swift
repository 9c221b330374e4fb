/// The ways `gae-viz trace` prints the backward pass: one row per computation step, t descending.
///
/// Output is streamed: rows are spelt as they are computed and handed to a sink in chunks, so
/// printing a million steps needs the memory of one chunk, not of the whole text.
public enum TraceFormat: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal.
  case table
  /// Full round-trip precision, for scripts and spreadsheets.
  case csv
  /// `{"name", "gamma", "lambda", "steps": [...]}`, full round-trip precision.
  case json
  /// A pipe table to paste into slides and notes.
  case markdown

  /// Bytes gathered before each call of the sink.
  public static let chunkSize = 1 << 16

  /// Writes `trace` of the scenario named `name` to `sink`, in chunks of about `chunkSize`
  /// bytes; `digits` applies to table and markdown. Stops at the sink's first failure.
  public func write<Failure: Error>(
    _ trace: GAETrace, name: String, digits: Int = 4, chunkSize: Int = TraceFormat.chunkSize,
    to sink: ByteSink<Failure>
  ) throws(Failure) {
    var chunk = ByteChunk(capacity: max(1, chunkSize))
    switch self {
    case .table: try Self.table(trace, name: name, digits: digits, into: &chunk, sink)
    case .csv: try Self.csv(trace, into: &chunk, sink)
    case .json: try Self.json(trace, name: name, into: &chunk, sink)
    case .markdown: try Self.markdown(trace, name: name, digits: digits, into: &chunk, sink)
    }
    try chunk.flush(to: sink)
  }

  /// The whole output as one string, for short traces and tests.
  public func render(_ trace: GAETrace, name: String, digits: Int = 4) -> String {
    var bytes: [UInt8] = []
    write(trace, name: name, digits: digits) { (chunk: UnsafeRawBufferPointer) throws(Never) in
      bytes.append(contentsOf: chunk)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static let csvColumns = [
    "step", "t", "reward", "value", "next_value", "terminated", "truncated", "delta", "carry",
    "advantage", "return",
  ]

  /// A number for json and csv: shortest round-trip form. Neither format can spell an overflowed
  /// value, so these get the words JavaScript's `Number`, Python's `float` and pandas read back:
  /// `Infinity`, `-Infinity`, `NaN` (quoted in JSON, so the document stays strict JSON).
  static func number(_ value: Double) -> String {
    if value.isFinite { return JSONText.number(value) }
    return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity")
  }

  static func jsonNumber(_ value: Double) -> String {
    value.isFinite ? JSONText.number(value) : "\"" + number(value) + "\""
  }

  /// A JSON string that is also safe on a terminal: `JSONText` escapes the C0 controls, as JSON
  /// requires; DEL, the C1 controls and the bidirectional controls are legal in JSON but act on
  /// a terminal, so they become `\u` escapes too, which read back as the same string.
  static func jsonString(_ text: String) -> String {
    let quoted = JSONText.string(text)
    guard quoted.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return quoted }
    var out = String.UnicodeScalarView()
    for scalar in quoted.unicodeScalars {
      guard TerminalText.isUnsafe(scalar) else {
        out.append(scalar)
        continue
      }
      let hex = String(scalar.value, radix: 16)
      out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
    }
    return String(out)
  }

  static func csv<Failure: Error>(
    _ trace: GAETrace, into chunk: inout ByteChunk, _ sink: ByteSink<Failure>
  ) throws(Failure) {
    chunk.append(csvColumns.joined(separator: ","))
    chunk.append(byte: UInt8(ascii: "\n"))
    for step in trace.steps {
      let fields: [String] = [
        "\(step.step)", "\(step.t)", number(step.reward), number(step.value), number(step.nextValue),
        "\(step.terminated)", "\(step.truncated)", number(step.delta), number(step.carry),
        number(step.advantage), number(step.return),
      ]
      chunk.append(fields.joined(separator: ","))
      chunk.append(byte: UInt8(ascii: "\n"))
      try chunk.flushIfFull(to: sink)
    }
  }

  static func json<Failure: Error>(
    _ trace: GAETrace, name: String, into chunk: inout ByteChunk, _ sink: ByteSink<Failure>
  ) throws(Failure) {
    chunk.append("{\"name\": \(jsonString(name)), \"gamma\": \(jsonNumber(trace.gamma)), ")
    chunk.append("\"lambda\": \(jsonNumber(trace.lambda)), \"steps\": [\n")
    var first = true
    for step in trace.steps {
      if !first { chunk.append(",\n") }
      first = false
      chunk.append("  {\"step\": \(step.step), \"t\": \(step.t), \"reward\": \(jsonNumber(step.reward)), ")
      chunk.append("\"value\": \(jsonNumber(step.value)), \"next_value\": \(jsonNumber(step.nextValue)), ")
      chunk.append("\"terminated\": \(step.terminated), \"truncated\": \(step.truncated), ")
      chunk.append("\"delta\": \(jsonNumber(step.delta)), \"carry\": \(jsonNumber(step.carry)), ")
      chunk.append("\"advantage\": \(jsonNumber(step.advantage)), \"return\": \(jsonNumber(step.return))}")
      try chunk.flushIfFull(to: sink)
    }
    chunk.append("\n]}\n")
  }

  static func boundaryWord(_ step: GAETrace.Step) -> String {
    switch step.boundary {
    case .terminated: return "terminated"
    case .truncated: return step.nextValueSource == .finalValue ? "truncated (final value)" : "truncated"
    case .endOfRollout: return "end of rollout"
    case .none: return ""
    }
  }

  /// The cells of one row of table and markdown, in `header` order.
  static func cells(_ step: GAETrace.Step, digits: Int) -> [String] {
    [
      "\(step.step)", "\(step.t)", NumberFormat.fixed(step.reward, digits: digits),
      NumberFormat.fixed(step.value, digits: digits), NumberFormat.fixed(step.nextValue, digits: digits),
      NumberFormat.fixed(step.delta, digits: digits), NumberFormat.fixed(step.carry, digits: digits),
      NumberFormat.fixed(step.advantage, digits: digits), NumberFormat.fixed(step.return, digits: digits),
      boundaryWord(step),
    ]
  }

  /// γ, λ, γλ and T, as both headings show them.
  static func parameters(_ trace: GAETrace) -> String {
    "γ \(NumberFormat.parameter(trace.gamma))  λ \(NumberFormat.parameter(trace.lambda))"
      + "  γλ \(NumberFormat.parameter(trace.decay))  T \(trace.count)"
  }

  static func markdown<Failure: Error>(
    _ trace: GAETrace, name: String, digits: Int, into chunk: inout ByteChunk, _ sink: ByteSink<Failure>
  ) throws(Failure) {
    let header = ["step", "t", "r", "V(s_t)", "V(s_{t+1})", "δ", "carry γλ·A_{t+1}", "A", "return", "boundary"]
    chunk.append("**\(markdownEscape(TerminalText.escaped(name)))** — " + parameters(trace) + "\n\n")
    chunk.append("| " + header.joined(separator: " | ") + " |\n")
    chunk.append("|" + header.indices.map { $0 == header.count - 1 ? ":---|" : "---:|" }.joined() + "\n")
    // Every cell is a number or a boundary word: nothing in them needs escaping.
    for step in trace.steps {
      chunk.append("| " + cells(step, digits: digits).joined(separator: " | ") + " |\n")
      try chunk.flushIfFull(to: sink)
    }
  }

  private static func markdownEscape(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "|")) else { return text }
    return text.map { $0 == "|" ? "\\|" : String($0) }.joined()
  }
}
