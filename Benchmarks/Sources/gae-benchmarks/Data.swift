import GAECore

/// A random rollout with ~1% episode boundaries (half terminations, half truncations), in
/// GAEViz's form and in the C baseline's (flags as bytes).
struct BenchmarkData {
  let rollout: Rollout
  let terminated: [UInt8]
  let truncated: [UInt8]
  var count: Int { rollout.count }

  init(count: Int, boundaryRate: Double = 0.01, seed: UInt64 = 20_261_125, finalValues: Bool = false) {
    var rng = SplitMix64(seed: seed)
    let rewards = (0..<count).map { _ in Double.random(in: -1...1, using: &rng) }
    let values = (0...count).map { _ in Double.random(in: -2...2, using: &rng) }
    var terminated = [Bool](repeating: false, count: count)
    var truncated = [Bool](repeating: false, count: count)
    for t in 0..<count {
      let draw = Double.random(in: 0..<1, using: &rng)
      if draw < boundaryRate / 2 { terminated[t] = true } else if draw < boundaryRate { truncated[t] = true }
    }
    let finals: [Double?]? = finalValues ? (0..<count).map { truncated[$0] ? values[$0 + 1] + 0.1 : nil } : nil
    rollout = try! Rollout(
      rewards: rewards, values: values, terminated: terminated, truncated: truncated, finalValues: finals)
    self.terminated = terminated.map { $0 ? 1 : 0 }
    self.truncated = truncated.map { $0 ? 1 : 0 }
  }
}

struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
