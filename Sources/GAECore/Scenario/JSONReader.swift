/// A strict pull reader over UTF-8 JSON bytes. It builds no generic tree: the scenario decoder
/// asks for exactly the values it expects, so a million numbers parse straight into `[Double]`.
/// Positions are byte offsets; line and column are worked out only when an error is reported.
struct JSONReader {
  let bytes: [UInt8]
  var offset: Int

  init(bytes: [UInt8]) {
    self.bytes = bytes
    // A UTF-8 byte-order mark is allowed and ignored.
    offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  // MARK: Positions and errors

  /// 1-based line and column (in characters) of a byte offset.
  func location(of position: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = 0
    let end = min(position, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return (line, column)
  }

  func syntaxError(_ message: String, at position: Int? = nil) -> ScenarioError {
    let (line, column) = location(of: position ?? offset)
    return .syntax(line: line, column: column, message: message)
  }

  /// A short description of the value that starts at the current offset, for type errors.
  func describeValue() -> String {
    guard let byte = peek() else { return "the end of the file" }
    switch byte {
    case UInt8(ascii: "{"): return "an object"
    case UInt8(ascii: "["): return "an array"
    case UInt8(ascii: "\""): return "a string"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
    case UInt8(ascii: "n"): return "null"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
    default: return "\"\(Unicode.Scalar(byte).escaped(asASCII: true))\""
    }
  }

  // MARK: Tokens

  func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

  mutating func skipWhitespace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case 0x20, 0x09, 0x0A, 0x0D: offset += 1
      default: return
      }
    }
  }

  /// Skips whitespace and consumes `byte` if it comes next.
  mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    if peek() == byte {
      offset += 1
      return true
    }
    return false
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws(ScenarioError) {
    guard consume(byte) else {
      throw syntaxError("expected \(what), found \(peek() == nil ? "the end of the file" : describeValue())")
    }
  }

  mutating func expectEnd() throws(ScenarioError) {
    skipWhitespace()
    if offset < bytes.count { throw syntaxError("unexpected content after the scenario object") }
  }

  mutating func consumeLiteral(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard offset + count <= bytes.count else { return false }
    let matches = literal.withUTF8Buffer { literalBytes in
      (0..<count).allSatisfy { bytes[offset + $0] == literalBytes[$0] }
    }
    guard matches else { return false }
    // A literal must not run on into more letters ("nullx", "true1").
    if offset + count < bytes.count, Self.isIdentifierByte(bytes[offset + count]) { return false }
    offset += count
    return true
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  // MARK: Values

  /// Reads a string; the offset must be at its opening quote.
  mutating func readString() throws(ScenarioError) -> String {
    let start = offset
    offset += 1  // opening quote
    var scalars = String.UnicodeScalarView()
    var runStart = offset
    func flushRun(_ reader: JSONReader, upTo end: Int) throws(ScenarioError) {
      guard runStart < end else { return }
      guard let run = String(validating: reader.bytes[runStart..<end], as: UTF8.self) else {
        let (line, column) = reader.location(of: runStart)
        throw .notUTF8(line: line, column: column)
      }
      scalars.append(contentsOf: run.unicodeScalars)
    }
    while true {
      guard offset < bytes.count else { throw syntaxError("unterminated string", at: start) }
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        try flushRun(self, upTo: offset)
        offset += 1
        return String(scalars)
      }
      if byte < 0x20 {
        throw syntaxError("control character in a string (escape it)")
      }
      if byte == UInt8(ascii: "\\") {
        try flushRun(self, upTo: offset)
        offset += 1
        scalars.append(try readEscape())
        runStart = offset
        continue
      }
      offset += 1
    }
  }

  private mutating func readEscape() throws(ScenarioError) -> Unicode.Scalar {
    guard let byte = peek() else { throw syntaxError("unterminated escape") }
    offset += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try readHex4()
      if (0xD800...0xDBFF).contains(high) {
        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
          bytes[offset + 1] == UInt8(ascii: "u")
        else { throw syntaxError("unpaired surrogate in \\u escape") }
        offset += 2
        let low = try readHex4()
        guard (0xDC00...0xDFFF).contains(low) else { throw syntaxError("invalid surrogate pair") }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
      }
      guard let scalar = Unicode.Scalar(high) else { throw syntaxError("unpaired surrogate in \\u escape") }
      return scalar
    default:
      throw syntaxError("invalid escape \\\(Unicode.Scalar(byte).escaped(asASCII: true))", at: offset - 2)
    }
  }

  private mutating func readHex4() throws(ScenarioError) -> UInt32 {
    guard offset + 4 <= bytes.count else { throw syntaxError("\\u needs four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw syntaxError("\\u needs four hex digits")
      }
      value = value << 4 | UInt32(digit)
      offset += 1
    }
    return value
  }

  /// Reads a JSON number, correctly rounded. The offset must be at '-' or a digit.
  mutating func readNumber() throws(ScenarioError) -> Double {
    let start = offset
    var negative = false
    if bytes[offset] == UInt8(ascii: "-") {
      negative = true
      offset += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0  // significant digits accumulated into the mantissa
    var exponent = 0  // decimal exponent to apply to the mantissa
    var exact = true  // false once digits no longer fit the fast path
    func isDigit(_ index: Int) -> Bool {
      index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }
    guard isDigit(offset) else { throw syntaxError("invalid number", at: start) }
    if bytes[offset] == UInt8(ascii: "0") {
      offset += 1
      if isDigit(offset) { throw syntaxError("numbers must not have leading zeros", at: start) }
    } else {
      while isDigit(offset) {
        accumulate(bytes[offset], into: &mantissa, digits: &digits, exponent: &exponent, exact: &exact, fraction: false)
        offset += 1
      }
    }
    if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
      offset += 1
      guard isDigit(offset) else { throw syntaxError("a digit must follow the decimal point", at: start) }
      while isDigit(offset) {
        accumulate(bytes[offset], into: &mantissa, digits: &digits, exponent: &exponent, exact: &exact, fraction: true)
        offset += 1
      }
    }
    if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
      offset += 1
      var exponentNegative = false
      if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
        exponentNegative = bytes[offset] == UInt8(ascii: "-")
        offset += 1
      }
      guard isDigit(offset) else { throw syntaxError("an exponent needs digits", at: start) }
      var written = 0
      while isDigit(offset) {
        if written < 100_000 { written = written * 10 + Int(bytes[offset] - UInt8(ascii: "0")) }
        offset += 1
      }
      exponent += exponentNegative ? -written : written
    }
    // Clinger's fast path: an exact mantissa below 2^53 scaled by an exact power of ten is one
    // correctly rounded operation. Anything else goes to the standard library's parser.
    if exact && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
      var value = Double(mantissa)
      if exponent < 0 { value /= Self.powersOfTen[-exponent] } else { value *= Self.powersOfTen[exponent] }
      return negative ? -value : value
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    guard let value = Double(text) else { throw syntaxError("invalid number", at: start) }
    return value
  }

  private func accumulate(
    _ byte: UInt8, into mantissa: inout UInt64, digits: inout Int, exponent: inout Int,
    exact: inout Bool, fraction: Bool
  ) {
    let digit = UInt64(byte - UInt8(ascii: "0"))
    if digits == 0 && digit == 0 {
      if fraction { exponent -= 1 }
      return
    }
    if digits < 19 {
      mantissa = mantissa * 10 + digit
      digits += 1
      if fraction { exponent -= 1 }
    } else {
      if digit != 0 { exact = false }
      if !fraction { exponent += 1 }
    }
  }

  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
