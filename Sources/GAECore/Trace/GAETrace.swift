/// The backward pass of GAE, every intermediate available, stored as one array: A_t, 8 bytes a
/// step beyond the rollout.
///
/// The other columns — the next value used, δ, the carry, the return — are each one expression
/// of the inputs and A, evaluated on access in exactly the order the pass evaluated it, so they
/// are the very numbers the pass produced, bit for bit, without storing four more arrays.
/// Computation order runs backward: step 1 computes t = T−1, step T computes t = 0.
public struct GAETrace: Sendable, Equatable {
  public let rollout: Rollout
  public private(set) var gamma: Double
  public private(set) var lambda: Double
  /// A_t for every t.
  public private(set) var advantage: [Double]

  /// The product γλ: how much of A_{t+1} flows into A_t.
  public var decay: Double { gamma * lambda }
  /// T, the number of steps (and of computation steps).
  public var count: Int { rollout.count }

  public init(rollout: Rollout, gamma: Double, lambda: Double) {
    self.rollout = rollout
    self.gamma = gamma
    self.lambda = lambda
    advantage = GAE.advantages(for: rollout, gamma: gamma, lambda: lambda)
  }

  /// How the carry column is derived: as the pass computes it, or, for a trace whose advantages
  /// an estimator defined otherwise, what that estimator adds to δ (0 for the TD error).
  enum CarryRule: Sendable, Equatable { case pass, zero, difference }
  var carryRule = CarryRule.pass

  /// A trace whose advantages were computed otherwise (an estimator's own definition).
  init(rollout: Rollout, gamma: Double, lambda: Double, advantages: [Double], carry: CarryRule) {
    precondition(advantages.count == rollout.count)
    self.rollout = rollout
    self.gamma = gamma
    self.lambda = lambda
    advantage = advantages
    carryRule = carry
  }

  /// The trace for new γ and λ, written over this one's array: no allocation and no fresh
  /// pages, so sweeping γ over a million steps stays within a frame. (An array shared with a
  /// copy of the trace is copied first, as value semantics require.)
  public mutating func recompute(gamma: Double, lambda: Double) {
    self.gamma = gamma
    self.lambda = lambda
    GAE.advantages(for: rollout, gamma: gamma, lambda: lambda, into: &advantage)
  }

  /// V(s_{t+1}) as the pass used it: 0 after a termination, `final_values[t]` after a truncation
  /// that recorded one, otherwise `values[t+1]`.
  public var nextValue: Column { Column(trace: self, kind: .nextValue) }
  /// δ_t = r_t + γ·V(s_{t+1}) − V(s_t).
  public var delta: Column { Column(trace: self, kind: .delta) }
  /// γλ·A_{t+1}, or 0 at an episode boundary and at the last step.
  public var carry: Column { Column(trace: self, kind: .carry) }
  /// The λ-return A_t + V(s_t).
  public var returns: Column { Column(trace: self, kind: .returns) }

  /// One derived column of the trace, computed on access.
  public struct Column: RandomAccessCollection, Sendable {
    enum Kind { case nextValue, delta, carry, returns }
    let trace: GAETrace
    let kind: Kind

    public var startIndex: Int { 0 }
    public var endIndex: Int { trace.count }

    public subscript(t: Int) -> Double {
      switch kind {
      case .nextValue: return trace.nextValue(at: t)
      case .delta: return trace.delta(at: t)
      case .carry: return trace.carry(at: t)
      case .returns: return trace.advantage[t] + trace.rollout.values[t]
      }
    }
  }

  // The expressions of `BackwardPass`, in its order of operations.
  @inline(__always) func nextValue(at t: Int) -> Double { rollout.nextValue(at: t).value }

  @inline(__always) func delta(at t: Int) -> Double {
    GAE.delta(reward: rollout.rewards[t], gamma: gamma, nextValue: nextValue(at: t), value: rollout.values[t])
  }

  @inline(__always) func carry(at t: Int) -> Double {
    switch carryRule {
    case .pass: break
    case .zero: return 0
    case .difference: return advantage[t] - delta(at: t)
    }
    if rollout.isEpisodeBoundary(t) { return 0 }
    return decay * (t + 1 < count ? advantage[t + 1] : 0)
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
      nextValue: nextValue(at: t),
      nextValueSource: source,
      terminated: rollout.terminated[t],
      truncated: rollout.truncated[t],
      boundary: boundary,
      delta: delta(at: t),
      nextAdvantage: carriesFromNext ? advantage[t + 1] : nil,
      carry: carry(at: t),
      advantage: advantage[t],
      return: advantage[t] + rollout.values[t],
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
