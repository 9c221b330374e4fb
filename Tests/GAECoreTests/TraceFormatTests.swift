import Foundation
import TestSupport
import Testing

@testable import GAECore

@Suite("trace output formats")
struct TraceFormatTests {
  let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)

  @Test func jsonFollowsTheContractAndRoundTrips() throws {
    let text = TraceFormat.json.render(trace, name: "x \"y\"")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["name"] as? String == "x \"y\"")
    #expect(object["gamma"] as? Double == 0.99)
    #expect(object["lambda"] as? Double == 0.95)
    let steps = try #require(object["steps"] as? [[String: Any]])
    #expect(steps.count == 12)
    #expect(
      Set(steps[0].keys)
        == Set([
          "step", "t", "reward", "value", "next_value", "terminated", "truncated", "delta", "carry", "advantage",
          "return",
        ]))
    for (index, step) in steps.enumerated() {
      #expect(step["step"] as? Int == index + 1)
      #expect(step["t"] as? Int == 11 - index)
    }
    // Foundation's JSONSerialization on Linux does not round numbers correctly, so read the
    // numbers with the standard library's parser to check they round-trip exactly.
    let stepLines = text.split(separator: "\n").filter { $0.contains("\"step\"") }
    for line in stepLines {
      let t = Int(Self.field("t", in: line))!
      #expect(Double(Self.field("advantage", in: line)) == trace.advantage[t])
      #expect(Double(Self.field("delta", in: line)) == trace.delta[t])
      #expect(Double(Self.field("return", in: line)) == trace.returns[t])
      #expect(Double(Self.field("next_value", in: line)) == trace.nextValue[t])
    }
  }

  static func field(_ key: String, in line: Substring) -> String {
    let start = line.range(of: "\"\(key)\": ")!.upperBound
    return String(line[start...].prefix { $0 != "," && $0 != "}" })
  }

  @Test func csvHasAHeaderAndFullPrecision() {
    let lines = TraceFormat.csv.render(trace, name: "").split(separator: "\n")
    #expect(lines.count == 13)
    #expect(lines[0] == "step,t,reward,value,next_value,terminated,truncated,delta,carry,advantage,return")
    for line in lines.dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      let t = Int(fields[1])!
      #expect(Double(String(fields[9])) == trace.advantage[t])
      #expect(Double(String(fields[4])) == trace.nextValue[t])
    }
  }

  @Test func tableAndMarkdownRoundToTheDigitsAsked() {
    let table = TraceFormat.table.render(trace, name: "n", digits: 3)
    #expect(table.hasPrefix("n  γ 0.99  λ 0.95  γλ 0.9405  T 12\n"))
    #expect(table.contains(NumberFormat.fixed(trace.advantage[0], digits: 3)))
    #expect(table.split(separator: "\n").count == 14)
    let markdown = TraceFormat.markdown.render(trace, name: "a|b", digits: 2)
    #expect(markdown.hasPrefix("**a\\|b** — γ 0.99  λ 0.95  γλ 0.9405  T 12\n\n| step | t |"))
    #expect(markdown.contains("| 8 | 4 | 1.00 | 0.90 | 0.00 | 0.10 | 0.00 | 0.10 | 1.00 | terminated |"))
  }

  /// The fast path must spell every number exactly as printf's %.*f does: random bit patterns,
  /// short decimals, exact ties (k/2^n, where only the binary value decides), 9.995-style
  /// near-ties, huge and tiny magnitudes, ±0, for every number of digits the CLI accepts.
  @Test func fixedIsPrintfExactly() {
    var rng = SplitMix64(name: "fixed")
    var samples: [Double] = [
      0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 2.675, 9.995, 0.045, 1e15, 1e22, 1e-300, .leastNonzeroMagnitude,
    ]
    for _ in 0..<20_000 {
      let bits = rng.next()
      let fromBits = Double(bitPattern: bits)
      if fromBits.isFinite { samples.append(fromBits) }
      samples.append(Double(Int.random(in: -100_000...100_000, using: &rng)) / 1000)
      samples.append(
        Double(Int.random(in: -(1 << 20)...(1 << 20), using: &rng)) / Double(1 << Int.random(in: 0...30, using: &rng)))
      samples.append(Double.random(in: -1...1, using: &rng) * pow(10, Double(Int.random(in: -12...25, using: &rng))))
    }
    var mismatches: [String] = []
    for value in samples {
      for digits in 0...17 {
        let expected = String(format: "%.*f", digits, value)
        let actual = NumberFormat.fixed(value, digits: digits)
        if actual != expected && mismatches.count < 5 {
          mismatches.append("\(value) \(digits): \(actual) ≠ \(expected)")
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }

  /// A rollout whose passes overflow: huge rewards and values of both signs, so δ, A and the
  /// return reach ±inf and NaN (inf − inf) at some steps, next to ordinary and negative-zero ones.
  static func overflowing(count: Int, seed: UInt64) -> Rollout {
    var rng = SplitMix64(seed: seed)
    func sample() -> Double {
      switch Int.random(in: 0..<6, using: &rng) {
      case 0: return Double.random(in: -1...1, using: &rng) * 1.7e308
      case 1: return -0.0
      case 2: return Double(Int.random(in: -99_999...99_999, using: &rng)) / 10_000 + 0.000_05
      default: return Double.random(in: -3...3, using: &rng)
      }
    }
    return randomRolloutLike(
      count: count, rewards: (0..<count).map { _ in sample() }, values: (0...count).map { _ in sample() })
  }

  static func randomRolloutLike(count: Int, rewards: [Double], values: [Double]) -> Rollout {
    let shape = randomRollout(count: count, seed: UInt64(count))
    return try! Rollout(
      rewards: rewards, values: values, terminated: shape.terminated, truncated: shape.truncated,
      finalValues: shape.finalValues)
  }

  /// The table as it was built before streaming: every row spelt, widths from every cell.
  static func wholeTable(_ trace: GAETrace, name: String, digits: Int) -> String {
    let rows = trace.steps.map { TraceFormat.cells($0, digits: digits) }
    var widths = TraceFormat.tableHeader.map(\.utf8.count)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.utf8.count) }
    }
    var out = name + "  " + TraceFormat.parameters(trace) + "\n"
    for row in [TraceFormat.tableHeader] + rows {
      var spaces = 0
      for (index, cell) in row.enumerated() {
        let last = index == row.count - 1
        if !last { spaces += widths[index] - cell.utf8.count }
        if !cell.isEmpty {
          out += String(repeating: " ", count: spaces) + cell
          spaces = 0
        }
        if !last { spaces += 2 }
      }
      out += "\n"
    }
    return out
  }

  /// The streamed table finds its widths without spelling every row: it must still match the
  /// table built from every cell, overflows, −0 and numbers that round up a digit included.
  @Test func theStreamedTableIsTheTableBuiltWhole() {
    for seed in 0..<40 {
      let rollout =
        seed.isMultiple(of: 2)
        ? Self.overflowing(count: 60, seed: UInt64(seed)) : randomRollout(count: 60, seed: UInt64(seed))
      let trace = GAETrace(rollout: rollout, gamma: 0.99, lambda: 0.95)
      for digits in [0, 1, 4, 17] {
        #expect(
          TraceFormat.table.render(trace, name: "n", digits: digits)
            == Self.wholeTable(trace, name: "n", digits: digits))
      }
    }
    let nines = makeRollout(rewards: [9.99996, -9.99996, 0.5], values: [0, -0.0, 0, 99.99999])
    let trace = GAETrace(rollout: nines, gamma: 1, lambda: 1)
    #expect(TraceFormat.table.render(trace, name: "n", digits: 4) == Self.wholeTable(trace, name: "n", digits: 4))
  }

  /// Every format arrives in chunks of about the size asked for, never the whole text at once,
  /// and the chunks put together are the whole text.
  @Test(arguments: TraceFormat.allCases)
  func outputIsStreamedInChunks(format: TraceFormat) {
    let trace = GAETrace(rollout: randomRollout(count: 5_000, seed: 3), gamma: 0.9, lambda: 0.8)
    let whole = format.render(trace, name: "chunks", digits: 3)
    var sizes: [Int] = []
    var joined: [UInt8] = []
    format.write(trace, name: "chunks", digits: 3, chunkSize: 4096) { (chunk: UnsafeRawBufferPointer) throws(Never) in
      sizes.append(chunk.count)
      joined.append(contentsOf: chunk)
    }
    #expect(String(decoding: joined, as: UTF8.self) == whole)
    #expect(sizes.count > whole.utf8.count / 8192)
    #expect(sizes.max()! < 4096 + 1024)
  }

  /// A sink that fails stops the writer at once: nothing more is spelt or sent.
  @Test func aFailingSinkStopsTheWriter() {
    struct Full: Error {}
    let trace = GAETrace(rollout: randomRollout(count: 5_000, seed: 4), gamma: 0.9, lambda: 0.8)
    var calls = 0
    #expect(throws: Full.self) {
      try TraceFormat.csv.write(trace, name: "", chunkSize: 1024) { (_: UnsafeRawBufferPointer) throws(Full) in
        calls += 1
        if calls == 2 { throw Full() }
      }
    }
    #expect(calls == 2)
  }

  /// JSON and CSV have no spelling for an overflowed number; trace prints Infinity, -Infinity
  /// and NaN (quoted in JSON, which then stays strict JSON), never null.
  @Test func overflowsAreSpeltInfinityAndNaN() throws {
    let rollout = makeRollout(rewards: [1e308, -1e308, 1.7e308, 1.7e308], values: [-1e308, 0, -1e308, 0, 0])
    let trace = GAETrace(rollout: rollout, gamma: 1, lambda: 1)
    #expect(trace.advantage.contains { $0.isNaN } && trace.advantage.contains { $0 == .infinity })
    let json = TraceFormat.json.render(trace, name: "o")
    #expect(!json.contains("null"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let steps = try #require(object["steps"] as? [[String: Any]])
    for step in steps {
      let t = try #require(step["t"] as? Int)
      for (key, value) in [("advantage", trace.advantage[t]), ("delta", trace.delta[t]), ("return", trace.returns[t])]
      where !value.isFinite {
        #expect(step[key] as? String == (value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity"))
      }
    }
    let csv = TraceFormat.csv.render(trace, name: "")
    #expect(!csv.contains("null"))
    for line in csv.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      let t = Int(fields[1])!
      // Swift's Double(String) reads the three words back, as Python's float does.
      let advantage = try #require(Double(String(fields[9])))
      #expect(advantage.bitPattern == trace.advantage[t].bitPattern || (advantage.isNaN && trace.advantage[t].isNaN))
    }
    #expect(csv.contains(",Infinity") && csv.contains(",-Infinity") && csv.contains(",NaN"))
    let table = TraceFormat.table.render(trace, name: "o")
    #expect(table.contains(" inf") && table.contains(" -inf") && table.contains(" nan"))
  }

  /// A name is data: in table and markdown its controls and bidi marks are spelt out; in JSON
  /// they are \u escapes, which read back as the same name.
  @Test func namesCannotDriveTheTerminal() throws {
    let name = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\r\nline two\u{7F}\u{9B}1m\u{202E}txt.exe|"
    for format in [TraceFormat.table, .markdown] {
      let text = format.render(trace, name: name)
      #expect(!text.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
      #expect(
        text.hasPrefix(format == .table ? "x\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{D}\\u{A}line two" : "**x\\u{1B}]0;"))
      #expect(text.split(separator: "\n").count == (format == .table ? 14 : 15))
    }
    let json = TraceFormat.json.render(trace, name: name)
    #expect(!json.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    #expect(
      json.hasPrefix("{\"name\": \"x\\u001b]0;pwned\\u0007\\u001b[2J\\r\\nline two\\u007f\\u009b1m\\u202etxt.exe|\""))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["name"] as? String == name)
  }

  @Test func numberFormats() {
    #expect(NumberFormat.fixed(-0.6124, digits: 3) == "-0.612")
    #expect(NumberFormat.signed(0.31, digits: 2) == "+0.31")
    #expect(NumberFormat.signed(-0.31, digits: 2) == "-0.31")
    #expect(NumberFormat.parameter(0.99) == "0.99")
    #expect(NumberFormat.parameter(0.9405) == "0.9405")
    #expect(NumberFormat.parameter(1) == "1.00")
    #expect(JSONText.number(0.1) == "0.1")
    #expect(JSONText.number(2) == "2")
    #expect(JSONText.number(-0.0) == "-0.0")
    #expect(JSONText.number(1e-5) == "1e-05")
  }
}
