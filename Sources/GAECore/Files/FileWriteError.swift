/// Why a file was not written, or not wholly. Apart from `incomplete` (a device or FIFO written
/// in place, which cannot be replaced), the file that was there before is untouched.
public enum FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
  case exists(path: String)
  case isDirectory(path: String)
  case failed(path: String, reason: String)
  /// Writing in place failed part-way: some of the output reached the device or FIFO.
  case incomplete(path: String, reason: String)

  public var description: String {
    switch self {
    case .exists(let path): return "\(path): already exists (use --force to overwrite)"
    case .isDirectory(let path): return "\(path): is a directory"
    case .failed(let path, let reason): return "\(path): \(reason); nothing was written"
    case .incomplete(let path, let reason): return "\(path): \(reason); the output is incomplete"
    }
  }
}
