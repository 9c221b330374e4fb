import ArgumentParser
import GAECore

@main
struct GAEVizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gae-viz",
    abstract: "See Generalized Advantage Estimation: the backward pass, step by step.",
    discussion: """
      Without a subcommand, opens the visualiser on PATH (a scenario file, or a folder of them) or
      on the built-in scenario. `gae-viz trace` prints the same numbers for scripts and slides.
      """,
    version: "0.1.0",
    subcommands: [ViewCommand.self, TraceCommand.self, CheckCommand.self, ConvertCommand.self],
    defaultSubcommand: ViewCommand.self
  )
}

/// γ and λ overrides shared by the commands that compute.
struct ParameterOptions: ParsableArguments {
  @Option(name: .customLong("gamma"), help: "Discount γ in [0, 1]; overrides the file's (default 0.99).")
  var gamma: Double?

  @Option(name: .customLong("lambda"), help: "GAE λ in [0, 1]; overrides the file's (default 0.95).")
  var lambda: Double?

  func validate() throws {
    for (name, value) in [("--gamma", gamma), ("--lambda", lambda)] {
      if let value, !(value.isFinite && (0...1).contains(value)) {
        throw ValidationError("\(name) must be in [0, 1], got \(value)")
      }
    }
  }

  /// The flags win over the file, and the file over the seed's defaults.
  func resolved(for scenario: Scenario) -> (gamma: Double, lambda: Double) {
    (gamma ?? scenario.gamma ?? Scenario.defaultGamma, lambda ?? scenario.lambda ?? Scenario.defaultLambda)
  }
}

/// Bad input data: one line on stderr, exit status 1.
func failWithDataError(_ message: String) -> ExitCode {
  StandardError.write("gae-viz: \(message)\n")
  return ExitCode(1)
}

enum StandardError {
  static func write(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = writeToDescriptor(2, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
