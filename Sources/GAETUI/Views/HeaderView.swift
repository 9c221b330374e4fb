import GAECore

/// Two rows: the program, the file (in a folder), the scenario and the mode's status; then γ, λ,
/// γλ, the horizon, and the legend of the boundary marks.
struct HeaderView {
  let app: App
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    let (top, bottom) = area.splitTop(1)
    let session = app.session
    canvas.fill(top, style: Theme.header)
    let right = session.failure == nil ? app.mode.headerStatus(session: session, glyphs: glyphs) + " " : ""
    let rightStart = top.maxX - TextWidth.columns(of: right)
    var x = canvas.put(" GAEViz ", x: top.x, y: top.y, style: Theme.headerTitle, clip: top)
    if !session.playlist.isEmpty {
      // In a folder the file's own name shows, so two files with one scenario name differ.
      let file = session.fileName ?? ""
      x = canvas.put(
        "[\(session.playlistIndex + 1)/\(session.playlist.count)] \(TextWidth.fitted(file, width: 28, cut: glyphs.marks.cut)) ",
        x: x, y: top.y, style: Theme.header, clip: top)
    }
    let nameClip = Rect(x: top.x, y: top.y, width: max(rightStart - 1 - top.x, 0), height: 1)
    let title = session.failure == nil ? session.scenario.name : "could not open this file"
    let name = TextWidth.fitted(title, width: nameClip.maxX - (x + 1), cut: glyphs.marks.cut)
    canvas.put(name, x: x + 1, y: top.y, style: Theme.headerTitle, clip: nameClip)
    canvas.put(right, x: rightStart, y: top.y, style: Theme.header, clip: top)

    guard bottom.height > 0, session.failure == nil else { return }
    renderParameters(into: &canvas, in: bottom)
  }

  private func renderParameters(into canvas: inout Canvas, in bottom: Rect) {
    let session = app.session
    let s = glyphs.symbols
    let y = bottom.y
    var x = bottom.x + 1
    for parameter in [Parameter.gamma, .lambda] {
      let symbol = parameter == .gamma ? s.gamma : s.lambda
      let value = NumberFormat.parameter(parameter == .gamma ? session.gamma : session.lambda)
      if parameter == session.selected {
        // Brackets as well as colour: the selection reads without colour too.
        x = canvas.put("[\(symbol) \(value)]", x: x, y: y, style: Theme.selected, clip: bottom)
      } else {
        x = canvas.put(" \(symbol) \(value) ", x: x, y: y, style: Theme.title, clip: bottom)
      }
      x += 2
    }
    let legend = [
      (BoundaryText.marked(.terminated, glyphs: glyphs), Theme.terminated),
      (BoundaryText.marked(.truncated, glyphs: glyphs), Theme.truncated),
    ]
    let legendWidth = legend.reduce(0) { $0 + TextWidth.columns(of: $1.0) + 2 } + 1
    // The legend explains the marks on the timeline: it goes before γλ and the horizon when the
    // line is short (ASCII spells gamma*lambda out).
    let decay = "\(s.gammaLambda) \(NumberFormat.parameter(session.trace.decay))"
    if x + TextWidth.columns(of: decay) + legendWidth <= bottom.maxX {
      x = canvas.put(decay, x: x, y: y, style: Theme.title, clip: bottom)
    }
    let horizon = Estimators.effectiveHorizon(gamma: session.gamma, lambda: session.lambda)
    let horizonText = horizon.isFinite ? NumberFormat.fixed(horizon, digits: 1) : s.infinity
    // The formula for the horizon where there is room for it; its value where there is room.
    let formula = " 1/(1\(s.minus)\(s.gammaLambda)) ="
    let long = "   horizon\(formula) \(horizonText)"
    let short = "   horizon \(horizonText)"
    if bottom.width >= 100, x + TextWidth.columns(of: long) + 2 + legendWidth <= bottom.maxX {
      x = canvas.put(long, x: x, y: y, style: .plain, clip: bottom)
    } else if x + TextWidth.columns(of: short) + legendWidth <= bottom.maxX {
      x = canvas.put(short, x: x, y: y, style: .plain, clip: bottom)
    }
    if x + legendWidth <= bottom.maxX {
      var lx = bottom.maxX - legendWidth + 1
      for (text, style) in legend { lx = canvas.put(text, x: lx, y: y, style: style, clip: bottom) + 2 }
    }
  }
}
