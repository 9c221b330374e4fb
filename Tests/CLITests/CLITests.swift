import Foundation
import TestSupport
import Testing

/// The built `gae-viz`, found beside the test bundle (it is built with the tests).
let binary: String = {
  var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  // Swift Testing on Linux runs <build>/GAEVizPackageTests.xctest; on macOS the bundle is a folder.
  for _ in 0..<4 {
    let candidate = directory.appendingPathComponent("gae-viz").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    directory.deleteLastPathComponent()
  }
  return ".build/debug/gae-viz"
}()

struct Run {
  let status: Int32
  let stdout: String
  let stderr: String
}

func run(_ arguments: [String], stdin: FileHandle? = nil) throws -> Run {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: binary)
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_BACKTRACE"] = "enable=no"
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = stdin ?? FileHandle.nullDevice
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Run(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

@Suite("gae-viz on the command line")
struct CLITests {
  let scratch: ScratchDirectory
  var directory: String { scratch.path }

  init() throws { scratch = try ScratchDirectory("gaeviz-cli") }

  func file(_ name: String, _ contents: String) throws -> String {
    let path = directory + "/" + name
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func traceWithoutAPathUsesTheBuiltInScenario() throws {
    let result = try run(["trace"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Goal, time limit, and a rollout cut short  γ 0.99  λ 0.95  γλ 0.9405  T 12\n"))
    #expect(result.stdout.split(separator: "\n").count == 14)
  }

  @Test func flagsOverrideTheFile() throws {
    let result = try run([
      "trace", packageRoot + "/Scenarios/02-dense-rewards.json", "--gamma", "0.5", "--lambda", "0", "--format", "json",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"gamma\": 0.5, \"lambda\": 0, \"steps\""))
  }

  @Test(arguments: ["table", "csv", "json", "markdown"])
  func everyFormatRuns(format: String) throws {
    let result = try run(["trace", packageRoot + "/Scenarios/09-gridworld.csv", "--format", format])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("9"))
  }

  /// Each class of bad data: exit 1, one line on stderr naming the file and what is wrong.
  @Test(arguments: [
    ("syntax.json", "{\n \"rewards\": [1 2]}", "line 2, column 16: expected ',' or ']' in rewards, found a number"),
    (
      "length.json", "{\"rewards\": [1], \"values\": [1], \"terminated\": [0], \"truncated\": [0]}",
      "values: has 1 entries, expected 2"
    ),
    (
      "nan.json", "{\"rewards\": [NaN], \"values\": [1, 1], \"terminated\": [0], \"truncated\": [0]}",
      "rewards[0]: expected a finite number"
    ),
    (
      "inf.json", "{\"rewards\": [1e400], \"values\": [1, 1], \"terminated\": [0], \"truncated\": [0]}",
      "rewards[0]: inf is not a finite number"
    ),
    (
      "gamma.json", "{\"gamma\": 1.01, \"rewards\": [1], \"values\": [1, 1], \"terminated\": [0], \"truncated\": [0]}",
      "gamma: 1.01 is outside [0, 1]"
    ),
    (
      "type.json", "{\"rewards\": [1], \"values\": [1, \"high\"], \"terminated\": [0], \"truncated\": [0]}",
      "values[1]: expected a number, found a string"
    ),
    (
      "empty.json", "{\"rewards\": [], \"values\": [1], \"terminated\": [], \"truncated\": []}",
      "rewards: the rollout is empty"
    ),
    ("blank.json", "", "the file is empty"),
    ("dupe.json", "{\"values\": [1], \"values\": [1]}", "\"values\" appears twice"),
    (
      "bad.csv", "reward,value,terminated,truncated\n1,x,0,0\n,1,,",
      "line 2, column 3: value (step 0): \"x\" is not a number"
    ),
  ])
  func badDataExitsOneWithOneLine(name: String, contents: String, message: String) throws {
    let path = try file(name, contents)
    for command in [["trace", path], ["check", path]] {
      let result = try run(command)
      #expect(result.status == 1)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.hasPrefix("gae-viz: \(path): "))
      #expect(result.stderr.contains(message))
      #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }
  }

  @Test func missingFilesAndDirectoriesAreDataErrors() throws {
    let missing = try run(["trace", directory + "/nope.json"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "gae-viz: \(directory)/nope.json: no such file\n")
    let folder = try run(["trace", directory])
    #expect(folder.status == 1)
    #expect(folder.stderr == "gae-viz: \(directory): is a directory, not a scenario file\n")
  }

  @Test func badUsageGetsArgumentParsersStatus() throws {
    let result = try run(["trace", "--gamma", "1.5"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--gamma must be in [0, 1]"))
    #expect(try run(["trace", "--format", "xml"]).status == 64)
  }

  @Test func checkSummarisesAFolderAndFailsIfAnyFileIsBad() throws {
    let good = try run(["check", packageRoot + "/Scenarios"])
    #expect(good.status == 0)
    #expect(
      good.stdout.contains(
        "00-default.json: ok  \"Goal, time limit, and a rollout cut short\"  T=12, 3 episodes, 1 terminated, 1 truncated"
      ))
    #expect(good.stdout.split(separator: "\n").count >= 10)
    let bad = try file("x.json", "{")
    let mixed = try run(["check", packageRoot + "/Scenarios/01-sparse-goal.json", bad])
    #expect(mixed.status == 1)
    #expect(mixed.stdout.contains("01-sparse-goal.json: ok"))
    #expect(mixed.stderr.contains("x.json: line 1, column 2"))
  }

  @Test func traceWritesAFileOnlyWhenAllowedTo() throws {
    let path = directory + "/trace.md"
    let first = try run(["trace", "--format", "markdown", "--output", path])
    #expect(first.status == 0 && first.stdout.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.hasPrefix("**Goal, time limit, and a rollout cut short**"))
    let again = try run(["trace", "--gamma", "0.5", "--output", path])
    #expect(again.status == 1)
    #expect(again.stderr == "gae-viz: \(path): already exists (use --force to overwrite)\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
    #expect(try run(["trace", "--gamma", "0.5", "--output", path, "--force"]).status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8) != written)
  }

  @Test func convertRoundTripsBetweenCSVAndJSON() throws {
    let json = directory + "/grid.json"
    let csv = directory + "/grid.csv"
    #expect(try run(["convert", packageRoot + "/Scenarios/09-gridworld.csv", json]).status == 0)
    #expect(try run(["convert", json, csv]).status == 0)
    let original = try run(["trace", packageRoot + "/Scenarios/09-gridworld.csv", "--format", "json"]).stdout
    #expect(try run(["trace", json, "--format", "json"]).stdout == original)
    #expect(try run(["trace", csv, "--format", "json"]).stdout == original)
    let refused = try run(["convert", json, csv])
    #expect(refused.status == 1 && refused.stderr.contains("already exists"))
    #expect(try run(["convert", json, directory + "/x.txt"]).status == 64)
  }
}
