extension Scenario {
  /// Imports a CSV rollout from text; see `init(csv:)` on bytes.
  public init(csv text: String) throws(ScenarioError) {
    try self.init(csv: Array(text.utf8))
  }

  /// Whether the line starting at `offset` has a comma before its end.
  static func lineHasComma(_ bytes: [UInt8], from offset: Int) -> Bool {
    var index = offset
    while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
      if bytes[index] == UInt8(ascii: ",") { return true }
      index += 1
    }
    return false
  }

  /// Imports a CSV rollout: a header naming `reward,value,terminated,truncated` (and optionally
  /// `final_value,label`) in any order, one row per step, then a last row holding only the
  /// bootstrap `value`. Leading `# name: …`, `# description: …`, `# gamma: …`, `# lambda: …`
  /// comment lines fill in the scenario's other fields; each `# description:` line is one line of
  /// the description. A comment value that is exactly one JSON string (`# name: "two\nlines"`) is
  /// read as JSON, so that any text survives `csvText()`.
  ///
  /// Files as Excel saves them read as written: a byte-order mark, CRLF line breaks, quoted
  /// fields, and the empty cells it pads every row with (trailing commas on comment lines, empty
  /// columns after the last named one, rows of empty cells). Numbers follow JSON's grammar, as in
  /// the JSON reader: no `+1`, `.5`, hex or `inf`.
  public init(csv bytes: [UInt8]) throws(ScenarioError) {
    var reader = CSVReader(bytes: bytes)
    if let bad = Self.firstNonUTF8Offset(bytes) {
      let (line, column) = reader.location(of: bad)
      throw .notUTF8(line: line, column: column)
    }
    var numbers = JSONReader(bytes: bytes)
    var comments = CSVComments()
    var columns: [CSVColumn]?
    var fields: [CSVReader.Field] = []
    // The last row read: a step, unless it turns out to be the last row (the bootstrap value).
    var pending: [CSVReader.Field] = []
    var havePending = false

    var rewards: [Double] = []
    var values: [Double] = []
    var terminated: [Bool] = []
    var truncated: [Bool] = []
    // Filled in only once a step has one, so that a million rows without them cost nothing.
    var finalValues: [Double?] = []
    var labels: [String] = []

    func number(_ field: CSVReader.Field, _ name: String, _ step: Int) throws(ScenarioError) -> Double? {
      let range = reader.content(field)
      guard let first = range.first.map({ bytes[$0] }) else { return nil }
      if !field.escaped && (first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))) {
        numbers.offset = range.lowerBound
        if let value = try? numbers.readNumber(), numbers.offset == range.upperBound {
          guard value.isFinite else {
            throw reader.syntaxError(
              "\(name) (step \(step)): \(Self.quoted(reader, field, quotes: false)) is not a finite number",
              at: field.position)
          }
          return value
        }
      }
      let hint = "+-.0123456789".utf8.contains(first) ? " (numbers are written as in JSON)" : ""
      throw reader.syntaxError(
        "\(name) (step \(step)): \(Self.quoted(reader, field)) is not a number\(hint)", at: field.position)
    }

    func flag(_ field: CSVReader.Field, _ name: String, _ step: Int) throws(ScenarioError) -> Bool {
      let range = reader.content(field)
      func isWord(_ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { letters in
          // Letters ignore case this way (Excel writes TRUE and FALSE).
          letters.indices.allSatisfy { bytes[range.lowerBound + $0] | 0x20 == letters[$0] }
        }
      }
      if range.isEmpty || (range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: "0")) || isWord("false") {
        return false
      }
      if (range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: "1")) || isWord("true") { return true }
      throw reader.syntaxError(
        "\(name) (step \(step)): \(Self.quoted(reader, field)) is not true, false, 0 or 1", at: field.position)
    }

    func beyondHeader(_ row: [CSVReader.Field], _ index: Int, _ columns: [CSVColumn], _ what: String) -> ScenarioError {
      let named = columns.count { $0 != .padding }
      return reader.syntaxError(
        "\(what): field \(index + 1), \(Self.quoted(reader, row[index])), lies beyond the header's \(named) columns",
        at: row[index].position)
    }

    func missing(_ row: [CSVReader.Field], _ column: CSVColumn, _ columns: [CSVColumn], _ what: String) -> ScenarioError
    {
      let index = columns.firstIndex(of: column)!
      let position = index < row.count ? row[index].position : row[row.count - 1].end
      return reader.syntaxError("\(column.rawValue) (\(what)): missing", at: position)
    }

    func readStep(_ row: [CSVReader.Field], _ columns: [CSVColumn]) throws(ScenarioError) {
      let step = rewards.count
      var reward: Double?
      var value: Double?
      var isTerminated = false
      var isTruncated = false
      var finalValue: Double?
      var finalField: CSVReader.Field?
      var label: String?
      for index in row.indices {
        let field = row[index]
        switch index < columns.count ? columns[index] : .padding {
        case .reward: reward = try number(field, "reward", step)
        case .value: value = try number(field, "value", step)
        case .terminated: isTerminated = try flag(field, "terminated", step)
        case .truncated: isTruncated = try flag(field, "truncated", step)
        case .finalValue:
          finalValue = try number(field, "final_value", step)
          finalField = field
        case .label:
          if !reader.isEmpty(field) { label = reader.string(field) }
        case .padding:
          if !reader.isEmpty(field) { throw beyondHeader(row, index, columns, "step \(step)") }
        }
      }
      guard let reward else { throw missing(row, .reward, columns, "step \(step)") }
      guard let value else { throw missing(row, .value, columns, "step \(step)") }
      if let finalField, finalValue != nil, !isTruncated {
        // As in JSON: a final value is V of the state a truncated episode was cut off in.
        throw reader.syntaxError(
          "final_value (step \(step)): a final value on a step that is not truncated "
            + "(leave it empty, or mark the step truncated)", at: finalField.position)
      }
      rewards.append(reward)
      values.append(value)
      terminated.append(isTerminated)
      truncated.append(isTruncated)
      if let finalValue {
        if finalValues.isEmpty { finalValues = [Double?](repeating: nil, count: step) }
        finalValues.append(finalValue)
      } else if !finalValues.isEmpty {
        finalValues.append(nil)
      }
      if let label {
        if labels.isEmpty { labels = [String](repeating: "", count: step) }
        labels.append(label)
      } else if !labels.isEmpty {
        labels.append("")
      }
    }

    func readBootstrap(_ row: [CSVReader.Field], _ columns: [CSVColumn]) throws(ScenarioError) {
      let step = rewards.count
      var value: Double?
      for index in row.indices {
        let field = row[index]
        let column = index < columns.count ? columns[index] : .padding
        if column == .value {
          value = try number(field, "value", step)
        } else if !reader.isEmpty(field) {
          if column == .padding { throw beyondHeader(row, index, columns, "the last row") }
          throw reader.syntaxError(
            "the last row must hold only the bootstrap value (leave \(column.rawValue) empty)", at: field.position)
        }
      }
      guard let value else { throw missing(row, .value, columns, "step \(step), the bootstrap value") }
      values.append(value)
    }

    while !reader.atEnd {
      // After the header, a "#" line with a comma in it is a row whose first cell starts with "#"
      // (a label such as "#2 coin"): read as data, never silently dropped. A comment there is
      // a line without commas ("# a note for people").
      if reader.atComment, columns == nil || !Self.lineHasComma(bytes, from: reader.offset) {
        if bytes[reader.offset] == UInt8(ascii: "#") {
          let line = reader.readRawLine()
          try comments.read(bytes[line], reader: reader, position: nil)
        } else {
          // A quoted first cell: the comment is the cells joined again by the commas between them.
          try reader.readRecord(into: &fields)
          var text: [UInt8] = []
          for (index, field) in fields.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text += reader.text(field, trimmed: false)
          }
          try comments.read(text[...], reader: reader, position: fields[0].position)
        }
        continue
      }
      try reader.readRecord(into: &fields)
      // A blank line, or a row of empty cells as spreadsheets pad with.
      if fields.allSatisfy({ reader.isEmpty($0) }) { continue }
      guard let columns else {
        columns = try Self.csvColumns(fields, reader)
        continue
      }
      if havePending { try readStep(pending, columns) }
      swap(&pending, &fields)
      havePending = true
    }
    guard let columns else {
      throw reader.syntaxError("no header row (expected reward,value,terminated,truncated)", at: bytes.count)
    }
    guard havePending else { throw .invalidRollout(.empty) }
    try readBootstrap(pending, columns)

    if let gamma = comments.gamma { try Self.validateParameter("gamma", gamma) }
    if let lambda = comments.lambda { try Self.validateParameter("lambda", lambda) }
    do {
      let rollout = try Rollout(
        rewards: rewards, values: values, terminated: terminated, truncated: truncated,
        finalValues: finalValues.isEmpty ? nil : finalValues, labels: labels.isEmpty ? nil : labels)
      self.init(
        name: comments.name ?? "", description: comments.description ?? "", gamma: comments.gamma,
        lambda: comments.lambda, rollout: rollout)
    } catch {
      throw .invalidRollout(error)
    }
  }

  /// The columns a CSV file may have; `padding` stands for the unnamed columns a spreadsheet adds
  /// after the last named one, and for fields beyond the header.
  enum CSVColumn: String {
    case reward
    case value
    case terminated
    case truncated
    case finalValue = "final_value"
    case label
    case padding = ""

    static let known = "reward, value, terminated, truncated, final_value, label"
  }

  private static func csvColumns(_ fields: [CSVReader.Field], _ reader: CSVReader) throws(ScenarioError) -> [CSVColumn]
  {
    let lastNamed = fields.lastIndex { !reader.isEmpty($0) }!
    var columns: [CSVColumn] = []
    for (index, field) in fields.enumerated() {
      let name = reader.string(field).lowercased()
      guard !name.isEmpty else {
        if index < lastNamed {
          throw reader.syntaxError("column \(index + 1) of the header has no name", at: field.position)
        }
        columns.append(.padding)
        continue
      }
      guard let column = CSVColumn(rawValue: name), column != .padding else {
        throw reader.syntaxError(
          "unknown column \(quoted(reader, field)) (known: \(CSVColumn.known))", at: field.position)
      }
      guard !columns.contains(column) else {
        throw reader.syntaxError("column \(quoted(reader, field)) appears twice", at: field.position)
      }
      columns.append(column)
    }
    for required in [CSVColumn.reward, .value, .terminated, .truncated] where !columns.contains(required) {
      throw reader.syntaxError(
        "the header has no \"\(required.rawValue)\" column (required: reward, value, terminated, truncated)",
        at: fields[0].position)
    }
    return columns
  }

  /// A field's text for a message, in quotes, cut short if it is long.
  static func quoted(_ reader: CSVReader, _ field: CSVReader.Field, quotes: Bool = true) -> String {
    let shown = CSVReader.shown(reader.text(field))
    return quotes ? "\"\(shown)\"" : shown
  }

  /// Where the bytes stop being UTF-8, or nil if they are all valid. Most CSV files are ASCII, and
  /// that is checked without building a string.
  static func firstNonUTF8Offset(_ bytes: [UInt8]) -> Int? {
    let highBits = bytes.withUnsafeBufferPointer { buffer in
      var union: UInt8 = 0
      for byte in buffer { union |= byte }
      return union
    }
    if highBits < 0x80 || String(validating: bytes, as: UTF8.self) != nil { return nil }
    return firstInvalidUTF8Offset(bytes)
  }

  // MARK: Writing

  /// The scenario as CSV in the import format, from which `init(csv:)` reads back exactly this
  /// scenario: numbers in shortest round-trip form, and any text that a plain comment line or an
  /// unquoted cell would change (line breaks, surrounding spaces, quotes, commas) quoted.
  public func csvText() -> String {
    var out = ""
    if !name.isEmpty { out += "# name: \(Self.csvCommentValue(name))\n" }
    if !description.isEmpty {
      // One comment line per line of the description; blank lines included.
      for line in description.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
        let value = Self.csvCommentValue(String(String.UnicodeScalarView(line)))
        out += value.isEmpty ? "# description:\n" : "# description: \(value)\n"
      }
    }
    if let gamma { out += "# gamma: \(JSONText.number(gamma))\n" }
    if let lambda { out += "# lambda: \(JSONText.number(lambda))\n" }
    out += "reward,value,terminated,truncated,final_value,label\n"
    for t in 0..<rollout.count {
      let finalValue = rollout.finalValues?[t].map(JSONText.number) ?? ""
      out +=
        "\(JSONText.number(rollout.rewards[t])),\(JSONText.number(rollout.values[t])),"
        + "\(rollout.terminated[t] ? 1 : 0),\(rollout.truncated[t] ? 1 : 0),\(finalValue),"
        + "\(Self.csvField(rollout.label(at: t)))\n"
    }
    out += ",\(JSONText.number(rollout.values[rollout.count])),,,,\n"
    return out
  }

  /// A comment value as written: plain where the reader gives it back unchanged, else as a JSON
  /// string (the reader trims spaces and trailing commas, and a line break would end the comment).
  static func csvCommentValue(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    let plain =
      !scalars.contains { $0.value < 0x20 } && first != " " && first != "\t" && first != "\""
      && last != " " && last != "\t" && last != ","
    return plain ? text : JSONText.string(text)
  }

  /// A cell as written: quoted where it holds a comma, a quote or a line break, or begins or ends
  /// with a space or tab (which the reader trims from unquoted cells).
  static func csvField(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    let needsQuotes =
      scalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || first == " " || first == "\t" || last == " " || last == "\t"
    guard needsQuotes else { return text }
    var out = "\""
    for scalar in scalars {
      if scalar == "\"" { out.unicodeScalars.append("\"") }
      out.unicodeScalars.append(scalar)
    }
    return out + "\""
  }
}

extension StringProtocol {
  func trimmingSpaces() -> SubSequence {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
    while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
    return self[start..<end]
  }
}
