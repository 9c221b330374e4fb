import Foundation
import TestSupport
import Testing

@testable import GAECore

/// What Excel writes for "CSV UTF-8": a byte-order mark, CRLF line breaks, a cell quoted where it
/// holds a comma, a quote or a line break (a plain LF inside the cell), TRUE and FALSE, and every
/// row padded with empty cells to the widest row. The second comment was split at its comma into
/// two cells when the sheet was opened, and is written back unquoted.
private let excelFile: [UInt8] =
  [0xEF, 0xBB, 0xBF]
  + Array(
    ("# name: Gridworld,,,,,\r\n"
      + "\"# description: a wall, then the goal; \"\"quoted\"\" notes\",,,,,\r\n"
      + "# description: split, across two cells,,,,\r\n"
      + "# gamma: 0.99,,,,,\r\n"
      + "reward,value,terminated,truncated,final_value,label\r\n"
      + "0,0.2,FALSE,FALSE,,start\r\n"
      + "-0.1,0.25,FALSE,FALSE,,\"wall, north\"\r\n"
      + "1,0.7,TRUE,FALSE,,\"the \"\"goal\"\"\nreached\"\r\n"
      + "0,0.2,FALSE,TRUE,0.35,limit\r\n"
      + ",0.25,,,,\r\n"
      + ",,,,,\r\n").utf8)

private let excelScenario = Scenario(
  name: "Gridworld", description: "a wall, then the goal; \"quoted\" notes\nsplit, across two cells", gamma: 0.99,
  rollout: try! Rollout(
    rewards: [0, -0.1, 1, 0], values: [0.2, 0.25, 0.7, 0.2, 0.25], terminated: [false, false, true, false],
    truncated: [false, false, false, true], finalValues: [nil, nil, nil, 0.35],
    labels: ["start", "wall, north", "the \"goal\"\nreached", "limit"]))

/// Equal to the last bit and byte: text compared as UTF-8 (Swift's `==` calls "é" and "e\u{301}"
/// equal), numbers by bit pattern (so -0 is not 0).
private func identical(_ a: Scenario, _ b: Scenario) -> Bool {
  func same(_ x: Double?, _ y: Double?) -> Bool { x?.bitPattern == y?.bitPattern }
  func same(_ x: String, _ y: String) -> Bool { x.utf8.elementsEqual(y.utf8) }
  let (r, s) = (a.rollout, b.rollout)
  return same(a.name, b.name) && same(a.description, b.description) && same(a.gamma, b.gamma)
    && same(a.lambda, b.lambda) && r.rewards.count == s.rewards.count
    && zip(r.rewards, s.rewards).allSatisfy { same($0, $1) } && r.values.count == s.values.count
    && zip(r.values, s.values).allSatisfy { same($0, $1) } && r.terminated == s.terminated
    && r.truncated == s.truncated && (r.finalValues == nil) == (s.finalValues == nil)
    && zip(r.finalValues ?? [], s.finalValues ?? []).allSatisfy { same($0, $1) }
    && (r.labels == nil) == (s.labels == nil) && zip(r.labels ?? [], s.labels ?? []).allSatisfy { same($0, $1) }
}

