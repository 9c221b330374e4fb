import GAECore

/// The one home of the words for how a step ends: the timeline's label row, the steps list, the
/// step panel's title, help's legend.
enum BoundaryText {
  /// One word, for a column: term, trunc, end.
  static func short(_ boundary: Boundary) -> String {
    switch boundary {
    case .terminated: return "term"
    case .truncated: return "trunc"
    case .endOfRollout: return "end"
    case .none: return ""
    }
  }

  /// With its mark, for titles: ■ terminated.
  static func marked(_ boundary: Boundary, glyphs: Glyphs) -> String {
    switch boundary {
    case .terminated: return "\(glyphs.marks.terminated) terminated"
    case .truncated: return "\(glyphs.marks.truncated) truncated"
    case .endOfRollout: return "end of rollout"
    case .none: return ""
    }
  }

  /// The rule, for help's legend.
  static func legend(_ boundary: Boundary) -> String {
    switch boundary {
    case .terminated: return "terminated: the next value is 0, the carry resets"
    case .truncated: return "truncated: it still bootstraps, the carry resets"
    case .endOfRollout: return "the rollout's last step: it bootstraps from the last value"
    case .none: return ""
    }
  }

  /// The mark for a boundary, with its style.
  static func mark(_ boundary: Boundary, glyphs: Glyphs) -> (String, Style)? {
    switch boundary {
    case .terminated: return (glyphs.marks.terminated, Theme.terminated)
    case .truncated: return (glyphs.marks.truncated, Theme.truncated)
    default: return nil
    }
  }

  static func style(_ boundary: Boundary) -> Style {
    switch boundary {
    case .terminated: return Theme.terminated
    case .truncated: return Theme.truncated
    default: return .plain
    }
  }
}
