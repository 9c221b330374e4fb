import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output, written with write(2) and every result checked, the close included: a full
/// disk, /dev/full, a file-size limit or a closed descriptor ends the program with one line on
/// stderr and exit status 1, never with a cut-short output and status 0. (A closed pipe kills
/// the program with SIGPIPE, as it does every Unix filter, unless SIGPIPE is ignored: then it is
/// an error like the others.)
enum StandardOutput {
  struct Failure: Error, CustomStringConvertible {
    let code: Int32

    var description: String {
      let reason = code == EBADF ? "is not open for writing" : String(cString: strerror(code)).lowercased()
      return "standard output: \(reason)"
    }
  }

  /// Whether anything was written, and so whether there is a close to check.
  private static let used = Atomic<Bool>(false)

  static func write(_ text: String) throws(Failure) {
    var text = text
    var failure: Failure?
    text.withUTF8 { bytes in
      do throws(Failure) { try write(UnsafeRawBufferPointer(bytes)) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  static func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
    used.store(true, ordering: .relaxed)
    var offset = 0
    while offset < bytes.count {
      let count = writeToDescriptor(1, bytes.baseAddress! + offset, bytes.count - offset)
      if count < 0 {
        switch errno {
        case EINTR: continue
        case EAGAIN: waitUntilWritable(1)
        case let code: throw Failure(code: code)
        }
      } else if count == 0 {
        throw Failure(code: ENOSPC)
      } else {
        offset += count
      }
    }
  }

  /// The end of the output: a file on some file systems (NFS) reports a failed write only when
  /// it is closed.
  static func close() throws(Failure) {
    guard used.load(ordering: .relaxed) else { return }
    // After EINTR the descriptor is closed all the same on Linux; nothing to retry.
    if closeDescriptor(1) != 0 && errno != EINTR { throw Failure(code: errno) }
  }
}
