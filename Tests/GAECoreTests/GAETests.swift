import TestSupport
import Testing

@testable import GAECore

@Suite("GAE: the backward pass")
struct GAETests {
  // r = [1, 0, 2], V = [0.5, 1, 0.5, 0.2], γ = λ = 0.5, so γλ = 0.25. Worked by hand:
  //   δ2 = 2 + 0.5·0.2 − 0.5 = 1.6            A2 = 1.6
  //   δ1 = 0 + 0.5·0.5 − 1   = −0.75          A1 = −0.75 + 0.25·1.6   = −0.35
  //   δ0 = 1 + 0.5·1   − 0.5 = 1.0            A0 = 1.0   + 0.25·−0.35 = 0.9125
  let rewards = [1.0, 0, 2]
  let values = [0.5, 1, 0.5, 0.2]

  @Test func handCheckedWithoutBoundaries() {
    let rollout = makeRollout(rewards: rewards, values: values)
    let trace = GAE.trace(for: rollout, gamma: 0.5, lambda: 0.5)
    #expect(allClose(Array(trace.delta), [1.0, -0.75, 1.6]))
    #expect(allClose(Array(trace.carry), [0.25 * -0.35, 0.25 * 1.6, 0]))
    #expect(allClose(trace.advantage, [0.9125, -0.35, 1.6]))
    #expect(allClose(Array(trace.returns), [1.4125, 0.65, 2.1]))
    #expect(allClose(GAE.advantages(for: rollout, gamma: 0.5, lambda: 0.5), [0.9125, -0.35, 1.6]))
  }

  @Test func terminationDoesNotBootstrapAndResetsTheCarry() {
    let rollout = makeRollout(rewards: rewards, values: values, terminated: [1])
    let trace = GAE.trace(for: rollout, gamma: 0.5, lambda: 0.5)
    // δ1 = 0 + 0.5·0 − 1 = −1; A1 takes nothing from A2; A0 = 1 + 0.25·−1.
    #expect(trace.nextValue[1] == 0)
    #expect(trace.carry[1] == 0)
    #expect(allClose(trace.advantage, [0.75, -1, 1.6]))
  }

  @Test func truncationBootstrapsButResetsTheCarry() {
    let rollout = makeRollout(rewards: rewards, values: values, truncated: [1])
    let trace = GAE.trace(for: rollout, gamma: 0.5, lambda: 0.5)
    #expect(trace.nextValue[1] == 0.5)  // values[2]
    #expect(trace.carry[1] == 0)
    #expect(allClose(trace.advantage, [0.8125, -0.75, 1.6]))
  }

  @Test func finalValueIsUsedOnATruncatedStep() {
    let rollout = makeRollout(rewards: rewards, values: values, truncated: [1], finalValues: [1: 0.8])
    let trace = GAE.trace(for: rollout, gamma: 0.5, lambda: 0.5)
    #expect(trace.nextValue[1] == 0.8)
    #expect(trace.record(at: 1).nextValueSource == .finalValue)
    #expect(allClose(trace.advantage, [0.85, -0.6, 1.6]))
  }

