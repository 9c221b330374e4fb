extension Weights {
  public func render(session: Session, glyphs: Glyphs, into canvas: inout Canvas, in area: Rect) {
    WeightsView(weights: self, session: session, glyphs: glyphs).render(into: &canvas, in: area)
  }
}