/// Text made to break a writer: line breaks of every kind, surrounding spaces, quotes, commas,
/// comment and JSON look-alikes, combining marks, control characters, a byte-order mark.
private func awkwardText(_ rng: inout SplitMix64, maxPieces: Int = 8) -> String {
  let pieces = [
    "a", "Z", "0", " ", "  ", "\t", "\n", "\r", "\r\n", "\n\n", ",", ",,", "\"", "\"\"", "#", "# name: x", ":",
    "γ", "😀", "e\u{301}", "é", "\u{0}", "\u{1F}", "\u{7F}", "\u{FEFF}", "\u{2028}", "\\", "\\n", ";", "'",
    "null", "-0", "1e5", "\"q\"",
  ]
  return (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
}

/// Finite numbers with every awkward spelling: signed zero, subnormals, the extremes, whole numbers
/// past 2^53, and any bit pattern.
private func awkwardNumber(_ rng: inout SplitMix64) -> Double {
  let specials: [Double] = [
    0, -0.0, 1, -1, 0.1, 0.30000000000000004, 1e15, 1e16, 123_456_789_012_345_680, .leastNonzeroMagnitude,
    2.2250738585072014e-308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e-7, .pi,
  ]
  if Bool.random(using: &rng) { return specials.randomElement(using: &rng)! }
  while true {
    let value = Double(bitPattern: rng.next())
    if value.isFinite { return value }
  }
}

private func awkwardScenario(_ rng: inout SplitMix64) -> Scenario {
  let count = Int.random(in: 1...12, using: &rng)
  let terminated = (0..<count).map { _ in Int.random(in: 0..<4, using: &rng) == 0 }
  let truncated = (0..<count).map { _ in Int.random(in: 0..<3, using: &rng) == 0 }
  // Final values only on truncated steps, where a file may give them.
  let finalValues = (0..<count).map { t in truncated[t] && Bool.random(using: &rng) ? awkwardNumber(&rng) : nil }
  func parameter() -> Double? {
    [nil, 0, 1, -0.0, .leastNonzeroMagnitude, 0.99, Double.random(in: 0...1, using: &rng)].randomElement(using: &rng)!
  }
  return Scenario(
    name: awkwardText(&rng), description: awkwardText(&rng, maxPieces: 16), gamma: parameter(), lambda: parameter(),
    rollout: try! Rollout(
      rewards: (0..<count).map { _ in awkwardNumber(&rng) }, values: (0...count).map { _ in awkwardNumber(&rng) },
      terminated: terminated, truncated: truncated, finalValues: finalValues,
      labels: (0..<count).map { _ in awkwardText(&rng) }))
}

private func message(_ text: String) -> String? {
  do {
    _ = try Scenario(csv: text)
    return nil
  } catch {
    return error.description
  }
}

@Suite("Scenario files: CSV")
struct ScenarioCSVTests {
  @Test func importsStepsAndTheBootstrapRow() throws {
    let scenario = try Scenario(
      csv: """
        # name: Tiny
        # gamma: 0.9
        value,reward,terminated,truncated,final_value,label
        0.5,1,0,0,,"a, b"
        0.25,0,false,true,0.7,limit
        0.1,,,,,
        """)
    #expect(scenario.name == "Tiny" && scenario.gamma == 0.9 && scenario.lambda == nil)
    #expect(scenario.rollout.rewards == [1, 0])
    #expect(scenario.rollout.values == [0.5, 0.25, 0.1])
    #expect(scenario.rollout.truncated == [false, true])
    #expect(scenario.rollout.finalValues == [nil, 0.7])
    #expect(scenario.rollout.labels == ["a, b", "limit"])
  }

  // MARK: Windows and Excel

  @Test func readsAFileAsExcelSavesCSVUTF8() throws {
    #expect(identical(try Scenario(csv: excelFile), excelScenario))
  }

  @Test func loadsAnExcelFileFromDisk() throws {
    let scratch = try ScratchDirectory("gaeviz-csv-tests")
    let path = scratch.path + "/excel.csv"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(excelFile)))
    #expect(identical(try Scenario.load(path: path), excelScenario))
  }

  @Test(arguments: ["\n", "\r\n", "\r"], [false, true])
  func lineBreaksMayBeLFOrCRLFOrCRWithOrWithoutAByteOrderMark(lineBreak: String, byteOrderMark: Bool) throws {
    let text = [
      "# name: breaks", "# description: one", "# description:", "# description: three",
      "reward,value,terminated,truncated",
      "1,0.5,0,0", "", "2,0.25,1,0", ",0.125,,", "",
    ].joined(separator: lineBreak)
    let bytes = (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    let scenario = try Scenario(csv: bytes)
    #expect(scenario.name == "breaks" && scenario.description == "one\n\nthree")
    #expect(scenario.rollout.rewards == [1, 2] && scenario.rollout.values == [0.5, 0.25, 0.125])
    #expect(scenario.rollout.terminated == [false, true])
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func errorPositionsCountEveryKindOfLineBreak(lineBreak: String) {
    let text = ["# name: x", "reward,value,terminated,truncated", "1,0,0,0", ",x,,"].joined(separator: lineBreak)
    #expect(message(text) == "line 4, column 2: value (step 1): \"x\" is not a number")
  }

  @Test func aByteOrderMarkIsNeitherPartOfTheFirstColumnNorAColumnOfItsOwn() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("reward,value,terminated,truncated,bonus\n".utf8)
    #expect(
      throws: ScenarioError.syntax(
        line: 1, column: 35, message: "unknown column \"bonus\" (known: \(Scenario.CSVColumn.known))")
    ) {
      try Scenario(csv: bytes)
    }
  }

  @Test func aQuotedFieldMayHoldLineBreaksOfAnyKind() throws {
    let scenario = try Scenario(csv: "reward,value,terminated,truncated,label\r\n1,0,0,0,\"a\r\nb\nc\rd\"\r\n,0,,,\r\n")
    #expect(scenario.rollout.labels == ["a\r\nb\nc\rd"])
    #expect(
      message("reward,value,terminated,truncated,label\r\n1,0,0,0,\"a\r\nb\"\r\nx,0,0,0\r\n,0,,,")
        == "line 4, column 1: reward (step 1): \"x\" is not a number")
  }

  @Test func spreadsheetPaddingIsIgnoredButNotData() throws {
    // Empty cells after the last named column, on the header and the rows; rows of empty cells.
    let padded = try Scenario(csv: "reward,value,terminated,truncated,,\n,,,,,\n1,0,0,0,,\n,,,,,\n,0.5,,,,\n,,,,,\n")
    #expect(padded.rollout.rewards == [1] && padded.rollout.values == [0, 0.5])
    #expect(
      message("reward,value,terminated,truncated,,\n1,0,0,0,,x\n,0.5,,,,\n")
        == "line 2, column 10: step 0: field 6, \"x\", lies beyond the header's 4 columns")
  }

  @Test func invalidUTF8IsReportedWithItsPositionAfterCROnlyLines() throws {
    let bytes = Array("reward,value,terminated,truncated,label\r1,0,0,0,ab".utf8) + [0xFF] + Array("\r,0,,,".utf8)
    #expect(throws: ScenarioError.notUTF8(line: 2, column: 11)) { try Scenario(csv: bytes) }
    let scratch = try ScratchDirectory("gaeviz-csv-tests")
    let path = scratch.path + "/bad.csv"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    #expect(throws: ScenarioFileError(path: path, error: .notUTF8(line: 2, column: 11))) {
      try Scenario.load(path: path)
    }
  }

  // MARK: Performance

  /// Each `# description:` line is appended in place. Joining them anew for each line took 7.7 s
  /// for 40,000 lines, and minutes for these 150,000; read in linear time, about a second.
  @Test(.timeLimit(.minutes(1)))
  func aLongDescriptionIsReadInLinearTime() throws {
    let lines = 150_000
    var text = ""
    for line in 0..<lines { text += "# description: line \(line) of notes pasted from a long teaching document\n" }
    text += "reward,value,terminated,truncated\n1,0,0,0\n,0,,\n"
    let scenario = try Scenario(csv: text)
    #expect(scenario.description.utf8.count(where: { $0 == UInt8(ascii: "\n") }) == lines - 1)
    #expect(scenario.description.hasSuffix("line 149999 of notes pasted from a long teaching document"))
  }

  // MARK: Round trips

  @Test func everyFieldSurvivesJSONToCSVToJSON() throws {
    let scenario = Scenario(
      name: "  two\nlines, \"quoted\"  ",
      description: "\n  indented first line\n\nafter a blank line,\r\n\"quoted\" start\ttab end\t\n# not a comment\n",
      gamma: 0.30000000000000004, lambda: -0.0,
      rollout: try Rollout(
        rewards: [-0.0, .leastNonzeroMagnitude, 1e300, 0.1, 123_456_789_012_345_680],
        values: [.greatestFiniteMagnitude, -2.2250738585072014e-308, 1e15, -1, .pi, 0],
        terminated: [false, true, false, true, false], truncated: [false, false, true, true, false],
        finalValues: [nil, nil, -0.0, 7, nil],
        labels: ["  spaced  ", "line\nbreak", "comma, \"quote\"", "\r\n", "# γ😀 e\u{301}"]))
    let json = try Scenario(json: Array(scenario.jsonText().utf8))
    let csv = try Scenario(csv: json.csvText())
    #expect(identical(csv, scenario))
    #expect(identical(try Scenario(json: Array(csv.jsonText().utf8)), scenario))
  }

  /// The property `convert` relies on: for any scenario a file can hold, JSON → CSV → JSON gives
  /// back the same text, and CSV → scenario the same scenario, bit for bit.
  @Test func randomScenariosRoundTripThroughCSVExactly() throws {
    var rng = SplitMix64(name: "csv round trip")
    for _ in 0..<500 {
      let scenario = awkwardScenario(&rng)
      let csv = scenario.csvText()
      let read = try Scenario(csv: csv)
      #expect(identical(read, scenario), "\(csv)")
      #expect(read.jsonText().utf8.elementsEqual(scenario.jsonText().utf8))
    }
  }

  @Test func numbersAreCorrectlyRoundedAsInJSON() throws {
    let texts = [
      "0.1", "-0.3", "1e-7", "123456789012345678901234567890", "2.2250738585072014e-308", "0.30000000000000004",
      "1.7976931348623157e308", "-0", "4.9e-324", "9007199254740993", "1E+2", "3.14159265358979323846",
    ]
    let rows = texts.map { "\($0),0,0,0\n" }.joined()
    let scenario = try Scenario(csv: "reward,value,terminated,truncated\n\(rows),0,,\n")
    #expect(scenario.rollout.rewards.map(\.bitPattern) == texts.map { Double($0)!.bitPattern })
  }

  // MARK: Malformed files

  @Test(arguments: [
    ("", "line 1, column 1: no header row (expected reward,value,terminated,truncated)"),
    (
      "reward,value,terminated\n1,0,0\n,0,,",
      "line 1, column 1: the header has no \"truncated\" column (required: reward, value, terminated, truncated)"
    ),
    (
      "# name: x\n# gamma: 0.5\n\nreward,value,terminated,truncated,bonus\n",
      "line 4, column 35: unknown column \"bonus\" (known: reward, value, terminated, truncated, final_value, label)"
    ),
    ("reward,value,value,terminated,truncated\n", "line 1, column 14: column \"value\" appears twice"),
    ("reward,,value,terminated,truncated\n", "line 1, column 8: column 2 of the header has no name"),
    ("reward,value,terminated,truncated\n", "rewards: the rollout is empty (T must be at least 1)"),
    ("reward,value,terminated,truncated\n,0,,\n", "rewards: the rollout is empty (T must be at least 1)"),
    ("reward,value,terminated,truncated\nx,0,0,0\n,0,,", "line 2, column 1: reward (step 0): \"x\" is not a number"),
    ("reward,value,terminated,truncated\n,0,0,0\n,0,,", "line 2, column 1: reward (step 0): missing"),
    ("reward,value,terminated,truncated\n1\n,0,,", "line 2, column 2: value (step 0): missing"),
    (
      "reward,value,terminated,truncated\n1,0,maybe,0\n,0,,",
      "line 2, column 5: terminated (step 0): \"maybe\" is not true, false, 0 or 1"
    ),
    // Columns count characters, not bytes: γ is two bytes, 😀 four.
    (
      "label,reward,value,terminated,truncated\nγ😀é,1,x,0,0\n,,0,,",
      "line 2, column 7: value (step 0): \"x\" is not a number"
    ),
    (
      "reward,value,terminated,truncated\n1,0,0,0\n1,0,0,0",
      "line 3, column 1: the last row must hold only the bootstrap value (leave reward empty)"
    ),
    (
      "reward,value,terminated,truncated\n1,0,0,0\n,0.5,1,",
      "line 3, column 6: the last row must hold only the bootstrap value (leave terminated empty)"
    ),
    (
      "reward,value,terminated,truncated\n1,0,0,0\n,0.5,,true",
      "line 3, column 7: the last row must hold only the bootstrap value (leave truncated empty)"
    ),
    (
      "reward,value,terminated,truncated,final_value,label\n1,0,0,1,,\n,0.5,,,0.2,",
      "line 3, column 8: the last row must hold only the bootstrap value (leave final_value empty)"
    ),
    (
      "reward,value,terminated,truncated,final_value,label\n1,0,0,1,,\n,0.5,,,,end",
      "line 3, column 9: the last row must hold only the bootstrap value (leave label empty)"
    ),
    // A row of empty cells is padding: here the bootstrap row is missing.
    (
      "reward,value,terminated,truncated\n1,0,0,0\n,,,",
      "line 2, column 1: the last row must hold only the bootstrap value (leave reward empty)"
    ),
    (
      "reward,value,terminated,truncated\n1,0,0,0,7\n,0,,",
      "line 2, column 9: step 0: field 5, \"7\", lies beyond the header's 4 columns"
    ),
    (
      "reward,value,terminated,truncated\n1,0,0,0\n,0,,,\"x\"",
      "line 3, column 6: the last row: field 5, \"x\", lies beyond the header's 4 columns"
    ),
    (
      "reward,value,terminated,truncated,final_value\n1,0,0,0,0.5\n,0,,,",
      "line 2, column 9: final_value (step 0): a final value on a step that is not truncated (leave it empty, or mark the step truncated)"
    ),
    (
      "reward,value,terminated,truncated,final_value\n1,0,1,0,0.5\n,0,,,",
      "line 2, column 9: final_value (step 0): a final value on a step that is not truncated (leave it empty, or mark the step truncated)"
    ),
    // JSON's number grammar, as in the JSON reader.
    (
      "reward,value,terminated,truncated\n0x1p-2,0,0,0\n,0,,",
      "line 2, column 1: reward (step 0): \"0x1p-2\" is not a number (numbers are written as in JSON)"
    ),
    (
      "reward,value,terminated,truncated\n+1,0,0,0\n,0,,",
      "line 2, column 1: reward (step 0): \"+1\" is not a number (numbers are written as in JSON)"
    ),
    (
      "reward,value,terminated,truncated\n.5,0,0,0\n,0,,",
      "line 2, column 1: reward (step 0): \".5\" is not a number (numbers are written as in JSON)"
    ),
    (
      "reward,value,terminated,truncated\n1.,0,0,0\n,0,,",
      "line 2, column 1: reward (step 0): \"1.\" is not a number (numbers are written as in JSON)"
    ),
    (
      "reward,value,terminated,truncated\n01,0,0,0\n,0,,",
      "line 2, column 1: reward (step 0): \"01\" is not a number (numbers are written as in JSON)"
    ),
    ("reward,value,terminated,truncated\n1,0,0,0\n,inf,,", "line 3, column 2: value (step 1): \"inf\" is not a number"),
    (
      "reward,value,terminated,truncated\nNaN,0,0,0\n,0,,", "line 2, column 1: reward (step 0): \"NaN\" is not a number"
    ),
    (
      "reward,value,terminated,truncated\n1,0,0,0\n,-1e999,,",
      "line 3, column 2: value (step 1): -1e999 is not a finite number"
    ),
    ("# gamma: 2\nreward,value,terminated,truncated\n1,0,0,0\n,0,,", "gamma: 2.0 is outside [0, 1]"),
    (
      "# gamma: +0.5\nreward,value,terminated,truncated\n1,0,0,0\n,0,,",
      "line 1, column 10: gamma: \"+0.5\" is not a number"
    ),
    (
      "# lambda: .9\nreward,value,terminated,truncated\n1,0,0,0\n,0,,",
      "line 1, column 11: lambda: \".9\" is not a number"
    ),
    ("# gamma: 0.5\n# gamma: 0.6\nreward,value,terminated,truncated\n", "line 2, column 1: \"gamma\" appears twice"),
    ("# name: a\n# Name: b\nreward,value,terminated,truncated\n", "line 2, column 1: \"name\" appears twice"),
    // A message is one line, whatever the field holds; long text is cut.
    (
      "reward,value,terminated,truncated\n\"1\r\n2\",0,0,0\n,0,,",
      "line 2, column 1: reward (step 0): \"1\\r\\n2\" is not a number (numbers are written as in JSON)"
    ),
    (
      "reward,value,terminated,truncated\n\(String(repeating: "x", count: 50)),0,0,0\n,0,,",
      "line 2, column 1: reward (step 0): \"\(String(repeating: "x", count: 40))…\" is not a number"
    ),
    (
      "\"# gamma: 0\n5\",,\nreward,value,terminated,truncated\n", "line 1, column 1: gamma: \"0\\n5\" is not a number"
    ),
    (
      "reward,value,terminated,truncated,label\n1,0,0,0,\"open\n,0,,",
      "line 2, column 9: unterminated quoted field (its closing quote is missing)"
    ),
    (
      "reward,value,terminated,truncated,label\n1,0,0,0,\"a\"b\n,0,,,",
      "line 2, column 12: unexpected text after the closing quote of a quoted field"
    ),
  ])
  func malformedCSVNamesTheProblem(text: String, expected: String) {
    #expect(message(text) == expected)
  }

  @Test func theFuzzersCSVSeedsAreValidScenarios() throws {
    // They seed the fuzzer and its replay in CI with CSV as Windows and Excel write it; a seed the
    // reader refuses would only exercise the first error.
    let folder = packageRoot + "/Tests/fuzz/regressions"
    let seeds = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }
    #expect(seeds.count >= 6)
    for seed in seeds {
      #expect(throws: Never.self, "\(seed)") { try Scenario.load(path: folder + "/" + seed) }
    }
  }
}

@Suite("Scenario files: CSV rows that look like comments")
struct ScenarioCSVHashTests {
  /// After the header a row whose label starts with "#" is data, not a comment dropped in
  /// silence; a line without commas is still a comment.
  @Test func aRowWhoseLabelStartsWithAHashIsData() throws {
    let text = "label,reward,value,terminated,truncated\nstart,0,0.1,0,0\n#2 coin,1,0.2,0,0\n# a note\n,,0.3,,\n"
    let scenario = try Scenario(csv: Array(text.utf8))
    #expect(scenario.rollout.count == 2)
    #expect(scenario.rollout.labels?[1] == "#2 coin")
  }
}
