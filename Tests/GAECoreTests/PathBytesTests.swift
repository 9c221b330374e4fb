import TestSupport
import Testing

@testable import GAECore

@Suite("File names that are not UTF-8")
struct PathBytesTests {
  /// Any bytes make a path that turns back into the same bytes; valid UTF-8 stays as it is.
  @Test func everyByteStringRoundTrips() {
    var rng = SplitMix64(name: "paths")
    for _ in 0..<5_000 {
      let bytes = (0..<Int.random(in: 0...24, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
      #expect(PathBytes.bytes(of: PathBytes.string(fromBytes: bytes)) == bytes)
    }
    for text in ["café.json", "日本/シナリオ.csv", "plain", "🇫🇷"] {
      #expect(PathBytes.string(fromBytes: Array(text.utf8)) == text)
      #expect(PathBytes.bytes(of: text) == Array(text.utf8))
    }
  }

  @Test func carriedBytesAreShownAsBytes() {
    let latin1 = PathBytes.string(fromBytes: Array("caf".utf8) + [0xE9] + Array(".json".utf8))
    #expect(PathBytes.display(latin1) == "caf\\xE9.json")
    #expect(TerminalText.escaped("gae-viz: \(latin1): no such file") == "gae-viz: caf\\xE9.json: no such file")
    // Overlong forms and surrogates are not UTF-8 either.
    #expect(
      PathBytes.display(PathBytes.string(fromBytes: [0xC0, 0xAF, 0xED, 0xA0, 0x80])) == "\\xC0\\xAF\\xED\\xA0\\x80")
  }
}
