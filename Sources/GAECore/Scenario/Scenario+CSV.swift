extension Scenario {
  /// Imports a CSV rollout: a header naming `reward,value,terminated,truncated` (and optionally
  /// `final_value,label`) in any order, one row per step, then a last row holding only the
  /// bootstrap `value`. Leading `# name: …`, `# description: …`, `# gamma: …`, `# lambda: …`
  /// comment lines fill in the scenario's other fields.
  public init(csv text: String) throws(ScenarioError) {
    var name = ""
    var description = ""
    var gamma: Double?
    var lambda: Double?
    var header: [String]?
    var rows: [(line: Int, fields: [String])] = []

    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      if line.hasPrefix("#") {
        let comment = line.dropFirst().trimmingSpaces()
        if let colon = comment.firstIndex(of: ":") {
          let key = comment[..<colon].trimmingSpaces().lowercased()
          let value = String(comment[comment.index(after: colon)...].trimmingSpaces())
          switch key {
          case "name": name = value
          case "description": description = description.isEmpty ? value : description + "\n" + value
          case "gamma", "lambda":
            guard let number = Double(value) else {
              throw .syntax(line: lineNumber, column: 1, message: "\(key): \"\(value)\" is not a number")
            }
            if key == "gamma" { gamma = number } else { lambda = number }
          default: break
          }
        }
        continue
      }
      let fields = try Self.splitCSVLine(line, lineNumber: lineNumber)
      if header == nil {
        header = fields.map { String($0.trimmingSpaces()).lowercased() }
      } else {
        rows.append((lineNumber, fields))
      }
    }
    guard let header else {
      throw .syntax(
        line: max(lineNumber, 1), column: 1, message: "no header row (expected reward,value,terminated,truncated)")
    }
    var column: [String: Int] = [:]
    for (index, name) in header.enumerated() {
      guard ["reward", "value", "terminated", "truncated", "final_value", "label"].contains(name) else {
        throw .syntax(
          line: 1, column: 1,
          message: "unknown column \"\(name)\" (known: reward, value, terminated, truncated, final_value, label)")
      }
      guard column[name] == nil else { throw .syntax(line: 1, column: 1, message: "column \"\(name)\" appears twice") }
      column[name] = index
    }
    for required in ["reward", "value", "terminated", "truncated"] where column[required] == nil {
      throw .missingField(required)
    }
    guard let last = rows.last else { throw .invalidRollout(.empty) }

    func field(_ row: (line: Int, fields: [String]), _ name: String) -> String {
      guard let index = column[name], index < row.fields.count else { return "" }
      return String(row.fields[index].trimmingSpaces())
    }
    func number(_ row: (line: Int, fields: [String]), _ name: String, step: Int) throws(ScenarioError) -> Double {
      let text = field(row, name)
      guard let value = Double(text), !text.isEmpty else {
        throw .syntax(
          line: row.line, column: (column[name] ?? 0) + 1,
          message: "\(name) (step \(step)): \(text.isEmpty ? "missing" : "\"\(text)\" is not a number")")
      }
      return value
    }
    func flag(_ row: (line: Int, fields: [String]), _ name: String, step: Int) throws(ScenarioError) -> Bool {
      switch field(row, name).lowercased() {
      case "", "0", "false": return false
      case "1", "true": return true
      case let text:
        throw .syntax(
          line: row.line, column: (column[name] ?? 0) + 1,
          message: "\(name) (step \(step)): \"\(text)\" is not true, false, 0 or 1")
      }
    }

    guard field(last, "reward").isEmpty else {
      throw .syntax(
        line: last.line, column: (column["reward"] ?? 0) + 1,
        message: "the last row must hold only the bootstrap value (leave reward empty)")
    }
    var rewards: [Double] = []
    var values: [Double] = []
    var terminated: [Bool] = []
    var truncated: [Bool] = []
    var finalValues: [Double?] = []
    var labels: [String] = []
    for (step, row) in rows.dropLast().enumerated() {
      rewards.append(try number(row, "reward", step: step))
      values.append(try number(row, "value", step: step))
      terminated.append(try flag(row, "terminated", step: step))
      truncated.append(try flag(row, "truncated", step: step))
      finalValues.append(field(row, "final_value").isEmpty ? nil : try number(row, "final_value", step: step))
      labels.append(field(row, "label"))
    }
    values.append(try number(last, "value", step: rows.count - 1))
    if let gamma { try Self.validateParameter("gamma", gamma) }
    if let lambda { try Self.validateParameter("lambda", lambda) }
    do {
      let rollout = try Rollout(
        rewards: rewards, values: values, terminated: terminated, truncated: truncated,
        finalValues: finalValues, labels: labels)
      self.init(name: name, description: description, gamma: gamma, lambda: lambda, rollout: rollout)
    } catch {
      throw .invalidRollout(error)
    }
  }

  /// Splits one CSV line, honouring double-quoted fields with "" as an escaped quote.
  static func splitCSVLine(_ line: Substring, lineNumber: Int) throws(ScenarioError) -> [String] {
    var fields: [String] = []
    var current = ""
    var inQuotes = false
    var index = line.startIndex
    var column = 1
    while index < line.endIndex {
      let character = line[index]
      if inQuotes {
        if character == "\"" {
          let next = line.index(after: index)
          if next < line.endIndex && line[next] == "\"" {
            current.append("\"")
            index = next
          } else {
            inQuotes = false
          }
        } else {
          current.append(character)
        }
      } else if character == "\"" && current.trimmingSpaces().isEmpty {
        current = ""
        inQuotes = true
      } else if character == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      index = line.index(after: index)
      column += 1
    }
    if inQuotes { throw .syntax(line: lineNumber, column: column, message: "unterminated quoted field") }
    fields.append(current)
    return fields
  }

  /// The scenario as CSV in the import format.
  public func csvText() -> String {
    var out = ""
    // A comment line cannot hold a line break: fold it to a space.
    if !name.isEmpty { out += "# name: \(name.split(whereSeparator: \.isNewline).joined(separator: " "))\n" }
    for line in description.split(separator: "\n") { out += "# description: \(line)\n" }
    if let gamma { out += "# gamma: \(gamma)\n" }
    if let lambda { out += "# lambda: \(lambda)\n" }
    out += "reward,value,terminated,truncated,final_value,label\n"
    for t in 0..<rollout.count {
      let finalValue = rollout.finalValues?[t].map { "\($0)" } ?? ""
      out +=
        "\(rollout.rewards[t]),\(rollout.values[t]),\(rollout.terminated[t] ? 1 : 0),"
        + "\(rollout.truncated[t] ? 1 : 0),\(finalValue),\(Self.csvField(rollout.label(at: t)))\n"
    }
    out += ",\(rollout.values[rollout.count]),,,,\n"
    return out
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
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
