/// Generalized Advantage Estimation, exactly as the seed specifies:
///
///     δ_t = r_t + γ·V(s_{t+1}) − V(s_t)       V(s_{t+1}) = 0 on termination
///     A_t = δ_t + γλ·A_{t+1}                 the carry γλ·A_{t+1} is 0 across any episode boundary
///
/// computed backward from the last step. Every function here evaluates those expressions in the
/// same order as the seed's NumPy code, so results agree with it bit for bit.
public enum GAE {
  /// The advantages A_0 … A_{T−1}.
  public static func advantages(for rollout: Rollout, gamma: Double, lambda: Double) -> [Double] {
    [Double](unsafeUninitializedCapacity: rollout.count) { buffer, initialized in
      FreshMemory.preferHugePages(UnsafeMutableRawBufferPointer(buffer))
      backwardPass(rollout, gamma: gamma, lambda: lambda, advantages: buffer)
      initialized = rollout.count
    }
  }

  /// Writes the advantages into `output`, reusing its storage when it already has T elements:
  /// for callers that recompute often (a slider held down) and should not allocate each time.
  public static func advantages(
    for rollout: Rollout, gamma: Double, lambda: Double, into output: inout [Double]
  ) {
    guard output.count == rollout.count else {
      output = advantages(for: rollout, gamma: gamma, lambda: lambda)
      return
    }
    output.withUnsafeMutableBufferPointer { buffer in
      backwardPass(rollout, gamma: gamma, lambda: lambda, advantages: buffer)
    }
  }

  /// δ_t = r_t + γ·V(s_{t+1}) − V(s_t), the TD error: the one place it is spelt. Evaluated left
  /// to right as the seed's NumPy code does, so every caller gets the seed's bits.
  @inlinable @inline(__always)
  public static func delta(reward: Double, gamma: Double, nextValue: Double, value: Double) -> Double {
    reward + gamma * nextValue - value
  }

  /// The TD errors δ_t (the advantages at λ = 0).
  public static func deltas(for rollout: Rollout, gamma: Double) -> [Double] {
    (0..<rollout.count).map { t in
      delta(
        reward: rollout.rewards[t], gamma: gamma, nextValue: rollout.nextValue(at: t).value, value: rollout.values[t])
    }
  }

  /// The λ-returns A_t + V(s_t), the targets a critic is trained on.
  public static func returns(for rollout: Rollout, gamma: Double, lambda: Double) -> [Double] {
    let advantages = advantages(for: rollout, gamma: gamma, lambda: lambda)
    return (0..<rollout.count).map { advantages[$0] + rollout.values[$0] }
  }

  /// The whole backward pass, step by step.
  public static func trace(for rollout: Rollout, gamma: Double, lambda: Double) -> GAETrace {
    GAETrace(rollout: rollout, gamma: gamma, lambda: lambda)
  }

  static func backwardPass(
    _ rollout: Rollout, gamma: Double, lambda: Double, advantages: UnsafeMutableBufferPointer<Double>
  ) {
    BackwardPass.advantages(rollout, gamma: gamma, lambda: lambda, into: advantages.baseAddress!)
  }
}
