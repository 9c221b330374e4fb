import TestSupport

@testable import GAECore

/// A random rollout with terminations, truncations (some with final values) at `boundaryRate`.
func randomRollout(count: Int, boundaryRate: Double = 0.05, seed: UInt64) -> Rollout {
  var rng = SplitMix64(seed: seed)
  let rewards = (0..<count).map { _ in Double.random(in: -1...1, using: &rng) }
  let values = (0...count).map { _ in Double.random(in: -2...2, using: &rng) }
  var terminated = [Bool](repeating: false, count: count)
  var truncated = [Bool](repeating: false, count: count)
  var finalValues = [Double?](repeating: nil, count: count)
  for t in 0..<count where Double.random(in: 0..<1, using: &rng) < boundaryRate {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: terminated[t] = true
    case 1: truncated[t] = true
    case 2:
      truncated[t] = true
      finalValues[t] = Double.random(in: -2...2, using: &rng)
    default:
      terminated[t] = true
      truncated[t] = true
      finalValues[t] = 5  // must be ignored: termination wins
    }
  }
  return try! Rollout(
    rewards: rewards, values: values, terminated: terminated, truncated: truncated,
    finalValues: finalValues)
}

/// The seed's NumPy function transcribed literally, plus the final_values rule (README.md, "Scenario files"): the
/// reference every faster or differently organised computation is checked against.
func referenceAdvantages(_ rollout: Rollout, gamma: Double, lambda: Double) -> [Double] {
  let count = rollout.count
  var nextValues = [Double](repeating: 0, count: count)
  for t in 0..<count {
    if rollout.terminated[t] {
      nextValues[t] = 0
    } else if rollout.truncated[t], let final = rollout.finalValues?[t] {
      nextValues[t] = final
    } else {
      nextValues[t] = rollout.values[t + 1]
    }
  }
  let deltas = (0..<count).map { rollout.rewards[$0] + gamma * nextValues[$0] - rollout.values[$0] }
  var advantages = [Double](repeating: 0, count: count)
  var gae = 0.0
  for t in stride(from: count - 1, through: 0, by: -1) {
    let notOver: Double = (rollout.terminated[t] || rollout.truncated[t]) ? 0 : 1
    gae = deltas[t] + gamma * lambda * notOver * gae
    advantages[t] = gae
  }
  return advantages
}

/// Equal to the last bit, including the sign of zeros and NaN payloads.
func bitIdentical(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

func allClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance: tolerance) }
}

func makeRollout(
  rewards: [Double], values: [Double], terminated: Set<Int> = [], truncated: Set<Int> = [],
  finalValues: [Int: Double] = [:]
) -> Rollout {
  let count = rewards.count
  return try! Rollout(
    rewards: rewards, values: values,
    terminated: (0..<count).map { terminated.contains($0) },
    truncated: (0..<count).map { truncated.contains($0) },
    finalValues: finalValues.isEmpty ? nil : (0..<count).map { finalValues[$0] })
}
