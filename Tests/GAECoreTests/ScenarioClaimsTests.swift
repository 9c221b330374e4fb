import Foundation
import TestSupport
import Testing

@testable import GAECore

// Every number or fact a bundled scenario's description ("About this scenario") states, computed
// from the file. Each test first checks that the description still says what it tests (a test
// of a sentence that has since been rewritten would pass for nothing), then computes the claim
// with GAECore at the γ and λ the sentence talks about. When a description changes, change its
// tests with it; Scenarios/tools/make_scenarios.py writes the files.

/// A bundled scenario file and what its description commits to.
private struct Bundled {
  let scenario: Scenario

  init(_ file: String) throws {
    scenario = try Scenario.load(path: packageRoot + "/Scenarios/" + file)
  }

  var rollout: Rollout { scenario.rollout }
  var gamma: Double { scenario.gamma ?? Scenario.defaultGamma }
  var lambda: Double { scenario.lambda ?? Scenario.defaultLambda }

  /// The trace at the scenario's own γ and λ unless told otherwise (`0` and `1` are the keys).
  func trace(gamma: Double? = nil, lambda: Double? = nil) -> GAETrace {
    GAE.trace(for: rollout, gamma: gamma ?? self.gamma, lambda: lambda ?? self.lambda)
  }

  func advantages(gamma: Double? = nil, lambda: Double? = nil) -> [Double] {
    GAE.advantages(for: rollout, gamma: gamma ?? self.gamma, lambda: lambda ?? self.lambda)
  }

  /// Fails unless the description still makes this claim, word for word.
  func says(_ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      scenario.description.contains(words), "the description no longer says \"\(words)\": update this test",
      sourceLocation: sourceLocation)
  }
}

/// Whether `x`, printed with as many decimals as `text` shows, reads `text`: "−0.40" covers
/// −0.405 … −0.395. A typographic minus reads as "-".
private func reads(_ x: Double, _ text: String) -> Bool {
  let plain = String(text.map { $0 == "−" ? "-" : $0 })
  guard let value = Double(plain) else { return false }
  let decimals = plain.split(separator: ".").dropFirst().first?.count ?? 0
  var halfUnit = 0.5
  for _ in 0..<decimals { halfUnit /= 10 }
  return abs(x - value) <= halfUnit + 1e-12
}

/// How often neighbouring bars point different ways.
private func signChanges(_ xs: [Double]) -> Int {
  zip(xs, xs.dropFirst()).filter { ($0 > 0) != ($1 > 0) }.count
}

/// The steps of an episode as a rollout of their own, with the values up to the one its last
/// step bootstraps from: GAE on it equals the full pass on those steps exactly when nothing
/// leaks in from the other episodes.
private func alone(_ rollout: Rollout, _ episode: Range<Int>) -> Rollout {
  try! Rollout(
    rewards: Array(rollout.rewards[episode]),
    values: Array(rollout.values[episode.lowerBound...episode.upperBound]),
    terminated: Array(rollout.terminated[episode]), truncated: Array(rollout.truncated[episode]),
    finalValues: rollout.finalValues.map { Array($0[episode]) })
}

private func noAdvantageLeaksBetweenEpisodes(_ rollout: Rollout, gamma: Double, lambda: Double) -> Bool {
  let whole = GAE.advantages(for: rollout, gamma: gamma, lambda: lambda)
  return rollout.episodes.allSatisfy { episode in
    allClose(Array(whole[episode]), GAE.advantages(for: alone(rollout, episode), gamma: gamma, lambda: lambda))
  }
}

private func indices(_ flags: [Bool]) -> [Int] { flags.indices.filter { flags[$0] } }

// MARK: - 00

@Suite("Scenario claims: 00 goal, time limit, and a rollout cut short")
struct DefaultScenarioClaims {
  private let s: Bundled
  init() throws { s = try Bundled("00-default.json") }

  @Test("Three episodes in one rollout of 12 steps")
  func threeEpisodesInOneRolloutOfTwelveSteps() {
    s.says("Three episodes in one rollout of 12 steps.")
    #expect(s.rollout.count == 12)
    #expect(s.rollout.episodes == [0..<5, 5..<9, 9..<12])
  }

  @Test("t=4 reaches the goal: terminated, so the next value is 0")
  func theGoalAtTFourIsTerminatedAndItsNextValueIsZero() {
    s.says("t=4 reaches the goal: terminated, so the next value is 0")
    #expect(s.rollout.label(at: 4) == "goal" && s.rollout.rewards[4] == 1)
    #expect(s.rollout.boundary(at: 4) == .terminated)
    #expect(s.trace().nextValue[4] == 0)
  }

  @Test("t=8 is truncated and bootstraps from the final value 0.3, not from V(s9)")
  func theTimeLimitAtTEightBootstrapsFromItsFinalValue() {
    s.says("t=8 hits a time limit: truncated, so we still bootstrap")
    s.says("(final value 0.3), not from V(s9)")
    #expect(s.rollout.label(at: 8) == "limit" && s.rollout.boundary(at: 8) == .truncated)
    #expect(s.rollout.nextValue(at: 8) == (0.3, .finalValue))
    #expect(s.trace().nextValue[8] == 0.3 && s.rollout.values[9] != 0.3)
  }

