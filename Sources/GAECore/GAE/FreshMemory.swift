#if canImport(Glibc)
  import Glibc
#endif

/// Fresh output arrays of millions of steps cost more in page faults than in arithmetic: the
/// kernel maps and zeroes them 4 KiB at a time, on first touch. Where transparent huge pages are
/// available on request (Linux, `madvise` mode), asking for them turns 512 faults into one.
enum FreshMemory {
  /// Below this an array is not worth a system call.
  static let threshold = 4 << 20

  static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
      // The 2 MiB-aligned part of the buffer: madvise wants page-aligned ranges.
      let huge = 2 << 20
      let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
      guard end > start else { return }
      // Only advice: if the kernel says no, the array is just as correct, only slower to fill.
      _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
    #endif
  }
}
