import GAECore

/// Draws the whole screen for a state: the only entry point the terminal needs.
public enum Screen {
  public static func render(_ state: AppState, glyphs: Glyphs) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    guard let layout = Layout(width: state.width, height: state.height) else {
      renderTooSmall(state, into: &canvas)
      return canvas
    }
    HeaderView(state: state, glyphs: glyphs).render(into: &canvas, in: layout.header)
    TimelineView(state: state, glyphs: glyphs, barRows: layout.barRows).render(into: &canvas, in: layout.timeline)
    StepPanelView(state: state, glyphs: glyphs).render(into: &canvas, in: layout.stepPanel)
    LowerPanelsView(state: state, glyphs: glyphs).render(into: &canvas, in: layout.lower)
    FooterView(state: state, glyphs: glyphs).render(into: &canvas, in: layout.footer)
    if state.showingHelp {
      HelpOverlay(glyphs: glyphs).render(into: &canvas, in: canvas.bounds)
    }
    return canvas
  }

  /// "Enlarge me", centred, in as few words as fit; it recovers by itself on resize.
  static func renderTooSmall(_ state: AppState, into canvas: inout Canvas) {
    let candidates = [
      [
        "Enlarge the window", "to at least \(Layout.minimumWidth)×\(Layout.minimumHeight)",
        "(now \(state.width)×\(state.height))", "q quits",
      ],
      ["Enlarge to", "\(Layout.minimumWidth)×\(Layout.minimumHeight)"],
      ["Enlarge"], ["+"],
    ]
    let lines =
      candidates.first { lines in
        lines.count <= canvas.height && lines.allSatisfy { TextWidth.columns(of: $0) <= canvas.width }
      } ?? []
    let top = (canvas.height - lines.count) / 2
    for (index, line) in lines.enumerated() {
      let x = (canvas.width - TextWidth.columns(of: line)) / 2
      canvas.put(line, x: x, y: top + index, style: index == 0 ? Theme.title : .plain)
    }
  }
}