  @Test("At both boundaries the carry resets to 0, so no advantage leaks across episodes")
  func theCarryResetsAtBothBoundaries() {
    s.says("At both boundaries the carry γλ·A resets to 0, so no advantage leaks across episodes.")
    let trace = s.trace()
    #expect(trace.carry[4] == 0 && trace.carry[8] == 0)
    #expect(noAdvantageLeaksBetweenEpisodes(s.rollout, gamma: s.gamma, lambda: s.lambda))
  }

  @Test("t=11 is where the rollout stops mid-episode: it bootstraps from V(s12)")
  func theLastStepBootstrapsFromTheLastValue() {
    s.says("t=11 is where the rollout stops mid-episode: it bootstraps from V(s12).")
    #expect(s.rollout.boundary(at: 11) == .endOfRollout)
    #expect(s.rollout.nextValue(at: 11) == (s.rollout.values[12], .nextValue))
  }

  @Test("The labels are true: a coin pays, the trap costs, every episode has a start")
  func labelsAreTrue() {
    let rollout = s.rollout
    for t in 0..<rollout.count {
      switch rollout.label(at: t) {
      case "start": #expect(rollout.episodes.contains { $0.lowerBound == t })
      case "coin": #expect(rollout.rewards[t] > 0 && !rollout.isEpisodeBoundary(t))
      case "trap": #expect(rollout.rewards[t] < 0)
      case "goal": #expect(rollout.terminated[t] && rollout.rewards[t] > 0)
      case "limit": #expect(rollout.truncated[t])
      default: #expect(rollout.label(at: t).isEmpty)
      }
    }
  }
}

// MARK: - 01

@Suite("Scenario claims: 01 sparse reward at the goal")
struct SparseGoalClaims {
  private let s: Bundled
  init() throws { s = try Bundled("01-sparse-goal.json") }

  /// The true values: the goal's +1 discounted back, γ^(9−t).
  private var trueValues: [Double] { Estimators.monteCarloReturns(for: s.rollout, gamma: s.gamma) }

  @Test("A grows toward the start")
  func advantageGrowsTowardTheStart() {
    s.says("A grows toward the start")
    let a = s.advantages()
    #expect((0..<9).allSatisfy { a[$0] > a[$0 + 1] })
  }

  @Test("Each A_t sums the TD errors ahead")
  func eachAdvantageSumsTheTDErrorsAhead() {
    s.says("each A_t sums the TD errors ahead")
    let a = s.advantages()
    for t in 0..<s.rollout.count {
      #expect(close(a[t], Estimators.forwardAdvantage(for: s.rollout, at: t, gamma: s.gamma, lambda: s.lambda)))
    }
  }

  @Test("The critic is most wrong early")
  func theCriticIsMostWrongEarly() {
    s.says("the critic is most wrong early")
    let error = (0..<10).map { trueValues[$0] - s.rollout.values[$0] }
    #expect((0..<9).allSatisfy { error[$0] > error[$0 + 1] })
  }

  @Test("Nine steps of nothing, then +1 at the goal (terminated)")
  func nineStepsOfNothingThenPlusOneAtTheGoal() {
    s.says("Nine steps of nothing, then +1 at the goal (terminated)")
    #expect(s.rollout.rewards == Array(repeating: 0, count: 9) + [1])
    #expect(indices(s.rollout.terminated) == [9] && indices(s.rollout.truncated).isEmpty)
  }

  @Test("A is 0.27 at the goal and 0.62 at t=0")
  func advantageIsPointTwoSevenAtTheGoalAndPointSixTwoAtTheStart() {
    s.says("A is 0.27 there and 0.62 at t=0")
    let a = s.advantages()
    #expect(reads(a[9], "0.27") && reads(a[0], "0.62"))
  }

  @Test("V rises from 0.10 to 0.73, but the true values γ^(9−t) are 0.91 to 1")
  func valuesRiseButStayBelowTheTrueValues() {
    s.says("V rises from 0.10 to 0.73, but the true values γ^(9−t) are 0.91 to 1")
    let v = s.rollout.values
    #expect((0..<9).allSatisfy { v[$0] < v[$0 + 1] })
    #expect(reads(v[0], "0.10") && reads(v[9], "0.73"))
    for t in 0..<10 {
      var power = 1.0
      for _ in t..<9 { power *= s.gamma }
      #expect(close(trueValues[t], power))
      #expect(v[t] < trueValues[t])
    }
    #expect(reads(trueValues[0], "0.91") && trueValues[9] == 1)
  }

