extension Walkthrough {
  /// The walkthrough's keys. The pass runs right to left, so ← (and h) computes the next step
  /// and → (l) steps back: the highlight moves the way the arrow points.
  public func bindings(session: Session, glyphs: Glyphs) -> [Binding<Action>] {
    let own: [Binding<Action>] = [
      Binding(
        [.left, .character("h"), .character("n"), .enter], .next,
        help: "next step (the pass runs right to left)", footer: "next"),
      Binding([.right, .character("l"), .character("p"), .backspace], .previous, help: "step back", footer: "back"),
      Binding([.character(" ")], .togglePlay, help: "play / pause the animation", footer: playing ? "pause" : "play"),
    ]
    let timing: [Binding<Action>] = [
      Binding([.end, .character("G")], .finish, help: "finish: every step computed", footer: "finish"),
      Binding([.home, .character("g")], .restart, help: "restart: nothing computed"),
      Binding(
        [.character("+"), .character("=")], .faster, help: "faster animation", footer: "speed", footerKeys: "+-"),
      Binding([.character("-"), .character("_")], .slower, help: "slower animation"),
      Binding([.escape], .pause, help: "pause"),
      Binding([.character("t")], .askForTimeStep, help: "go to a time step (type it, then Enter)", footer: "go to t"),
      Binding([.character("b")], .nextBoundary, help: "the next episode end the pass reaches"),
      Binding([.character("B")], .previousBoundary, help: "the episode end before, back towards T−1"),
      Binding([.character("m")], .largestAdvantage, help: "the step with the largest |A|"),
      Binding([.character("M")], .largestDelta, help: "the step with the largest |δ|"),
    ]
    return own + ParameterControl.bindings(session, glyphs: glyphs).map { $0.map(Action.parameter) } + timing
  }

  public func helpSections(session: Session, glyphs: Glyphs) -> [KeySection] {
    ParameterControl.helpSections(
      Self.title, bindings(session: session, glyphs: glyphs), session: session, glyphs: glyphs
    ) {
      if case .parameter = $0 { return true } else { return false }
    }
  }

  public func legend(glyphs: Glyphs) -> [(String, Style)] {
    let marks = glyphs.marks
    let bars = glyphs.bars
    return [
      ("  \(marks.terminatedWall) \(marks.terminated)  \(BoundaryText.legend(.terminated))", Theme.terminated),
      ("  \(marks.truncatedWall) \(marks.truncated)  \(BoundaryText.legend(.truncated))", Theme.truncated),
      (
        "  \(marks.carryArrow) \(marks.carryTrail)  the carry \(glyphs.symbols.gammaLambda)\(glyphs.symbols.times)A of t+1 "
          + "flowing into A of t (\(marks.carryArrow) at the current step)", Theme.carry
      ),
      ("  \(marks.pending)    not computed yet", .plain),
      (
        "  +/\(glyphs.symbols.minus)  the sign of \(glyphs.symbols.delta) and A; A's bar goes up for +, down for \(glyphs.symbols.minus)",
        .plain
      ),
      ("  \(bars.beyondUp) \(bars.beyondDown)  A beyond the bar scale (shown at the left), or infinite", .plain),
      ("  0.0445  a formula shows more digits where fewer would not add up", .plain),
      (
        "  V(\(glyphs.symbols.finalState)\(glyphs.subscripted(9)))  the truncated episode's own last state (its final value)",
        .plain
      ),
    ]
  }
}
