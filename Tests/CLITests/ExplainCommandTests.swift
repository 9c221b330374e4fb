import Foundation
import GAECore
import TestSupport
import Testing

@Suite("gae-viz explain and trace --estimator")
struct ExplainCommandTests {
  @Test func explainPrintsBothViewsAndTheirSums() throws {
    let result = try run(["explain", "--t", "5"])
    #expect(result.status == 0)
    let trace = GAE.trace(for: Scenario.builtInDefault.rollout, gamma: 0.99, lambda: 0.95)
    let a = NumberFormat.fixed(trace.advantage[5], digits: 4)
    #expect(result.stdout.hasPrefix("A_5 = \(a) at gamma 0.99, lambda 0.95"))
    #expect(result.stdout.contains("sum of contributions = \(a)"))
    #expect(result.stdout.contains("weighted sum = \(a)"))
  }

  @Test func explainJSONHasTheDocumentedShape() throws {
    let result = try run(["explain", "--t", "0", "--format", "json", "--lambda", "1"])
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["t", "advantage", "horizon", "terms", "n_step"])
    let terms = try #require(object["terms"] as? [[String: Any]])
    let steps = try #require(object["n_step"] as? [[String: Any]])
    #expect(terms.count == 5 && steps.count == 5)  // t = 0 … 4, the first episode
    #expect(Set(terms[0].keys) == ["t", "weight", "delta", "contribution"])
    #expect(Set(steps[0].keys) == ["n", "advantage", "weight"])
    #expect((steps.last?["weight"] as? Double) == 1)  // λ = 1: all weight on the Monte-Carlo advantage
  }

  @Test func aTimeStepOutsideTheRolloutIsOneLine() throws {
    let result = try run(["explain", "--t", "12"])
    #expect(result.status == 1)
    #expect(result.stderr == "gae-viz: the built-in scenario: --t 12 is outside 0…11 (T = 12)\n")
  }

  @Test func estimatorsFillTheAdvantageColumn() throws {
    let rollout = Scenario.builtInDefault.rollout
    let td = try run(["trace", "--estimator", "td", "--format", "json"])
    let mc = try run(["trace", "--estimator", "mc", "--format", "json"])
    #expect(td.status == 0 && mc.status == 0)
    func advantages(_ text: String) throws -> [Int: Double] {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let steps = try #require(object["steps"] as? [[String: Any]])
      return Dictionary(uniqueKeysWithValues: steps.map { ($0["t"] as! Int, $0["advantage"] as! Double) })
    }
    let deltas = GAE.deltas(for: rollout, gamma: 0.99)
    let monteCarlo = Estimators.monteCarloAdvantages(for: rollout, gamma: 0.99)
    // Foundation's JSON reader is not exact to the last bit on Linux: compare to 1e-12.
    let (gotTD, gotMC) = (try advantages(td.stdout), try advantages(mc.stdout))
    #expect(gotTD.count == 12 && gotMC.count == 12)
    for t in 0..<12 {
      #expect(abs(gotTD[t]! - deltas[t]) < 1e-12 && abs(gotMC[t]! - monteCarlo[t]) < 1e-12)
    }
    let conflict = try run(["trace", "--estimator", "td", "--lambda", "0.5"])
    #expect(conflict.status == 64 && conflict.stderr.contains("--lambda has no meaning with --estimator td"))
  }
}

@Suite("Negative numbers on the command line")
struct NegativeArgumentTests {
  @Test func aNegativeTIsToldTheRangeAndMinusZeroIsZero() throws {
    let explain = try run(["explain", "--t", "-1"])
    #expect(
      explain.status == 1 && explain.stderr == "gae-viz: the built-in scenario: --t -1 is outside 0…11 (T = 12)\n")
    let trace = try run(["trace", "--gamma=-0"])
    #expect(trace.status == 0 && trace.stdout.hasPrefix("Goal, time limit, and a rollout cut short  γ 0.00  λ 0.95"))
  }
}

@Suite("Overflowing rollouts on the command line")
struct OverflowCommandTests {
  @Test func hugeNumbersAreShortAndTheEstimatorsCarryWhatTheyAdd() throws {
    let scratch = try ScratchDirectory("gaeviz-overflow")
    let path = scratch.path + "/ovf.json"
    try #"{"rewards": [1e308, -1e308], "values": [-1e308, 0, -1e308], "terminated": [0, 0], "truncated": [0, 0]}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    let explain = try run(["explain", path, "--t", "0"])
    #expect(explain.status == 0 && explain.stdout.contains("e+306"))
    #expect(explain.stdout.split(separator: "\n").allSatisfy { $0.count < 160 })
    let td = try run(["trace", path, "--estimator", "td", "--format", "csv"])
    // δ + carry = A on every row: the TD error adds nothing (0), never 0·(−∞) = NaN.
    let rows = td.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
    #expect(rows.allSatisfy { $0[8] == "0" })
  }
}
