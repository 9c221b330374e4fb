/// Helpers shared by the test targets.

/// A small deterministic generator (SplitMix64), so random tests reproduce exactly.
public struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A seed from a name (FNV-1a): the same in every run, unlike `hashValue`.
  public init(name: String) {
    state = name.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The package's root folder, found from this file's path.
public let packageRoot: String = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Tests/TestSupport/TestSupport.swift
  return parts.joined(separator: "/")
}()
