/// The scenario fields a CSV file gives in comment lines: `# name: …`, `# description: …` (one
/// line of the description each, blank lines included), `# gamma: …` and `# lambda: …`. Any other
/// comment is a note for people and is skipped.
struct CSVComments {
  var name: String?
  var description: String?
  var gamma: Double?
  var lambda: Double?

  /// Reads one comment, its `#` included. `position` is where the comment starts when `text` was
  /// rebuilt from quoted cells; otherwise `text` is a slice of the file and errors point into it.
  mutating func read(_ text: ArraySlice<UInt8>, reader: CSVReader, position: Int?) throws(ScenarioError) {
    var body = text.dropFirst()
    // A spreadsheet pads every row to as many cells as the widest: a comment line gains commas.
    while let last = body.last, last == CSVReader.comma || last == CSVReader.space || last == CSVReader.tab {
      body = body.dropLast()
    }
    guard let colon = body.firstIndex(of: UInt8(ascii: ":")) else { return }
    let key = Self.trimmed(body[..<colon])
    let value = Self.trimmed(body[(colon + 1)...])
    let keyPosition = position ?? text.startIndex
    func duplicate(_ key: String) -> ScenarioError {
      let (line, column) = reader.location(of: keyPosition)
      return .duplicateKey(key, line: line, column: column)
    }
    if Self.isKey(key, "description") {
      // Appended in place: a description of many lines is read in linear time.
      if description == nil {
        description = Self.decode(value)
      } else {
        description!.append("\n")
        description!.append(Self.decode(value))
      }
    } else if Self.isKey(key, "name") {
      guard name == nil else { throw duplicate("name") }
      name = Self.decode(value)
    } else if Self.isKey(key, "gamma") {
      guard gamma == nil else { throw duplicate("gamma") }
      gamma = try Self.number(value, "gamma", reader: reader, position: position ?? value.startIndex)
    } else if Self.isKey(key, "lambda") {
      guard lambda == nil else { throw duplicate("lambda") }
      lambda = try Self.number(value, "lambda", reader: reader, position: position ?? value.startIndex)
    }
  }

  /// Whether `bytes` spell `key`, ignoring ASCII case (`# Name:` is `# name:`).
  private static func isKey(_ bytes: ArraySlice<UInt8>, _ key: StaticString) -> Bool {
    guard bytes.count == key.utf8CodeUnitCount else { return false }
    return key.withUTF8Buffer { letters in
      zip(bytes, letters).allSatisfy { byte, letter in byte | 0x20 == letter }
    }
  }

  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var result = bytes
    while let first = result.first, first == CSVReader.space || first == CSVReader.tab { result = result.dropFirst() }
    while let last = result.last, last == CSVReader.space || last == CSVReader.tab { result = result.dropLast() }
    return result
  }

  /// A value that is exactly one JSON string is read as JSON (how `csvText()` writes text with
  /// line breaks or surrounding spaces); anything else is the text as written.
  private static func decode(_ value: ArraySlice<UInt8>) -> String {
    if value.first == CSVReader.quote {
      var json = JSONReader(bytes: Array(value))
      if let text = try? json.readString(), json.offset == json.bytes.count { return text }
    }
    return String(decoding: value, as: UTF8.self)
  }

  /// γ or λ, in JSON's number grammar like every number in the file.
  private static func number(
    _ value: ArraySlice<UInt8>, _ key: String, reader: CSVReader, position: Int
  ) throws(ScenarioError) -> Double {
    var json = JSONReader(bytes: Array(value))
    if let first = value.first,
      first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
      let number = try? json.readNumber(), json.offset == json.bytes.count
    {
      return number
    }
    throw reader.syntaxError("\(key): \"\(CSVReader.shown(value))\" is not a number", at: position)
  }
}
