/// `gae-viz explain`'s output: an `Explanation` as a table for people or JSON for scripts.
public enum ExplanationFormat: String, CaseIterable, Sendable {
  case table
  case json

  public func render(_ explanation: Explanation, gamma: Double, lambda: Double, digits: Int = 4) -> String {
    switch self {
    case .json: return Self.json(explanation)
    case .table: return Self.table(explanation, gamma: gamma, lambda: lambda, digits: digits)
    }
  }

  /// `{"t", "advantage", "horizon", "terms": [{"t", "weight", "delta", "contribution"}],
  /// "n_step": [{"n", "advantage", "weight"}]}`, numbers to full round-trip precision.
  static func json(_ explanation: Explanation) -> String {
    let number = TraceFormat.jsonNumber
    var text = "{\"t\": \(explanation.t), \"advantage\": \(number(explanation.advantage)), "
    text += "\"horizon\": \(number(explanation.horizon)),\n \"terms\": ["
    text += explanation.terms.map { term in
      "\n  {\"t\": \(term.t), \"weight\": \(number(term.weight)), \"delta\": \(number(term.delta)), "
        + "\"contribution\": \(number(term.contribution))}"
    }.joined(separator: ",")
    text += "],\n \"n_step\": ["
    text += explanation.nStep.map { step in
      "\n  {\"n\": \(step.n), \"advantage\": \(number(step.advantage)), \"weight\": \(number(step.weight))}"
    }.joined(separator: ",")
    return text + "]}\n"
  }

  static func table(_ explanation: Explanation, gamma: Double, lambda: Double, digits: Int) -> String {
    // A huge number in its shortest exact form (2.99e+306), not hundreds of digits.
    func fixed(_ value: Double) -> String {
      value.isFinite && abs(value) >= 1e15 ? String(value) : NumberFormat.fixed(value, digits: digits)
    }
    func row(_ cells: [String], widths: [Int]) -> String {
      zip(cells, widths).map { String(repeating: " ", count: max($1 - $0.count, 0)) + $0 }.joined(separator: "  ")
    }
    let t = explanation.t
    var lines = [
      "A_\(t) = \(fixed(explanation.advantage)) at gamma \(NumberFormat.parameter(gamma)), "
        + "lambda \(NumberFormat.parameter(lambda)); horizon 1/(1-gamma*lambda) = \(fixed(explanation.horizon))",
      "",
      "The backward view: A_\(t) = sum over k of (gamma*lambda)^k * delta_(\(t)+k), to the end of the episode",
    ]
    let termRows = explanation.terms.map { [String($0.t), fixed($0.weight), fixed($0.delta), fixed($0.contribution)] }
    let termHeader = ["t", "weight", "delta", "contribution"]
    let termWidths = (0..<4).map { column in ([termHeader] + termRows).map { $0[column].count }.max() ?? 0 }
    lines.append(row(termHeader, widths: termWidths))
    lines += termRows.map { row($0, widths: termWidths) }
    lines.append("sum of contributions = \(fixed(explanation.sumOfTerms))")
    lines.append("")
    lines.append(
      "The forward view: A_\(t) = sum over n of w_n * A(n), the n-step advantages, "
        + "w_n = (1-lambda)*lambda^(n-1), the rest on the last")
    let stepRows = explanation.nStep.map { [String($0.n), fixed($0.advantage), fixed($0.weight)] }
    let stepHeader = ["n", "A(n)", "weight"]
    let stepWidths = (0..<3).map { column in ([stepHeader] + stepRows).map { $0[column].count }.max() ?? 0 }
    lines.append(row(stepHeader, widths: stepWidths))
    lines += stepRows.map { row($0, widths: stepWidths) }
    lines.append("weighted sum = \(fixed(explanation.weightedNStep))")
    return lines.joined(separator: "\n") + "\n"
  }
}
