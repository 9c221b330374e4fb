/// Greedy word wrap by display width; words longer than a line are cut.
enum WordWrap {
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if TextWidth.columns(of: candidate) <= width {
          line = candidate
        } else {
          if !line.isEmpty { result.append(line) }
          line = String(word)
          while TextWidth.columns(of: line) > width {
            result.append(String(line.prefix(width)))
            line = String(line.dropFirst(width))
          }
        }
      }
      result.append(line)
    }
    return result
  }
}
