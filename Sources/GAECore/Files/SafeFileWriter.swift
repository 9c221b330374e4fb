#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way GAEViz writes a file: into a temporary file beside it, flushed to disk, then
/// renamed into place, so a reader sees the old file or the new one and never half of one; an
/// existing file is replaced only when the caller says so.
///
/// With `overwrite`, a symbolic link is followed: the file it leads to is replaced, in that
/// file's folder, keeping its permissions (the link stays a link). A character device or a FIFO
/// (`/dev/null`, `/dev/stdout`, a named pipe) cannot be replaced, so it is written in place,
/// with or without `overwrite` (there is no file to lose); a block device or a socket is refused. No file is ever left world-writable. A signal that ends
/// the program part-way removes the temporary file (see `TemporaryFiles`).
public enum SafeFileWriter {
  public static func write(_ text: String, to path: String, overwrite: Bool) throws(FileWriteError) {
    try write(Array(text.utf8), to: path, overwrite: overwrite)
  }

  public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(FileWriteError) {
    try write(to: path, overwrite: overwrite) { (sink) throws(FileWriteError) in
      try Self.send(bytes, to: sink)
    }
  }

  /// Streams a file: `contents` is called once with a sink and writes the bytes through it, in
  /// as many pieces as it likes; it may stop by throwing the sink's error. Nothing replaces the
  /// old file until `contents` has returned and the new file is on disk.
  public static func write(
    to path: String, overwrite: Bool, contents: (ByteSink<FileWriteError>) throws(FileWriteError) -> Void
  ) throws(FileWriteError) {
    try write(to: path, overwrite: overwrite, calls: .system, contents: contents)
  }

  /// The system calls whose failures the tests simulate: a disk that fills up half-way, an
  /// `fsync` or a `close` that fails.
  struct Calls {
    var write: (Int32, UnsafeRawPointer, Int) -> Int
    var fsync: (Int32) -> Int32
    var close: (Int32) -> Int32

    static var system: Calls { Calls(write: posixWrite, fsync: posixFsync, close: posixClose) }
  }

  /// `writeChunk` is a seam for tests that simulate a disk that fails half-way.
  static func write(
    _ bytes: [UInt8], to path: String, overwrite: Bool,
    using writeChunk: @escaping (Int32, UnsafeRawPointer, Int) -> Int
  ) throws(FileWriteError) {
    var calls = Calls.system
    calls.write = writeChunk
    try write(to: path, overwrite: overwrite, calls: calls) { (sink) throws(FileWriteError) in
      try Self.send(bytes, to: sink)
    }
  }

  static func write(
    to path: String, overwrite: Bool, calls: Calls,
    contents: (ByteSink<FileWriteError>) throws(FileWriteError) -> Void
  ) throws(FileWriteError) {
    switch try Destination.of(path, overwrite: overwrite) {
    case .new(let target):
      try replace(target, keeping: nil, named: path, overwrite: overwrite, calls: calls, contents: contents)
    case .regular(let target, let status):
      try replace(target, keeping: status, named: path, overwrite: true, calls: calls, contents: contents)
    case .inPlace(let target, let truncate):
      try writeInPlace(target, truncate: truncate, named: path, calls: calls, contents: contents)
    }
  }

