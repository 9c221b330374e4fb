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
