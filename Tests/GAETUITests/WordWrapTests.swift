import TestSupport
import Testing

@testable import GAETUI

@Suite("Word wrap")
struct WordWrapTests {
  @Test func fillsEachLineWithAsManyWordsAsFit() {
    #expect(WordWrap.lines("the carry resets here", width: 9) == ["the carry", "resets", "here"])
    #expect(WordWrap.lines("a b c d e f", width: 5) == ["a b c", "d e f"])
    #expect(WordWrap.lines("the carry resets here", width: 100) == ["the carry resets here"])
    #expect(WordWrap.lines("  spaces   collapse  ", width: 20) == ["spaces collapse"])
    #expect(WordWrap.lines("日本 語", width: 6) == ["日本", "語"])
    #expect(WordWrap.lines("日本 語", width: 7) == ["日本 語"])
  }

  @Test func keepsParagraphsAndBlankLines() {
    #expect(WordWrap.lines("one\n\ntwo three\n", width: 5) == ["one", "", "two", "three", ""])
    #expect(WordWrap.lines("one\r\ntwo", width: 5) == ["one", "two"])
    #expect(WordWrap.lines("", width: 5) == [""])
    #expect(WordWrap.lines("   ", width: 5) == [""])
    #expect(WordWrap.lines("\n", width: 5) == ["", ""])
  }

  @Test func cutsAWordWiderThanALineByColumns() {
    #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    // It starts a line of its own; what is left after the last cut shares its line.
    #expect(WordWrap.lines("ab cdefghij k", width: 4) == ["ab", "cdef", "ghij", "k"])
    #expect(WordWrap.lines("abcdef g", width: 4) == ["abcd", "ef g"])
    // A wide character never straddles two lines.
    #expect(WordWrap.lines("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
    #expect(WordWrap.lines("a日本", width: 2) == ["a", "日", "本"])
    #expect(WordWrap.lines("a日b", width: 3) == ["a日", "b"])
    // Wider than the whole line: a line to itself (Canvas.put marks it cut).
    #expect(WordWrap.lines("日本 a", width: 1) == ["日", "本", "a"])
    // Characters stay whole: accents, flags, ZWJ sequences, emoji asked for by VS16.
    #expect(WordWrap.lines("e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}"])
    #expect(WordWrap.lines("🇫🇷🇩🇪🇮🇹", width: 3) == ["🇫🇷", "🇩🇪", "🇮🇹"])
    let family = "👨\u{200D}👩\u{200D}👧"
    #expect(WordWrap.lines(family + family + family, width: 5) == [family + family, family])
    #expect(WordWrap.lines("❤\u{FE0F}❤\u{FE0F}❤\u{FE0F}", width: 5) == ["❤\u{FE0F}❤\u{FE0F}", "❤\u{FE0F}"])
  }

  @Test func noWidthNoLines() {
    #expect(WordWrap.lines("text", width: 0) == [])
    #expect(WordWrap.lines("text", width: -3) == [])
    #expect(WordWrap.lines("text", width: 4, maxLines: 0) == [])
  }

  /// Every line fits (bar one holding a single character wider than the line), and the words come back in
  /// order: checked on random mixes against a plainer wrap that works word by word.
  @Test func agreesWithAPlainWrapOnRandomText() {
    let pieces = [
      "a", "bc", "def", " ", " ", "  ", "\n", "\r\n", "日", "🇫🇷", "e\u{301}", "👨\u{200D}👩", "\u{200B}", "❤\u{FE0F}",
      "\t", "ｱ", "\u{301}",
    ]
    var rng = SplitMix64(name: "agreesWithAPlainWrapOnRandomText")
    for _ in 0..<3000 {
      let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
      let width = Int.random(in: 1...12, using: &rng)
      let lines = WordWrap.lines(text, width: width)
      let label = "\(text.unicodeScalars.map { $0.value }) width \(width)"
      #expect(lines == plainWrap(text, width: width), "\(label)")
      for line in lines where TextWidth.columns(of: line) > width {
        #expect(line.filter { TextWidth.columns(of: $0) > 0 }.count == 1, "\(label): \(line)")
      }
      for maxLines in [1, 2, 5] {
        #expect(WordWrap.lines(text, width: width, maxLines: maxLines) == Array(lines.prefix(maxLines)), "\(label)")
      }
    }
  }

  @Test func aOneMegabyteWord() {
    let lines = WordWrap.lines(String(repeating: "x", count: 1_000_000), width: 80)
    #expect(lines.count == 12_500)
    #expect(lines.allSatisfy { $0 == String(repeating: "x", count: 80) })

    // With wide characters the cuts fall where the next character would pass the edge.
    let word = String(repeating: "ab日", count: 200_000)  // 1 MB of UTF-8
    let mixed = WordWrap.lines(word, width: 7)
    #expect(mixed.joined() == word)
    for (index, line) in mixed.enumerated() {
      #expect(TextWidth.columns(of: line) <= 7)
      if index + 1 < mixed.count {
        #expect(TextWidth.columns(of: line) + TextWidth.columns(of: mixed[index + 1].first!) > 7)
      }
    }
    #expect(mixed.prefix(3) == ["ab日ab", "日ab日a", "b日ab日"])
  }

  @Test func aMegabyteOfShortWords() {
    let text = String(repeating: "word ", count: 200_000)
    // Sixteen words and fifteen spaces make 79 columns; a seventeenth would make 84.
    let line = Array(repeating: "word", count: 16).joined(separator: " ")
    #expect(WordWrap.lines(text, width: 80) == Array(repeating: line, count: 12_500))
    #expect(WordWrap.lines(text, width: 80, maxLines: 3) == [line, line, line])

    let paragraphs = String(repeating: "one two three\n", count: 70_000)
    let wrapped = WordWrap.lines(paragraphs, width: 8)
    #expect(wrapped.count == 140_001)
    #expect(wrapped.prefix(4) == ["one two", "three", "one two", "three"])
    #expect(wrapped.last == "")
  }

  /// The same wrap written the plain way: split into paragraphs, then words, each measured whole.
  private func plainWrap(_ text: String, width: Int) -> [String] {
    var result: [String] = []
    for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        let pieces = cut(String(word), width: width)
        if pieces.count == 1 && (line.isEmpty || TextWidth.columns(of: line + " " + word) <= width) {
          line += (line.isEmpty ? "" : " ") + word
          continue
        }
        if !line.isEmpty { result.append(line) }
        result += pieces.dropLast()
        line = pieces.last!
      }
      result.append(line)
    }
    return result
  }

  /// A word in pieces of at most `width` columns, each as long as it can be.
  private func cut(_ word: String, width: Int) -> [String] {
    var pieces = [""]
    for character in word {
      let columns = TextWidth.columns(of: pieces[pieces.count - 1])
      if columns > 0 && columns + TextWidth.columns(of: character) > width { pieces.append("") }
      pieces[pieces.count - 1].append(character)
    }
    return pieces
  }
}
