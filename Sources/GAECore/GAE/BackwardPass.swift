/// The fast backward pass behind `GAE.advantages` and `GAETrace`: one pass over contiguous
/// buffers, no allocation, no branch that depends on the data in the common case.
///
/// A_t = δ_t + c_t·A_{t+1} (c_t = γλ, or 0 at an episode boundary) is a chain: each step waits
/// on the previous multiply and add, about 6 cycles, so a plain loop runs at the latency of that
/// chain rather than at the speed of memory. Two observations make it fast:
///
/// 1. **Boundaries cut the chain.** The carry is 0 after every boundary, so a stretch ending at
///    one depends on nothing after it. The rollout is cut at boundaries near T/4, T/2, 3T/4 and
///    the four stretches run in lockstep: four independent chains in flight.
/// 2. **Episodes need no flags.** Between two boundaries every step is the same arithmetic on
///    two loads: δ_t = r_t + γ·V_{t+1} − V_t and A_t = δ_t + γλ·A_{t+1}. The rollout keeps its
///    boundary steps in a list, so the *episode pass* runs straight through each episode and
///    handles the boundary steps (termination, truncation, final values) on their own. When
///    episodes are short (under `shortEpisode` steps on average) that bookkeeping costs more
///    than it saves, and the *flagged pass* reads a flag and two tiny tables on every step.
///
/// Every step evaluates the seed's expressions in the seed's order — δ with 0 as the next value
/// after a termination, then δ + (γλ·mask)·A — so the results are bit-identical to the plain
/// loop, which the tests keep as the reference. Even the one place where cutting could differ is
/// repaired: a stretch starts from a carry of 0 where the seed multiplies 0 by the actual A of
/// the step above, which differs only in the sign of a zero or when that A overflowed; the
/// steps below each cut are recomputed with the real A until they agree (usually one step).
/// (Tried and measured slower: a vectorised δ pass plus a separate scan, fused by blocks or not;
/// SIMD lanes across chains; more than four chains, which run out of registers and of the
/// prefetcher's streams.)
enum BackwardPass {
  /// Chains run in lockstep.
  static let lanes = 4
  /// Below this a rollout is not worth cutting.
  static let minimumChunk = 4_096
  /// Episodes shorter than this on average take the pass that reads a flag on every step: a
  /// lane reaching a boundary every few steps costs more in the episode pass's bookkeeping
  /// (and in mispredicted branches: which lane is at a boundary is anyone's guess) than the
  /// flags cost to read.
  static let shortEpisode = 32

  static func advantages(_ rollout: Rollout, gamma: Double, lambda: Double, into output: UnsafeMutablePointer<Double>) {
    let chunks = cuts(rollout)
    rollout.rewards.withUnsafeBufferPointer { rewards in
      rollout.values.withUnsafeBufferPointer { values in
        rollout.terminated.withUnsafeBufferPointer { terminated in
          rollout.boundarySteps.withUnsafeBufferPointer { boundaries in
            rollout.stepFlags.withUnsafeBufferPointer { flags in
              let pass = Pass(
                rewards: rewards.baseAddress!, values: values.baseAddress!, terminated: terminated.baseAddress!,
                boundaries: boundaries.baseAddress!, rollout: rollout, gamma: gamma, decay: gamma * lambda,
                output: output)
              if rollout.count >= shortEpisode * (rollout.boundarySteps.count + 1) {
                if chunks.count == lanes {
                  pass.lockstep(chunks)
                } else {
                  var lane = pass.lane(chunks[0])
                  pass.finish(&lane)
                }
              } else {
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { keepNext in
                  withUnsafeTemporaryAllocation(of: Double.self, capacity: 8) { carryFactor in
                    for flag in UInt8(0)..<8 {
                      keepNext[Int(flag)] = flag & StepFlags.terminated != 0 ? 0 : ~0
                      carryFactor[Int(flag)] = gamma * lambda * (flag & StepFlags.boundary != 0 ? 0 : 1)
                    }
                    func run<Mode: FinalValueMode>(_: Mode.Type) {
                      FlaggedPass<Mode>(
                        pass: pass, flags: flags.baseAddress!, finalValues: rollout.finalValues,
                        keepNext: UnsafePointer(keepNext.baseAddress!),
                        carryFactor: UnsafePointer(carryFactor.baseAddress!)
                      ).run(chunks)
                    }
                    // Without final values the flagged loop has no branch at all.
                    if rollout.finalValues == nil { run(WithoutFinalValues.self) } else { run(WithFinalValues.self) }
                  }
                }
              }
              // Top down, so a repair that runs through a whole stretch reaches the next cut.
              for chunk in chunks.dropLast().reversed() {
                pass.repairBelow(cut: chunk.upperBound, start: chunk.lowerBound)
              }
            }
          }
        }
      }
    }
  }

