extension Scenario {
  /// Decodes the canonical JSON format (README.md, "Scenario files").
  public init(json bytes: [UInt8]) throws(ScenarioError) {
    var reader = JSONReader(bytes: bytes)
    var seen: Set<String> = []
    var name: String?
    var description: String?
    var gamma: Double?
    var lambda: Double?
    var rewards: [Double]?
    var values: [Double]?
    var terminated: [Bool]?
    var truncated: [Bool]?
    var finalValues: [Double?]?
    var labels: [String]?

    reader.skipWhitespace()
    guard reader.peek() == UInt8(ascii: "{") else {
      if reader.peek() == nil { throw reader.syntaxError("the file is empty; expected a scenario object") }
      throw reader.syntaxError("expected a scenario object {…}, found \(reader.describeValue())")
    }
    try reader.expect(UInt8(ascii: "{"), "{")
    if !reader.consume(UInt8(ascii: "}")) {
      repeat {
        reader.skipWhitespace()
        let keyOffset = reader.offset
        guard reader.peek() == UInt8(ascii: "\"") else {
          throw reader.syntaxError("expected a field name in double quotes, found \(reader.describeValue())")
        }
        let key = try reader.readString()
        let (line, column) = reader.location(of: keyOffset)
        guard ScenarioFields.all.contains(key) else { throw .unknownField(key, line: line, column: column) }
        guard seen.insert(key).inserted else { throw .duplicateKey(key, line: line, column: column) }
        try reader.expect(UInt8(ascii: ":"), "':' after \"\(key)\"")
        reader.skipWhitespace()
        switch key {
        case "name": name = try Self.readString(&reader, field: key, index: nil)
        case "description": description = try Self.readString(&reader, field: key, index: nil)
        case "gamma": gamma = try Self.readOptionalNumber(&reader, field: key, index: nil)
        case "lambda": lambda = try Self.readOptionalNumber(&reader, field: key, index: nil)
        case "rewards":
          rewards = try Self.readArray(&reader, field: key) { r, i throws(ScenarioError) in
            try Self.readNumber(&r, field: key, index: i)
          }
        case "values":
          values = try Self.readArray(&reader, field: key) { r, i throws(ScenarioError) in
            try Self.readNumber(&r, field: key, index: i)
          }
        case "terminated":
          terminated = try Self.readArray(&reader, field: key) { r, i throws(ScenarioError) in
            try Self.readFlag(&r, field: key, index: i)
          }
        case "truncated":
          truncated = try Self.readArray(&reader, field: key) { r, i throws(ScenarioError) in
            try Self.readFlag(&r, field: key, index: i)
          }
        case "final_values":
          finalValues = try Self.readArray(&reader, field: key) { r, i throws(ScenarioError) in
            try Self.readOptionalNumber(&r, field: key, index: i)
          }
        case "labels":
          labels = try Self.readArray(&reader, field: key) { r, i throws(ScenarioError) in
            try Self.readString(&r, field: key, index: i, allowNull: true)
          }
        default: break
        }
      } while reader.consume(UInt8(ascii: ","))
      try reader.expect(UInt8(ascii: "}"), "',' or '}'")
    }
    try reader.expectEnd()

    guard let rewards else { throw .missingField("rewards") }
    guard let values else { throw .missingField("values") }
    guard let terminated else { throw .missingField("terminated") }
    guard let truncated else { throw .missingField("truncated") }
    if let gamma { try Self.validateParameter("gamma", gamma) }
    if let lambda { try Self.validateParameter("lambda", lambda) }
    let rollout: Rollout
    do {
      rollout = try Rollout(
        rewards: rewards, values: values, terminated: terminated, truncated: truncated,
        finalValues: finalValues, labels: labels)
    } catch {
      throw .invalidRollout(error)
    }
    // A final value is V of the state a truncated episode was cut off in; anywhere else it would be
    // silently ignored, so it is most likely misplaced (the CSV reader refuses it too).
    if let finalValues, let index = finalValues.indices.first(where: { finalValues[$0] != nil && !truncated[$0] }) {
      throw .finalValueNotTruncated(index: index)
    }
    self.init(name: name ?? "", description: description ?? "", gamma: gamma, lambda: lambda, rollout: rollout)
  }

