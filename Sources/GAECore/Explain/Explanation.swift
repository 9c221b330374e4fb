/// A_t taken apart, two ways, for one step t:
///
/// - the backward view: the TD errors of t's episode from t on, each weighted by (γλ)^k —
///   A_t = Σ_k (γλ)^k δ_{t+k};
/// - the forward view: the n-step advantages Â⁽ⁿ⁾_t = Σ_{k<n} γ^k r_{t+k} + γⁿ·V(s_{t+n}) − V(s_t)
///   for n = 1 … m (m = the steps left in the episode; the last one bootstraps exactly as the
///   pass does at the episode's end), weighted (1−λ)λ^{n−1}, the rest, λ^{m−1}, on the last —
///   A_t = Σ_n w_n·Â⁽ⁿ⁾_t.
///
/// Both sums equal the backward pass's A_t up to rounding; the tests check it.
public struct Explanation: Sendable, Equatable {
  /// One TD error's share of A_t.
  public struct Term: Sendable, Equatable {
    public let t: Int
    public let weight: Double
    public let delta: Double
    public let contribution: Double
  }

  /// One n-step advantage and its weight in the λ-average.
  public struct NStep: Sendable, Equatable {
    public let n: Int
    public let advantage: Double
    public let weight: Double
  }

  public let t: Int
  /// The backward pass's A_t.
  public let advantage: Double
  /// 1/(1−γλ).
  public let horizon: Double
  /// From t to the end of t's episode (at most `limit` of them).
  public let terms: [Term]
  /// n = 1 … m (at most `limit` of them).
  public let nStep: [NStep]
  /// The steps left in t's episode, m: how many terms and n-step advantages there are in all.
  public let remaining: Int

  /// The explanation of step `t` of `trace`; `limit` bounds the lists (a screen shows a few
  /// dozen terms of a million-step episode, not all of them).
  public init(trace: GAETrace, t: Int, limit: Int = .max) {
    let rollout = trace.rollout
    let gamma = trace.gamma
    let lambda = trace.lambda
    let end = rollout.episode(containing: t).upperBound
    self.t = t
    advantage = trace.advantage[t]
    horizon = Estimators.effectiveHorizon(gamma: gamma, lambda: lambda)
    remaining = end - t
    let count = min(remaining, max(limit, 0))

    var terms: [Term] = []
    var nStep: [NStep] = []
    terms.reserveCapacity(count)
    nStep.reserveCapacity(count)
    var weight = 1.0  // (γλ)^k
    var discount = 1.0  // γ^k
    var lambdaPower = 1.0  // λ^{n−1}
    var rewards = 0.0  // Σ_{k<n} γ^k r_{t+k}
    for k in 0..<count {
      let u = t + k
      let delta = trace.delta[u]
      terms.append(Term(t: u, weight: weight, delta: delta, contribution: weight * delta))
      // Â⁽ⁿ⁾ with n = k + 1: the rewards so far, then γⁿ times the value the pass bootstraps
      // from after step u (V(s_{u+1}); at the episode's last step 0 after a termination, the
      // final value after a truncation).
      let n = k + 1
      rewards += discount * rollout.rewards[u]
      discount *= gamma
      let bootstrap = rollout.nextValue(at: u).value
      let estimate = rewards + discount * bootstrap - rollout.values[t]
      let isLast = n == remaining
      nStep.append(NStep(n: n, advantage: estimate, weight: isLast ? lambdaPower : (1 - lambda) * lambdaPower))
      weight *= gamma * lambda
      lambdaPower *= lambda
    }
    self.terms = terms
    self.nStep = nStep
  }

  /// Σ contributions: A_t again, the forward way (when no term was left out).
  public var sumOfTerms: Double { terms.reduce(0) { $0 + $1.contribution } }

  /// Σ w_n·Â⁽ⁿ⁾: A_t again, as the λ-weighted average of the n-step advantages.
  public var weightedNStep: Double { nStep.reduce(0) { $0 + $1.weight * $1.advantage } }
}
