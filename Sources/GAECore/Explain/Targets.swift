/// What a critic regresses on, and what the policy loss sees.
public enum Targets {
  /// The λ-return A_t + V(s_t): PPO implementations' value target.
  public static func lambdaReturns(_ trace: GAETrace) -> [Double] {
    (0..<trace.count).map { trace.returns[$0] }
  }

  /// The reward-to-go: discounted rewards to the episode's end, bootstrapped at a truncation and
  /// at the rollout's end (the Monte-Carlo return).
  public static func rewardToGo(_ rollout: Rollout, gamma: Double) -> [Double] {
    Estimators.monteCarloReturns(for: rollout, gamma: gamma)
  }

  /// The TD(0) target r_t + γ·V(s_{t+1}).
  public static func tdTargets(_ rollout: Rollout, gamma: Double) -> [Double] {
    (0..<rollout.count).map { t in rollout.rewards[t] + gamma * rollout.nextValue(at: t).value }
  }

  /// Advantages as PPO feeds them to its loss: (A − mean)/(std + 1e-8) over each minibatch of
  /// `size` consecutive steps (the whole rollout when nil), with the sample standard deviation
  /// (n − 1 in the denominator, as `torch.std` computes it). A minibatch of one has no such
  /// deviation: 0/0, and its advantage is NaN — as it really behaves.
  public static func normalized(_ advantages: [Double], minibatch size: Int? = nil) -> [Double] {
    let size = max(size ?? advantages.count, 1)
    var result: [Double] = []
    result.reserveCapacity(advantages.count)
    var start = 0
    while start < advantages.count {
      let batch = advantages[start..<min(start + size, advantages.count)]
      let mean = batch.reduce(0, +) / Double(batch.count)
      let squares = batch.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      let deviation = (squares / Double(batch.count - 1)).squareRoot()
      for value in batch { result.append((value - mean) / (deviation + 1e-8)) }
      start += size
    }
    return result
  }
}