  struct Pass {
    let rewards: UnsafePointer<Double>
    let values: UnsafePointer<Double>
    let terminated: UnsafePointer<Bool>
    /// `rollout.boundarySteps`, ascending.
    let boundaries: UnsafePointer<Int>
    let rollout: Rollout
    let gamma: Double
    /// γλ.
    let decay: Double
    let output: UnsafeMutablePointer<Double>

    /// One chain's position, walking down from the top of its stretch.
    struct Lane {
      /// The next step to compute.
      var t: Int
      /// The stretch's lowest step.
      let start: Int
      /// V(s_{t+1}) as `values` has it, i.e. `values[t + 1]`.
      var next: Double
      /// A_{t+1}, the advantage carried into step t.
      var advantage: Double
      /// Index in `boundaries` of the highest boundary step ≤ t, or −1.
      var boundary: Int
    }

    /// A lane at the top of `chunk`, carrying nothing in.
    func lane(_ chunk: Range<Int>) -> Lane {
      let top = chunk.upperBound - 1
      return Lane(
        t: top, start: chunk.lowerBound, next: values[top + 1], advantage: 0,
        boundary: rollout.boundaryCount(through: top) - 1)
    }

    /// How many steps the lane can take before it reaches a boundary step or its start.
    @inline(__always)
    func run(_ lane: Lane) -> Int {
      let below = lane.start &- 1
      guard lane.boundary >= 0 else { return lane.t &- below }
      return lane.t &- max(boundaries[lane.boundary], below)
    }

    /// One step inside an episode: no boundary, so the next value is V_{t+1} and the mask is 1.
    @inline(__always)
    func interior(_ t: Int, _ advantage: inout Double, _ next: inout Double) {
      let value = values[t]
      advantage = GAE.delta(reward: rewards[t], gamma: gamma, nextValue: next, value: value) + decay * advantage
      output[t] = advantage
      next = value
    }

    /// A boundary step: the next value is 0 after a termination, the final value where a
    /// truncated step has one, and the carry is (γλ·0)·A_{t+1}, as the seed computes it.
    @inline(__always)
    func boundaryStep(_ lane: inout Lane) {
      let t = lane.t
      let value = values[t]
      var next = lane.next
      if terminated[t] {
        next = 0
      } else if let finalValues = rollout.finalValues, let final = finalValues[t] {
        next = final
      }
      lane.advantage =
        GAE.delta(reward: rewards[t], gamma: gamma, nextValue: next, value: value) + (decay * 0) * lane.advantage
      output[t] = lane.advantage
      lane.next = value
      lane.t = t &- 1
      lane.boundary = lane.boundary &- 1
    }

    /// Runs one lane down to its start on its own.
    func finish(_ lane: inout Lane) {
      while lane.t >= lane.start {
        var (t, advantage, next) = (lane.t, lane.advantage, lane.next)
        let stop = t &- run(lane)
        while t > stop {
          interior(t, &advantage, &next)
          t = t &- 1
        }
        (lane.t, lane.advantage, lane.next) = (t, advantage, next)
        if lane.t >= lane.start { boundaryStep(&lane) }
      }
    }

