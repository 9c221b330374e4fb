/// Text from files and the command line made safe to print on a terminal.
///
/// A scenario name, a CSV field or a file name is data, and data can hold ESC, CSI and BEL:
/// printed raw they retitle the window, clear the screen or move the cursor, and a newline or a
/// carriage return splits or overwrites a message. Bidirectional overrides reorder what the
/// reader sees. Every such scalar is spelt out as `\u{…}` (upper-case hex, as Swift writes
/// it), so the text stays on one line and shows what the file really holds. A backslash is left
/// as it is: this is for reading, not for reading back.
public enum TerminalText {
  /// `text` with every unsafe scalar replaced by `\u{HEX}`; `keepingNewlines` leaves line feeds
  /// alone, for messages that are several lines by design (usage and help).
  public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
    // The common case, plain text, costs one scan and no copy.
    guard
      text.unicodeScalars.contains(where: {
        (isUnsafe($0) && !(keepingNewlines && $0 == "\n")) || isCarriedByte($0)
      })
    else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isCarriedByte(scalar) {
        // A file name's byte that is not UTF-8 (see `PathBytes`): shown as the byte it is.
        out.append(contentsOf: PathBytes.display(String(scalar)).unicodeScalars)
      } else if isUnsafe(scalar) && !(keepingNewlines && scalar == "\n") {
        out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  static func isCarriedByte(_ scalar: Unicode.Scalar) -> Bool {
    (PathBytes.base...(PathBytes.base + 0xFF)).contains(scalar.value)
  }

  /// Whether printing `scalar` raw could act on the terminal or mislead the reader: the C0
  /// controls (tab and newline included), DEL, the C1 controls (U+0080–U+009F; some terminals
  /// read U+009B as CSI), the bidirectional marks, embeddings, overrides and isolates, and the
  /// line and paragraph separators, which some programs treat as line breaks.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