  @Test("Press 0: A_t = δ_t, 0.06–0.07 on every step but the goal's 0.27")
  func atLambdaZeroEachStepSeesOnlyItsSmallTDError() {
    s.says("Press 0: A_t = δ_t, 0.06–0.07 on every step but the goal's 0.27")
    let a = s.advantages(lambda: 0)
    #expect(a == GAE.deltas(for: s.rollout, gamma: s.gamma))
    #expect((0..<9).allSatisfy { a[$0] >= 0.055 && a[$0] < 0.075 })
    #expect(reads(a[9], "0.27"))
  }

  @Test("Press 0: the start hardly looks undervalued")
  func atLambdaZeroTheStartHardlyLooksUndervalued() {
    s.says("so the start hardly looks undervalued")
    let criticError = trueValues[0] - s.rollout.values[0]
    #expect(s.advantages(lambda: 0)[0] < criticError / 10)
  }

  @Test("Press 1: A_t = G_t − V(s_t), the critic's whole error: 0.81 at t=0")
  func atLambdaOneTheAdvantageIsTheCriticsWholeError() {
    s.says("Press 1: A_t = G_t − V(s_t), the critic's whole error: 0.81 at t=0")
    let a = s.advantages(lambda: 1)
    #expect(allClose(a, Estimators.monteCarloAdvantages(for: s.rollout, gamma: s.gamma)))
    #expect(allClose(a, (0..<10).map { trueValues[$0] - s.rollout.values[$0] }))
    #expect(reads(a[0], "0.81"))
  }

  @Test("The goal's own δ shrinks by γλ per step (0.16 of A0); the small δs it passes add up to more")
  func theGoalsOwnShareShrinksButTheSmallDeltasAddUpToMore() {
    s.says("The goal's own δ does shrink by γλ per step on its way back (0.16 of A0)")
    s.says("the small δs it passes add up to more")
    let weights = Estimators.lambdaWeights(for: s.rollout, at: 0, gamma: s.gamma, lambda: s.lambda)
    #expect(weights.last?.t == 9)
    #expect(zip(weights, weights.dropFirst()).allSatisfy { close($1.weight, $0.weight * s.gamma * s.lambda) })
    let goalShare = weights.last!.weight * GAE.deltas(for: s.rollout, gamma: s.gamma)[9]
    let a0 = s.advantages()[0]
    #expect(reads(goalShare, "0.16"))
    #expect(a0 - goalShare > goalShare)
  }

  @Test("The labels are true: start at t=0, goal at the terminated step")
  func labelsAreTrue() {
    #expect(s.rollout.label(at: 0) == "start")
    #expect(s.rollout.label(at: 9) == "goal" && s.rollout.terminated[9])
    #expect((1..<9).allSatisfy { s.rollout.label(at: $0).isEmpty })
  }
}

// MARK: - 02

@Suite("Scenario claims: 02 dense rewards, two time-limited episodes")
struct DenseRewardsClaims {
  private let s: Bundled
  init() throws { s = try Bundled("02-dense-rewards.json") }

  @Test("Both episodes end at a time limit (truncated)")
  func bothEpisodesEndAtATimeLimit() {
    s.says("Both episodes end at a time limit (truncated)")
    #expect(s.rollout.episodes == [0..<8, 8..<16])
    #expect(indices(s.rollout.truncated) == [7, 15] && indices(s.rollout.terminated).isEmpty)
  }

  @Test("The cut-off steps still bootstrap, from their final values, not the next episode's first state")
  func theCutOffStepsStillBootstrapFromTheirFinalValues() {
    s.says("the cut-off steps still bootstrap")
    s.says("Each cut-off step bootstraps from its final value")
    s.says("not from V of the next episode's first state")
    let trace = s.trace()
    for t in [7, 15] {
      #expect(s.rollout.nextValue(at: t).source == .finalValue)
      #expect(trace.nextValue[t] == s.rollout.finalValues?[t] && trace.nextValue[t] != s.rollout.values[t + 1])
    }
  }

  @Test("A7 = −0.23 and A15 = +0.59")
  func theCutOffAdvantages() {
    s.says("A7 = −0.23 and A15 = +0.59")
    let a = s.advantages()
    #expect(reads(a[7], "−0.23") && reads(a[15], "+0.59"))
  }