    /// Four lanes in lockstep through the stretches between their boundaries; the boundary
    /// steps one by one; the remainders alone once the first lane is done; then the cuts.
    func lockstep(_ chunks: [Range<Int>]) {
      var (l0, l1, l2, l3) = (lane(chunks[0]), lane(chunks[1]), lane(chunks[2]), lane(chunks[3]))
      while l0.t >= l0.start && l1.t >= l1.start && l2.t >= l2.start && l3.t >= l3.start {
        let steps = min(run(l0), run(l1), run(l2), run(l3))
        if steps > 0 {
          var (t0, t1, t2, t3) = (l0.t, l1.t, l2.t, l3.t)
          var (a0, a1, a2, a3) = (l0.advantage, l1.advantage, l2.advantage, l3.advantage)
          var (n0, n1, n2, n3) = (l0.next, l1.next, l2.next, l3.next)
          let stop = t0 &- steps
          while t0 > stop {
            interior(t0, &a0, &n0)
            interior(t1, &a1, &n1)
            interior(t2, &a2, &n2)
            interior(t3, &a3, &n3)
            t0 = t0 &- 1
            t1 = t1 &- 1
            t2 = t2 &- 1
            t3 = t3 &- 1
          }
          (l0.t, l1.t, l2.t, l3.t) = (t0, t1, t2, t3)
          (l0.advantage, l1.advantage, l2.advantage, l3.advantage) = (a0, a1, a2, a3)
          (l0.next, l1.next, l2.next, l3.next) = (n0, n1, n2, n3)
        }
        // Every lane that cannot step on is at a boundary step or below its start.
        if l0.t >= l0.start && run(l0) == 0 { boundaryStep(&l0) }
        if l1.t >= l1.start && run(l1) == 0 { boundaryStep(&l1) }
        if l2.t >= l2.start && run(l2) == 0 { boundaryStep(&l2) }
        if l3.t >= l3.start && run(l3) == 0 { boundaryStep(&l3) }
      }
      finish(&l0)
      finish(&l1)
      finish(&l2)
      finish(&l3)
    }

    /// The stretch below `cut` began with a carry of 0 instead of (γλ·0)·A_cut. Recompute its
    /// steps with the real A until they come out as already stored.
    func repairBelow(cut: Int, start: Int) {
      var advantage = output[cut]
      var t = cut - 1
      while t >= start {
        let next = rollout.nextValue(at: t).value
        let mask: Double = rollout.isEpisodeBoundary(t) ? 0 : 1
        let value =
          GAE.delta(reward: rewards[t], gamma: gamma, nextValue: next, value: values[t]) + (decay * mask) * advantage
        if value.bitPattern == output[t].bitPattern { return }
        output[t] = value
        advantage = value
        t -= 1
      }
    }
  }

  /// The pass for short episodes: every step reads its flag and looks up two small tables, so
  /// it has no branch that depends on the data (LLVM turns a select on the flag into a branch,
  /// and with boundaries every few steps that branch is mispredicted).
  struct FlaggedPass<Mode: FinalValueMode> {
    let pass: Pass
    let flags: UnsafePointer<UInt8>
    let finalValues: [Double?]?
    /// Per flag: all ones, or 0 after a termination, to mask V_{t+1}'s bits with: the seed's
    /// `np.where(terminated, 0, values[1:])`, +0 exactly.
    let keepNext: UnsafePointer<UInt64>
    /// Per flag: γλ·mask, the mask 0 at a boundary: the seed's `gamma * lambda_ * ~episode_over`.
    let carryFactor: UnsafePointer<Double>

