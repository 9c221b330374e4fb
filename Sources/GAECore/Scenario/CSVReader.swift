/// A reader of CSV records over UTF-8 bytes, as `JSONReader` is for JSON: it splits a record into
/// fields in place, as byte ranges, so a million rows parse straight into `[Double]` without a
/// `String` per line or per field.
///
/// Line breaks may be LF, CRLF (Windows, Excel) or a lone CR (old Mac files); a UTF-8 byte-order
/// mark (Excel's "CSV UTF-8") is skipped. Fields follow RFC 4180: a field in double quotes may hold
/// commas, line breaks and quotes (doubled). Positions are byte offsets; line and column are worked
/// out only when an error is reported.
struct CSVReader {
  /// One field of a record: where its text lies in the file.
  struct Field {
    /// Where an error about this field points: its opening quote, or the first byte of an
    /// unquoted field (which still includes the spaces around it, see `content`).
    var position: Int
    /// The text between the quotes, or the whole unquoted field.
    var start: Int
    var end: Int
    var quoted: Bool
    /// A quoted field holding doubled quotes, which must be undoubled before the text is used.
    var escaped: Bool
  }

  let bytes: [UInt8]
  /// Where the text starts: after the byte-order mark, if there is one.
  let textStart: Int
  private(set) var offset: Int

  init(bytes: [UInt8]) {
    self.bytes = bytes
    textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    offset = textStart
  }

  var atEnd: Bool { offset >= bytes.count }

  // MARK: Positions and errors

  /// 1-based line and column (in characters, as the JSON reader counts them) of a byte offset.
  /// LF, CRLF and a lone CR each end one line.
  func location(of position: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = textStart
    let end = min(position, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == Self.lineFeed
        || (byte == Self.carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != Self.lineFeed))
      {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 && byte != Self.carriageReturn {
        column += 1
      }
      index += 1
    }
    return (line, column)
  }

  func syntaxError(_ message: String, at position: Int) -> ScenarioError {
    let (line, column) = location(of: position)
    return .syntax(line: line, column: column, message: message)
  }

  // MARK: Records

  /// Whether the next record is a comment: its line starts with `#`, or with a quoted first field
  /// that does (a spreadsheet quotes a cell that holds a comma or a quote).
  var atComment: Bool {
    guard offset < bytes.count else { return false }
    if bytes[offset] == Self.hash { return true }
    return bytes[offset] == Self.quote && offset + 1 < bytes.count && bytes[offset + 1] == Self.hash
  }

  /// Reads the rest of the line as it is, without looking for quotes or commas, and steps over
  /// its line break. For comment lines, whose free text may hold both.
  mutating func readRawLine() -> Range<Int> {
    let start = offset
    var end = start
    while end < bytes.count && bytes[end] != Self.lineFeed && bytes[end] != Self.carriageReturn { end += 1 }
    offset = end
    skipLineBreak()
    return start..<end
  }

  /// Reads one record (one line, or more where a quoted field holds line breaks) into `fields`.
  mutating func readRecord(into fields: inout [Field]) throws(ScenarioError) {
    fields.removeAll(keepingCapacity: true)
    let count = bytes.count
    var index = offset
    while true {
      let fieldStart = index
      while index < count && (bytes[index] == Self.space || bytes[index] == Self.tab) { index += 1 }
      if index < count && bytes[index] == Self.quote {
        let opening = index
        index += 1
        var escaped = false
        while true {
          guard index < count else {
            throw syntaxError("unterminated quoted field (its closing quote is missing)", at: opening)
          }
          if bytes[index] == Self.quote {
            guard index + 1 < count && bytes[index + 1] == Self.quote else { break }
            escaped = true
            index += 1
          }
          index += 1
        }
        fields.append(Field(position: opening, start: opening + 1, end: index, quoted: true, escaped: escaped))
        index += 1  // the closing quote
        while index < count && (bytes[index] == Self.space || bytes[index] == Self.tab) { index += 1 }
        if index < count && bytes[index] != Self.comma && bytes[index] != Self.lineFeed
          && bytes[index] != Self.carriageReturn
        {
          throw syntaxError("unexpected text after the closing quote of a quoted field", at: index)
        }
      } else {
        let position = index
        while index < count {
          let byte = bytes[index]
          if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
          index += 1
        }
        fields.append(Field(position: position, start: fieldStart, end: index, quoted: false, escaped: false))
      }
      if index < count && bytes[index] == Self.comma {
        index += 1
        continue
      }
      offset = index
      skipLineBreak()
      return
    }
  }

  private mutating func skipLineBreak() {
    guard offset < bytes.count else { return }
    if bytes[offset] == Self.carriageReturn {
      offset += 1
      if offset < bytes.count && bytes[offset] == Self.lineFeed { offset += 1 }
    } else if bytes[offset] == Self.lineFeed {
      offset += 1
    }
  }

  // MARK: Field contents

  /// A field's text: inside the quotes as written, or an unquoted field without the spaces and
  /// tabs around it (so `1, 0.5, 0, 0` reads as a person means it).
  func content(_ field: Field) -> Range<Int> {
    if field.quoted { return field.start..<field.end }
    var start = field.start
    var end = field.end
    while start < end && (bytes[start] == Self.space || bytes[start] == Self.tab) { start += 1 }
    while end > start && (bytes[end - 1] == Self.space || bytes[end - 1] == Self.tab) { end -= 1 }
    return start..<end
  }

  func isEmpty(_ field: Field) -> Bool { content(field).isEmpty }

  /// A field's bytes with doubled quotes undoubled; `trimmed: false` keeps an unquoted field's
  /// surrounding spaces (comments are rebuilt from their cells exactly).
  func text(_ field: Field, trimmed: Bool = true) -> ArraySlice<UInt8> {
    let range = trimmed ? content(field) : field.start..<field.end
    guard field.escaped else { return bytes[range] }
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      out.append(bytes[index])
      index += bytes[index] == Self.quote ? 2 : 1
    }
    return out[...]
  }

  func string(_ field: Field) -> String { String(decoding: text(field), as: UTF8.self) }

  /// Text from the file as an error message shows it: on one line (a quoted field may hold line
  /// breaks, and the message is one line), and cut short if it is long.
  static func shown(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    var out = ""
    for (count, scalar) in text.unicodeScalars.enumerated() {
      if count == 40 { return out + "…" }
      out += scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: false) : String(scalar)
    }
    return out
  }

  // MARK: Bytes

  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")
  static let hash = UInt8(ascii: "#")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
}
