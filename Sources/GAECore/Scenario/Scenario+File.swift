#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Scenario {
  /// Scenario files larger than this are refused before they are read, rather than exhausting
  /// memory (a 10⁷-step rollout in canonical JSON is about 550 MB).
  public static let maximumFileSize = 1 << 30

  /// The file endings read as scenarios; anything else is tried as JSON.
  public static let fileExtensions = ["json", "csv"]

  /// Loads a scenario file, JSON or CSV by its ending. A nameless scenario is named after its file.
  public static func load(path: String) throws(ScenarioFileError) -> Scenario {
    do throws(ScenarioError) {
      let bytes = try readFile(path: path)
      var scenario: Scenario
      if path.lowercased().hasSuffix(".csv") {
        scenario = try Scenario(csv: bytes)
      } else {
        scenario = try Scenario(json: bytes)
      }
      if scenario.name.isEmpty { scenario.name = baseName(of: path) }
      return scenario
    } catch {
      throw ScenarioFileError(path: path, error: error)
    }
  }

  /// Reads a whole regular file. Refuses directories, FIFOs and devices (reading a FIFO would
  /// block before the user sees anything) and files over `maximumFileSize`.
  public static func readFile(path: String) throws(ScenarioError) -> [UInt8] {
    let descriptor = PathBytes.withCString(path, { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) })
    guard descriptor >= 0 else { throw .unreadable(Self.errnoMessage(errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .unreadable(Self.errnoMessage(errno)) }
    let kind = status.st_mode & S_IFMT
    if kind == S_IFDIR { throw .unreadable("is a directory, not a scenario file") }
    guard kind == S_IFREG else { throw .unreadable("is not a regular file (a FIFO, socket or device)") }
    let size = Int(status.st_size)
    guard size <= maximumFileSize else { throw .tooLarge(bytes: size, limit: maximumFileSize) }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let got = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + filled, size - filled)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadable(Self.errnoMessage(errno))
      }
      if got == 0 { break }
      filled += got
    }
    return filled == size ? bytes : Array(bytes[..<filled])
  }

  /// Whether `path` is a directory (to browse) rather than a file.
  public static func isDirectory(_ path: String) -> Bool {
    var status = stat()
    return PathBytes.withCString(path, { stat($0, &status) }) == 0 && status.st_mode & S_IFMT == S_IFDIR
  }

  /// The scenario files directly inside a directory, sorted by name.
  public static func files(inDirectory path: String) throws(ScenarioError) -> [String] {
    guard let directory = PathBytes.withCString(path, { opendir($0) }) else {
      throw .unreadable(Self.errnoMessage(errno))
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        PathBytes.string(fromBytes: raw.prefix(while: { $0 != 0 }))
      }
      guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { continue }
      if fileExtensions.contains(name[name.index(after: dot)...].lowercased()) { names.append(name) }
    }
    let prefix = path.hasSuffix("/") ? path : path + "/"
    return names.sorted().map { prefix + $0 }
  }

  static func baseName(of path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
    return String(file[..<dot])
  }

  static func errnoMessage(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file"
    case EACCES: return "permission denied"
    case EISDIR: return "is a directory, not a scenario file"
    default: return String(cString: strerror(code)).lowercased()
    }
  }

  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      offset += UTF8.width(scalar)
    }
    return offset
  }
}
