extension Walkthrough {
  public func render(session: Session, glyphs: Glyphs, into canvas: inout Canvas, in area: Rect) {
    let layout = WalkthroughLayout(area: area)
    let viewport = self.viewport(session: session, area: area)
    TimelineView(walkthrough: self, session: session, glyphs: glyphs, viewport: viewport, barRows: layout.barRows)
      .render(into: &canvas, in: layout.timeline)
    StepPanelView(walkthrough: self, session: session, glyphs: glyphs, viewport: viewport)
      .render(into: &canvas, in: layout.stepPanel)
    StepsListView(walkthrough: self, session: session, glyphs: glyphs).render(into: &canvas, in: layout.steps)
    if layout.notes.width >= 16 {
      NotesPanelView(session: session, glyphs: glyphs).render(into: &canvas, in: layout.notes)
    }
  }
}
