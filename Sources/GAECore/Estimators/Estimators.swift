/// The classical estimators GAE interpolates between, computed independently of the backward
/// pass so that the two ends of the λ dial can be checked and shown side by side.
public enum Estimators {
  /// The one-step TD error δ_t = r_t + γ·V(s_{t+1}) − V(s_t): GAE at λ = 0.
  public static func tdErrors(for rollout: Rollout, gamma: Double) -> [Double] {
    GAE.deltas(for: rollout, gamma: gamma)
  }

  /// The discounted return from each step to the end of its episode: Σ γ^k r_{t+k}, plus
  /// γ^n·V(s) of the state the episode was cut off in (at a truncation, or at the rollout's end);
  /// nothing after a termination.
  public static func monteCarloReturns(for rollout: Rollout, gamma: Double) -> [Double] {
    var returns = [Double](repeating: 0, count: rollout.count)
    var future = 0.0
    for t in stride(from: rollout.count - 1, through: 0, by: -1) {
      if rollout.terminated[t] {
        future = 0
      } else if rollout.truncated[t] || t == rollout.count - 1 {
        future = rollout.nextValue(at: t).value
      }
      future = rollout.rewards[t] + gamma * future
      returns[t] = future
    }
    return returns
  }

  /// The Monte-Carlo advantage G_t − V(s_t): GAE at λ = 1.
  public static func monteCarloAdvantages(for rollout: Rollout, gamma: Double) -> [Double] {
    let returns = monteCarloReturns(for: rollout, gamma: gamma)
    return (0..<rollout.count).map { returns[$0] - rollout.values[$0] }
  }

  /// The weights (γλ)^k with which δ_{t+k} enters A_t, for every k up to the end of t's episode
  /// (A_t = Σ_k (γλ)^k δ_{t+k}; no δ from another episode contributes).
  public static func lambdaWeights(
    for rollout: Rollout, at t: Int, gamma: Double, lambda: Double
  ) -> [(t: Int, weight: Double)] {
    let episode = rollout.episode(containing: t)
    var weights: [(t: Int, weight: Double)] = []
    var weight = 1.0
    for u in t..<episode.upperBound {
      weights.append((u, weight))
      weight *= gamma * lambda
    }
    return weights
  }

  /// A_t in its forward form Σ_k (γλ)^k δ_{t+k}: the same number as the backward pass, reached
  /// the other way round.
  public static func forwardAdvantage(
    for rollout: Rollout, at t: Int, gamma: Double, lambda: Double
  ) -> Double {
    lambdaWeights(for: rollout, at: t, gamma: gamma, lambda: lambda).reduce(0) { sum, term in
      let delta = GAE.delta(
        reward: rollout.rewards[term.t], gamma: gamma, nextValue: rollout.nextValue(at: term.t).value,
        value: rollout.values[term.t])
      return sum + term.weight * delta
    }
  }

  /// The effective horizon 1/(1−γλ): roughly how many future steps A_t listens to.
  public static func effectiveHorizon(gamma: Double, lambda: Double) -> Double {
    let decay = gamma * lambda
    return decay >= 1 ? .infinity : 1 / (1 - decay)
  }
}
