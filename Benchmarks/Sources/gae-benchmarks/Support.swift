import CBaseline
import Foundation
import GAECore

#if canImport(Glibc)
  import Glibc
#endif

@inline(never) nonisolated func blackHole<T>(_ value: T) {}

func fixed(_ value: Double, _ digits: Int) -> String { NumberFormat.fixed(value, digits: digits) }

func cFresh(_ data: BenchmarkData) {
  data.rollout.rewards.withUnsafeBufferPointer { r in
    data.rollout.values.withUnsafeBufferPointer { v in
      let out = gae_c_fresh(r.baseAddress, v.baseAddress, data.terminated, data.truncated, data.count, 0.99, 0.95)
      blackHole(out![data.count / 2])
      free(out)
    }
  }
}

func cInto(_ data: BenchmarkData, _ out: inout [Double], floor: Bool = false) {
  data.rollout.rewards.withUnsafeBufferPointer { r in
    data.rollout.values.withUnsafeBufferPointer { v in
      out.withUnsafeMutableBufferPointer { o in
        let run = floor ? gae_c_floor : gae_c_into
        run(r.baseAddress, v.baseAddress, data.terminated, data.truncated, data.count, 0.99, 0.95, o.baseAddress)
      }
    }
  }
}

/// Seconds, the best of `count` runs.
func bestOf(_ count: Int, _ body: () -> Void) -> Double {
  (0..<count).map { _ in
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }.min()!
}

/// Seconds, the median of `count` runs.
func medianOf(_ count: Int, _ body: () -> Void) -> Double {
  let times = (0..<count).map { _ in
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }.sorted()
  return times[times.count / 2]
}

/// The peak resident memory of this process image, in KiB. VmHWM rather than getrusage's
/// ru_maxrss: Linux carries ru_maxrss across fork and exec, so a child would start with its
/// parent's peak.
func peakResidentKiB() -> Int {
  let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
  return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

/// Memory a 10⁶-step trace adds to the process, per step: resident-set growth, so what is
/// actually touched.
func traceBytesPerStep() -> Double {
  let data = BenchmarkData(count: 1_000_000, seed: 3)
  func inUse() -> Int {
    let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
    let pages = Int(statm.split(separator: " ").dropFirst().first ?? "0") ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
  let before = inUse()
  let trace = GAE.trace(for: data.rollout, gamma: 0.99, lambda: 0.95)
  let after = inUse()
  blackHole(trace)
  return Double(after - before) / 1_000_000
}

func scriptPath(_ name: String) -> String {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Sources/gae-benchmarks/Support.swift
  return parts.joined(separator: "/") + "/scripts/" + name
}

/// Runs a program and returns its standard output.
func runProcess(_ path: String, _ arguments: [String]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}
