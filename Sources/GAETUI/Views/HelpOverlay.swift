/// Every key, generated from `KeyMap.bindings`, and what the marks on the timeline mean.
struct HelpOverlay {
  let glyphs: Glyphs

  var lines: [(String, Style)] {
    var lines: [(String, Style)] = [("Keys", Theme.title)]
    let keyWidth = KeyMap.bindings.map { TextWidth.columns(of: localized($0.keys)) }.max() ?? 0
    for binding in KeyMap.bindings {
      let keys = localized(binding.keys)
      lines.append(
        (
          "  " + keys + String(repeating: " ", count: keyWidth - TextWidth.columns(of: keys) + 2)
            + localized(binding.help), .plain
        ))
    }
    lines.append(("", .plain))
    lines.append(("On the timeline", Theme.title))
    lines.append(
      ("  \(glyphs.terminatedWall) \(glyphs.terminatedMark)  terminated: next value 0, carry reset", Theme.terminated))
    lines.append(
      ("  \(glyphs.truncatedWall) \(glyphs.truncatedMark)  truncated: still bootstraps, carry reset", Theme.truncated))
    lines.append(
      (
        "  \(glyphs.carryArrow)    the carry \(glyphs.gamma)\(glyphs.lambda)\(glyphs.times)A_t+1 flowing into A_t",
        Theme.carry
      ))
    lines.append(("  +/-  sign of \(glyphs.delta) and A; bars up for +, down for -", .plain))
    return lines
  }

  /// In ASCII mode the key names and symbols in the table are spelled out.
  private func localized(_ text: String) -> String {
    guard !glyphs.unicodeSubscripts else { return text }
    return text.replacingAll([
      ("→", "Right"), ("←", "Left"), ("↑", "Up"), ("↓", "Down"), ("γ", "g"), ("λ", "l"), ("δ", "d"),
    ])
  }

  func render(into canvas: inout Canvas, in area: Rect) {
    let content = lines
    let width = min((content.map { TextWidth.columns(of: $0.0) }.max() ?? 0) + 4, area.width)
    let height = min(content.count + 2, area.height)
    let box = Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    canvas.fill(box, style: .plain)
    let horizontal = String(repeating: glyphs.horizontal, count: max(width - 2, 0))
    let corners: (String, String, String, String) =
      glyphs.unicodeSubscripts ? ("┌", "┐", "└", "┘") : ("+", "+", "+", "+")
    canvas.put(corners.0 + horizontal + corners.1, x: box.x, y: box.y, style: Theme.rule, clip: box)
    canvas.put(corners.2 + horizontal + corners.3, x: box.x, y: box.maxY - 1, style: Theme.rule, clip: box)
    for y in (box.y + 1)..<max(box.maxY - 1, box.y + 1) {
      canvas.put(glyphs.vertical, x: box.x, y: y, style: Theme.rule, clip: box)
      canvas.put(glyphs.vertical, x: box.maxX - 1, y: y, style: Theme.rule, clip: box)
    }
    canvas.put(" Help \(glyphs.times) any key closes ", x: box.x + 2, y: box.y, style: Theme.title, clip: box)
    let inner = box.inset(1)
    for (index, (text, style)) in content.prefix(inner.height).enumerated() {
      canvas.put(" " + text, x: inner.x, y: inner.y + index, style: style, clip: inner)
    }
  }
}

extension String {
  func replacingAll(_ pairs: [(String, String)]) -> String {
    var result = ""
    var index = startIndex
    outer: while index < endIndex {
      for (from, to) in pairs where self[index...].hasPrefix(from) {
        result += to
        index = self.index(index, offsetBy: from.count)
        continue outer
      }
      result.append(self[index])
      index = self.index(after: index)
    }
    return result
  }
}
