#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension SafeFileWriter {
  /// Whether `path` leads to something that is written in place rather than replaced — a
  /// character device (a terminal) or a FIFO — for callers that must write regular files only
  /// (the visualiser: writing to its own terminal would scribble on the screen, and opening a
  /// FIFO waits for a reader).
  public static func leadsToDeviceOrFIFO(_ path: String) -> Bool {
    var status = stat()
    guard PathBytes.withCString(path, { stat($0, &status) }) == 0 else { return false }
    return [S_IFCHR, S_IFIFO].contains(status.st_mode & S_IFMT)
  }

  /// What writing to a path means, decided before anything is written.
  enum Destination {
    /// Nothing there: a new file at this path (a dangling link's target, for a link).
    case new(String)
    /// A regular file at this path (a link's target, for a link), replaced whole.
    case regular(String, stat)
    /// Written where it is: a character device or FIFO; `truncate` for a regular file reached
    /// only through a link that does not name it.
    case inPlace(String, truncate: Bool)

    /// Where `path` leads. Refuses a directory, a block device or a socket, and anything else
    /// that exists (a dangling link included) unless `overwrite`.
    static func of(_ path: String, overwrite: Bool) throws(FileWriteError) -> Destination {
      var link = stat()
      guard PathBytes.withCString(path, { lstat($0, &link) }) == 0 else {
        if errno == ENOENT { return .new(path) }
        throw .failed(path: path, reason: reason(errno))
      }
      var status = stat()
      let reachable = PathBytes.withCString(path, { stat($0, &status) }) == 0
      let missing = errno
      if reachable && status.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: path) }
      // A device or FIFO holds no file to lose: `-o /dev/stdout` needs no --force.
      if reachable && [S_IFCHR, S_IFIFO].contains(status.st_mode & S_IFMT) { return .inPlace(path, truncate: false) }
      guard overwrite else { throw .exists(path: path) }
      let isLink = link.st_mode & S_IFMT == S_IFLNK
      guard reachable else {
        // A link to nothing: create what it names, as a shell's `>` would.
        guard isLink, missing == ENOENT else { throw .failed(path: path, reason: reason(missing)) }
        return .new(try target(of: path))
      }
      switch status.st_mode & S_IFMT {
      case S_IFREG:
        guard isLink else { return .regular(path, status) }
        let target = try target(of: path)
        var resolved = stat()
        if PathBytes.withCString(target, { lstat($0, &resolved) }) == 0 && resolved.st_dev == status.st_dev
          && resolved.st_ino == status.st_ino
        {
          return .regular(target, status)
        }
        // The link's text does not lead to its file (/dev/stdout → /proc/self/fd/1 → a file
        // that may have been renamed or deleted): only the link knows the way.
        return .inPlace(path, truncate: true)
      case S_IFBLK: throw .failed(path: path, reason: "is a block device, not a file")
      case S_IFSOCK: throw .failed(path: path, reason: "is a socket, not a file")
      default: throw .failed(path: path, reason: "is not a regular file")
      }
    }

    /// Follows a chain of symbolic links to the path it ends at, which may not exist. The
    /// folders on the way may be links themselves: the result is only used to find the folder
    /// to write in, and the kernel follows those.
    static func target(of path: String) throws(FileWriteError) -> String {
      var current = path
      for _ in 0..<40 {
        var status = stat()
        guard PathBytes.withCString(current, { lstat($0, &status) }) == 0 else {
          if errno == ENOENT { return current }
          throw .failed(path: path, reason: reason(errno))
        }
        guard status.st_mode & S_IFMT == S_IFLNK else { return current }
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = PathBytes.withCString(current, { readlink($0, &buffer, buffer.count - 1) })
        guard count > 0 else { throw .failed(path: path, reason: reason(count < 0 ? errno : ENOENT)) }
        let text = PathBytes.string(fromBytes: buffer[..<count].map { UInt8(bitPattern: $0) })
        current = text.hasPrefix("/") ? text : split(current).directory + text
      }
      throw .failed(path: path, reason: reason(ELOOP))
    }
  }
}
