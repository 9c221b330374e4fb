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
}
