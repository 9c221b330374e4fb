/// Which advantages an input moves, and by how much: the reverse of the λ-weights.
///
///     ∂A_t/∂r_k = (γλ)^{k−t}                 t ≤ k, in k's episode
///     ∂A_t/∂V_k = γ(1−λ)(γλ)^{k−t−1}         t < k, in k's episode;  −1 at t = k
///
/// plus, where V_k is the value a step of the previous episode bootstrapped from (a truncation
/// without a final value, or the rollout's last step), γ(γλ)^{k−1−t} for that episode's steps.
/// At λ = 1 a value inside an episode moves nothing but its own A_k: the critic's values cancel.
public enum Sensitivity {
  /// An input of the rollout.
  public enum Input: Sendable, Equatable {
    case reward(Int)
    /// values[k], 0 ≤ k ≤ T.
    case value(Int)
    /// final_values[k], on a truncated step that has one.
    case finalValue(Int)
  }

  /// ∂A_t/∂input for every t it reaches, t ascending; zero entries are left out. `limit` bounds
  /// how far back from the input the steps are followed (a screen shows the nearest few).
  public static func derivatives(
    of input: Input, rollout: Rollout, gamma: Double, lambda: Double, limit: Int = .max
  ) -> [(t: Int, derivative: Double)] {
    // ∂δ_u/∂input is non-zero for at most two steps u; A_t = Σ_{u ≥ t, same episode} (γλ)^{u−t} δ_u.
    var sources: [(u: Int, factor: Double)] = []
    switch input {
    case .reward(let k):
      guard (0..<rollout.count).contains(k) else { return [] }
      sources = [(k, 1)]
    case .value(let k):
      guard (0...rollout.count).contains(k) else { return [] }
      if k < rollout.count { sources.append((k, -1)) }
      if k >= 1, rollout.nextValue(at: k - 1).source == .nextValue { sources.append((k - 1, gamma)) }
    case .finalValue(let k):
      guard (0..<rollout.count).contains(k), rollout.nextValue(at: k).source == .finalValue else { return [] }
      sources = [(k, gamma)]
    }
    var result: [Int: Double] = [:]
    let decay = gamma * lambda
    for (u, factor) in sources {
      let start = rollout.episode(containing: u).lowerBound
      var weight = factor
      let stop = max(start, u - max(limit, 1) + 1)
      for t in stride(from: u, through: stop, by: -1) {
        result[t, default: 0] += weight
        weight *= decay
        if weight == 0 { break }
      }
    }
    return result.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}
