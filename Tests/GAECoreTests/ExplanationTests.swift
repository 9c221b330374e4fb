import TestSupport
import Testing

@testable import GAECore

@Suite("A_t taken apart: terms, n-step advantages, sensitivities, targets")
struct ExplanationTests {
  static let cases: [(gamma: Double, lambda: Double)] = [
    (0.99, 0.95), (0.9, 0.5), (0.97, 0), (0.99, 1), (1, 1), (0.5, 0.3),
  ]

  func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
  }

  /// Σ terms = A_t and Σ w·Â⁽ⁿ⁾ = A_t, at every t of random rollouts with both kinds of end.
  @Test(arguments: cases.indices)
  func bothViewsAddUpToTheBackwardPass(index: Int) {
    let (gamma, lambda) = Self.cases[index]
    for seed in 0..<20 {
      let rollout = randomRollout(count: 60, boundaryRate: 0.1, seed: UInt64(seed))
      let trace = GAE.trace(for: rollout, gamma: gamma, lambda: lambda)
      for t in 0..<rollout.count {
        let explanation = Explanation(trace: trace, t: t)
        #expect(explanation.terms.count == rollout.episode(containing: t).upperBound - t)
        #expect(explanation.nStep.count == explanation.terms.count)
        #expect(close(explanation.sumOfTerms, trace.advantage[t]), "terms at t=\(t)")
        #expect(close(explanation.weightedNStep, trace.advantage[t]), "n-step at t=\(t)")
        #expect(close(explanation.nStep.reduce(0) { $0 + $1.weight }, 1))
      }
    }
  }

  /// λ = 0: A_t is δ_t, the one-step advantage has all the weight; λ = 1: the last n-step
  /// advantage is the Monte-Carlo advantage and has all the weight.
  @Test func theTwoEndsOfTheDial() {
    let rollout = randomRollout(count: 80, boundaryRate: 0.08, seed: 7)
    let td = GAE.trace(for: rollout, gamma: 0.97, lambda: 0)
    let mc = GAE.trace(for: rollout, gamma: 0.97, lambda: 1)
    let monteCarlo = Estimators.monteCarloAdvantages(for: rollout, gamma: 0.97)
    for t in 0..<rollout.count {
      let zero = Explanation(trace: td, t: t)
      #expect(zero.nStep[0].weight == 1 && zero.nStep.dropFirst().allSatisfy { $0.weight == 0 })
      #expect(close(zero.nStep[0].advantage, td.delta[t]))
      let one = Explanation(trace: mc, t: t)
      #expect(one.nStep.last!.weight == 1 && one.nStep.dropLast().allSatisfy { $0.weight == 0 })
      #expect(close(one.nStep.last!.advantage, monteCarlo[t]))
    }
  }

  /// The n-step advantages straight from their definition, independently of δ.
  @Test func nStepAdvantagesFromTheirDefinition() {
    let rollout = randomRollout(count: 40, boundaryRate: 0.1, seed: 3)
    let gamma = 0.9
    let trace = GAE.trace(for: rollout, gamma: gamma, lambda: 0.8)
    for t in 0..<rollout.count {
      let explanation = Explanation(trace: trace, t: t)
      for step in explanation.nStep {
        var sum = 0.0
        var power = 1.0
        for k in 0..<step.n {
          sum += power * rollout.rewards[t + k]
          power *= gamma
        }
        let last = t + step.n - 1
        sum += power * rollout.nextValue(at: last).value - rollout.values[t]
        #expect(close(step.advantage, sum))
      }
    }
  }

  @Test func aLimitKeepsTheListsShortForLongEpisodes() {
    let count = 100_000
    let rollout = try! Rollout(
      rewards: Array(repeating: 1, count: count), values: Array(repeating: 0, count: count + 1),
      terminated: Array(repeating: false, count: count), truncated: Array(repeating: false, count: count))
    let trace = GAE.trace(for: rollout, gamma: 0.99, lambda: 0.95)
    let explanation = Explanation(trace: trace, t: 0, limit: 30)
    #expect(explanation.terms.count == 30 && explanation.remaining == count)
  }

  /// Every derivative against a finite difference of the real backward pass.
  @Test(arguments: cases.indices)
  func sensitivitiesMatchFiniteDifferences(index: Int) throws {
    let (gamma, lambda) = Self.cases[index]
    let rollout = randomRollout(count: 30, boundaryRate: 0.15, seed: UInt64(100 + index))
    let h = 1e-6
    func advantages(_ change: (inout [Double], inout [Double], inout [Double?]) -> Void) throws -> [Double] {
      var rewards = rollout.rewards
      var values = rollout.values
      var finals = rollout.finalValues ?? Array(repeating: nil, count: rollout.count)
      change(&rewards, &values, &finals)
      let changed = try Rollout(
        rewards: rewards, values: values, terminated: rollout.terminated, truncated: rollout.truncated,
        finalValues: finals)
      return GAE.advantages(for: changed, gamma: gamma, lambda: lambda)
    }
    var inputs: [Sensitivity.Input] = (0..<rollout.count).map { .reward($0) } + (0...rollout.count).map { .value($0) }
    inputs += (0..<rollout.count).filter { rollout.nextValue(at: $0).source == .finalValue }.map { .finalValue($0) }
    for input in inputs {
      func nudge(_ amount: Double) throws -> [Double] {
        try advantages { rewards, values, finals in
          switch input {
          case .reward(let k): rewards[k] += amount
          case .value(let k): values[k] += amount
          case .finalValue(let k): finals[k] = finals[k]! + amount
          }
        }
      }
      let (up, down) = (try nudge(h), try nudge(-h))
      let formula = Dictionary(
        uniqueKeysWithValues: Sensitivity.derivatives(of: input, rollout: rollout, gamma: gamma, lambda: lambda).map {
          ($0.t, $0.derivative)
        })
      for t in 0..<rollout.count {
        let numeric = (up[t] - down[t]) / (2 * h)
        #expect(abs(numeric - (formula[t] ?? 0)) < 1e-5, "\(input) at t=\(t)")
      }
    }
  }

  /// At λ = 1 a value inside an episode moves only its own advantage: the critic cancels.
  @Test func atLambdaOneTheCriticCancels() {
    let rollout = try! Rollout(
      rewards: [0, 0, 1, 0], values: [0.5, 0.4, 0.3, 0.2, 0.1], terminated: [false, false, true, false],
      truncated: [false, false, false, false])
    let derivatives = Sensitivity.derivatives(of: .value(1), rollout: rollout, gamma: 0.99, lambda: 1)
    #expect(derivatives.count == 1 && derivatives[0].t == 1 && derivatives[0].derivative == -1)
  }

  @Test func targetsAndNormalisation() {
    let rollout = randomRollout(count: 50, boundaryRate: 0.1, seed: 11)
    let trace = GAE.trace(for: rollout, gamma: 0.99, lambda: 0.95)
    let returns = Targets.lambdaReturns(trace)
    #expect((0..<50).allSatisfy { returns[$0] == trace.advantage[$0] + rollout.values[$0] })
    let td = Targets.tdTargets(rollout, gamma: 0.99)
    #expect((0..<50).allSatisfy { close(td[$0], trace.delta[$0] + rollout.values[$0]) })
    let normalized = Targets.normalized(trace.advantage)
    let mean = normalized.reduce(0, +) / 50
    let variance = normalized.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 49
    #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-6)
    let minibatches = Targets.normalized(trace.advantage, minibatch: 10)
    #expect(minibatches.count == 50)
    #expect(Targets.normalized([1, 2, 3], minibatch: 1).allSatisfy { $0.isNaN })
    let pair = Targets.normalized([1, 3], minibatch: 2).map { ($0 * 1e6).rounded() / 1e6 }
    #expect(pair == [-0.707107, 0.707107])
  }
}
