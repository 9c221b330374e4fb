import TestSupport
import Testing

@testable import GAECore

@Suite("Text made safe for a terminal")
struct TerminalTextTests {
  @Test func plainTextIsUnchanged() {
    for text in ["", "Goal, time limit", "γ λ δ — ✓ 日本 é", "back\\slash \"quoted\""] {
      #expect(TerminalText.escaped(text) == text)
    }
  }

  @Test func controlsAndBidiMarksAreSpeltOut() {
    #expect(TerminalText.escaped("\u{1B}]0;title\u{07}") == "\\u{1B}]0;title\\u{7}")
    #expect(TerminalText.escaped("a\nb\rc\td\0") == "a\\u{A}b\\u{D}c\\u{9}d\\u{0}")
    #expect(TerminalText.escaped("\u{7F}\u{80}\u{9B}\u{9F}\u{A0}") == "\\u{7F}\\u{80}\\u{9B}\\u{9F}\u{A0}")
    #expect(
      TerminalText.escaped("\u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}\u{2028}\u{2029}")
        == "\\u{202A}\\u{202E}\\u{2066}\\u{2069}\\u{200E}\\u{200F}\\u{61C}\\u{2028}\\u{2029}")
    #expect(TerminalText.escaped("usage\nnext\u{1B}", keepingNewlines: true) == "usage\nnext\\u{1B}")
  }

  /// Whatever goes in, what comes out holds no scalar that acts on a terminal, and no line break.
  @Test func nothingUnsafeSurvivesAnyInput() {
    var rng = SplitMix64(name: "terminal text")
    for _ in 0..<2_000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<20, using: &rng) {
        let value = [UInt32.random(in: 0..<0xA0, using: &rng), UInt32.random(in: 0x2000..<0x2070, using: &rng)][
          Int.random(in: 0..<2, using: &rng)]
        if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
      }
      let escaped = TerminalText.escaped(String(scalars))
      #expect(!escaped.unicodeScalars.contains(where: TerminalText.isUnsafe))
    }
  }
}
