/// The backward pass of GAE, every intermediate kept: struct-of-arrays indexed by time step t,
/// 40 bytes a step beyond the rollout. A step's full record is assembled on access.
///
/// Computation order runs backward: step 1 computes t = T−1, step T computes t = 0.
public struct GAETrace: Sendable, Equatable {
  public let rollout: Rollout
  public let gamma: Double
  public let lambda: Double
  /// V(s_{t+1}) as the pass used it: 0 after a termination, `final_values[t]` after a truncation
  /// that recorded one, otherwise `values[t+1]`.
  public let nextValue: [Double]
  public let delta: [Double]
  /// γλ·A_{t+1}, or 0 at an episode boundary and at the last step.
  public let carry: [Double]
  public let advantage: [Double]
  public let returns: [Double]

  /// The product γλ: how much of A_{t+1} flows into A_t.
  public var decay: Double { gamma * lambda }
  /// T, the number of steps (and of computation steps).
  public var count: Int { rollout.count }

  public init(rollout: Rollout, gamma: Double, lambda: Double) {
    self.rollout = rollout
    self.gamma = gamma
    self.lambda = lambda
    let count = rollout.count
    let decay = gamma * lambda
    var nextValue = [Double](repeating: 0, count: count)
    var delta = [Double](repeating: 0, count: count)
    var carry = [Double](repeating: 0, count: count)
    var advantage = [Double](repeating: 0, count: count)
    var returns = [Double](repeating: 0, count: count)
    var carried = 0.0
    for t in stride(from: count - 1, through: 0, by: -1) {
      let next = rollout.nextValue(at: t).value
      let d = rollout.rewards[t] + gamma * next - rollout.values[t]
      let c = rollout.isEpisodeBoundary(t) ? 0 : decay * carried
      carried = d + c
      nextValue[t] = next
      delta[t] = d
      carry[t] = c
      advantage[t] = carried
      returns[t] = carried + rollout.values[t]
    }
    self.nextValue = nextValue
    self.delta = delta
    self.carry = carry
    self.advantage = advantage
    self.returns = returns
  }

  /// The time step computed at computation step `step` (1-based): T − step.
  public func time(ofStep step: Int) -> Int { count - step }
  /// The computation step (1-based) at which time step `t` is computed.
  public func step(ofTime t: Int) -> Int { count - t }

  /// The record of computation step `step`, 1 ≤ step ≤ T.
  public func step(_ step: Int) -> Step { record(at: count - step) }

  /// The record of time step `t`, 0 ≤ t < T.
  public func record(at t: Int) -> Step {
    let (_, source) = rollout.nextValue(at: t)
    let boundary = rollout.boundary(at: t)
    let carriesFromNext = !rollout.isEpisodeBoundary(t) && t + 1 < count
    return Step(
      step: count - t,
      t: t,
      reward: rollout.rewards[t],
      value: rollout.values[t],
      nextValue: nextValue[t],
      nextValueSource: source,
      terminated: rollout.terminated[t],
      truncated: rollout.truncated[t],
      boundary: boundary,
      delta: delta[t],
      nextAdvantage: carriesFromNext ? advantage[t + 1] : nil,
      carry: carry[t],
      advantage: advantage[t],
      return: returns[t],
      label: rollout.label(at: t)
    )
  }

  /// All records in computation order (t descending).
  public var steps: LazyMapSequence<ClosedRange<Int>, Step> {
    (1...count).lazy.map { self.step($0) }
  }

  /// One computation step with every input and output, ready to be explained.
  public struct Step: Sendable, Equatable {
    /// 1-based position in the backward pass.
    public let step: Int
    public let t: Int
    public let reward: Double
    public let value: Double
    public let nextValue: Double
    public let nextValueSource: BootstrapSource
    public let terminated: Bool
    public let truncated: Bool
    public let boundary: Boundary
    public let delta: Double
    /// A_{t+1} when it flows into A_t; nil when the carry is reset (boundary or last step).
    public let nextAdvantage: Double?
    public let carry: Double
    public let advantage: Double
    public let `return`: Double
    public let label: String
  }
}
