import GAECore

/// Where everything goes, computed from the screen size: no view places itself by magic numbers.
///
///     header       2 rows   name, play state; γ λ γλ, selected parameter, legend
///     timeline     8 rows   t, label, r, V(s), V(s′), δ, carry, A  + bar rows
///     step panel   5 rows   step title, δ formula, A formula, why (two lines)
///     lower        rest     computation steps | about this scenario
///     footer       1 row    main keys
public struct Layout: Equatable, Sendable {
  public static let minimumWidth = 60
  public static let minimumHeight = 20
  /// Width of the row names at the timeline's left ("  carry │").
  public static let gutter = 8
  static let timelineRows = 8
  static let headerRows = 2
  static let panelRows = 5

  public let header: Rect
  public let timeline: Rect
  public let barRows: Int
  public let stepPanel: Rect
  public let lower: Rect
  public let footer: Rect

  /// nil when the screen is too small to draw anything useful.
  public init?(width: Int, height: Int) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    let spare = height - Self.headerRows - Self.timelineRows - Self.panelRows - 1
    barRows = min(max(spare / 2, 2), 12)
    var rest = Rect(x: 0, y: 0, width: width, height: height)
    (header, rest) = rest.splitTop(Self.headerRows)
    (timeline, rest) = rest.splitTop(Self.timelineRows + barRows)
    (stepPanel, rest) = rest.splitTop(Self.panelRows)
    let lowerRows = rest.height - 1
    (lower, rest) = rest.splitTop(lowerRows)
    footer = rest
  }

  /// How the timeline's columns are cut: a number's width, its decimals, how many columns fit.
  public struct Columns: Equatable, Sendable {
    public let numberWidth: Int
    public let decimals: Int
    public let visible: Int
    /// Whether some steps are off screen (one column at the right is then kept for "▸").
    public let scrolls: Bool
    public var columnWidth: Int { numberWidth + 1 }
  }

  /// Two decimals when steps must scroll; more when every step fits with room to spare, and on
  /// very wide screens: wider terminals show more steps and more digits, not empty space.
  public static func columns(width: Int, stepCount: Int, integerDigits: Int) -> Columns {
    let available = max(width - gutter, 0)
    func numberWidth(_ decimals: Int) -> Int { 1 + integerDigits + 1 + decimals }
    var decimals = width >= 160 ? 3 : 2
    while decimals < 4, available / (numberWidth(decimals + 1) + 1) >= stepCount { decimals += 1 }
    let columnWidth = numberWidth(decimals) + 1
    if available / columnWidth >= stepCount {
      return Columns(numberWidth: numberWidth(decimals), decimals: decimals, visible: stepCount, scrolls: false)
    }
    let visible = max((available - 1) / columnWidth, 0)
    return Columns(numberWidth: numberWidth(decimals), decimals: decimals, visible: visible, scrolls: true)
  }

  static func columns(for state: AppState) -> Columns {
    columns(width: state.width, stepCount: state.stepCount, integerDigits: state.integerDigits)
  }

  static func visibleColumns(for state: AppState) -> Int { columns(for: state).visible }
}
