import GAECore

/// Two rows: the scenario and the play state; then γ, λ, γλ, the horizon, and the legend.
struct HeaderView {
  let state: AppState
  let glyphs: Glyphs

  func render(into canvas: inout Canvas, in area: Rect) {
    let (top, bottom) = area.splitTop(1)
    canvas.fill(top, style: Theme.header)
    let play =
      state.playing
      ? "\(glyphs.playing) playing \(Self.speedText(state.speed))/s"
      : "\(glyphs.paused) paused \(Self.speedText(state.speed))/s"
    let progress = "step \(state.progress)/\(state.stepCount)"
    let right = "\(progress)  \(play) "
    let rightStart = top.maxX - TextWidth.columns(of: right)
    var x = canvas.put(" GAEViz ", x: top.x, y: top.y, style: Theme.headerTitle, clip: top)
    if !state.playlist.isEmpty {
      x = canvas.put(
        "[\(state.playlistIndex + 1)/\(state.playlist.count)] ", x: x, y: top.y, style: Theme.header, clip: top)
    }
    let nameClip = Rect(x: top.x, y: top.y, width: max(rightStart - 1 - top.x, 0), height: 1)
    let name = TextWidth.fitted(state.scenario.name, width: nameClip.maxX - (x + 1), cut: glyphs.cut)
    canvas.put(name, x: x + 1, y: top.y, style: Theme.headerTitle, clip: nameClip)
    canvas.put(right, x: rightStart, y: top.y, style: Theme.header, clip: top)

    guard bottom.height > 0 else { return }
    let y = bottom.y
    x = bottom.x + 1
    for parameter in [Parameter.gamma, .lambda] {
      let symbol = parameter == .gamma ? glyphs.gamma : glyphs.lambda
      let value = NumberFormat.parameter(parameter == .gamma ? state.gamma : state.lambda)
      if parameter == state.selected {
        // Brackets as well as colour: the selection reads without colour too.
        x = canvas.put("[\(symbol) \(value)]", x: x, y: y, style: Theme.selected, clip: bottom)
      } else {
        x = canvas.put(" \(symbol) \(value) ", x: x, y: y, style: Theme.title, clip: bottom)
      }
      x += 2
    }
    x = canvas.put(
      "\(glyphs.gamma)\(glyphs.lambda) \(NumberFormat.parameter(state.trace.decay))", x: x, y: y, style: Theme.title,
      clip: bottom)
    let horizon = Estimators.effectiveHorizon(gamma: state.gamma, lambda: state.lambda)
    let horizonText =
      horizon.isFinite ? NumberFormat.fixed(horizon, digits: 1) : (glyphs.unicodeSubscripts ? "∞" : "inf")
    // The formula for the horizon where there is room for it; its value always.
    let formula = bottom.width >= 100 ? " 1/(1\(glyphs.minus)\(glyphs.gamma)\(glyphs.lambda)) =" : ""
    x = canvas.put("   horizon\(formula) \(horizonText)", x: x, y: y, style: Theme.dim, clip: bottom)
    let legend = [
      ("\(glyphs.terminatedMark) terminated", Theme.terminated), ("\(glyphs.truncatedMark) truncated", Theme.truncated),
    ]
    let legendWidth = legend.reduce(0) { $0 + TextWidth.columns(of: $1.0) + 2 }
    if x + 3 + legendWidth <= bottom.maxX {
      var lx = bottom.maxX - legendWidth
      for (text, style) in legend { lx = canvas.put(text, x: lx, y: y, style: style, clip: bottom) + 2 }
    }
  }

  static func speedText(_ speed: Double) -> String {
    speed < 1 ? NumberFormat.fixed(speed, digits: 1) : String(Int(speed))
  }
}
