extension Weights {
  public func render(session: Session, glyphs: Glyphs, into canvas: inout Canvas, in area: Rect) {
    switch view {
    case .weights:
      WeightsView(weights: self, session: session, glyphs: glyphs).render(into: &canvas, in: area)
    case .creditOfReward, .creditOfValue:
      CreditView(weights: self, session: session, glyphs: glyphs).render(into: &canvas, in: area)
    }
  }
}
