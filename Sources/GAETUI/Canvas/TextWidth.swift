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
  /// controls, which move the cursor or start escape sequences. The canvas draws "?" for them.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
