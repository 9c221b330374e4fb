import ArgumentParser
import GAECore

extension ExplanationFormat: ExpressibleByArgument {}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Take A_t apart: the weighted TD errors that sum to it, and the n-step advantages it averages.",
    discussion: """
      terms run from t to the end of t's episode: weight (gamma*lambda)^k, delta_(t+k), and their \
      product; they sum to A_t. n_step runs from n = 1 to the steps left in the episode: the \
      n-step advantage and its weight (1-lambda)*lambda^(n-1), the rest on the last; their \
      weighted sum is A_t too. JSON: {"t", "advantage", "horizon", "terms": [{"t", "weight", \
      "delta", "contribution"}], "n_step": [{"n", "advantage", "weight"}]}.
      """
  )

  @Argument(help: "A scenario file (.json or .csv). Without it, the built-in scenario.")
  var path: String?

  // `.unconditional`, so that `--t -1` is told the range instead of "missing value".
  @Option(name: .customLong("t"), parsing: .unconditional, help: "The time step to explain, 0 to T-1.")
  var time: Int

  @OptionGroup var parameters: ParameterOptions

  @Option(help: "Output format: table or json.")
  var format: ExplanationFormat = .table

  func run() throws {
    let scenario = try loadScenario(path)
    guard (0..<scenario.rollout.count).contains(time) else {
      // The range depends on the file, so this is a fault of the data given, told in one line.
      let name = path.map { TerminalText.escaped($0) } ?? "the built-in scenario"
      throw failWithDataError(
        "\(name): --t \(time) is outside 0…\(scenario.rollout.count - 1) (T = \(scenario.rollout.count))")
    }
    let (gamma, lambda) = parameters.resolved(for: scenario)
    let trace = GAE.trace(for: scenario.rollout, gamma: gamma, lambda: lambda)
    let explanation = Explanation(trace: trace, t: time)
    try StandardOutput.write(format.render(explanation, gamma: gamma, lambda: lambda))
  }
}
