import Foundation
import TestSupport
import Testing

@testable import GAECore

@Suite("Writing files safely")
struct SafeFileWriterTests {
  let scratch: ScratchDirectory
  var directory: String { scratch.path }

  init() throws { scratch = try ScratchDirectory("gaeviz-writer") }

  func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

  func leftovers() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".gaeviz-") }
  }

  @Test func writesANewFile() throws {
    let path = directory + "/new.json"
    try SafeFileWriter.write("hello", to: path, overwrite: false)
    #expect(contents(path) == "hello")
    #expect(leftovers().isEmpty)
  }

  @Test func refusesToOverwriteWithoutBeingAsked() throws {
    let path = directory + "/kept.json"
    try SafeFileWriter.write("old", to: path, overwrite: false)
    #expect(throws: FileWriteError.exists(path: path)) { try SafeFileWriter.write("new", to: path, overwrite: false) }
    #expect(contents(path) == "old")
    try SafeFileWriter.write("new", to: path, overwrite: true)
    #expect(contents(path) == "new")
    #expect(leftovers().isEmpty)
  }

  @Test func aFailureHalfWayLeavesTheOldFileWhole() throws {
    let path = directory + "/precious.json"
    try SafeFileWriter.write("the old contents", to: path, overwrite: false)
    var calls = 0
    // A disk that takes 3 bytes and then is full.
    let failing: (Int32, UnsafeRawPointer, Int) -> Int = { descriptor, bytes, count in
      calls += 1
      if calls == 1 { return write(descriptor, bytes, min(count, 3)) }
      errno = ENOSPC
      return -1
    }
    #expect(throws: FileWriteError.failed(path: path, reason: "no space left on device")) {
      try SafeFileWriter.write(Array("new contents".utf8), to: path, overwrite: true, using: failing)
    }
    #expect(contents(path) == "the old contents")
    #expect(leftovers().isEmpty)
  }

  @Test func refusesDirectoriesAndMissingFolders() {
    #expect(throws: FileWriteError.isDirectory(path: directory)) {
      try SafeFileWriter.write("x", to: directory, overwrite: true)
    }
    let missing = directory + "/no/such/folder/file.json"
    #expect(throws: FileWriteError.failed(path: missing, reason: "no such file or directory")) {
      try SafeFileWriter.write("x", to: missing, overwrite: false)
    }
    #expect(FileWriteError.exists(path: "a.md").description == "a.md: already exists (use --force to overwrite)")
  }

  @Test func keepsTheModeOfAReplacedFile() throws {
    let path = directory + "/script.csv"
    try SafeFileWriter.write("a", to: path, overwrite: false)
    chmod(path, 0o640)
    try SafeFileWriter.write("b", to: path, overwrite: true)
    var status = stat()
    stat(path, &status)
    #expect(status.st_mode & 0o777 == 0o640)
  }

  /// Hands `text` to a writer's sink (Array's withUnsafeBytes would lose the error's type).
  func send(_ text: String, to sink: ByteSink<FileWriteError>) throws(FileWriteError) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: text.utf8.count, alignment: 1)
    defer { buffer.deallocate() }
    buffer.copyBytes(from: text.utf8)
    try sink(UnsafeRawBufferPointer(buffer))
  }

  func status(_ path: String) -> stat {
    var status = stat()
    lstat(path, &status)
    return status
  }

  /// --force through a symbolic link replaces the file it points to, in that file's folder,
  /// with that file's mode; the link stays a link, and no temporary file is left in either
  /// folder. (It used to replace the link with a regular file of mode 0777, the link's own.)
  @Test func aLinkIsFollowedAndItsTargetKeepsItsMode() throws {
    let elsewhere = try ScratchDirectory("gaeviz-writer-target")
    let target = elsewhere.path + "/real.csv"
    try SafeFileWriter.write("old", to: target, overwrite: false)
    chmod(target, 0o640)
    let link = directory + "/link.csv"
    symlink(target, link)
    #expect(throws: FileWriteError.exists(path: link)) { try SafeFileWriter.write("new", to: link, overwrite: false) }
    try SafeFileWriter.write("new", to: link, overwrite: true)
    #expect(status(link).st_mode & S_IFMT == S_IFLNK)
    #expect(contents(target) == "new")
    #expect(status(target).st_mode & 0o7777 == 0o640)
    #expect(leftovers().isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["real.csv"])

    // A relative link, through a second link.
    let relative = directory + "/relative.csv"
    symlink("link.csv", relative)
    try SafeFileWriter.write("newer", to: relative, overwrite: true)
    #expect(contents(target) == "newer")
    #expect(status(relative).st_mode & S_IFMT == S_IFLNK && status(link).st_mode & S_IFMT == S_IFLNK)
  }

  /// A link to nothing: with --force, the file it names is created; without, it is refused.
  @Test func aDanglingLinkGetsItsTargetCreated() throws {
    let link = directory + "/dangling.md"
    symlink("made.md", link)
    #expect(throws: FileWriteError.exists(path: link)) { try SafeFileWriter.write("x", to: link, overwrite: false) }
    try SafeFileWriter.write("made", to: link, overwrite: true)
    #expect(status(link).st_mode & S_IFMT == S_IFLNK)
    #expect(contents(directory + "/made.md") == "made")
  }

  /// A FIFO (like a device) cannot be replaced: it is written in place and stays a FIFO. (It
  /// used to be replaced by a regular file.)
  @Test func aFIFOIsWrittenInPlace() throws {
    let fifo = directory + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader first, so that opening the FIFO for writing does not wait.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    let link = directory + "/to-pipe"
    symlink(fifo, link)
    // With or without overwrite: there is no file to lose.
    try SafeFileWriter.write("through the pipe, ", to: link, overwrite: true)
    try SafeFileWriter.write("twice", to: fifo, overwrite: false)
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(reader, &buffer, buffer.count)
    #expect(String(decoding: buffer[..<max(count, 0)], as: UTF8.self) == "through the pipe, twice")
    #expect(status(fifo).st_mode & S_IFMT == S_IFIFO)
    #expect(leftovers().isEmpty)
  }

  /// A block device is refused, and left as it is (a node made here, where mknod is allowed).
  @Test func aBlockDeviceIsRefused() throws {
    let node = directory + "/disk"
    guard mknod(node, S_IFBLK | 0o600, dev_t(7 << 8 | 200)) == 0 else { return }
    #expect(throws: FileWriteError.failed(path: node, reason: "is a block device, not a file")) {
      try SafeFileWriter.write("x", to: node, overwrite: true)
    }
    #expect(status(node).st_mode & S_IFMT == S_IFBLK)
  }

  /// A replaced file that was world-writable is not any more; nor is a set-id bit copied.
  @Test func noFileIsLeftWorldWritable() throws {
    let path = directory + "/open.csv"
    try SafeFileWriter.write("a", to: path, overwrite: false)
    #expect(status(path).st_mode & 0o002 == 0)
    chmod(path, 0o4666)
    try SafeFileWriter.write("b", to: path, overwrite: true)
    #expect(status(path).st_mode & 0o7777 == 0o664)
  }

  /// Any legal name can be written: the temporary name no longer adds 15 bytes to it. 255
  /// bytes is the longest name most file systems allow; two-byte scalars check that the part
  /// of the name kept in the temporary name is cut between scalars.
  @Test(arguments: [String(repeating: "a", count: 250) + ".json", String(repeating: "γ", count: 125) + ".json"])
  func theLongestNamesCanBeWritten(name: String) throws {
    #expect(name.utf8.count == 255)
    let path = directory + "/" + name
    try SafeFileWriter.write("long", to: path, overwrite: false)
    try SafeFileWriter.write("longer", to: path, overwrite: true)
    #expect(contents(path) == "longer")
    #expect(leftovers().isEmpty)
  }

  /// A failed fsync closes the descriptor all the same (it used to leak it), removes the
  /// temporary file and leaves the old file whole.
  @Test func aFailedFsyncStillClosesTheFile() throws {
    let path = directory + "/synced.json"
    try SafeFileWriter.write("old", to: path, overwrite: false)
    var synced: Int32 = -1
    var closed: [Int32] = []
    var calls = SafeFileWriter.Calls.system
    calls.fsync = { descriptor in
      synced = descriptor
      errno = EIO
      return -1
    }
    calls.close = { descriptor in
      closed.append(descriptor)
      return close(descriptor)
    }
    #expect(throws: FileWriteError.failed(path: path, reason: "input/output error")) {
      try SafeFileWriter.write(to: path, overwrite: true, calls: calls) { (sink) throws(FileWriteError) in
        try send("new", to: sink)
      }
    }
    #expect(synced >= 0 && closed == [synced])
    #expect(contents(path) == "old")
    #expect(leftovers().isEmpty)
  }

  /// Streaming: the bytes arrive in pieces; the temporary file is private (0600, whatever the
  /// umask) and armed for removal on a signal while it is written, and disarmed once in place.
  @Test func aStreamedFileIsArmedWhileItIsWritten() throws {
    let path = directory + "/streamed.csv"
    var armed: [Bool] = []
    try SafeFileWriter.write(to: path, overwrite: false) { (sink) throws(FileWriteError) in
      for piece in ["one,", "two,", "three\n"] {
        try send(piece, to: sink)
        let temporary = directory + "/" + leftovers()[0]
        armed.append(TemporaryFiles.isArmed(temporary) && status(temporary).st_mode & 0o777 == 0o600)
      }
    }
    #expect(armed == [true, true, true])
    #expect(contents(path) == "one,two,three\n")
    #expect(leftovers().isEmpty)
  }

  /// The umask, read without setting it, is what the kernel applies to a new file.
  @Test func theUmaskIsReadWithoutBeingSet() throws {
    let probe = directory + "/probe"
    let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o666)
    #expect(descriptor >= 0)
    close(descriptor)
    #expect(status(probe).st_mode & 0o777 == 0o666 & ~SafeFileWriter.currentUmask())
  }
}
