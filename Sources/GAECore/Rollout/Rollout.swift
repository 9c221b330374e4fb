/// A validated rollout: T steps of rewards and episode flags, and T+1 value estimates.
///
/// `values[T]` is the bootstrap value V(s_T) of the state the rollout stopped in. A step is an
/// *episode boundary* when it is terminated or truncated; the backward pass never carries an
/// advantage across one.
public struct Rollout: Sendable, Equatable {
  public let rewards: [Double]
  public let values: [Double]
  public let terminated: [Bool]
  public let truncated: [Bool]
  /// V of the truncated episode's last observation, where the rollout recorded one. After an
  /// auto-reset `values[t+1]` belongs to the *next* episode's first state, so a truncated step
  /// should bootstrap from this value instead. Only consulted on truncated, non-terminated steps.
  public let finalValues: [Double?]?
  public let labels: [String]?
  /// The episode boundaries (terminated or truncated steps), ascending: the fast backward pass
  /// runs straight through the steps between them.
  let boundarySteps: [Int]
  /// terminated, truncated and "has a final value" packed per step (see `StepFlags`), for the
  /// pass that reads a flag on every step when episodes are short.
  let stepFlags: [UInt8]

  /// The number of steps T.
  public var count: Int { rewards.count }

  public init(
    rewards: [Double],
    values: [Double],
    terminated: [Bool],
    truncated: [Bool],
    finalValues: [Double?]? = nil,
    labels: [String]? = nil
  ) throws(RolloutError) {
    let steps = rewards.count
    guard steps > 0 else { throw .empty }
    if values.count != steps + 1 {
      throw .lengthMismatch(field: "values", expected: steps + 1, actual: values.count)
    }
    if terminated.count != steps {
      throw .lengthMismatch(field: "terminated", expected: steps, actual: terminated.count)
    }
    if truncated.count != steps {
      throw .lengthMismatch(field: "truncated", expected: steps, actual: truncated.count)
    }
    if let finalValues, finalValues.count != steps {
      throw .lengthMismatch(field: "final_values", expected: steps, actual: finalValues.count)
    }
    if let labels, labels.count != steps {
      throw .lengthMismatch(field: "labels", expected: steps, actual: labels.count)
    }
    if let index = rewards.firstIndex(where: { !$0.isFinite }) {
      throw .nonFinite(field: "rewards", index: index, value: rewards[index])
    }
    if let index = values.firstIndex(where: { !$0.isFinite }) {
      throw .nonFinite(field: "values", index: index, value: values[index])
    }
    if let finalValues, let index = finalValues.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) {
      throw .nonFinite(field: "final_values", index: index, value: finalValues[index]!)
    }
    self.rewards = rewards
    self.values = values
    self.terminated = terminated
    self.truncated = truncated
    // An all-null final_values carries no information; normalise it away so equality is semantic.
    self.finalValues = finalValues.flatMap { $0.contains(where: { $0 != nil }) ? $0 : nil }
    self.labels = labels.flatMap { $0.contains(where: { !$0.isEmpty }) ? $0 : nil }
    let finals = self.finalValues
    stepFlags = (0..<steps).map { t in
      var flag: UInt8 = 0
      if terminated[t] { flag |= StepFlags.terminated }
      if truncated[t] { flag |= StepFlags.truncated }
      if !terminated[t] && truncated[t] && finals?[t] != nil { flag |= StepFlags.finalValue }
      return flag
    }
    boundarySteps = (0..<steps).filter { terminated[$0] || truncated[$0] }
  }

  /// How many episode boundaries lie at or before step `t` (a binary search).
  func boundaryCount(through t: Int) -> Int {
    var (low, high) = (0, boundarySteps.count)
    while low < high {
      let middle = (low + high) / 2
      if boundarySteps[middle] <= t { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Whether step `t` ends an episode (terminated or truncated).
  @inlinable public func isEpisodeBoundary(_ t: Int) -> Bool { terminated[t] || truncated[t] }

  /// How step `t` ends, if it ends anything.
  public func boundary(at t: Int) -> Boundary {
    if terminated[t] { return .terminated }
    if truncated[t] { return .truncated }
    if t == count - 1 { return .endOfRollout }
    return .none
  }

  /// The value the backward pass bootstraps from at step `t`, and where it came from.
  public func nextValue(at t: Int) -> (value: Double, source: BootstrapSource) {
    if terminated[t] { return (0, .terminal) }
    if truncated[t], let final = finalValues?[t] { return (final, .finalValue) }
    return (values[t + 1], .nextValue)
  }

  /// The episodes as half-open ranges of steps; the last may be cut off by the end of the rollout.
  public var episodes: [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    for t in 0..<count where isEpisodeBoundary(t) {
      result.append(start..<(t + 1))
      start = t + 1
    }
    if start < count { result.append(start..<count) }
    return result
  }

  /// The range of steps of the episode containing `t`.
  public func episode(containing t: Int) -> Range<Int> {
    var start = t
    while start > 0 && !isEpisodeBoundary(start - 1) { start -= 1 }
    var end = t
    while end < count - 1 && !isEpisodeBoundary(end) { end += 1 }
    return start..<(end + 1)
  }

  public func label(at t: Int) -> String { labels?[t] ?? "" }
}

/// How a step ends.
public enum Boundary: String, Sendable, Equatable, CaseIterable {
  /// A true terminal state: nothing follows, so the next value is 0 and the carry resets.
  case terminated
  /// A time limit: the agent could have gone on, so we bootstrap, but the carry still resets.
  case truncated
  /// The rollout stops here mid-episode: bootstrap from `values[T]`; there is nothing to carry.
  case endOfRollout = "end"
  case none = ""
}

/// Where a step's next value V(s_{t+1}) came from.
public enum BootstrapSource: Sendable, Equatable {
  /// `values[t+1]`.
  case nextValue
  /// `final_values[t]`, the truncated episode's own last observation.
  case finalValue
  /// Zero: the episode terminated.
  case terminal
}