  @Test func finalValueIsIgnoredOffTruncatedSteps() {
    // On a plain step and on a terminated one a final value must change nothing.
    let plain = makeRollout(rewards: rewards, values: values)
    let withStray = makeRollout(rewards: rewards, values: values, finalValues: [0: 9, 1: 9])
    #expect(
      GAE.advantages(for: withStray, gamma: 0.9, lambda: 0.8) == GAE.advantages(for: plain, gamma: 0.9, lambda: 0.8))
    let terminated = makeRollout(rewards: rewards, values: values, terminated: [1], truncated: [1], finalValues: [1: 9])
    #expect(GAE.trace(for: terminated, gamma: 0.9, lambda: 0.8).nextValue[1] == 0)
  }

  @Test func carryResetsAtEveryBoundary() {
    let rollout = randomRollout(count: 2_000, boundaryRate: 0.1, seed: 11)
    let trace = GAE.trace(for: rollout, gamma: 0.99, lambda: 0.95)
    for t in 0..<rollout.count {
      if rollout.isEpisodeBoundary(t) || t == rollout.count - 1 {
        #expect(trace.carry[t] == 0)
        #expect(trace.advantage[t] == trace.delta[t])
        #expect(trace.record(at: t).nextAdvantage == nil)
      } else {
        #expect(trace.carry[t] == 0.99 * 0.95 * trace.advantage[t + 1])
      }
    }
  }

  @Test(arguments: [0.0, 0.3, 0.95, 1.0])
  func lambdaZeroIsTheTDError(gamma: Double) {
    let rollout = randomRollout(count: 500, boundaryRate: 0.05, seed: 3)
    let advantages = GAE.advantages(for: rollout, gamma: gamma, lambda: 0)
    #expect(advantages == Estimators.tdErrors(for: rollout, gamma: gamma))
  }

  @Test(arguments: [0.0, 0.5, 0.99, 1.0])
  func lambdaOneIsTheMonteCarloAdvantage(gamma: Double) {
    let rollout = randomRollout(count: 500, boundaryRate: 0.05, seed: 5)
    let advantages = GAE.advantages(for: rollout, gamma: gamma, lambda: 1)
    #expect(allClose(advantages, Estimators.monteCarloAdvantages(for: rollout, gamma: gamma), tolerance: 1e-10))
  }

  @Test func monteCarloByHand() {
    // Episode 1: t=0,1 terminated at 1. Episode 2: t=2 truncated (final 4). Episode 3: t=3, cut off (V4=10).
    let rollout = makeRollout(
      rewards: [1, 2, 3, 4], values: [0, 0, 0, 0, 10], terminated: [1], truncated: [2], finalValues: [2: 4])
    let returns = Estimators.monteCarloReturns(for: rollout, gamma: 0.5)
    let expected: [Double] = [2, 2, 5, 9]  // 1 + 0.5·2, 2, 3 + 0.5·4, 4 + 0.5·10
    #expect(returns == expected)
  }

  @Test func gammaZeroIsRewardMinusValue() {
    let rollout = randomRollout(count: 300, seed: 8)
    let advantages = GAE.advantages(for: rollout, gamma: 0, lambda: 0.95)
    #expect(advantages == (0..<rollout.count).map { rollout.rewards[$0] - rollout.values[$0] })
  }

  @Test func singleStep() throws {
    let cutOff = try Rollout(rewards: [1], values: [0.5, 2], terminated: [false], truncated: [false])
    #expect(GAE.advantages(for: cutOff, gamma: 0.9, lambda: 0.95) == [1 + 0.9 * 2 - 0.5])
    #expect(GAE.trace(for: cutOff, gamma: 0.9, lambda: 0.95).record(at: 0).boundary == .endOfRollout)
    let ended = try Rollout(rewards: [1], values: [0.5, 2], terminated: [true], truncated: [false])
    #expect(GAE.advantages(for: ended, gamma: 0.9, lambda: 0.95) == [0.5])
  }

  @Test(arguments: [(0.99, 0.95), (0, 0), (1, 1), (0.5, 0.0), (0.0, 1.0), (0.9, 0.7)])
  func matchesTheSeedsReferenceExactly(gamma: Double, lambda: Double) {
    for seed: UInt64 in 1...5 {
      let rollout = randomRollout(count: 10_000, boundaryRate: 0.02, seed: seed)
      let expected = referenceAdvantages(rollout, gamma: gamma, lambda: lambda)
      #expect(bitIdentical(GAE.advantages(for: rollout, gamma: gamma, lambda: lambda), expected))
      #expect(bitIdentical(GAE.trace(for: rollout, gamma: gamma, lambda: lambda).advantage, expected))
    }
  }

  /// Large enough for the fast pass to cut the rollout into chains in lockstep; from every
  /// boundary on each step to episodes of thousands of steps.
  @Test(arguments: [(0.01, UInt64(1)), (0.001, 2), (0.0001, 3), (0.0, 4), (0.3, 5), (1.0, 6)])
  func theLockstepPassMatchesTheReferenceBitForBit(boundaryRate: Double, seed: UInt64) {
    let rollout = randomRollout(count: 120_000, boundaryRate: boundaryRate, seed: seed)
    let cuts = BackwardPass.cuts(rollout)
    #expect(cuts.first?.lowerBound == 0 && cuts.last?.upperBound == rollout.count)
    for (left, right) in zip(cuts, cuts.dropFirst()) {
      #expect(left.upperBound == right.lowerBound)
      #expect(rollout.isEpisodeBoundary(left.upperBound - 1))  // no carry crosses a cut
    }
    #expect(cuts.count == (boundaryRate > 0 ? BackwardPass.lanes : 1))
    for (gamma, lambda) in [(0.99, 0.95), (1.0, 1.0), (0.5, 0.0), (0.0, 0.3)] {
      let expected = referenceAdvantages(rollout, gamma: gamma, lambda: lambda)
      #expect(bitIdentical(GAE.advantages(for: rollout, gamma: gamma, lambda: lambda), expected))
      var trace = GAE.trace(for: rollout, gamma: 0.1, lambda: 0.1)
      trace.recompute(gamma: gamma, lambda: lambda)
      #expect(bitIdentical(trace.advantage, expected))
    }
  }

  /// Where the seed multiplies 0 by the A above a boundary, the cut pass starts from 0: the two
  /// differ only in the sign of a zero, or when that A overflowed to ±∞ (0·∞ is NaN, and the
  /// seed carries the NaN on). The pass repairs the steps below each cut, so even these agree.
  @Test(arguments: [UInt64(1), 2, 3])
  func signedZerosAndOverflowsAgreeWithTheSeedAcrossTheCuts(seed: UInt64) throws {
    let random = randomRollout(count: 80_000, boundaryRate: 0.01, seed: seed)
    let cuts = BackwardPass.cuts(random)
    #expect(cuts.count == BackwardPass.lanes)
    // Below each cut e: δ_{e−1} = −0 + γ·(−0) − (+0) = −0 and A_e < 0, so the seed's
    // δ + 0·A_e is −0 + −0 = −0, where a carry of +0 would give +0.
    var rewards = random.rewards
    var values = random.values
    var terminated = random.terminated
    var truncated = random.truncated
    var finalValues = random.finalValues ?? [Double?](repeating: nil, count: random.count)
    for end in cuts.dropLast().map(\.upperBound) {
      (rewards[end - 1], values[end - 1], values[end]) = (-0.0, 0.0, -0.0)
      (terminated[end - 1], truncated[end - 1], finalValues[end - 1]) = (false, true, nil)
      (rewards[end], values[end + 1]) = (-1000, 0)
    }
    let zeros = try Rollout(
      rewards: rewards, values: values, terminated: terminated, truncated: truncated, finalValues: finalValues)
    #expect(BackwardPass.cuts(zeros) == cuts)
    for (gamma, lambda) in [(0.99, 0.95), (0.5, 0.0), (1.0, 1.0)] {
      let expected = referenceAdvantages(zeros, gamma: gamma, lambda: lambda)
      #expect(cuts.dropLast().allSatisfy { expected[$0.upperBound - 1].bitPattern == (-0.0).bitPattern })
      #expect(bitIdentical(GAE.advantages(for: zeros, gamma: gamma, lambda: lambda), expected))
    }
    // Rewards near the largest Double: A overflows to +∞ within a few steps of every episode's
    // end, so each boundary computes 0·∞ = NaN, and NaN flows down the whole rollout.
    let huge = try Rollout(
      rewards: [Double](repeating: 1e308, count: random.count),
      values: [Double](repeating: 0, count: random.count + 1),
      terminated: random.terminated, truncated: random.truncated)
    let overflowed = referenceAdvantages(huge, gamma: 1, lambda: 1)
    #expect(overflowed.first!.isNaN)
    #expect(bitIdentical(GAE.advantages(for: huge, gamma: 1, lambda: 1), overflowed))
  }

  @Test func derivedColumnsAreWhatThePassComputed() {
    let rollout = randomRollout(count: 20_000, boundaryRate: 0.05, seed: 17)
    let trace = GAE.trace(for: rollout, gamma: 0.97, lambda: 0.9)
    for t in 0..<rollout.count {
      // A_t = δ_t + carry_t exactly, with the same δ and carry the columns show.
      #expect(trace.delta[t] + trace.carry[t] == trace.advantage[t])
    }
    #expect(Array(trace.returns) == (0..<rollout.count).map { trace.advantage[$0] + rollout.values[$0] })
  }

  @Test func inPlaceVariantReusesTheBuffer() {
    let rollout = randomRollout(count: 1_000, seed: 9)
    var buffer: [Double] = []
    GAE.advantages(for: rollout, gamma: 0.99, lambda: 0.95, into: &buffer)
    #expect(buffer == GAE.advantages(for: rollout, gamma: 0.99, lambda: 0.95))
    GAE.advantages(for: rollout, gamma: 0.5, lambda: 0.5, into: &buffer)
    #expect(buffer == GAE.advantages(for: rollout, gamma: 0.5, lambda: 0.5))
  }

  @Test func forwardFormEqualsBackwardPass() {
    let rollout = randomRollout(count: 400, boundaryRate: 0.05, seed: 21)
    let trace = GAE.trace(for: rollout, gamma: 0.97, lambda: 0.9)
    for t in stride(from: 0, to: rollout.count, by: 7) {
      #expect(
        close(
          Estimators.forwardAdvantage(for: rollout, at: t, gamma: 0.97, lambda: 0.9), trace.advantage[t],
          tolerance: 1e-10))
    }
  }

  @Test func lambdaWeightsStopAtTheEpisodeEnd() {
    let rollout = makeRollout(rewards: [0, 0, 0, 0, 0], values: [0, 0, 0, 0, 0, 0], truncated: [2])
    let weights = Estimators.lambdaWeights(for: rollout, at: 0, gamma: 0.5, lambda: 0.5)
    #expect(weights.map(\.t) == [0, 1, 2])
    #expect(weights.map(\.weight) == [1, 0.25, 0.0625])
    #expect(Estimators.effectiveHorizon(gamma: 0.99, lambda: 0.95) > 16.8)
    #expect(Estimators.effectiveHorizon(gamma: 1, lambda: 1) == .infinity)
  }

  @Test func stepRecordsRunBackward() {
    let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)
    let first = trace.step(1)
    #expect(first.t == 11)
    #expect(first.boundary == .endOfRollout)
    #expect(trace.step(12).t == 0)
    #expect(Array(trace.steps.map(\.t)) == Array((0..<12).reversed()))
    let goal = trace.record(at: 4)
    #expect(goal.boundary == .terminated && goal.nextValue == 0 && goal.nextValueSource == .terminal)
    let limit = trace.record(at: 8)
    #expect(limit.boundary == .truncated && limit.nextValue == 0.3 && limit.carry == 0)
    let mid = trace.record(at: 7)
    #expect(mid.nextAdvantage == trace.advantage[8])
    #expect(trace.step(ofTime: 7) == 5 && trace.time(ofStep: 5) == 7)
  }
}
