/// Where the walkthrough's parts go in its area, computed from the size alone:
///
///     timeline     8 rows + bars   t, label, r, V(s), V(s′), δ, carry, A; then A as bars
///     step panel   5 rows          step title, δ formula, A formula, why (two lines)
///     lower        the rest        computation steps | about this scenario
struct WalkthroughLayout: Equatable {
  static let timelineRows = 8
  static let panelRows = 5

  let timeline: Rect
  let barRows: Int
  let stepPanel: Rect
  let steps: Rect
  let notes: Rect

  init(area: Rect) {
    let spare = area.height - Self.timelineRows - Self.panelRows
    // Even, so the rows above the axis and below it share one scale.
    barRows = min(max(spare / 2, 2), 12) / 2 * 2
    var rest = area
    (timeline, rest) = rest.splitTop(Self.timelineRows + barRows)
    (stepPanel, rest) = rest.splitTop(Self.panelRows)
    let leftWidth = min(max(rest.width * 11 / 20, 44), rest.width)
    (steps, notes) = rest.splitLeft(leftWidth)
  }

  /// The notes' text width: one column of margin on the left, one on the right.
  var notesTextWidth: Int { notes.width - 2 }
  var notesTextRows: Int { notes.height - 1 }
}
