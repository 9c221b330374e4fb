/// The ways `gae-viz trace` prints the backward pass: one row per computation step, t descending.
public enum TraceFormat: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal.
  case table
  /// Full round-trip precision, for scripts and spreadsheets.
  case csv
  /// `{"name", "gamma", "lambda", "steps": [...]}`, full round-trip precision.
  case json
  /// A pipe table to paste into slides and notes.
  case markdown

  /// Renders `trace` of the scenario named `name`; `digits` applies to table and markdown.
  public func render(_ trace: GAETrace, name: String, digits: Int = 4) -> String {
    switch self {
    case .table: return Self.table(trace, name: name, digits: digits)
    case .csv: return Self.csv(trace)
    case .json: return Self.json(trace, name: name)
    case .markdown: return Self.markdown(trace, name: name, digits: digits)
    }
  }

  static let csvColumns = [
    "step", "t", "reward", "value", "next_value", "terminated", "truncated", "delta", "carry",
    "advantage", "return",
  ]

  static func csv(_ trace: GAETrace) -> String {
    var out = csvColumns.joined(separator: ",") + "\n"
    for step in trace.steps {
      let fields: [String] = [
        "\(step.step)", "\(step.t)", JSONText.number(step.reward), JSONText.number(step.value),
        JSONText.number(step.nextValue), "\(step.terminated)", "\(step.truncated)",
        JSONText.number(step.delta), JSONText.number(step.carry), JSONText.number(step.advantage),
        JSONText.number(step.return),
      ]
      out += fields.joined(separator: ",") + "\n"
    }
    return out
  }

  static func json(_ trace: GAETrace, name: String) -> String {
    var out = "{\"name\": \(JSONText.string(name)), \"gamma\": \(JSONText.number(trace.gamma)), "
    out += "\"lambda\": \(JSONText.number(trace.lambda)), \"steps\": [\n"
    var first = true
    for step in trace.steps {
      if !first { out += ",\n" }
      first = false
      out += "  {\"step\": \(step.step), \"t\": \(step.t), \"reward\": \(JSONText.number(step.reward)), "
      out += "\"value\": \(JSONText.number(step.value)), \"next_value\": \(JSONText.number(step.nextValue)), "
      out += "\"terminated\": \(step.terminated), \"truncated\": \(step.truncated), "
      out += "\"delta\": \(JSONText.number(step.delta)), \"carry\": \(JSONText.number(step.carry)), "
      out += "\"advantage\": \(JSONText.number(step.advantage)), \"return\": \(JSONText.number(step.return))}"
    }
    return out + "\n]}\n"
  }

  static func boundaryWord(_ step: GAETrace.Step) -> String {
    switch step.boundary {
    case .terminated: return "terminated"
    case .truncated: return step.nextValueSource == .finalValue ? "truncated (final value)" : "truncated"
    case .endOfRollout: return "end of rollout"
    case .none: return ""
    }
  }

  private static func rows(_ trace: GAETrace, digits: Int) -> [[String]] {
    trace.steps.map { step in
      [
        "\(step.step)", "\(step.t)", NumberFormat.fixed(step.reward, digits: digits),
        NumberFormat.fixed(step.value, digits: digits), NumberFormat.fixed(step.nextValue, digits: digits),
        NumberFormat.fixed(step.delta, digits: digits), NumberFormat.fixed(step.carry, digits: digits),
        NumberFormat.fixed(step.advantage, digits: digits), NumberFormat.fixed(step.return, digits: digits),
        boundaryWord(step),
      ]
    }
  }

  private static func heading(_ trace: GAETrace, name: String) -> String {
    "\(name)  γ \(NumberFormat.parameter(trace.gamma))  λ \(NumberFormat.parameter(trace.lambda))"
      + "  γλ \(NumberFormat.parameter(trace.decay))  T \(trace.count)"
  }

  static func table(_ trace: GAETrace, name: String, digits: Int) -> String {
    let header = ["step", "t", "reward", "V(s_t)", "V(s_t+1)", "delta", "carry", "A", "return", "boundary"]
    let body = rows(trace, digits: digits)
    // Widths in characters; every cell but the header's is ASCII, where UTF-8 counts are free.
    var widths = header.map(\.count)
    for row in body {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.utf8.count) }
    }
    var out = heading(trace, name: name) + "\n"
    let pads = (0...(widths.max()! + 2)).map { String(repeating: " ", count: $0) }
    func line(_ cells: [String], width: (String) -> Int) {
      // Numbers right-aligned, the boundary word left-aligned; spaces are written only before
      // a cell, so a line never ends in them.
      var spaces = 0
      for (index, cell) in cells.enumerated() {
        let last = index == cells.count - 1
        if !last { spaces += widths[index] - width(cell) }
        if !cell.isEmpty {
          out += pads[spaces]
          out += cell
          spaces = 0
        }
        if !last { spaces += 2 }
      }
      out += "\n"
    }
    line(header, width: \.count)
    for row in body { line(row, width: \.utf8.count) }
    return out
  }

  static func markdown(_ trace: GAETrace, name: String, digits: Int) -> String {
    let header = ["step", "t", "r", "V(s_t)", "V(s_t+1)", "δ", "carry γλ·A_t+1", "A", "return", "boundary"]
    var out = "**\(markdownEscape(name))** — " + heading(trace, name: "").trimmingSpaces() + "\n\n"
    out += "| " + header.joined(separator: " | ") + " |\n"
    out += "|" + header.enumerated().map { $0.offset == header.count - 1 ? ":---|" : "---:|" }.joined() + "\n"
    for row in rows(trace, digits: digits) {
      out += "| " + row.map(markdownEscape).joined(separator: " | ") + " |\n"
    }
    return out
  }

  private static func markdownEscape(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "|")) else { return text }
    return text.map { $0 == "|" ? "\\|" : String($0) }.joined()
  }
}
