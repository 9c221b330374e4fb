/// Which steps the timeline shows and where: computed once per frame from the area, the rollout
/// and the scroll position, and read by every view and by `update` (and, later, by the mouse)
/// instead of each redoing the column arithmetic.
public struct TimelineViewport: Equatable, Sendable {
  /// Width of the row names at the timeline's left ("  carry │").
  public static let gutter = 8

  /// The area's left edge plus the gutter: where step `first` starts.
  public let originX: Int
  /// Characters of a number (sign, digits, point, decimals).
  public let numberWidth: Int
  public let decimals: Int
  /// How many steps fit.
  public let visible: Int
  /// Whether some steps are off screen (one column at the right is then kept for "▸").
  public let scrolls: Bool
  public let stepCount: Int
  /// The first and last time steps shown (last < first when nothing fits).
  public let first: Int
  public var last: Int { min(first + visible, stepCount) - 1 }
  /// A number and the one-column gap after it.
  public var columnWidth: Int { numberWidth + 1 }

  /// Two decimals when steps must scroll; more when every step fits with room to spare, and on
  /// very wide screens: wider terminals show more steps and more digits, not empty space.
  public init(area: Rect, stepCount: Int, integerDigits: Int, first requested: Int) {
    originX = area.x + Self.gutter
    self.stepCount = stepCount
    let available = max(area.width - Self.gutter, 0)
    // Wide enough for a number (sign, digits, point, decimals) and for the largest t.
    let timeDigits = String(max(stepCount - 1, 0)).count
    func width(_ decimals: Int) -> Int { max(1 + integerDigits + 1 + decimals, timeDigits) }
    var decimals = area.width >= 160 ? 3 : 2
    while decimals < 4, available / (width(decimals + 1) + 1) >= stepCount { decimals += 1 }
    self.decimals = decimals
    numberWidth = width(decimals)
    if available / (numberWidth + 1) >= stepCount {
      visible = stepCount
      scrolls = false
    } else {
      visible = max((available - 1) / (numberWidth + 1), 0)
      scrolls = true
    }
    first = min(max(requested, 0), max(stepCount - visible, 0))
  }

  /// The x of step `t`'s number, if it is shown.
  public func x(of t: Int) -> Int? {
    guard t >= first, t <= last else { return nil }
    return originX + (t - first) * columnWidth
  }

  /// The step drawn at column `x`, if any (the gap after a number belongs to its step).
  public func time(atColumn x: Int) -> Int? {
    guard x >= originX, visible > 0 else { return nil }
    let t = first + (x - originX) / columnWidth
    return t <= last ? t : nil
  }

  /// The first step to show so that `focus` stays in view, moving as little as possible from
  /// `current`, with one column of context on each side when there is room: t−1, where the pass
  /// is heading, and t+1, whose A feeds the current step.
  public func scrolled(toKeep focus: Int, from current: Int) -> Int {
    guard visible > 0, stepCount > visible else { return 0 }
    let margin = visible > 2 ? 1 : 0
    var first = current
    if focus - margin < first {
      first = focus - margin
    } else if focus + margin >= first + visible {
      first = focus + margin - visible + 1
    }
    return min(max(first, 0), stepCount - visible)
  }
}