    /// δ_t + (γλ·mask)·A_{t+1}, the final value standing in for V_{t+1} where a truncated step
    /// has one.
    @inline(__always)
    func step(_ t: Int, _ advantage: Double) -> Double {
      let flag = Int(flags[t])
      var next = pass.values[t &+ 1]
      if Mode.enabled && UInt8(flag) & StepFlags.finalValue != 0 { next = finalValues![t]! }
      next = Double(bitPattern: next.bitPattern & keepNext[flag])
      let result =
        GAE.delta(reward: pass.rewards[t], gamma: pass.gamma, nextValue: next, value: pass.values[t]) + carryFactor[
          flag] * advantage
      pass.output[t] = result
      return result
    }

    /// Steps end−1 down to start, carrying `advantage` in.
    @inline(__always)
    func chain(from end: Int, down start: Int, carrying advantage: Double) {
      var advantage = advantage
      var t = end &- 1
      while t >= start {
        advantage = step(t, advantage)
        t = t &- 1
      }
    }

    func run(_ chunks: [Range<Int>]) {
      guard chunks.count == lanes else { return chain(from: chunks[0].upperBound, down: 0, carrying: 0) }
      let (e0, e1, e2, e3) = (chunks[0].upperBound, chunks[1].upperBound, chunks[2].upperBound, chunks[3].upperBound)
      let common = min(chunks[0].count, chunks[1].count, chunks[2].count, chunks[3].count)
      var (a0, a1, a2, a3) = (0.0, 0.0, 0.0, 0.0)
      var (t0, t1, t2, t3) = (e0 &- 1, e1 &- 1, e2 &- 1, e3 &- 1)
      let stop = e0 &- common
      while t0 >= stop {
        a0 = step(t0, a0)
        a1 = step(t1, a1)
        a2 = step(t2, a2)
        a3 = step(t3, a3)
        t0 = t0 &- 1
        t1 = t1 &- 1
        t2 = t2 &- 1
        t3 = t3 &- 1
      }
      chain(from: e0 &- common, down: chunks[0].lowerBound, carrying: a0)
      chain(from: e1 &- common, down: chunks[1].lowerBound, carrying: a1)
      chain(from: e2 &- common, down: chunks[2].lowerBound, carrying: a2)
      chain(from: e3 &- common, down: chunks[3].lowerBound, carrying: a3)
    }
  }

  /// Where to cut: `lanes` ranges covering 0..<T, each (but the last) ending right after an
  /// episode boundary, so no carry crosses a cut. A single range when the rollout is short or
  /// it has no boundaries near the quarters.
  static func cuts(_ rollout: Rollout) -> [Range<Int>] {
    let count = rollout.count
    let boundaries = rollout.boundarySteps
    guard count >= lanes * minimumChunk, boundaries.count >= lanes - 1 else { return [0..<count] }
    let window = count / (lanes * 4)
    var ends: [Int] = []
    for quarter in 1..<lanes {
      let target = quarter * count / lanes
      // The first boundary step at or after target − 1, and the one before it: the nearer
      // one, if it lies within the window, ends the stretch.
      let low = rollout.boundaryCount(through: target - 2)
      let candidates = [low - 1, low].filter { boundaries.indices.contains($0) }.map { boundaries[$0] + 1 }
      guard let end = candidates.min(by: { abs($0 - target) < abs($1 - target) }),
        abs(end - target) <= window, end > (ends.last ?? 0), end < count
      else { return [0..<count] }
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

/// Whether a flagged pass looks for final values: a type, so each case compiles to its own loop.
protocol FinalValueMode { static var enabled: Bool { get } }
enum WithFinalValues: FinalValueMode { static var enabled: Bool { true } }
enum WithoutFinalValues: FinalValueMode { static var enabled: Bool { false } }

/// Per-step flags packed into one byte, so the flagged pass makes one load instead of two.
enum StepFlags {
  static let terminated: UInt8 = 1
  static let truncated: UInt8 = 2
  static let boundary: UInt8 = 3
  /// Truncated, not terminated, with a final value to bootstrap from.
  static let finalValue: UInt8 = 4
}
