extension Compare {
  public func render(session: Session, glyphs: Glyphs, into canvas: inout Canvas, in area: Rect) {
    let layout = CompareLayout(area: area)
    CompareView(
      compare: self, session: session, glyphs: glyphs, viewport: viewport(session: session, area: area), layout: layout
    ).render(into: &canvas)
  }
}