  /// Writes a temporary file beside `target`, then renames it over `target` (or, without
  /// `overwrite`, links it there, which fails if the name has appeared meanwhile). `existing`
  /// is the status of the file replaced, whose owner and permissions the new one takes.
  /// Errors name `path`, the name the user gave.
  private static func replace(
    _ target: String, keeping existing: stat?, named path: String, overwrite: Bool, calls: Calls,
    contents: (ByteSink<FileWriteError>) throws(FileWriteError) -> Void
  ) throws(FileWriteError) {
    let (directory, name) = split(target)
    let (descriptor, temporary, slot, createdMode) = try createTemporary(in: directory, for: name, path: path)
    var committed = false
    defer {
      if !committed { _ = PathBytes.withCString(temporary, { unlink($0) }) }
      TemporaryFiles.disarm(slot)
    }
    var written = 0
    do {
      try contents { (bytes) throws(FileWriteError) in
        try writeAll(bytes, to: descriptor, written: &written, path: path, calls: calls)
      }
    } catch {
      _ = calls.close(descriptor)
      throw error
    }
    // A replaced file keeps its owner (where we may give it: as root) and permissions; a new
    // one gets what the umask gives a new file. Never set-id bits, and never world-writable.
    if let existing { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
    let mode = (existing?.st_mode ?? createdMode) & 0o777 & ~0o002
    // Best effort, as before: a file system without Unix modes (FAT) refuses, and has no
    // world-writable files to make.
    _ = fchmod(descriptor, mode)
    // The descriptor is closed whatever fsync says.
    let syncError = calls.fsync(descriptor) == 0 ? 0 : errno
    let closeError = calls.close(descriptor) == 0 ? 0 : errno
    for code in [syncError, closeError] where code != 0 {
      throw .failed(path: path, reason: reason(code))
    }

    if overwrite {
      guard PathBytes.withCString(temporary, { from in PathBytes.withCString(target, { rename(from, $0) }) }) == 0
      else { throw .failed(path: path, reason: reason(errno)) }
    } else {
      // link() refuses atomically if the name appeared meanwhile; rename() would replace it.
      guard PathBytes.withCString(temporary, { from in PathBytes.withCString(target, { link(from, $0) }) }) == 0 else {
        if errno == EEXIST { throw .exists(path: path) }
        throw .failed(path: path, reason: reason(errno))
      }
      _ = PathBytes.withCString(temporary, { unlink($0) })
    }
    committed = true
  }

  /// A new file in `directory` for the output, private (0600) from the start, so that nobody
  /// else can open it while it is written, armed for removal on a signal. Its name is short
  /// whatever the target's (hidden, at most 40 bytes of the target's name, a random suffix), so
  /// any legal name can be written. Also returns the mode a new file gets here: 0666 less the
  /// umask.
  private static func createTemporary(
    in directory: String, for name: String, path: String
  ) throws(FileWriteError) -> (Int32, String, Int?, mode_t) {
    var hint = ""
    for scalar in name.unicodeScalars {
      if hint.utf8.count + UTF8.width(scalar) > 40 { break }
      hint.unicodeScalars.append(scalar)
    }
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
    for _ in 0..<100 {
      let suffix = String(decoding: (0..<12).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
      let temporary = directory + "." + hint + ".gaeviz-" + suffix
      let slot = TemporaryFiles.arm(temporary)
      let descriptor = PathBytes.withCString(
        temporary, { open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) })
      guard descriptor >= 0 else {
        let code = errno
        TemporaryFiles.disarm(slot)
        if code == EEXIST { continue }
        throw .failed(path: path, reason: reason(code))
      }
      return (descriptor, temporary, slot, 0o666 & ~currentUmask())
    }
    throw .failed(path: path, reason: "could not find a free temporary name")
  }

  /// The process's umask, read where Linux shows it (/proc/self/status, since 4.7): asking
  /// umask(2) means setting it, and for a moment every other thread's new files would get the
  /// wrong mask. Elsewhere that is the only way.
  static func currentUmask() -> mode_t {
    if let line = procSelfStatus().split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
      let mask = mode_t(line.dropFirst("Umask:".count).trimmingPrefix(while: \.isWhitespace), radix: 8)
    {
      return mask
    }
    let mask = umask(0o022)
    umask(mask)
    return mask
  }

  /// /proc/self/status, or "" where there is none. (Its size shows as 0: read until the end.)
  private static func procSelfStatus() -> String {
    let descriptor = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return "" }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(descriptor, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += buffer[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes through `target` where it is: a device or a FIFO, which cannot be replaced, or a
  /// regular file reached only through a link that does not name it (`/dev/stdout`).
  private static func writeInPlace(
    _ target: String, truncate: Bool, named path: String, calls: Calls,
    contents: (ByteSink<FileWriteError>) throws(FileWriteError) -> Void
  ) throws(FileWriteError) {
    let descriptor = PathBytes.withCString(
      target, { open($0, O_WRONLY | O_CLOEXEC | O_NOCTTY | (truncate ? O_TRUNC : 0)) })
    guard descriptor >= 0 else { throw .failed(path: path, reason: reason(errno)) }
    var written = 0
    func failure(_ code: Int32) -> FileWriteError {
      written == 0 ? .failed(path: path, reason: reason(code)) : .incomplete(path: path, reason: reason(code))
    }
    do {
      try contents { (bytes) throws(FileWriteError) in
        try writeAll(bytes, to: descriptor, written: &written, path: path, calls: calls)
      }
    } catch {
      _ = calls.close(descriptor)
      if case .failed(_, let reason) = error, written > 0 { throw .incomplete(path: path, reason: reason) }
      throw error
    }
    // Devices and pipes cannot be synced, and need not be.
    var syncError = calls.fsync(descriptor) == 0 ? 0 : errno
    if [EINVAL, EROFS, ENOTSUP, EOPNOTSUPP].contains(syncError) { syncError = 0 }
    let closeError = calls.close(descriptor) == 0 ? 0 : errno
    for code in [syncError, closeError] where code != 0 { throw failure(code) }
  }

  /// Writes all of `bytes`, through interruptions and short writes; a full disk that reports
  /// no error (a write of 0 bytes) counts as one.
  private static func writeAll(
    _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, written: inout Int, path: String, calls: Calls
  ) throws(FileWriteError) {
    var offset = 0
    while offset < bytes.count {
      let count = calls.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw .failed(path: path, reason: reason(count < 0 ? errno : ENOSPC)) }
      offset += count
      written += count
    }
  }

  private static func send(_ bytes: [UInt8], to sink: ByteSink<FileWriteError>) throws(FileWriteError) {
    // Array's withUnsafeBytes only rethrows untyped errors: carry the sink's out by hand.
    var failure: FileWriteError?
    bytes.withUnsafeBytes { buffer in
      do throws(FileWriteError) { try sink(buffer) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// The folder part of a path (with its slash, or empty) and the name.
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }

  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}

private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

private func posixFsync(_ descriptor: Int32) -> Int32 { fsync(descriptor) }

private func posixClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
