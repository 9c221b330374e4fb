import Foundation
import GAETUI
import Testing

/// Golden screens: committed text files under Tests/GAETUITests/Golden/, compared cell for cell
/// (trailing spaces trimmed). To re-record after an intended change to the screen:
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

  static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = "\(directory)/\(name).txt"
    let actual = canvas.text + "\n"
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
