import TestSupport
import Testing

@testable import GAETUI

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Text width")
struct TextWidthTests {
  @Test func theCharactersFromTheIssueTakeTwoColumns() {
    for text in ["🚀", "✅", "⭐", "🟥", "🇫🇷", "🇺🇳", "日", "가", "Ａ"] {
      #expect(TextWidth.columns(of: text) == 2, "\(text)")
    }
  }

  @Test func codePoints() {
    let expected: [(UInt32, Int)] = [
      (0x41, 1), (0xE9, 1), (0xAD, 1),  // soft hyphen: shown as a hyphen
      (0x300, 0), (0x20DD, 0), (0x200B, 0), (0x200D, 0), (0x202E, 0), (0xFE0F, 0), (0xE0100, 0), (0xE0067, 0),
      (0x0600, 1),  // ARABIC NUMBER SIGN: a format character that is drawn
      (0x1100, 2), (0x1160, 0), (0x11A8, 0), (0xD7B0, 0), (0xAC00, 2),  // Hangul: the initial takes the columns
      (0xFF71, 1), (0xFF21, 2), (0x3000, 2), (0x20000, 2), (0x3FFFD, 2), (0x2FFFE, 1),
      (0x1F1E6, 2), (0x1F3FB, 2), (0x2764, 1), (0x1F680, 2), (0x10FFFF, 1),
    ]
    for (value, columns) in expected {
      #expect(TextWidth.columns(of: Unicode.Scalar(value)!) == columns, "U+\(hex(value))")
    }
  }

