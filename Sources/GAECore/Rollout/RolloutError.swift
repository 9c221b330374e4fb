/// Why a rollout is invalid. Each case names the field and, where there is one, the index.
public enum RolloutError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty
  case lengthMismatch(field: String, expected: Int, actual: Int)
  case nonFinite(field: String, index: Int, value: Double)

  public var description: String {
    switch self {
    case .empty:
      return "rewards: the rollout is empty (T must be at least 1)"
    case .lengthMismatch(let field, let expected, let actual):
      let hint = field == "values" ? " (T+1: one per step plus the bootstrap value)" : ""
      return "\(field): has \(actual) \(actual == 1 ? "entry" : "entries"), expected \(expected)\(hint)"
    case .nonFinite(let field, let index, let value):
      return "\(field)[\(index)]: \(value) is not a finite number"
    }
  }
}
