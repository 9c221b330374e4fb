/// Draws the whole screen for an app: the only entry point the terminal needs.
///
///     header   2 rows     program, file, scenario, the mode's status; γ λ γλ horizon legend
///     body     the rest   the active mode (or a file's error), overlays on top
///     footer   1 row      a question, a status message, or the keys
public enum Screen {
  public static let minimumWidth = 60
  public static let minimumHeight = 20
  /// The largest screen drawn: a larger window gets this much, top left, and is told so. (A
  /// 10000×10000 window would otherwise cost gigabytes before the first frame.)
  public static let maximumWidth = 500
  public static let maximumHeight = 300

  /// A window's size as drawn: capped to the maximum.
  public static func drawn(_ size: Size) -> Size {
    Size(width: min(size.width, maximumWidth), height: min(size.height, maximumHeight))
  }

  public static func render(_ app: App, glyphs: Glyphs) -> Canvas {
    let size = app.size
    var canvas = Canvas(width: size.width, height: size.height)
    guard size.width >= minimumWidth, size.height >= minimumHeight else {
      renderTooSmall(size, into: &canvas)
      return canvas
    }
    let bounds = canvas.bounds
    let (header, rest) = bounds.splitTop(2)
    let body = App.body(of: size)
    let footer = Rect(x: 0, y: rest.maxY - 1, width: size.width, height: 1)
    HeaderView(app: app, glyphs: glyphs).render(into: &canvas, in: header)
    if let failure = app.session.failure {
      ErrorView(failure: failure, glyphs: glyphs).render(into: &canvas, in: body)
    } else {
      app.mode.render(session: app.session, glyphs: glyphs, into: &canvas, in: body)
    }
    switch app.chrome.top {
    case .help(let scroll)?:
      HelpOverlay(app: app, glyphs: glyphs).render(scroll: scroll, into: &canvas, in: body)
    case .notes(let scroll)?:
      NotesOverlay(session: app.session, glyphs: glyphs).render(scroll: scroll, into: &canvas, in: body)
    case .confirm?, .prompt?, nil:
      break
    }
    FooterView(app: app, glyphs: glyphs).render(into: &canvas, in: footer)
    if app.windowSize != size {
      let note = " window \(app.windowSize.width)×\(app.windowSize.height): drawing \(size.width)×\(size.height) "
      canvas.put(note, x: size.width - TextWidth.columns(of: note) - 1, y: footer.y, style: Theme.message)
    }
    return canvas
  }

  /// "Enlarge me", centred, in as few words as fit; it recovers by itself on resize.
  static func renderTooSmall(_ size: Size, into canvas: inout Canvas) {
    let candidates = [
      [
        "Enlarge the window", "to at least \(minimumWidth)×\(minimumHeight)", "(now \(size.width)×\(size.height))",
        "q quits",
      ],
      ["Enlarge to", "\(minimumWidth)×\(minimumHeight)"],
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
