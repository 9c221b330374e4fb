import Foundation
import TestSupport
import Testing

@testable import GAECore

private func parse(_ text: String) throws(ScenarioError) -> Scenario {
  try Scenario(json: Array(text.utf8))
}

private let validBody = """
  "rewards": [0, 1], "values": [0.5, 0.25, 0], "terminated": [false, true], "truncated": [0, 0]
  """

@Suite("Scenario files: JSON")
struct ScenarioJSONTests {
  @Test func parsesTheDesignExample() throws {
    let scenario = try parse(
      """
      {
        "name": "Termination vs truncation",
        "description": "Teaching notes shown beside the timeline.",
        "gamma": 0.99, "lambda": 0.95,
        "rewards":      [0, 0, 1, 0, 0.5],
        "values":       [0.4, 0.6, 0.9, 0.2, 0.3, 0.45],
        "terminated":   [false, false, true, false, false],
        "truncated":    [false, false, false, false, true],
        "final_values": [null, null, null, null, 0.5],
        "labels":       ["start", "", "goal", "", "time limit"]
      }
      """)
    #expect(scenario.name == "Termination vs truncation")
    #expect(scenario.gamma == 0.99 && scenario.lambda == 0.95)
    #expect(scenario.rollout.rewards == [0, 0, 1, 0, 0.5])
    #expect(scenario.rollout.values == [0.4, 0.6, 0.9, 0.2, 0.3, 0.45])
    #expect(scenario.rollout.terminated == [false, false, true, false, false])
    #expect(scenario.rollout.finalValues?[4] == 0.5)
    #expect(scenario.rollout.label(at: 4) == "time limit")
  }

  @Test func optionalFieldsMayBeLeftOutAndFlagsMayBeNumbers() throws {
    let scenario = try parse("{\(validBody)}")
    #expect(scenario.name == "" && scenario.gamma == nil && scenario.lambda == nil)
    #expect(scenario.rollout.terminated == [false, true])
    #expect(scenario.rollout.truncated == [false, false])
  }

  @Test func numbersAreCorrectlyRounded() throws {
    let texts = [
      "0.1", "-0.3", "1e-7", "123456789012345678901234567890", "2.2250738585072014e-308",
      "0.30000000000000004", "1.7976931348623157e308", "-0", "4.9e-324", "9007199254740993",
      "0.000001234567890123456789", "1E+2", "3.14159265358979323846",
    ]
    let scenario = try parse(
      """
      {"rewards": [\(texts.joined(separator: ","))], "values": [\(Array(repeating: "0", count: texts.count + 1).joined(separator: ","))],
       "terminated": [\(Array(repeating: "0", count: texts.count).joined(separator: ","))],
       "truncated": [\(Array(repeating: "0", count: texts.count).joined(separator: ","))]}
      """)
    #expect(scenario.rollout.rewards == texts.map { Double($0)! })
    #expect(scenario.rollout.rewards[7].sign == .minus)
  }

