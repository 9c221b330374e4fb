/// A rollout with a name, teaching notes and, optionally, the γ and λ it is best shown with.
public struct Scenario: Sendable, Equatable {
  public var name: String
  public var description: String
  public var gamma: Double?
  public var lambda: Double?
  public var rollout: Rollout

  /// The seed's defaults, used when neither the file nor the command line gives γ or λ.
  public static let defaultGamma = 0.99
  public static let defaultLambda = 0.95

  public init(name: String, description: String = "", gamma: Double? = nil, lambda: Double? = nil, rollout: Rollout) {
    self.name = name
    self.description = description
    self.gamma = gamma
    self.lambda = lambda
    self.rollout = rollout
  }

  /// Checks that a discount or λ lies in [0, 1].
  public static func validateParameter(_ field: String, _ value: Double) throws(ScenarioError) {
    guard value.isFinite, (0...1).contains(value) else { throw .outOfRange(field: field, value: value) }
  }

  /// Episodes, terminations and truncations, for `gae-viz check` and the status line.
  public var summary: String {
    let rollout = self.rollout
    let terminations = rollout.terminated.lazy.filter { $0 }.count
    let truncations = (0..<rollout.count).lazy.filter { rollout.truncated[$0] && !rollout.terminated[$0] }.count
    let episodes = rollout.episodes.count
    return "T=\(rollout.count), \(episodes) episode\(episodes == 1 ? "" : "s"), "
      + "\(terminations) terminated, \(truncations) truncated"
  }
}