  @Test("A7 and A15 stay ordinary: in line with the other steps")
  func theCutOffAdvantagesAreInLineWithTheOtherSteps() {
    s.says("A7 and A15 stay ordinary")
    s.says("in line with the other steps")
    let a = s.advantages()
    let others = a.indices.filter { $0 != 7 && $0 != 15 }.map { a[$0] }
    for t in [7, 15] { #expect(a[t] >= others.min()! && a[t] <= others.max()!) }
  }

  @Test("Not r − V ≈ −9 as if the walker had fallen")
  func treatedAsFallsTheyWouldBeAboutMinusNine() throws {
    s.says("not r − V ≈ −9 as if the walker had fallen")
    let fallen = try Rollout(
      rewards: s.rollout.rewards, values: s.rollout.values, terminated: s.rollout.truncated,
      truncated: Array(repeating: false, count: s.rollout.count))
    let a = GAE.advantages(for: fallen, gamma: s.gamma, lambda: s.lambda)
    for t in [7, 15] {
      #expect(a[t] == s.rollout.rewards[t] - s.rollout.values[t])
      #expect(reads(a[t], "−9"))
    }
  }

  @Test("A reward of about +1 every step")
  func aRewardOfAboutOneEveryStep() {
    s.says("A reward of about +1 every step")
    let rewards = s.rollout.rewards
    #expect(rewards.allSatisfy { $0 > 0 && $0 < 2 })
    #expect(reads(rewards.reduce(0, +) / Double(rewards.count), "1.0"))
  }

  @Test("γ=0.9, so V is about 10")
  func valuesAreAboutTen() {
    s.says("γ=0.9, so V is about 10")
    #expect(s.gamma == 0.9)
    #expect(reads(1 / (1 - s.gamma), "10"))
    #expect(s.rollout.values.allSatisfy { abs($0 - 10) <= 1.5 })
  }

  @Test("The labels are true: walk at each start, limit at each truncation")
  func labelsAreTrue() {
    for episode in s.rollout.episodes {
      #expect(s.rollout.label(at: episode.lowerBound) == "walk")
      #expect(s.rollout.label(at: episode.upperBound - 1) == "limit")
    }
  }
}

// MARK: - 03

@Suite("Scenario claims: 03 termination vs truncation")
struct TerminationVersusTruncationClaims {
  private let s: Bundled
  init() throws { s = try Bundled("03-termination-vs-truncation.json") }

  @Test("Same five steps, two endings")
  func sameFiveStepsTwoEndings() {
    s.says("Same five steps, two endings")
    let r = s.rollout
    #expect(r.episodes == [0..<5, 5..<10])
    #expect(Array(r.rewards[0..<5]) == Array(r.rewards[5..<10]))
    #expect(Array(r.values[0..<5]) == Array(r.values[5..<10]))
    #expect(indices(r.terminated) == [4] && indices(r.truncated) == [9])
  }

  @Test("Terminated gives A4 = −0.50, truncated A9 = −0.005")
  func theTwoEndingsAdvantages() {
    s.says("terminated gives A4 = −0.50, truncated A9 = −0.005")
    let a = s.advantages()
    #expect(reads(a[4], "−0.50") && reads(a[9], "−0.005"))
  }

  @Test("The terminal state's next value is 0; the truncated one bootstraps from the final value 0.5")
  func terminationGivesZeroTruncationTheFinalValue() {
    s.says("so its next value is 0")
    s.says("so it bootstraps from the final value 0.5")
    #expect(s.rollout.nextValue(at: 4) == (0, .terminal))
    #expect(s.rollout.nextValue(at: 9) == (0.5, .finalValue))
  }

  @Test("The gap flows back through each episode, shrinking by γλ per step")
  func theGapShrinksByGammaLambdaPerStep() {
    s.says("The gap flows back through each episode, shrinking by γλ per step")
    let a = s.advantages()
    let gap = a[4] - a[9]
    var expected = gap
    for k in stride(from: 4, through: 0, by: -1) {
      #expect(close(a[k] - a[k + 5], expected))
      expected *= s.gamma * s.lambda
    }
  }

  @Test("A0..A3 are negative, A5..A7 positive")
  func theFirstEpisodeIsNegativeTheSecondPositive() {
    s.says("A0..A3 are negative, A5..A7 positive")
    let a = s.advantages()
    #expect((0...3).allSatisfy { a[$0] < 0 })
    #expect((5...7).allSatisfy { a[$0] > 0 })
  }

  @Test("Both ends reset the carry, so nothing leaks into the other episode")
  func bothEndsResetTheCarry() {
    s.says("Both ends reset the carry, so nothing leaks into the other episode")
    let trace = s.trace()
    #expect(trace.carry[4] == 0 && trace.carry[9] == 0)
    for lambda in [0, s.lambda, 1] {
      #expect(noAdvantageLeaksBetweenEpisodes(s.rollout, gamma: s.gamma, lambda: lambda))
    }
  }