  private static func typeError(_ reader: JSONReader, field: String, index: Int?, expected: String) -> ScenarioError {
    let (line, column) = reader.location(of: reader.offset)
    return .wrongType(
      field: field, index: index, expected: expected, found: reader.describeValue(), line: line, column: column)
  }

  private static func readArray<Element>(
    _ reader: inout JSONReader, field: String,
    element: (inout JSONReader, Int) throws(ScenarioError) -> Element
  ) throws(ScenarioError) -> [Element] {
    guard reader.peek() == UInt8(ascii: "[") else {
      throw typeError(reader, field: field, index: nil, expected: "an array")
    }
    _ = reader.consume(UInt8(ascii: "["))
    var result: [Element] = []
    if reader.consume(UInt8(ascii: "]")) { return result }
    repeat {
      reader.skipWhitespace()
      result.append(try element(&reader, result.count))
    } while reader.consume(UInt8(ascii: ","))
    try reader.expect(UInt8(ascii: "]"), "',' or ']' in \(field)")
    return result
  }

  private static func readNumber(_ reader: inout JSONReader, field: String, index: Int?) throws(ScenarioError) -> Double
  {
    guard let byte = reader.peek(),
      byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    else {
      if reader.peek() == UInt8(ascii: "N") || reader.peek() == UInt8(ascii: "I") {
        throw typeError(reader, field: field, index: index, expected: "a finite number (JSON has no NaN or Infinity)")
      }
      throw typeError(reader, field: field, index: index, expected: "a number")
    }
    return try reader.readNumber()
  }

  private static func readOptionalNumber(_ reader: inout JSONReader, field: String, index: Int?) throws(ScenarioError)
    -> Double?
  {
    if reader.consumeLiteral("null") { return nil }
    return try readNumber(&reader, field: field, index: index)
  }

  private static func readFlag(_ reader: inout JSONReader, field: String, index: Int) throws(ScenarioError) -> Bool {
    if reader.consumeLiteral("true") { return true }
    if reader.consumeLiteral("false") { return false }
    if let byte = reader.peek(), byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") {
      let start = reader.offset
      let value = try reader.readNumber()
      if value == 0 { return false }
      if value == 1 { return true }
      reader.offset = start
    }
    throw typeError(reader, field: field, index: index, expected: "true, false, 0 or 1")
  }

  private static func readString(_ reader: inout JSONReader, field: String, index: Int?, allowNull: Bool = false)
    throws(ScenarioError) -> String
  {
    if allowNull && reader.consumeLiteral("null") { return "" }
    guard reader.peek() == UInt8(ascii: "\"") else {
      throw typeError(reader, field: field, index: index, expected: "a string")
    }
    return try reader.readString()
  }

  /// The canonical JSON text, numbers in shortest round-trip form, one array per line.
  public func jsonText() -> String {
    var lines: [String] = []
    lines.append("  \"name\": \(JSONText.string(name))")
    lines.append("  \"description\": \(JSONText.string(description))")
    if let gamma { lines.append("  \"gamma\": \(JSONText.number(gamma))") }
    if let lambda { lines.append("  \"lambda\": \(JSONText.number(lambda))") }
    func array<T>(_ key: String, _ items: [T], _ render: (T) -> String) {
      lines.append("  \"\(key)\": [" + items.map(render).joined(separator: ", ") + "]")
    }
    array("rewards", rollout.rewards, JSONText.number)
    array("values", rollout.values, JSONText.number)
    array("terminated", rollout.terminated) { $0 ? "true" : "false" }
    array("truncated", rollout.truncated) { $0 ? "true" : "false" }
    if let finalValues = rollout.finalValues {
      array("final_values", finalValues) { $0.map(JSONText.number) ?? "null" }
    }
    if let labels = rollout.labels { array("labels", labels, JSONText.string) }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }
}

/// JSON spellings shared by the scenario writer and `gae-viz trace --format json`.
public enum JSONText {
  /// The shortest text that reads back as the same Double.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    // Whole numbers read better without ".0"; -0 keeps its sign.
    if value == value.rounded(), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
      return String(Int64(value))
    }
    return "\(value)"
  }

  public static func string(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        out +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
