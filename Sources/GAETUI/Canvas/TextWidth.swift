/// How many terminal columns a character takes: 0 for combining marks, 2 for East Asian wide
/// characters and emoji, 1 otherwise. A small table, not full wcwidth: enough that user text
/// (scenario names, labels) never pushes the layout out of line.
enum TextWidth {
  static func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 { return 0 }
    if (0x0300...0x036F).contains(value) || (0x200B...0x200F).contains(value) || (0xFE00...0xFE0F).contains(value) {
      return 0
    }
    if (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
      || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
      || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
      || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
    {
      return 2
    }
    return 1
  }

  static func columns(of text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
  }

  /// `text` if it fits in `width` columns; otherwise as much of it as fits with `cut` (one
  /// column: "…", or nothing in ASCII) after it, so a cut never passes for a whole word.
  static func fitted(_ text: String, width: Int, cut: String) -> String {
    guard columns(of: text) > width else { return text }
    var kept = ""
    var used = 0
    for character in text {
      let next = columns(of: String(character))
      if used + next > width - 1 { break }
      kept.append(character)
      used += next
    }
    return kept + cut
  }
}