  @Test("Press 0 and 1: A4 and A9 stay put, the steps before them move")
  func lambdaMovesEveryStepButTheEndings() {
    s.says("Press 0 and 1: A4 and A9 stay put, the steps before them move")
    let (td, mc, own) = (s.advantages(lambda: 0), s.advantages(lambda: 1), s.advantages())
    for t in [4, 9] { #expect(td[t] == own[t] && mc[t] == own[t]) }
    for t in [0, 1, 2, 3, 5, 6, 7, 8] { #expect(abs(td[t] - mc[t]) > 0.001) }
  }

  @Test("The labels are true: start, end at the termination, limit at the truncation")
  func labelsAreTrue() {
    #expect(s.rollout.label(at: 0) == "start" && s.rollout.label(at: 5) == "start")
    #expect(s.rollout.label(at: 4) == "end" && s.rollout.label(at: 9) == "limit")
  }
}

// MARK: - 04

@Suite("Scenario claims: 04 one rollout, four episodes")
struct MultiEpisodeClaims {
  private let s: Bundled
  init() throws { s = try Bundled("04-multi-episode.json") }

  @Test("The carry resets to 0 at every episode boundary: no advantage leaks between episodes")
  func theCarryResetsAtEveryBoundaryAndNothingLeaks() {
    s.says("The carry resets to 0 at every episode boundary: no advantage leaks between episodes.")
    for lambda in [0, s.lambda, 1] {
      let trace = s.trace(lambda: lambda)
      for t in 0..<s.rollout.count where s.rollout.isEpisodeBoundary(t) {
        #expect(trace.carry[t] == 0 && trace.advantage[t] == trace.delta[t])
      }
      #expect(noAdvantageLeaksBetweenEpisodes(s.rollout, gamma: s.gamma, lambda: lambda))
    }
  }

  @Test("Four episodes of 5, 7, 3 and 6 steps share one buffer")
  func fourEpisodesOfFiveSevenThreeAndSixSteps() {
    s.says("four episodes of 5, 7, 3 and 6 steps share one")
    #expect(s.rollout.episodes.map(\.count) == [5, 7, 3, 6])
  }

  @Test("Two terminate (t=4, t=14), one is truncated (t=11, final value 0.09)")
  func twoTerminateOneIsTruncated() {
    s.says("Two terminate (t=4, t=14), one is truncated (t=11, final value 0.09)")
    #expect(indices(s.rollout.terminated) == [4, 14])
    #expect(indices(s.rollout.truncated) == [11])
    #expect(s.rollout.nextValue(at: 11).source == .finalValue)
    #expect(reads(s.rollout.nextValue(at: 11).value, "0.09"))
  }

  @Test("The last is cut off when the buffer is full: it bootstraps from V(s21) = 0.30")
  func theLastEpisodeBootstrapsFromTheLastValue() {
    s.says("the last is cut off when the buffer is full: it bootstraps from V(s21) = 0.30")
    #expect(s.rollout.count == 21 && s.rollout.boundary(at: 20) == .endOfRollout)
    #expect(s.rollout.nextValue(at: 20) == (s.rollout.values[21], .nextValue))
    #expect(reads(s.rollout.values[21], "0.30"))
  }

  @Test("The carry row says reset at t=14, 11 and 4")
  func theCarryRowSaysResetAtTheThreeBoundaries() {
    s.says("watch the carry row say reset at t=14, 11 and 4")
    // The timeline writes "reset" in the carry row at exactly the terminated and truncated steps.
    #expect((0..<s.rollout.count).filter(s.rollout.isEpisodeBoundary) == [4, 11, 14])
  }

  @Test("The labels are true: start at each episode's first step, end or limit at its last")
  func labelsAreTrue() {
    let r = s.rollout
    for episode in r.episodes {
      #expect(r.label(at: episode.lowerBound) == "start")
      let last = episode.upperBound - 1
      let expected = r.terminated[last] ? "end" : r.truncated[last] ? "limit" : ""
      #expect(r.label(at: last) == expected)
    }
  }
}

// MARK: - 05

@Suite("Scenario claims: 05 a biased critic")
struct BiasedCriticClaims {
  private let s: Bundled
  init() throws { s = try Bundled("05-biased-critic.json") }

  /// V of a critic that knows the corridor: γ^(9−t).
  private var trueValues: [Double] { Estimators.monteCarloReturns(for: s.rollout, gamma: s.gamma) }

  @Test("Every true advantage here is 0")
  func everyTrueAdvantageIsZero() throws {
    s.says("Every true advantage here is 0")
    let knowing = try Rollout(
      rewards: s.rollout.rewards, values: trueValues + [0], terminated: s.rollout.terminated,
      truncated: s.rollout.truncated)
    for lambda in [0, s.lambda, 1] {
      #expect(GAE.advantages(for: knowing, gamma: s.gamma, lambda: lambda).allSatisfy { abs($0) < 1e-12 })
    }
  }

  @Test("λ=0 gives A4 = −0.40: it trusts the critic's wrong V(s5)")
  func atLambdaZeroAFourIsMinusPointFour() {
    s.says("yet λ=0 gives A4 = −0.40: it trusts the critic's wrong V(s5)")
    #expect(reads(s.advantages(lambda: 0)[4], "−0.40"))
    // With the true V(s5) the same step is worth nothing: the −0.40 is the critic's.
    #expect(abs(s.rollout.rewards[4] + s.gamma * trueValues[5] - s.rollout.values[4]) < 1e-4)
  }

  @Test("A deterministic corridor with +1 at the end (terminated)")
  func aCorridorWithPlusOneAtTheEnd() {
    s.says("A deterministic corridor with +1 at the end (terminated)")
    #expect(s.rollout.rewards == Array(repeating: 0, count: 9) + [1])
    #expect(indices(s.rollout.terminated) == [9] && indices(s.rollout.truncated).isEmpty)
  }

  @Test("The critic is right about s0..s4 but 0.4 too pessimistic from s5 on")
  func theCriticIsRightEarlyAndPessimisticLate() {
    s.says("The critic is right about s0..s4 but 0.4 too pessimistic from s5 on")
    for t in 0..<5 { #expect(abs(s.rollout.values[t] - trueValues[t]) < 1e-4) }
    for t in 5..<10 { #expect(abs(s.rollout.values[t] - (trueValues[t] - 0.4)) < 1e-4) }
  }

  @Test("Press 0: A4 = δ4 = γ·V(s5) − V(s4) blames a perfectly good action")
  func atLambdaZeroAFourIsTheTDErrorOnTheWrongValue() {
    s.says("Press 0: A4 = δ4 = γ·V(s5) − V(s4) blames a perfectly good action")
    let a4 = s.advantages(lambda: 0)[4]
    #expect(s.rollout.rewards[4] == 0)
    #expect(a4 == GAE.deltas(for: s.rollout, gamma: s.gamma)[4])
    #expect(close(a4, s.gamma * s.rollout.values[5] - s.rollout.values[4]))
    #expect(a4 < 0)
  }

  @Test("Press 1: A0..A4 are 0.00, and A5..A9 are +0.40, biased only by their own V(s_t)")
  func atLambdaOneOnlyTheirOwnValueBiasesThem() {
    s.says("Press 1: A0..A4 use the real rewards and are 0.00, and A5..A9 are +0.40")
    s.says("biased only by their own V(s_t)")
    let a = s.advantages(lambda: 1)
    #expect((0..<5).allSatisfy { reads(a[$0], "0.00") })
    #expect((5..<10).allSatisfy { reads(a[$0], "+0.40") })
    #expect(allClose(a, (0..<10).map { trueValues[$0] - s.rollout.values[$0] }))
  }

  @Test("At λ=0.95 the blame is spread thin: A0..A4 are −0.07 to −0.09")
  func atTheScenariosLambdaTheBlameIsSpreadThin() {
    s.says("At λ=0.95 the blame is spread thin: A0..A4 are −0.07 to −0.09")
    #expect(s.lambda == 0.95)
    let a = s.advantages()
    #expect((0..<5).allSatisfy { a[$0] >= -0.095 && a[$0] < -0.065 })
  }

  @Test("The labels are true: biased at the first wrong value, goal at the end")
  func labelsAreTrue() {
    #expect(s.rollout.label(at: 5) == "biased")
    #expect(abs(s.rollout.values[4] - trueValues[4]) < 1e-4 && s.rollout.values[5] < trueValues[5] - 0.3)
    #expect(s.rollout.label(at: 9) == "goal" && s.rollout.terminated[9] && s.rollout.rewards[9] == 1)
  }
}

// MARK: - 06

@Suite("Scenario claims: 06 noisy rewards")
struct NoisyRewardsClaims {
  private let s: Bundled
  init() throws { s = try Bundled("06-noisy-rewards.json") }

  private let mean = 0.1
  /// What each reward is beyond its expected 0.1.
  private var noise: [Double] { s.rollout.rewards.map { $0 - mean } }

  private func meanSquare(_ xs: [Double]) -> Double { xs.map { $0 * $0 }.reduce(0, +) / Double(xs.count) }

  @Test("Every true advantage here is 0: the critic is exact, so every TD error is pure noise")
  func everyTrueAdvantageIsZero() {
    s.says("Every true advantage here is 0")
    s.says("the critic is exact")
    let count = s.rollout.count
    for t in 0...count {
      var expected = 0.0
      var discount = 1.0
      for _ in t..<count {
        expected += discount * mean
        discount *= s.gamma
      }
      #expect(abs(s.rollout.values[t] - expected) < 1e-4)
    }
    // δ_t = r_t − 0.1: zero on average whatever the action, so every A_t is 0 on average too.
    #expect(allClose(GAE.deltas(for: s.rollout, gamma: s.gamma), noise, tolerance: 1e-3))
  }

  @Test("Rewards are 0.1 plus unit Gaussian noise")
  func rewardsLookLikePointOnePlusUnitNoise() {
    s.says("Rewards are 0.1 plus unit Gaussian noise")
    let count = Double(s.rollout.count)
    let sampleMean = s.rollout.rewards.reduce(0, +) / count
    let sampleVariance = s.rollout.rewards.map { ($0 - sampleMean) * ($0 - sampleMean) }.reduce(0, +) / (count - 1)
    #expect(abs(sampleMean - mean) < 3 / count.squareRoot())  // three standard errors
    #expect(sampleVariance > 0.5 && sampleVariance < 1.5)
  }

  @Test("λ near 1 sums the noise of every later reward into A_t")
  func atLambdaOneEachAdvantageSumsTheLaterNoise() {
    s.says("λ near 1 sums the noise of every later reward into A_t")
    let a = s.advantages(lambda: 1)
    for t in 0..<s.rollout.count {
      var sum = 0.0
      var discount = 1.0
      for u in t..<s.rollout.count {
        sum += discount * noise[u]
        discount *= s.gamma
      }
      #expect(abs(a[t] - sum) < 1e-3)
    }
  }

  @Test("|A| reaches 5.0 at λ=0.95 and 5.5 at λ=1, but only 2.6 at λ=0")
  func theLargestAdvantage() {
    s.says("|A| reaches 5.0 at λ=0.95 and 5.5 at λ=1, but only 2.6 at λ=0")
    func largest(_ lambda: Double) -> Double { s.advantages(lambda: lambda).map(abs).max()! }
    #expect(s.lambda == 0.95)
    #expect(reads(largest(0.95), "5.0") && reads(largest(1), "5.5") && reads(largest(0), "2.6"))
  }

  @Test("Press 0: each A_t holds one reward's noise, and the bars flip sign 14 times")
  func atLambdaZeroEachAdvantageIsOneRewardsNoise() {
    s.says("Press 0: each A_t holds one reward's noise, r_t − 0.1, and the bars flip sign from step to step (14 times)")
    let a = s.advantages(lambda: 0)
    #expect(allClose(a, noise, tolerance: 1e-3))
    #expect(signChanges(a) == 14)
  }

  @Test("Press 1: they flip twice; A > 0 for t=0..16")
  func atLambdaOneOneLuckyStretchLiftsEveryStepBeforeIt() {
    s.says("Press 1: they flip twice: one lucky stretch lifts every step before it (A > 0 for t=0..16)")
    let a = s.advantages(lambda: 1)
    #expect(signChanges(a) == 2)
    #expect((0...16).allSatisfy { a[$0] > 0 } && a[17] < 0)
  }

  @Test("The mean A_t² is 1.2 at λ=0, 5.8 at λ=0.95, 7.1 at λ=1")
  func theMeanSquaredAdvantage() {
    s.says("the mean A_t² is 1.2 at λ=0, 5.8 at λ=0.95, 7.1 at λ=1")
    #expect(reads(meanSquare(s.advantages(lambda: 0)), "1.2"))
    #expect(reads(meanSquare(s.advantages(lambda: 0.95)), "5.8"))
    #expect(reads(meanSquare(s.advantages(lambda: 1)), "7.1"))
  }
}

// MARK: - 07

@Suite("Scenario claims: 07 long horizon")
struct LongHorizonClaims {
  private let s: Bundled
  init() throws { s = try Bundled("07-long-horizon.json") }

  private func power(_ base: Double, _ exponent: Int) -> Double {
    (0..<exponent).reduce(1) { product, _ in product * base }
  }

  @Test("300 steps, one reward of +1 at the very end, and an untrained critic (V = 0 everywhere)")
  func threeHundredStepsOneRewardAndAnUntrainedCritic() {
    s.says("300 steps, one reward of +1 at the very end, and an untrained critic (V = 0 everywhere).")
    #expect(s.rollout.count == 300)
    #expect(s.rollout.rewards == Array(repeating: 0, count: 299) + [1])
    #expect(s.rollout.values.allSatisfy { $0 == 0 })
    #expect(indices(s.rollout.terminated) == [299] && indices(s.rollout.truncated).isEmpty)
  }

  @Test("A_t = (γλ)^(299−t): the credit fades by γλ per step")
  func theAdvantageIsGammaLambdaToTheStepsLeft() {
    s.says("A_t = (γλ)^(299−t): the credit fades by γλ per step")
    for (gamma, lambda) in [(s.gamma, s.lambda), (s.gamma, 1), (0.9, 0.5), (1, 1)] {
      let a = s.advantages(gamma: gamma, lambda: lambda)
      for t in 0..<300 { #expect(close(a[t], power(gamma * lambda, 299 - t))) }
    }
  }

  @Test("Falling to 36–37% after the effective horizon: 16.8 at γ=0.99, λ=0.95; 100 at λ=1")
  func afterTheEffectiveHorizonAboutAThirdIsLeft() {
    s.says("falling to 36–37% after the effective horizon 1/(1−γλ) steps (16.8 at γ=0.99, λ=0.95; 100 at λ=1)")
    #expect(s.gamma == 0.99 && s.lambda == 0.95)
    for (lambda, horizon) in [(s.lambda, "16.8"), (1, "100")] {
      let steps = Estimators.effectiveHorizon(gamma: s.gamma, lambda: lambda)
      #expect(reads(steps, horizon))
      // The credit left that many steps back from the reward, between the steps either side.
      let left = pow(s.gamma * lambda, steps)
      #expect(left >= 0.355 && left < 0.375)
      let a = s.advantages(lambda: lambda)
      let whole = Int(steps)
      #expect(a[299 - whole] >= left && a[299 - whole - 1] <= left)
    }
  }

  @Test("Press 1, or raise γ or λ, and it reaches further back")
  func raisingGammaOrLambdaReachesFurtherBack() {
    s.says("Press 1, or raise γ or λ (Tab picks one, ↑ raises it), and watch it reach further back")
    let own = s.advantages()
    for other in [s.advantages(lambda: 1), s.advantages(lambda: s.lambda + 0.01), s.advantages(gamma: s.gamma + 0.01)] {
      #expect((0..<299).allSatisfy { other[$0] > own[$0] })
    }
  }

  @Test("Press 0 and only t=299 gets any")
  func atLambdaZeroOnlyTheLastStepGetsCredit() {
    s.says("press 0 and only t=299 gets any")
    let a = s.advantages(lambda: 0)
    #expect(a[299] == 1 && a[0..<299].allSatisfy { $0 == 0 })
  }
}

// MARK: - 08

@Suite("Scenario claims: 08 CartPole")
struct CartPoleClaims {
  private let s: Bundled
  init() throws { s = try Bundled("08-cartpole.json") }

  @Test("A CartPole rollout of 120 steps: +1 per step alive")
  func oneHundredTwentyStepsOfPlusOne() {
    s.says("rollout of 120 steps: +1 per step alive")
    #expect(s.rollout.count == 120 && s.rollout.rewards.allSatisfy { $0 == 1 })
  }

  @Test("Episodes end when the pole falls (terminated) or at the 40-step limit (truncated)")
  func episodesEndAtAFallOrAtTheFortyStepLimit() {
    s.says("episodes end when the pole falls (terminated) or at the 40-step limit (truncated)")
    let r = s.rollout
    #expect(!indices(r.terminated).isEmpty && !indices(r.truncated).isEmpty)
    for episode in r.episodes {
      let last = episode.upperBound - 1
      if r.truncated[last] { #expect(episode.count == 40) }
      #expect(episode.count <= 40)
    }
  }

  @Test("At a fall the next value is 0; at the limit we bootstrap from the final observation's value")
  func fallsDoNotBootstrapTheLimitBootstrapsFromTheFinalObservation() {
    s.says("At a fall the next value is 0; at the limit we bootstrap from the final observation's value")
    s.says("not the reset state's")
    let trace = s.trace()
    for t in indices(s.rollout.terminated) { #expect(trace.nextValue[t] == 0) }
    for t in indices(s.rollout.truncated) {
      #expect(s.rollout.nextValue(at: t).source == .finalValue)
      #expect(trace.nextValue[t] != s.rollout.values[t + 1])
    }
  }

  @Test("The labels are true: start, fell at each fall, limit at the time limit")
  func labelsAreTrue() {
    let r = s.rollout
    for episode in r.episodes {
      #expect(r.label(at: episode.lowerBound) == "start")
      let last = episode.upperBound - 1
      #expect(r.label(at: last) == (r.terminated[last] ? "fell" : r.truncated[last] ? "limit" : ""))
    }
  }
}

// MARK: - 09

@Suite("Scenario claims: 09 gridworld from CSV")
struct GridworldClaims {
  private let s: Bundled
  init() throws { s = try Bundled("09-gridworld.csv") }

  @Test("One row per step, the bootstrap value alone on the last row")
  func oneRowPerStepAndTheBootstrapValueAlone() throws {
    s.says("one row per step, the bootstrap value alone on the last row")
    let text = String(decoding: try Scenario.readFile(path: packageRoot + "/Scenarios/09-gridworld.csv"), as: UTF8.self)
    let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()  // the header
    #expect(rows.count == s.rollout.count + 1)
    let last = rows.last!.split(separator: ",", omittingEmptySubsequences: false)
    #expect(last.first == "" && Double(String(last[1])) == s.rollout.values.last)
    #expect(last.dropFirst(2).allSatisfy { $0.isEmpty })
  }

  @Test("A wall bump costs 0.1; the goal pays 1 (t=4, terminated)")
  func aWallBumpCostsAndTheGoalPays() {
    s.says("A wall bump costs 0.1; the goal pays 1 (t=4, terminated)")
    let r = s.rollout
    for t in 0..<r.count {
      #expect((r.label(at: t) == "wall") == (r.rewards[t] == -0.1))
    }
    #expect(r.rewards[4] == 1 && r.terminated[4] && r.label(at: 4) == "goal")
    #expect(r.rewards.filter { $0 > 0 } == [1])
  }

  @Test("At t=7 time runs out (truncated): bootstrap from the final value 0.35, not the next row's 0.2")
  func theTimeLimitBootstrapsFromTheFinalValueColumn() {
    s.says(
      "At t=7 time runs out (truncated): the final_value column gives 0.35 to bootstrap from, not the next row's 0.2")
    #expect(s.rollout.truncated[7] && s.rollout.label(at: 7) == "limit")
    #expect(s.rollout.nextValue(at: 7) == (0.35, .finalValue))
    #expect(s.rollout.values[8] == 0.2)
  }

  @Test("The labels are true: start at each episode's first step")
  func labelsAreTrue() {
    for episode in s.rollout.episodes { #expect(s.rollout.label(at: episode.lowerBound) == "start") }
  }
}
