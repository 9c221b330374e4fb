/// Why a scenario could not be read. Rendered once, at the edge, as one line after the file name.
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Malformed JSON or CSV, at a 1-based line and column.
  case syntax(line: Int, column: Int, message: String)
  case missingField(String)
  case unknownField(String, line: Int, column: Int)
  case duplicateKey(String, line: Int, column: Int)
  /// A value of the wrong kind: `field` or `field[index]`, what was expected, what was found.
  case wrongType(field: String, index: Int?, expected: String, found: String, line: Int, column: Int)
  case outOfRange(field: String, value: Double)
  /// `final_values[index]` given for a step that is not truncated, where it would be ignored.
  case finalValueNotTruncated(index: Int)
  case invalidRollout(RolloutError)
  case notUTF8(line: Int, column: Int)
  case tooLarge(bytes: Int, limit: Int)
  case unreadable(String)

  public var description: String {
    switch self {
    case .syntax(let line, let column, let message):
      return "line \(line), column \(column): \(message)"
    case .missingField(let field):
      return "\(field): missing (required: rewards, values, terminated, truncated)"
    case .unknownField(let field, let line, let column):
      return
        "line \(line), column \(column): unknown field \"\(field)\" (known: \(ScenarioFields.all.joined(separator: ", ")))"
    case .duplicateKey(let key, let line, let column):
      return "line \(line), column \(column): \"\(key)\" appears twice"
    case .wrongType(let field, let index, let expected, let found, let line, let column):
      let place = index.map { "\(field)[\($0)]" } ?? field
      return "\(place): expected \(expected), found \(found) (line \(line), column \(column))"
    case .outOfRange(let field, let value):
      return "\(field): \(value) is outside [0, 1]"
    case .finalValueNotTruncated(let index):
      return
        "final_values[\(index)]: a final value on a step that is not truncated (truncated[\(index)] is false; use null)"
    case .invalidRollout(let error):
      return error.description
    case .notUTF8(let line, let column):
      return "line \(line), column \(column): the file is not valid UTF-8"
    case .tooLarge(let bytes, let limit):
      return "the file is \(bytes) bytes; scenarios are limited to \(limit) bytes"
    case .unreadable(let reason):
      return reason
    }
  }
}

/// A scenario error together with the file it came from: `FILE: what is wrong`.
public struct ScenarioFileError: Error, Sendable, Equatable, CustomStringConvertible {
  public let path: String
  public let error: ScenarioError

  public init(path: String, error: ScenarioError) {
    self.path = path
    self.error = error
  }

  public var description: String { "\(path): \(error)" }
}

enum ScenarioFields {
  static let all = [
    "name", "description", "gamma", "lambda", "rewards", "values", "terminated", "truncated",
    "final_values", "labels",
  ]
}
