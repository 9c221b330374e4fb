/// How many terminal columns text takes, as the canvas draws it: 0 for what a terminal draws
/// nothing for (combining marks, format characters), 2 for East Asian wide characters and emoji,
/// 1 otherwise. The per-code-point widths are a table generated from the Unicode data
/// (TextWidthTable.swift, by Scripts/generate-text-width.py), so a layout that counts with it
/// stays in line with what the terminal shows.
enum TextWidth {
  /// The columns one code point takes on its own. A binary search over the generated ranges, and
  /// none at all below U+0300: this runs for every cell of every frame.
  static func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < firstNotOneColumn { return 1 }
    let table = ranges
    // The first range that does not end before `value`: the only one that can hold it.
    var low = 0
    var high = table.count
    while low < high {
      let middle = (low + high) / 2
      if table[middle].last < value { low = middle + 1 } else { high = middle }
    }
    return low < table.count && table[low].first <= value ? Int(table[low].columns) : 1
  }

  /// The columns a character (a grapheme cluster) takes where `Canvas.put` draws it: its first
  /// code point's, since what follows it (accents, joiners, the rest of a flag or of a ZWJ
  /// sequence) is drawn on top of it. Two exceptions: a control is drawn as "?" in one column,
  /// and a symbol that is text by default (❤, ☀, ☝) asked for as an emoji, by VS16 or a skin
  /// tone, is drawn as an emoji, two columns wide.
  static func columns(of character: Character) -> Int {
    var scalars = character.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return 0 }
    if isControl(first) { return 1 }
    let columns = columns(of: first)
    guard columns == 1, let second = scalars.next() else { return columns }
    if second == "\u{FE0F}" && first.properties.isEmoji { return 2 }
    if second.properties.isEmojiModifier && first.properties.isEmojiModifierBase { return 2 }
    return columns
  }

  /// The columns `Canvas.put` advances over for `text`.
  static func columns(of text: String) -> Int {
    var total = 0
    for character in text { total += columns(of: character) }
    return total
  }

  /// Whether a character starting with `scalar` must never reach the terminal as it is: C0 and C1
  /// controls, which move the cursor or start escape sequences, and the bidirectional controls,
  /// which reorder what follows on the line (a name with U+202E would show reversed, and could
  /// pass for another). The canvas draws "?" for them.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20..<0x7F: return false
    case 0..<0x20, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// `text` if it fits in `width` columns; otherwise as much of it as fits with `cut` (one
  /// column: "…", or nothing in ASCII) after it, so a cut never passes for a whole word.
  static func fitted(_ text: String, width: Int, cut: String) -> String {
    guard columns(of: text) > width else { return text }
    var kept = ""
    var used = 0
    for character in text {
      let next = columns(of: character)
      if used + next > width - 1 { break }
      kept.append(character)
      used += next
    }
    return kept + cut
  }
}
