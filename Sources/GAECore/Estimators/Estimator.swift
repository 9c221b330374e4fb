/// Which advantage a trace holds: GAE(γ, λ), or one of the two estimators it interpolates
/// between, each computed by its own definition rather than as GAE at λ = 0 or 1.
public enum Estimator: String, CaseIterable, Sendable {
  /// A_t = Σ_k (γλ)^k δ_{t+k}, by the backward pass.
  case gae
  /// A_t = δ_t, the TD error.
  case td
  /// A_t = the discounted rewards to the episode's end (bootstrapped at a truncation and at the
  /// rollout's end) minus V(s_t).
  case mc

  /// The λ this estimator stands for: the given one for GAE, 0 for TD, 1 for Monte Carlo.
  public func lambda(given lambda: Double) -> Double {
    switch self {
    case .gae: return lambda
    case .td: return 0
    case .mc: return 1
    }
  }

  /// The trace whose advantage column is this estimator's; the carry column is what the
  /// estimator adds to δ (0 for TD, A − δ for Monte Carlo), so δ + carry = A on every row.
  public func trace(for rollout: Rollout, gamma: Double, lambda: Double) -> GAETrace {
    switch self {
    case .gae:
      return GAE.trace(for: rollout, gamma: gamma, lambda: lambda)
    case .td:
      return GAETrace(
        rollout: rollout, gamma: gamma, lambda: 0, advantages: GAE.deltas(for: rollout, gamma: gamma), carry: .zero)
    case .mc:
      return GAETrace(
        rollout: rollout, gamma: gamma, lambda: 1,
        advantages: Estimators.monteCarloAdvantages(for: rollout, gamma: gamma), carry: .difference)
    }
  }
}
