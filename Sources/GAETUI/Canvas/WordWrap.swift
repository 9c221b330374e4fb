/// Greedy word wrap by display width, in one pass over the text: each character is measured once
/// and copied at most twice (into its word, then its line), so the time grows with the length of
/// the text and not with the length of its longest word, and a megabyte of notes stays cheap.
enum WordWrap {
  /// `text` in lines of at most `width` columns, as `TextWidth` counts them (so as `Canvas.put`
  /// draws them). Paragraphs end at "\n" (or "\r\n"), and blank ones are kept as empty lines.
  /// Words are separated by spaces, and each line holds as many as fit, one space apart. A word
  /// wider than a line starts a line of its own and is cut every `width` columns, between
  /// characters: a wide character that would straddle the edge starts the next line, and one
  /// wider than the whole line (width 1) has a line to itself.
  ///
  /// At most `maxLines` lines: the rest of the text is not read, so a caller showing a few lines
  /// of a long text pays for those only. (Asking for one more line than it shows tells it whether
  /// the text goes on.)
  static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
    guard width > 0, maxLines > 0 else { return [] }
    var wrapper = Wrapper(width: width, maxLines: maxLines)
    for character in text {
      switch character.asciiValue {
      case 0x0A: wrapper.endParagraph()  // "\n", and "\r\n", which Swift reads as one character
      case 0x20: wrapper.endWord()
      case .some: wrapper.add(character, columns: 1)  // ASCII: a letter, or a control drawn as "?"
      case .none: wrapper.add(character, columns: TextWidth.columns(of: character))
      }
      if wrapper.isFull { return wrapper.lines }
    }
    wrapper.endParagraph()
    return wrapper.lines
  }
}

/// The state of one wrap: the lines done, the line being filled and the word being read.
private struct Wrapper {
  let width: Int
  let maxLines: Int
  private(set) var lines: [String] = []
  private var line = ""
  private var lineColumns = 0
  private var word = ""
  private var wordColumns = 0

  init(width: Int, maxLines: Int) {
    self.width = width
    self.maxLines = maxLines
  }

  var isFull: Bool { lines.count >= maxLines }

  mutating func add(_ character: Character, columns: Int) {
    if wordColumns > 0 && wordColumns + columns > width {
      // The word is wider than a line: it goes on lines of its own, cut here. What follows this
      // cut may share its line with the next words.
      if !line.isEmpty {
        finish(line)
        line = ""
        lineColumns = 0
      }
      finish(word)
      word = ""
      wordColumns = 0
    }
    word.append(character)
    wordColumns += columns
  }

  mutating func endWord() {
    guard !word.isEmpty else { return }  // spaces in a row, or at the start of a paragraph
    if line.isEmpty {
      line = word
      lineColumns = wordColumns
    } else if lineColumns + 1 + wordColumns <= width {
      line.append(" ")
      line.append(word)
      lineColumns += 1 + wordColumns
    } else {
      finish(line)
      line = word
      lineColumns = wordColumns
    }
    word = ""
    wordColumns = 0
  }

  mutating func endParagraph() {
    endWord()
    finish(line)
    line = ""
    lineColumns = 0
  }

  private mutating func finish(_ text: String) {
    if lines.count < maxLines { lines.append(text) }
  }
}
