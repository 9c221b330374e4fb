/// Where the compare view's parts go: the rows of numbers and their bars, then the legend.
struct CompareLayout: Equatable {
  /// t, TD, GAE, MC, ΔGAE.
  static let numberRows = 5
  static let legendRows = 6

  let timeline: Rect
  let barRows: Int
  let legend: Rect

  init(area: Rect) {
    let spare = max(area.height - Self.numberRows - Self.legendRows, 0)
    barRows = min(max(spare, 2), 16) / 2 * 2
    var rest = area
    (timeline, rest) = rest.splitTop(Self.numberRows + barRows)
    legend = rest
  }
}
