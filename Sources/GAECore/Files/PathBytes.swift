/// File names are bytes; Swift strings are Unicode. A name that is not valid UTF-8 (a Latin-1
/// file system, an old archive) is carried in a String with each byte that is not part of a
/// valid UTF-8 sequence as the private-use scalar U+F700 + byte, and turned back into its bytes
/// wherever the file is opened, so such a file can be named on the command line, listed in a
/// folder and opened. For people it is spelt with `\xNN` (`display`).
public enum PathBytes {
  static let base: UInt32 = 0xF700

  /// The path the bytes name, invalid bytes carried as U+F700 + byte.
  public static func string<Bytes: Collection>(fromBytes bytes: Bytes) -> String where Bytes.Element == UInt8 {
    let bytes = Array(bytes)
    var scalars = String.UnicodeScalarView()
    var index = 0
    while index < bytes.count {
      if let (scalar, length) = decode(bytes, at: index) {
        scalars.append(scalar)
        index += length
      } else {
        scalars.append(Unicode.Scalar(base + UInt32(bytes[index]))!)
        index += 1
      }
    }
    return String(scalars)
  }

  /// One well-formed UTF-8 sequence at `index`, or nil.
  private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
    let lead = bytes[index]
    let length: Int
    switch lead {
    case 0x00..<0x80: return (Unicode.Scalar(lead), 1)
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    let sequence = bytes[index..<(index + length)]
    guard sequence.dropFirst().allSatisfy({ (0x80...0xBF).contains($0) }) else { return nil }
    let text = String(decoding: sequence, as: UTF8.self)
    // Overlong forms and surrogates decode to U+FFFD: not well formed.
    guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, scalar != "\u{FFFD}" else {
      return nil
    }
    return (scalar, length)
  }

  /// The bytes a path names: its UTF-8, with each U+F700 + byte scalar turned back into the byte.
  public static func bytes(of path: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(path.utf8.count)
    for scalar in path.unicodeScalars {
      if (base...(base + 0xFF)).contains(scalar.value) {
        bytes.append(UInt8(scalar.value - base))
      } else {
        bytes.append(contentsOf: String(scalar).utf8)
      }
    }
    return bytes
  }

  /// Calls `body` with the path as the C string the kernel expects.
  public static func withCString<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows
    -> Result
  {
    var bytes = bytes(of: path).map { CChar(bitPattern: $0) }
    bytes.append(0)
    return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
  }

  /// The path for people: carried bytes spelt `\xNN`.
  public static func display(_ path: String) -> String {
    var text = ""
    for scalar in path.unicodeScalars {
      if (base...(base + 0xFF)).contains(scalar.value) {
        let byte = scalar.value - base
        let digits = Array("0123456789ABCDEF")
        text += "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return text
  }
}
