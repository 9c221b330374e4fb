import Foundation
import GAETUI
import Testing

/// Golden screens: committed text files under Tests/GAETUITests/Golden/, compared cell for cell,
/// text and style. A file holds the screen's text (trailing spaces trimmed), then `@styles`: one
/// row of letters per screen row, a letter per cell (`.` plain, trailing dots trimmed), then
/// `@legend`: what each letter means. Removing a highlight or an underline fails the test.
/// To re-record after an intended change to the screen:
///
///     GAEVIZ_RECORD_GOLDEN=1 swift test --filter GoldenScreenTests
///
/// then read the diff (`git diff Tests/GAETUITests/Golden`) before committing it.
enum Golden {
  static let directory: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast()
    return parts.joined(separator: "/") + "/Golden"
  }()

  static var recording: Bool { ProcessInfo.processInfo.environment["GAEVIZ_RECORD_GOLDEN"] == "1" }

  /// A style in words: "fg=green bg=cyan bold reverse dim underline".
  static func describe(_ style: Style) -> String {
    var words: [String] = []
    if let foreground = style.foreground { words.append("fg=\(foreground)") }
    if let background = style.background { words.append("bg=\(background)") }
    if style.bold { words.append("bold") }
    if style.reverse { words.append("reverse") }
    if style.dim { words.append("dim") }
    if style.underline { words.append("underline") }
    return words.joined(separator: " ")
  }

  /// The canvas as a golden file's text: the screen, its style layer and the legend.
  static func serialize(_ canvas: Canvas) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var legend: [String: Character] = [:]
    var order: [String] = []
    var rows: [String] = []
    for y in 0..<canvas.height {
      var row = ""
      for x in 0..<canvas.width where !canvas[x, y].isContinuation {
        let style = canvas[x, y].style
        if style == .plain {
          row.append(".")
          continue
        }
        let name = describe(style)
        if legend[name] == nil {
          legend[name] = order.count < letters.count ? letters[order.count] : "?"
          order.append(name)
        }
        row.append(legend[name]!)
      }
      while row.hasSuffix(".") { row.removeLast() }
      rows.append(row)
    }
    let legendLines = order.map { "\(legend[$0]!) \($0)" }
    return ([canvas.text, "@styles"] + rows + ["@legend"] + legendLines).joined(separator: "\n") + "\n"
  }

  static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = "\(directory)/\(name).txt"
    let actual = serialize(canvas)
    if recording {
      try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try? actual.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      Issue.record(
        "no golden screen \(name).txt; record it with GAEVIZ_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      var report: [String] = []
      for index in 0..<max(expectedLines.count, actualLines.count) {
        let e = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
        let a = index < actualLines.count ? String(actualLines[index]) : "<none>"
        if e != a { report.append("line \(index + 1):\n  expected: \(e)\n  actual:   \(a)") }
      }
      let details = report.prefix(8).joined(separator: "\n")
      Issue.record(Comment(rawValue: "golden screen \(name) differs:\n\(details)"), sourceLocation: sourceLocation)
    }
  }
}