  @Test func theTableIsSortedDisjointAndStartsWhereTheFastPathEnds() {
    let ranges = TextWidth.ranges
    #expect(ranges.first?.first == TextWidth.firstNotOneColumn)
    for (index, range) in ranges.enumerated() {
      #expect(range.first <= range.last && range.last <= 0x10_FFFF)
      #expect(range.columns == 0 || range.columns == 2)
      if index > 0 { #expect(ranges[index - 1].last < range.first) }
    }
  }

  /// A character takes its first code point's columns, but emoji sequences take two.
  @Test func graphemeClusters() {
    let expected: [(Character, Int)] = [
      ("e\u{301}", 1),  // an accent on its letter
      ("\u{1100}\u{1161}\u{11A8}", 2),  // a Hangul syllable from conjoining jamo
      ("🇫🇷", 2),  // a flag: a pair of regional indicators
      ("\u{1F1E6}", 2),  // a regional indicator alone
      ("❤\u{FE0F}", 2), ("☀\u{FE0F}", 2), ("1\u{FE0F}\u{20E3}", 2),  // text symbols asked for as emoji
      ("❤", 1), ("❤\u{FE0E}", 1),  // the same as text
      ("🚀\u{FE0F}", 2),
      ("👨\u{200D}👩\u{200D}👧", 2),  // a ZWJ sequence: its first emoji
      ("🏳\u{FE0F}\u{200D}🌈", 2),
      ("☝\u{1F3FD}", 2), ("👍\u{1F3FD}", 2),  // skin tones
      ("\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2),  // a tag sequence flag
      ("\u{200B}", 0), ("\u{301}", 0),
      ("\u{1B}", 1), ("\r\n", 1), ("\u{202E}", 1), ("\u{85}", 1),  // drawn as "?"
    ]
    for (character, columns) in expected {
      #expect(TextWidth.columns(of: character) == columns, "\(character.unicodeScalars.map { hex($0.value) })")
    }
  }

  @Test func controlsAndBidiControlsAreDrawnAsQuestionMarks() {
    let controls: [UInt32] =
      Array(0..<0x20) + Array(0x7F...0x9F) + [0x061C, 0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069)
    for value in controls {
      let scalar = Unicode.Scalar(value)!
      #expect(TextWidth.isControl(scalar), "U+\(hex(value))")
      var canvas = Canvas(width: 4, height: 1)
      let end = canvas.put("a" + String(Character(scalar)) + "b", x: 0, y: 0)
      #expect(canvas.lines == ["a?b "], "U+\(hex(value))")
      #expect(end == 3)
    }
    for value: UInt32 in [0x20, 0x7E, 0xA0, 0x200D, 0x2029, 0x2065, 0x206A, 0xFEFF] {
      #expect(!TextWidth.isControl(Unicode.Scalar(value)!), "U+\(hex(value))")
    }
  }

  @Test func aNameCannotReverseTheLine() {
    var canvas = Canvas(width: 20, height: 1)
    canvas.put("user\u{202E}gnp.exe\u{2066}x\u{2069}", x: 0, y: 0)
    #expect(canvas.text == "user?gnp.exe?x?")
    #expect(canvas.cells.allSatisfy { $0.character.unicodeScalars.allSatisfy { !TextWidth.isControl($0) } })
  }

  /// Layouts measure text with `TextWidth.columns(of:)` and draw it with `Canvas.put`: the two
  /// must agree on every mix of wide, zero-width, control and emoji characters.
  @Test func theWidthIsWhatPutAdvances() {
    let pieces = [
      "a", " ", "日", "🚀", "❤", "\u{FE0F}", "\u{FE0E}", "🇫", "🇷", "e", "\u{301}", "\u{200D}", "👩", "\u{202E}",
      "\t", "\r", "\n", "\u{1F3FD}", "☝", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "\u{0600}", "1", "\u{20E3}",
      "\u{200B}", "\u{E0067}", "Ａ", "ｱ",
    ]
    var rng = SplitMix64(name: "theWidthIsWhatPutAdvances")
    for _ in 0..<3000 {
      let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
      let columns = TextWidth.columns(of: text)
      var canvas = Canvas(width: 40, height: 1)
      #expect(canvas.put(text, x: 1, y: 0) == 1 + columns, "\(text.unicodeScalars.map { hex($0.value) })")
      #expect(canvas.put(text, x: 1, y: 5) == 1 + columns)  // off the canvas: measured, not drawn
      #expect(cellsAreWhole(canvas))
      var narrow = Canvas(width: 5, height: 1)
      narrow.put(text, x: 0, y: 0)
      #expect(cellsAreWhole(narrow))
    }
  }

  @Test func fittedCutsWholeCharacters() {
    #expect(TextWidth.fitted("🇫🇷🇩🇪", width: 3, cut: "…") == "🇫🇷…")
    #expect(TextWidth.fitted("👨\u{200D}👩\u{200D}👧 family", width: 4, cut: "…") == "👨\u{200D}👩\u{200D}👧 …")
    #expect(TextWidth.fitted("❤\u{FE0F}❤\u{FE0F}", width: 3, cut: "…") == "❤\u{FE0F}…")
    #expect(TextWidth.fitted("🚀🚀", width: 4, cut: "…") == "🚀🚀")
  }

  #if canImport(Glibc)
    /// The table against the C library's wcwidth in C.UTF-8, on every code point. glibc 2.36
    /// (Debian 12) has Unicode 14.0 tables; ours are 15.0. Where the two may differ is listed here,
    /// each with its reason, and checked: anywhere else a difference fails.
    @Test func agreesWithTheCLibrarysWcwidth() throws {
      #expect(TextWidth.unicodeVersion == "15.0.0", "the differences below were listed for Unicode 15.0")
      let wcwidth = try #require(CLibrary.wcwidth, "no wcwidth in the C library")
      let glibc = CLibrary.version
      let unicode15: Unicode.Version = (15, 0)
      var compared = 0
      var wrong: [String] = []
      CLibrary.withCTypeLocale("C.UTF-8") {
        for value in UInt32(0)...0x10_FFFF {
          guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
          let ours = TextWidth.columns(of: scalar)
          let theirs = Int(wcwidth(wchar_t(value)))
          let properties = scalar.properties
          let expected: Int
          switch value {
          case 0:
            // wcwidth says 0 (a C string's end); the canvas draws NUL as "?", like any control.
            expected = 1
          case 0x1F1E6...0x1F1FF:
            // Regional indicators: Emoji_Presentation, and a pair of them is a flag, two columns
            // (Canvas.put counts a cluster by its first code point). glibc uses East_Asian_Width only: 1.
            expected = 2
          case 0x3248...0x324F, 0x4DC0...0x4DFF:
            // glibc's own choice of 2 for these (East_Asian_Width A and N) in its generator; by
            // the Unicode rules, and in terminals that follow them (VTE, kitty), 1.
            #expect(theirs == 2, "U+\(hex(value)): glibc \(glibc) changed its special cases")
            expected = 1
          default:
            if theirs >= 0 {
              compared += 1
              expected = theirs
            } else if let age = properties.age, age < unicode15 {
              // Also not printable for glibc: controls, line and paragraph separators, noncharacters.
              let category = properties.generalCategory
              #expect(
                category == .control || category == .lineSeparator || category == .paragraphSeparator
                  || properties.isNoncharacterCodePoint,
                "U+\(hex(value)): glibc \(glibc) says it is not printable")
              expected = 1
            } else {
              // Not printable for glibc: assigned after Unicode 14.0, or not at all. By our rules.
              expected = Self.widthByRules(scalar, newIn15: properties.age.map { $0 == unicode15 } ?? false)
            }
          }
          if ours != expected {
            wrong.append("U+\(hex(value)): \(ours), expected \(expected) (wcwidth \(theirs))")
          }
        }
      }
      #expect(wrong.isEmpty, "\(wrong.count) code points, glibc \(glibc): \(wrong.prefix(20).joined(separator: "; "))")
      // Unicode 14.0 has 283,000 printable code points (137,000 of them private use): had the
      // locale not taken, wcwidth would print only ASCII, and nothing would have been compared.
      #expect(compared > 280_000, "glibc \(glibc) compared on \(compared) code points only")
    }

    /// The width of a code point glibc 2.36 does not know, from the rules the generator follows,
    /// with the Swift runtime's Unicode properties standing in for the data files.
    static func widthByRules(_ scalar: Unicode.Scalar, newIn15: Bool) -> Int {
      let value = scalar.value
      let defaultWide: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x2_0000...0x2_FFFD, 0x3_0000...0x3_FFFD,
      ]
      guard newIn15 else {
        // Unassigned in 15.0 (or assigned since, which the table cannot know): UAX #11's defaults.
        return defaultWide.contains { $0.contains(value) } ? 2 : 1
      }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format: return 0
      default: break
      }
      if scalar.properties.isEmojiPresentation || defaultWide.contains(where: { $0.contains(value) }) { return 2 }
      // HIRAGANA and KATAKANA LETTER SMALL KO, the only other 15.0 characters that are W.
      if value == 0x1_B132 || value == 0x1_B155 { return 2 }
      return 1
    }
  #endif
}

