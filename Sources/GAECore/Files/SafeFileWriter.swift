#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file was not written. The file that was there before is untouched in every case.
public enum FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
  case exists(path: String)
  case isDirectory(path: String)
  case failed(path: String, reason: String)

  public var description: String {
    switch self {
    case .exists(let path): return "\(path): already exists (use --force to overwrite)"
    case .isDirectory(let path): return "\(path): is a directory"
    case .failed(let path, let reason): return "\(path): \(reason); nothing was written"
    }
  }
}

/// The one way GAEViz writes a file: into a temporary file beside it, flushed to disk, then
/// renamed into place, so a reader sees the old file or the new one and never half of one; an
/// existing file is replaced only when the caller says so.
public enum SafeFileWriter {
  public static func write(_ text: String, to path: String, overwrite: Bool) throws(FileWriteError) {
    try write(Array(text.utf8), to: path, overwrite: overwrite)
  }

  public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(FileWriteError) {
    try write(bytes, to: path, overwrite: overwrite, using: posixWrite)
  }

  /// `writeChunk` is a seam for tests that simulate a disk that fails half-way.
  static func write(
    _ bytes: [UInt8], to path: String, overwrite: Bool,
    using writeChunk: (Int32, UnsafeRawPointer, Int) -> Int
  ) throws(FileWriteError) {
    var existing = stat()
    let exists = lstat(path, &existing) == 0
    if exists && existing.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: path) }
    if exists && !overwrite { throw .exists(path: path) }

    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array((directory + "." + name + ".gaeviz-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw .failed(path: path, reason: Self.reason(errno)) }
    let temporary = String(cString: template)
    var committed = false
    defer {
      if !committed { unlink(temporary) }
    }

    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { writeChunk(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else {
        let code = written < 0 ? errno : ENOSPC
        close(descriptor)
        throw .failed(path: path, reason: Self.reason(code))
      }
      offset += written
    }
    // A replaced file keeps its permissions; a new one gets the usual 0666 less the umask.
    let mask = umask(0)
    umask(mask)
    fchmod(descriptor, exists ? existing.st_mode & 0o7777 : 0o666 & ~mask)
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      throw .failed(path: path, reason: Self.reason(errno))
    }

    if overwrite {
      guard rename(temporary, path) == 0 else { throw .failed(path: path, reason: Self.reason(errno)) }
    } else {
      // link() refuses atomically if the name appeared meanwhile; rename() would replace it.
      guard link(temporary, path) == 0 else {
        if errno == EEXIST { throw .exists(path: path) }
        throw .failed(path: path, reason: Self.reason(errno))
      }
      unlink(temporary)
    }
    committed = true
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}

private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
