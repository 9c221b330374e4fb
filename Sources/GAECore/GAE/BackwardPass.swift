/// The fast backward pass behind `GAE.advantages` and `GAETrace`: one pass over contiguous
/// buffers, no allocation, no branch per step in the common case.
///
/// A_t = δ_t + c_t·A_{t+1} (c_t = γλ, or 0 at an episode boundary) is a chain: each step waits
/// on the previous multiply and add. But the carry is 0 after every boundary, so a stretch of
/// steps ending at a boundary depends on nothing after it. The rollout is cut at boundaries
/// near T/4, T/2, 3T/4, and the four stretches run interleaved: four chains in flight.
///
/// Every step evaluates the seed's expressions in the seed's order — δ with 0 as the next value
/// after a termination, then δ + (γλ·mask)·A — so the results are bit-identical to the plain
/// loop, which the tests keep as the reference. Without boundaries to cut at, it is that loop.
/// (Tried and measured slower here: a vectorised δ pass plus a separate scan, fused by blocks or
/// not — it touches the output twice — and a branch for the carry, which costs a taken jump per
/// chain per step.)
enum BackwardPass {
  /// Chains run interleaved in pass 2.
  static let lanes = 4
  /// Below this a rollout is not worth cutting.
  static let minimumChunk = 4_096

  static func advantages(_ rollout: Rollout, gamma: Double, lambda: Double, into output: UnsafeMutablePointer<Double>) {
    let count = rollout.count
    rollout.rewards.withUnsafeBufferPointer { rewards in
      rollout.values.withUnsafeBufferPointer { values in
        rollout.stepFlags.withUnsafeBufferPointer { flags in
          let chunks = cuts(rollout)
          func run<Mode: FinalValueMode>(_: Mode.Type) {
            let pass = Pass<Mode>(
              rewards: rewards.baseAddress!, values: values.baseAddress!, flags: flags.baseAddress!,
              finalValues: rollout.finalValues, gamma: gamma, decay: gamma * lambda, output: output)
            if chunks.count == lanes {
              pass.interleaved(chunks)
            } else {
              _ = pass.chain(from: count, down: 0, carrying: 0)
            }
          }
          // Specialised on whether final values exist: without them the loop has no branch at all.
          if rollout.finalValueSteps.isEmpty { run(WithoutFinalValues.self) } else { run(WithFinalValues.self) }
        }
      }
    }
  }

  struct Pass<Mode: FinalValueMode> {
    let rewards: UnsafePointer<Double>
    let values: UnsafePointer<Double>
    let flags: UnsafePointer<UInt8>
    let finalValues: [Double?]?
    let gamma: Double
    let decay: Double
    let output: UnsafeMutablePointer<Double>

    /// δ_t = r_t + γ·V(s_{t+1}) − V(s_t), the next value 0 after a termination.
    @inline(__always)
    func delta(_ t: Int) -> Double {
      let flag = flags[t]
      // Loaded unconditionally, then selected: no branch in the common case.
      var next = values[t &+ 1]
      if Mode.enabled && flag & StepFlags.finalValue != 0 { next = finalValues![t]! }
      return rewards[t] + gamma * (flag & StepFlags.terminated != 0 ? 0 : next) - values[t]
    }

    /// γλ·mask, the mask 0 at an episode boundary: the seed's `gamma * lambda_ * ~episode_over`.
    /// A multiplication, not a branch: the seed multiplies too, and a branch per chain per step
    /// costs more than the arithmetic it would skip.
    @inline(__always)
    func carryFactor(_ t: Int) -> Double {
      decay * (flags[t] & StepFlags.boundary == 0 ? 1 : 0)
    }

    /// One chain: steps end−1 down to start, carrying `advantage` in; returns A_start.
    @inline(__always)
    func chain(from end: Int, down start: Int, carrying advantage: Double) -> Double {
      var advantage = advantage
      var t = end &- 1
      while t >= start {
        advantage = delta(t) + carryFactor(t) * advantage
        output[t] = advantage
        t = t &- 1
      }
      return advantage
    }

    /// Four chains in lockstep over their common length, then each chain's remainder.
    func interleaved(_ chunks: [Range<Int>]) {
      let (e0, e1, e2, e3) = (chunks[0].upperBound, chunks[1].upperBound, chunks[2].upperBound, chunks[3].upperBound)
      let common = min(chunks[0].count, chunks[1].count, chunks[2].count, chunks[3].count)
      var (a0, a1, a2, a3) = (0.0, 0.0, 0.0, 0.0)
      var (t0, t1, t2, t3) = (e0 &- 1, e1 &- 1, e2 &- 1, e3 &- 1)
      let stop = e0 &- common
      while t0 >= stop {
        a0 = delta(t0) + carryFactor(t0) * a0
        a1 = delta(t1) + carryFactor(t1) * a1
        a2 = delta(t2) + carryFactor(t2) * a2
        a3 = delta(t3) + carryFactor(t3) * a3
        output[t0] = a0
        output[t1] = a1
        output[t2] = a2
        output[t3] = a3
        t0 = t0 &- 1
        t1 = t1 &- 1
        t2 = t2 &- 1
        t3 = t3 &- 1
      }
      _ = chain(from: e0 &- common, down: chunks[0].lowerBound, carrying: a0)
      _ = chain(from: e1 &- common, down: chunks[1].lowerBound, carrying: a1)
      _ = chain(from: e2 &- common, down: chunks[2].lowerBound, carrying: a2)
      _ = chain(from: e3 &- common, down: chunks[3].lowerBound, carrying: a3)
    }
  }

  /// Where to cut: `lanes` ranges covering 0..<T, each (but the last) ending right after an
  /// episode boundary, so no carry crosses a cut. A single range when the rollout is short or
  /// its boundaries are too sparse to cut near the quarters.
  static func cuts(_ rollout: Rollout) -> [Range<Int>] {
    let count = rollout.count
    guard count >= lanes * minimumChunk else { return [0..<count] }
    let window = count / (lanes * 4)
    var ends: [Int] = []
    for quarter in 1..<lanes {
      let target = quarter * count / lanes
      // The nearest e with step e−1 a boundary, searching outward from the target.
      var found: Int?
      for offset in 0...window {
        if rollout.stepFlags[target - offset - 1] & StepFlags.boundary != 0 {
          found = target - offset
          break
        }
        if target + offset - 1 < count && rollout.stepFlags[target + offset - 1] & StepFlags.boundary != 0 {
          found = target + offset
          break
        }
      }
      guard let end = found else { return [0..<count] }
      ends.append(end)
    }
    var ranges: [Range<Int>] = []
    var start = 0
    for end in ends + [count] {
      ranges.append(start..<end)
      start = end
    }
    return ranges
  }
}

/// Whether a pass looks for final values: a type, so each case compiles to its own loop.
protocol FinalValueMode { static var enabled: Bool { get } }
enum WithFinalValues: FinalValueMode { static var enabled: Bool { true } }
enum WithoutFinalValues: FinalValueMode { static var enabled: Bool { false } }

/// Per-step flags packed into one byte, so the passes make one load instead of two.
enum StepFlags {
  static let terminated: UInt8 = 1
  static let truncated: UInt8 = 2
  static let boundary: UInt8 = 3
  /// Truncated, not terminated, with a final value to bootstrap from.
  static let finalValue: UInt8 = 4
}
