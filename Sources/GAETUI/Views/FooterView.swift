/// The main keys, as many as fit; `?` always shows. A status message takes the line when set.
struct FooterView {
  let state: AppState
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    guard area.height > 0 else { return }
    if let message = state.message {
      canvas.fill(area, style: Theme.message)
      canvas.put(" " + message, x: area.x, y: area.y, style: Theme.message, clip: area)
      return
    }
    let selected = state.selected == .gamma ? glyphs.gamma : glyphs.lambda
    var hints: [(String, String)] = [
      (glyphs.keyNext, "step"), (glyphs.keyPrevious, "back"), ("Space", state.playing ? "pause" : "play"),
      (glyphs.keyAdjust, selected), ("Tab", "\(glyphs.gamma)/\(glyphs.lambda)"), ("0", "TD"), ("1", "MC"),
      ("End", "finish"), ("+-", "speed"),
    ]
    if state.playlist.count > 1 { hints.append(("[ ]", "scenario")) }
    let tail: [(String, String)] = [("?", "help"), ("q", "quit")]
    let tailWidth = tail.reduce(0) { $0 + TextWidth.columns(of: "\($1.0) \($1.1)  ") }
    var x = area.x + 1
    for (key, label) in hints {
      let width = TextWidth.columns(of: "\(key) \(label)  ")
      if x + width + tailWidth > area.maxX { break }
      x = put(key, label, x: x, canvas: &canvas, area: area)
    }
    for (key, label) in tail { x = put(key, label, x: x, canvas: &canvas, area: area) }
  }

  private func put(_ key: String, _ label: String, x: Int, canvas: inout Canvas, area: Rect) -> Int {
    let afterKey = canvas.put(key, x: x, y: area.y, style: Theme.key, clip: area)
    return canvas.put(" \(label)", x: afterKey, y: area.y, style: .plain, clip: area) + 2
  }
}