/// Every two-column character is followed by its continuation cell, and no other cell is one.
/// (Reading a row back as one string, `Canvas.lines`, can join neighbouring cells into one
/// cluster, as two regional indicators are, so the cells are checked one by one.)
private func cellsAreWhole(_ canvas: Canvas) -> Bool {
  var x = 0
  while x < canvas.width {
    let cell = canvas[x, 0]
    let columns = TextWidth.columns(of: cell.character)
    if cell.isContinuation || columns < 1 { return false }
    if columns == 2 && (x + 1 == canvas.width || !canvas[x + 1, 0].isContinuation) { return false }
    x += columns
  }
  return x == canvas.width
}

private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

#if canImport(Glibc)
  /// The C library's wcwidth, which Swift's Glibc module leaves out (it needs _XOPEN_SOURCE), and
  /// a locale for this thread alone.
  private enum CLibrary {
    typealias WidthFunction = @convention(c) (wchar_t) -> Int32

    static let wcwidth: WidthFunction? = symbol("wcwidth").map { unsafeBitCast($0, to: WidthFunction.self) }

    static let version: String = {
      typealias VersionFunction = @convention(c) () -> UnsafePointer<CChar>
      guard let function = symbol("gnu_get_libc_version") else { return "?" }
      return String(cString: unsafeBitCast(function, to: VersionFunction.self)())
    }()

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
      dlsym(dlopen(nil, RTLD_NOW), name)
    }

    /// Runs `body` with LC_CTYPE set to `name` on this thread only (uselocale, not setlocale):
    /// Swift Testing runs tests in parallel, and the process's locale stays as it was for the
    /// others. `body` must not suspend, so it stays on this thread.
    static func withCTypeLocale(_ name: String, _ body: () -> Void) {
      guard let locale = newlocale(LC_CTYPE_MASK, name, nil) else {
        Issue.record("no \(name) locale (Debian: in libc-bin; .ci/run installs locales)")
        return
      }
      let previous = uselocale(locale)
      defer {
        uselocale(previous)
        freelocale(locale)
      }
      body()
    }
  }
#endif
