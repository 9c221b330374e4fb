/// The bottom line: a question waiting for its key, or a status message, or the keys — the
/// mode's and the shared ones from their binding tables, as many as fit, `?` and `q` always.
/// When the scenario's notes are cut, "i more notes" comes first.
struct FooterView {
  let app: App
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    if case .confirm(let confirmation)? = app.chrome.top {
      message(confirmation.message, style: Theme.message, into: &canvas, in: area)
      return
    }
    if case .prompt(let prompt)? = app.chrome.top {
      message(
        "\(prompt.question) \(prompt.text)_   (Enter goes, Esc cancels)", style: Theme.message, into: &canvas, in: area)
      return
    }
    if let status = app.chrome.status {
      message(
        status.text, style: status.isError ? Theme.error.with(reverse: true) : Theme.message, into: &canvas, in: area)
      return
    }
    let session = app.session
    let globals = GlobalAction.bindings(session, active: app.mode).map(KeyHelp.init).filter { $0.footer != nil }
    let tail = globals.filter { $0.keys.contains(.character("?")) || $0.keys.contains(.character("q")) }
    var hints: [(String, String, Style)] = []
    if session.failure == nil, let panel = app.mode.notesPanel(in: app.body),
      NotesPanelView.isCut(session, panel: panel)
    {
      hints.append(("i", "more notes", Theme.selected))
    }
    let shared = globals.filter { row in !tail.contains(row) }.map { (keyName($0), $0.footer ?? "", Style.plain) }
    if session.failure == nil {
      // The mode's first four keys, then the shared ones (other modes, the folder), then the rest.
      let own = app.mode.footerHints(session: session, glyphs: glyphs).map {
        (keyName($0), $0.footer ?? "", Style.plain)
      }
      hints += own.prefix(4) + shared + own.dropFirst(4)
    } else {
      hints += shared
    }
    let tailHints = tail.map { (keyName($0), $0.footer ?? "") }
    let tailWidth = tailHints.reduce(0) { $0 + TextWidth.columns(of: "\($1.0) \($1.1)  ") }
    var x = area.x + 1
    for (key, label, style) in hints {
      let width = TextWidth.columns(of: "\(key) \(label)  ")
      if x + width + tailWidth > area.maxX { break }
      x = put(key, label, style: style, x: x, canvas: &canvas, area: area)
    }
    for (key, label) in tailHints { x = put(key, label, style: .plain, x: x, canvas: &canvas, area: area) }
  }

  private func keyName(_ row: KeyHelp) -> String {
    row.footerKeys ?? row.keys.first.map { glyphs.name(of: $0) } ?? ""
  }

  /// A message on the whole line, cut with a mark when it is longer than the line.
  private func message(_ text: String, style: Style, into canvas: inout Canvas, in area: Rect) {
    canvas.fill(area, style: style)
    let fitted = TextWidth.fitted(text, width: area.width - 2, cut: glyphs.marks.cut)
    canvas.put(" " + fitted, x: area.x, y: area.y, style: style, clip: area)
  }

  private func put(_ key: String, _ label: String, style: Style, x: Int, canvas: inout Canvas, area: Rect) -> Int {
    let afterKey = canvas.put(key, x: x, y: area.y, style: Theme.key.with(reverse: style.background != nil), clip: area)
    return canvas.put(" \(label)", x: afterKey, y: area.y, style: style, clip: area) + 2
  }
}
