import Foundation
import GAECore
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

func run(_ arguments: [String], stdin: FileHandle? = nil, stdout: FileHandle? = nil) throws -> Run {
  try start(binary, arguments, stdin: stdin, stdout: stdout)
}

/// Runs a shell script with the binary as `$0`, for what Process cannot set up: a closed
/// descriptor, a umask, a file-size limit.
func shell(_ script: String, _ arguments: [String] = []) throws -> Run {
  try start("/bin/sh", ["-c", script, binary] + arguments)
}

func start(_ executable: String, _ arguments: [String], stdin: FileHandle? = nil, stdout: FileHandle? = nil) throws
  -> Run
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_BACKTRACE"] = "enable=no"
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = stdout ?? out
  process.standardError = err
  process.standardInput = stdin ?? FileHandle.nullDevice
  try process.run()
  if stdout != nil { try out.fileHandleForWriting.close() }
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
      "values: has 1 entry, expected 2"
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

  /// A write to standard output that fails — a full disk, /dev/full, a file-size limit, a
  /// closed descriptor — is one line on stderr and exit status 1. (All of these used to exit 0
  /// with the output cut short or missing.)
  @Test(arguments: [
    (["trace"], "no space left on device"),
    (["check", packageRoot + "/Scenarios"], "no space left on device"),
    (["--help"], "no space left on device"),
    (["trace", "--help"], "no space left on device"),
  ])
  func aFullStandardOutputIsAnError(arguments: [String], reason: String) throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let result = try run(arguments, stdout: full)
    #expect(result.status == 1)
    #expect(result.stderr == "gae-viz: standard output: \(reason)\n")
  }

  @Test func aClosedStandardOutputIsAnError() throws {
    for command in ["trace", "check \(packageRoot)/Scenarios/01-sparse-goal.json", "--version"] {
      let result = try shell("exec \"$0\" \(command) >&-")
      #expect(result.status == 1)
      #expect(result.stderr == "gae-viz: standard output: is not open for writing\n")
    }
    // With stdout closed, the temporary file of --output must not become descriptor 1 and
    // receive stray output: the file is exactly the trace.
    let path = directory + "/closed.csv"
    let result = try shell("exec \"$0\" trace --format csv -o \"$1\" >&-", [path])
    #expect(result.status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == (try run(["trace", "--format", "csv"])).stdout)
  }

  /// A file that fills up part-way (here a file-size limit, with SIGXFSZ ignored so the write
  /// fails instead of killing the program): one line, exit 1. The limit is 2 MiB, not less:
  /// under ThreadSanitizer the program cannot start below about that.
  @Test func aStandardOutputFileThatFillsUpIsAnError() throws {
    let path = directory + "/limited.csv"
    let big = try file(
      "big.csv", "reward,value,terminated,truncated\n" + String(repeating: "0.25,0.5,0,0\n", count: 40_000) + ",1,,\n")
    let result = try shell("trap '' XFSZ; ulimit -f 4096; exec \"$0\" trace \"$1\" --format csv > \"$2\"", [big, path])
    #expect(result.status == 1)
    #expect(result.stderr == "gae-viz: standard output: file too large\n")
  }

  /// Control characters in a scenario's name, a file name, an unknown key or a CSV field never
  /// reach the terminal raw: they are spelt \u{1B}, and every error stays one line.
  @Test func controlCharactersAreSpeltOut() throws {
    let nasty = "\u{1B}]0;pwned\u{07}\u{1B}[2J\r\n\u{9B}\u{202E}"
    let named = try file(
      "named.json",
      "{\"name\": \"\(nasty.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined())\", \"rewards\": [1], \"values\": [0, 0], \"terminated\": [0], \"truncated\": [0]}"
    )
    func safe(_ text: String) -> Bool { !text.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" } }
    for format in ["table", "markdown", "json"] {
      let result = try run(["trace", named, "--format", format])
      #expect(result.status == 0 && safe(result.stdout), "\(format)")
    }
    let table = try run(["trace", named]).stdout
    #expect(table.hasPrefix("\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{D}\\u{A}\\u{9B}\\u{202E}  γ 0.99"))
    let checked = try run(["check", named])
    #expect(checked.status == 0 && safe(checked.stdout) && checked.stdout.split(separator: "\n").count == 1)

    let unknownKey = try file("key.json", "{\"re\\nwards\\u001b[2J\": [1]}")
    let badCSV = try file("field.csv", "reward,value,terminated,truncated\n\"1\r\n\u{1B}[2J\",1,0,0\n,1,,\n")
    let badName = directory + "/no\nsuch\u{1B}[2J.json"
    for path in [unknownKey, badCSV, badName] {
      let result = try run(["trace", path])
      #expect(result.status == 1)
      #expect(safe(result.stderr))
      #expect(
        result.stderr.hasPrefix("gae-viz: ") && result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }
    #expect(try run(["trace", unknownKey]).stderr.contains("unknown field \"re\\u{A}wards\\u{1B}[2J\""))
    // A usage error quotes the argument: its controls are spelt out too.
    let usage = try run(["trace", "--format", "\u{1B}[2J"])
    #expect(usage.status == 64 && safe(usage.stderr) && usage.stderr.contains("\\u{1B}[2J"))
  }

  /// Out-of-range numbers get a message that says the range, negative ones included (`-1` used
  /// to be read as an option and reported as a missing value).
  @Test(arguments: [
    (["--digits", "-1"], "--digits must be between 0 and 17, got -1"),
    (["--digits", "18"], "--digits must be between 0 and 17, got 18"),
    (["--gamma", "-0.5"], "--gamma must be in [0, 1], got -0.5"),
    (["--lambda", "-1"], "--lambda must be in [0, 1], got -1.0"),
    (["--output", ""], "--output needs a file name"),
  ])
  func outOfRangeNumbersAreUsageErrors(arguments: [String], message: String) throws {
    let result = try run(["trace"] + arguments)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: \(message)\n"))
  }

  /// The help a newcomer reads first says what the bare command does and the defaults.
  @Test func theHelpSaysWhatTheDefaultCommandDoes() throws {
    // The help is wrapped to the terminal's width: read it as one line.
    func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    let help = try run(["--help"])
    #expect(help.status == 0)
    for phrase in [
      "Without a subcommand, gae-viz opens the interactive visualiser", "the defaults are γ = 0.99, λ = 0.95",
      "gae-viz [<path>] [--gamma <gamma>]", "gae-viz trace [<path>]", "Exit status: 0 on success",
    ] {
      #expect(flat(help.stdout).contains(phrase), "\(phrase)")
    }
    let trace = flat(try run(["trace", "--help"]).stdout)
    #expect(trace.contains("Infinity, -Infinity or NaN") && trace.contains("0 to 17"))
  }

  /// Overflowed numbers are spelt, not printed as null: strict JSON, lossless.
  @Test func overflowsAreSpeltInfinityAndNaN() throws {
    let path = try file(
      "overflow.json",
      "{\"rewards\": [1e308, -1e308], \"values\": [-1e308, 0, -1e308], \"terminated\": [0, 0], \"truncated\": [0, 0]}")
    let json = try run(["trace", path, "--format", "json"]).stdout
    #expect(
      !json.contains("null") && json.contains("\"advantage\": \"-Infinity\"") && json.contains("\"advantage\": \"NaN\"")
    )
    #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    let csv = try run(["trace", path, "--format", "csv"]).stdout
    #expect(csv.hasSuffix(",Infinity,-Infinity,NaN,NaN\n"))
  }

  /// check warns, without failing, when the pass overflows at the file's γ and λ.
  @Test func checkWarnsWhenThePassOverflows() throws {
    let path = try file(
      "overflow.json",
      "{\"rewards\": [1e308, -1e308], \"values\": [-1e308, 0, -1e308], \"terminated\": [0, 0], \"truncated\": [0, 0]}")
    let result = try run(["check", path, packageRoot + "/Scenarios/01-sparse-goal.json"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("overflow.json: ok"))
    #expect(
      result.stderr
        == "gae-viz: \(path): warning: at γ 0.99, λ 0.95 the pass overflows to ±inf or NaN at 2 of 2 steps (first at t = 1, A = -inf)\n"
    )
    #expect(try run(["check", packageRoot + "/Scenarios"]).stderr.isEmpty)
  }

  /// --force through a link writes the file it points to and keeps its mode; a link to
  /// standard output (a pipe here) is written in place, with or without --force. (The link
  /// used to be replaced by a regular file of mode 0777.)
  @Test func forceFollowsLinks() throws {
    let target = directory + "/target.md"
    #expect(try run(["trace", "-o", target]).status == 0)
    chmod(target, 0o640)
    let link = directory + "/link.md"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(try run(["trace", "--format", "markdown", "-o", link, "--force"]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    var status = stat()
    stat(target, &status)
    #expect(status.st_mode & 0o7777 == 0o640)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("**Goal"))

    let toStdout = directory + "/stdout"
    try FileManager.default.createSymbolicLink(atPath: toStdout, withDestinationPath: "/proc/self/fd/1")
    for force in [["--force"], []] {
      let piped = try run(["trace", "--format", "csv", "-o", toStdout] + force)
      #expect(piped.status == 0 && piped.stdout.hasPrefix("step,t,reward"))
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: toStdout) == "/proc/self/fd/1")
  }

  /// Even with umask 000 no file is created world-writable; and a 255-byte name can be written.
  @Test func filesAreNeverWorldWritableAndLongNamesWork() throws {
    let path = directory + "/open.md"
    #expect(try shell("umask 000; exec \"$0\" trace -o \"$1\"", [path]).status == 0)
    var status = stat()
    stat(path, &status)
    #expect(status.st_mode & 0o777 == 0o664)
    let long = directory + "/" + String(repeating: "t", count: 252) + ".md"
    #expect(try run(["trace", "-o", long]).status == 0)
    #expect(try run(["convert", packageRoot + "/Scenarios/09-gridworld.csv", long.dropLast(4) + ".csv"]).status == 0)
  }
}
