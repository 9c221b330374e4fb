/// Helpers shared by the test targets.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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

/// A fresh folder of its own under the system's temporary directory, removed with everything in
/// it when the last reference to it goes, so the tests leave nothing behind in /tmp.
public final class ScratchDirectory: Sendable {
  public let path: String

  public init(_ prefix: String) throws {
    var template = Array((NSTemporaryDirectory() + prefix + "-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw ScratchDirectoryError(errno: errno) }
    path = String(cString: made)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

public struct ScratchDirectoryError: Error { public let errno: Int32 }