  @Test func stringsDecodeEscapesAndUnicode() throws {
    let scenario = try parse(#"{"name": "γ \"quoted\" \u00e9 \ud83d\ude00 tab\t", \#(validBody)}"#)
    #expect(scenario.name == "γ \"quoted\" é 😀 tab\t")
  }

  @Test func roundTripsThroughTheCanonicalWriter() throws {
    for seed: UInt64 in 1...3 {
      let rollout = randomRollout(count: 200, boundaryRate: 0.1, seed: seed)
      let original = Scenario(name: "round \"trip\", γ", description: "d\ne", gamma: 0.9, lambda: 0.3, rollout: rollout)
      #expect(try parse(original.jsonText()) == original)
      #expect(try Scenario(csv: original.csvText()) == original)
      var multiline = original
      multiline.name = "two\nlines"
      #expect(try parse(multiline.jsonText()) == multiline)
      #expect(try Scenario(csv: multiline.csvText()) == multiline)
    }
    #expect(try parse(Scenario.builtInDefault.jsonText()) == Scenario.builtInDefault)
  }

  /// Every malformed-input class README.md names, with the message a user sees.
  @Test(arguments: [
    ("{", "line 1, column 2: expected a field name in double quotes, found the end of the file"),
    ("{\"rewards\": [0, 1,], \"values\": []}", "rewards[2]: expected a number, found \"]\" (line 1, column 19)"),
    ("{\n  \"rewards\": [0 1]\n}", "line 2, column 17: expected ',' or ']' in rewards, found a number"),
    ("[1, 2]", "line 1, column 1: expected a scenario object {…}, found an array"),
    ("", "line 1, column 1: the file is empty; expected a scenario object"),
    ("{\(validBody)} x", "line 1, column 97: unexpected content after the scenario object"),
    ("{\"rewards\": [0], \"rewards\": [1]}", "line 1, column 18: \"rewards\" appears twice"),
    (
      "{\"reward\": [0]}",
      "line 1, column 2: unknown field \"reward\" (known: name, description, gamma, lambda, rewards, values, terminated, truncated, final_values, labels)"
    ),
    (
      "{\"values\": [0], \"terminated\": [], \"truncated\": []}",
      "rewards: missing (required: rewards, values, terminated, truncated)"
    ),
    (
      "{\"rewards\": [0, \"a\"], \"values\": [0,0,0], \"terminated\": [0,0], \"truncated\": [0,0]}",
      "rewards[1]: expected a number, found a string (line 1, column 17)"
    ),
    ("{\"rewards\": 3}", "rewards: expected an array, found a number (line 1, column 13)"),
    (
      "{\"rewards\": [NaN]}",
      "rewards[0]: expected a finite number (JSON has no NaN or Infinity), found \"N\" (line 1, column 14)"
    ),
    (
      "{\"rewards\": [1e999], \"values\": [0,0], \"terminated\": [0], \"truncated\": [0]}",
      "rewards[0]: inf is not a finite number"
    ),
    (
      "{\"rewards\": [0], \"values\": [0,0], \"terminated\": [2], \"truncated\": [0]}",
      "terminated[0]: expected true, false, 0 or 1, found a number (line 1, column 50)"
    ),
    (
      "{\"rewards\": [0], \"values\": [0], \"terminated\": [0], \"truncated\": [0]}",
      "values: has 1 entry, expected 2 (T+1: one per step plus the bootstrap value)"
    ),
    (
      "{\"rewards\": [], \"values\": [0], \"terminated\": [], \"truncated\": []}",
      "rewards: the rollout is empty (T must be at least 1)"
    ),
    ("{\"gamma\": 1.5, \(validBody)}", "gamma: 1.5 is outside [0, 1]"),
    ("{\"lambda\": -0.1, \(validBody)}", "lambda: -0.1 is outside [0, 1]"),
    ("{\"name\": \"a\nb\"}", "line 1, column 12: control character in a string (escape it)"),
    ("{\"rewards\": [01]}", "line 1, column 14: numbers must not have leading zeros"),
    (
      "{\"name\": \"x\", \(validBody), \"final_values\": [null, \"x\"]}",
      "final_values[1]: expected a number, found a string (line 1, column 133)"
    ),
    (
      "{\"rewards\": [0, 0], \"values\": [0, 0, 0], \"terminated\": [true, false], \"truncated\": [false, true], "
        + "\"final_values\": [0.5, 0.25]}",
      "final_values[0]: a final value on a step that is not truncated (truncated[0] is false; use null)"
    ),
  ])
  func malformedInputNamesTheProblem(text: String, message: String) {
    #expect(throws: (any Error).self) { try parse(text) }
    do {
      _ = try parse(text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func invalidUTF8IsReportedWithItsPosition() {
    var bytes = Array("{\"name\": \"ab".utf8)
    bytes += [0xFF, 0x22, 0x7D]
    #expect(throws: ScenarioError.notUTF8(line: 1, column: 11)) { try Scenario(json: bytes) }
  }

  @Test func aByteOrderMarkIsAccepted() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\(validBody)}".utf8)
    #expect(try Scenario(json: bytes).rollout.count == 2)
  }
}

@Suite("The shipped scenarios")
struct ShippedScenarioTests {
  static let files: [String] = (try? Scenario.files(inDirectory: packageRoot + "/Scenarios")) ?? []

  @Test func thereAreAtLeastEightTeachingScenarios() {
    #expect(Self.files.count >= 9)
  }

  @Test(arguments: files)
  func loadsAndValidates(path: String) throws {
    let scenario = try Scenario.load(path: path)
    #expect(!scenario.name.isEmpty)
    #expect(!scenario.description.isEmpty)
    let trace = GAE.trace(for: scenario.rollout, gamma: scenario.gamma ?? 0.99, lambda: scenario.lambda ?? 0.95)
    #expect(trace.advantage.allSatisfy { $0.isFinite })
  }

  @Test func theDefaultFileMatchesTheBuiltInScenario() throws {
    #expect(try Scenario.load(path: packageRoot + "/Scenarios/00-default.json") == Scenario.builtInDefault)
  }

  @Test func theRecordedCartPoleRolloutHasBothKindsOfBoundary() throws {
    let rollout = try Scenario.load(path: packageRoot + "/Scenarios/08-cartpole.json").rollout
    #expect(rollout.terminated.contains(true))
    #expect(rollout.truncated.contains(true))
  }
}

@Suite("Reading files")
struct ScenarioFileTests {
  let scratch: ScratchDirectory
  var directory: String { scratch.path }

  init() throws { scratch = try ScratchDirectory("gaeviz-file-tests") }

  @Test func missingFileDirectoryAndFIFOAreRefusedWithOneLine() throws {
    #expect(throws: ScenarioFileError(path: "/nonexistent/x.json", error: .unreadable("no such file"))) {
      try Scenario.load(path: "/nonexistent/x.json")
    }
    #expect(throws: ScenarioFileError(path: directory, error: .unreadable("is a directory, not a scenario file"))) {
      try Scenario.load(path: directory)
    }
    let fifo = directory + "/pipe.json"
    unlink(fifo)
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(
      throws: ScenarioFileError(path: fifo, error: .unreadable("is not a regular file (a FIFO, socket or device)"))
    ) {
      try Scenario.load(path: fifo)
    }
  }

  @Test func aFileOverTheLimitIsRefusedBeforeItIsRead() throws {
    // Sparse: 1 GiB + 1 byte on paper, nothing on disk.
    let path = directory + "/huge.json"
    let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
    #expect(ftruncate(descriptor, off_t(Scenario.maximumFileSize + 1)) == 0)
    close(descriptor)
    defer { unlink(path) }
    #expect(
      throws: ScenarioFileError(
        path: path, error: .tooLarge(bytes: Scenario.maximumFileSize + 1, limit: Scenario.maximumFileSize))
    ) {
      try Scenario.load(path: path)
    }
  }

  @Test func aNamelessScenarioIsNamedAfterItsFile() throws {
    let path = directory + "/my-rollout.json"
    try "{\(validBody)}".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(try Scenario.load(path: path).name == "my-rollout")
  }

  @Test func errorsNameTheFile() throws {
    let path = directory + "/bad.json"
    try "{\"rewards\": [1 2]}".write(toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try Scenario.load(path: path)
      Issue.record("accepted")
    } catch {
      #expect(error.description == "\(path): line 1, column 16: expected ',' or ']' in rewards, found a number")
    }
  }
}
