/// Every key, generated from the binding tables (the shared keys, then the mode's), and what
/// the marks on the screen mean. Scrolls when it is taller than the screen.
struct HelpOverlay {
  let app: App
  let glyphs: Glyphs

  /// The text rows a help box can show in `area`.
  static func rows(in area: Rect) -> Int { max(area.height - 2, 0) }

  var sections: [KeySection] {
    // On a file's error screen only the shared keys act: help lists no others.
    [KeySection("Anywhere", GlobalAction.bindings(app.session, active: app.mode))]
      + (app.session.failure == nil ? app.mode.helpSections(session: app.session, glyphs: glyphs) : [])
  }

  func keyNames(_ row: KeyHelp) -> String {
    row.keys.map { glyphs.name(of: $0) }.joined(separator: "  ")
  }

  var lines: [(String, Style)] {
    let sections = self.sections
    let keyWidth = sections.flatMap(\.rows).map { TextWidth.columns(of: keyNames($0)) }.max() ?? 0
    var lines: [(String, Style)] = []
    for section in sections {
      if !lines.isEmpty { lines.append(("", .plain)) }
      lines.append((section.title, Theme.title))
      for row in section.rows {
        let keys = keyNames(row)
        lines.append(
          ("  " + keys + String(repeating: " ", count: keyWidth - TextWidth.columns(of: keys) + 2) + row.help, .plain))
      }
    }
    let legend = app.session.failure == nil ? app.mode.legend(glyphs: glyphs) : []
    if !legend.isEmpty {
      lines.append(("", .plain))
      lines.append(("On the screen", Theme.title))
      lines += legend
    }
    return lines
  }

  func render(scroll: Int, into canvas: inout Canvas, in area: Rect) {
    let content = lines
    let width = content.map { TextWidth.columns(of: $0.0) }.max() ?? 0
    let box = Box.frame(contentWidth: width, lines: content.count, in: area)
    let rows = max(box.height - 2, 0)
    let first = min(max(scroll, 0), max(content.count - rows, 0))
    let closing = "q or Esc closes"
    Box(glyphs: glyphs).draw(
      box, title: "Help \(glyphs.symbols.times) \(closing)", moreAbove: first > 0,
      moreBelow: first + rows < content.count,
      into: &canvas)
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: rows)
    for (index, (text, style)) in content.dropFirst(first).prefix(rows).enumerated() {
      let fitted = TextWidth.fitted(text, width: inner.width, cut: glyphs.marks.cut)
      canvas.put(fitted, x: inner.x, y: inner.y + index, style: style, clip: inner)
    }
  }
}
