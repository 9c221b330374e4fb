import ArgumentParser
import GAECore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate scenario files and summarise them (T, episodes, boundaries).",
    discussion: """
      A folder stands for the scenario files in it. Exit status 1 if any file is invalid. A \
      valid file whose δ, advantages or returns overflow to ±inf or NaN at its γ and λ gets a \
      warning on stderr, and does not change the exit status.
      """
  )

  @Argument(help: "Scenario files or folders.")
  var paths: [String]

  func validate() throws {
    if paths.isEmpty { throw ValidationError("name at least one scenario file or folder") }
  }

  func run() throws {
    var failures = 0
    for path in paths {
      let files: [String]
      if Scenario.isDirectory(path) {
        do {
          files = try Scenario.files(inDirectory: path)
        } catch {
          _ = failWithDataError("\(path): \(error)")
          failures += 1
          continue
        }
        if files.isEmpty {
          _ = failWithDataError("\(path): no .json or .csv scenario files in this folder")
          failures += 1
        }
      } else {
        files = [path]
      }
      for file in files {
        let scenario: Scenario
        do {
          scenario = try Scenario.load(path: file)
        } catch {
          _ = failWithDataError(error.description)
          failures += 1
          continue
        }
        let gamma = scenario.gamma.map { "  γ \(NumberFormat.parameter($0))" } ?? ""
        let lambda = scenario.lambda.map { "  λ \(NumberFormat.parameter($0))" } ?? ""
        // The path and the name are data: spelt out if they hold control characters.
        try StandardOutput.write(
          TerminalText.escaped("\(file): ok  \"\(scenario.name)\"  \(scenario.summary)\(gamma)\(lambda)") + "\n")
        if let warning = Self.overflowWarning(scenario) {
          StandardError.write("gae-viz: \(TerminalText.escaped("\(file): warning: \(warning)"))\n")
        }
      }
    }
    if failures > 0 { throw ExitCode(1) }
  }

  /// What overflows in the pass at the scenario's γ and λ (the defaults where it gives none), or
  /// nil: a valid file can still hold rewards and values so large that δ, A or the return is
  /// ±inf or NaN, which `trace` prints as Infinity and NaN, and the visualiser as inf and nan.
  static func overflowWarning(_ scenario: Scenario) -> String? {
    let gamma = scenario.gamma ?? Scenario.defaultGamma
    let lambda = scenario.lambda ?? Scenario.defaultLambda
    let trace = GAE.trace(for: scenario.rollout, gamma: gamma, lambda: lambda)
    var steps = 0
    var first: (t: Int, advantage: Double)?
    // In computation order, so the first one named is the first the pass reaches.
    for t in stride(from: trace.count - 1, through: 0, by: -1)
    where !(trace.delta[t].isFinite && trace.advantage[t].isFinite && trace.returns[t].isFinite) {
      steps += 1
      if first == nil { first = (t, trace.advantage[t]) }
    }
    guard let first else { return nil }
    return "at γ \(NumberFormat.parameter(gamma)), λ \(NumberFormat.parameter(lambda)) the pass overflows to ±inf or "
      + "NaN at \(steps) of \(trace.count) steps (first at t = \(first.t), A = \(NumberFormat.fixed(first.advantage, digits: 4)))"
  }
}
