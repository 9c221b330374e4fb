import ArgumentParser
import GAECore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
struct GAEVizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gae-viz",
    abstract: "See Generalized Advantage Estimation: the backward pass, step by step.",
    usage: """
      gae-viz [<path>] [--gamma <gamma>] [--lambda <lambda>]
      gae-viz trace [<path>] [--gamma <gamma>] [--lambda <lambda>] [--format <format>] [--digits <digits>]
                    [--estimator gae|td|mc] [-o <file> [--force]]
      gae-viz explain [<path>] --t <t> [--gamma <gamma>] [--lambda <lambda>] [--format table|json]
      gae-viz check <paths> ...
      gae-viz convert <input> <output> [--force]
      """,
    discussion: """
      Without a subcommand, gae-viz opens the interactive visualiser (the view command) on \
      PATH, a scenario file (.json or .csv) or a folder of them, or without PATH on the \
      built-in scenario. Press ? inside for the keys, q to quit. It needs a terminal; `trace` \
      prints the same numbers for scripts and slides.

      γ and λ: --gamma and --lambda win over the file's; the defaults are γ = 0.99, λ = 0.95.

      Exit status: 0 on success; 1 on bad data or a failed write, with one line on stderr \
      (gae-viz: FILE: what is wrong); 64 on bad usage.
      """,
    version: "0.1.0",
    subcommands: [ViewCommand.self, TraceCommand.self, ExplainCommand.self, CheckCommand.self, ConvertCommand.self],
    defaultSubcommand: ViewCommand.self
  )

  /// ArgumentParser's own `main`, except that every message is printed once, checked, and
  /// made safe for the terminal: help and version go to standard output through the same
  /// checked writer as the commands' output (`gae-viz --help > /dev/full` fails), and usage
  /// errors, which can quote an argument, have their control characters spelt out.
  static func main() {
    reserveStandardDescriptors()
    // A file-size limit (`ulimit -f`) makes a write fail with "file too large", reported in one
    // line (exit 1, the temporary file removed, the old file whole; in the visualiser a status
    // message), rather than killing the process with a partial file and, on screen, a broken
    // terminal. A parent that already ignores it is left as it is.
    signal(SIGXFSZ, SIG_IGN)
    // The arguments as bytes: a file name that is not UTF-8 is carried (see `PathBytes`), not
    // turned into U+FFFD and lost, as `CommandLine.arguments` would.
    let arguments = (1..<Int(CommandLine.argc)).map { index in
      CommandLine.unsafeArgv[index].map {
        PathBytes.string(fromBytes: UnsafeBufferPointer(start: $0, count: strlen($0)).map { UInt8(bitPattern: $0) })
      } ?? ""
    }
    terminate(runToEnd(arguments))
  }

  /// Parses, runs, then closes standard output; returns the exit status.
  static func runToEnd(_ arguments: [String]? = nil) -> Int32 {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      try StandardOutput.close()
      return 0
    } catch let failure as StandardOutput.Failure {
      StandardError.write("gae-viz: \(failure)\n")
      return 1
    } catch {
      let status = exitCode(for: error)
      let message = fullMessage(for: error)
      guard status == .success else {
        if !message.isEmpty { StandardError.write(TerminalText.escaped(message, keepingNewlines: true) + "\n") }
        return status.rawValue
      }
      // --help, --version: the output asked for.
      do throws(StandardOutput.Failure) {
        if !message.isEmpty { try StandardOutput.write(message + "\n") }
        try StandardOutput.close()
      } catch {
        StandardError.write("gae-viz: \(error)\n")
        return 1
      }
      return 0
    }
  }
}

/// γ and λ overrides shared by the commands that compute.
struct ParameterOptions: ParsableArguments {
  // `.unconditional`, so that `--gamma -0.5` reaches validate() and gets its message rather
  // than being read as an unknown option `-0.5`.
  @Option(
    name: .customLong("gamma"), parsing: .unconditional,
    help: "Discount γ in [0, 1]; overrides the file's γ (default 0.99).")
  var gamma: Double?

  @Option(
    name: .customLong("lambda"), parsing: .unconditional,
    help: "GAE λ in [0, 1]; overrides the file's λ (default 0.95).")
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
    // + 0 turns −0 into 0 (it would print as "-0.00").
    ((gamma ?? scenario.gamma ?? Scenario.defaultGamma) + 0, (lambda ?? scenario.lambda ?? Scenario.defaultLambda) + 0)
  }
}

/// The scenario a command reads: the file at `path`, or the built-in one; a bad file is one line
/// on stderr and exit status 1.
func loadScenario(_ path: String?) throws -> Scenario {
  guard let path else { return .builtInDefault }
  do {
    return try Scenario.load(path: path)
  } catch {
    throw failWithDataError(error.description)
  }
}

/// Bad input data or a failed write: one line on stderr, exit status 1. The message quotes file
/// names and file contents, so its control characters are spelt out: it stays one line, and
/// cannot act on the terminal.
func failWithDataError(_ message: String) -> ExitCode {
  StandardError.write("gae-viz: \(TerminalText.escaped(message))\n")
  return ExitCode(1)
}

/// Standard error, for the one line a failure prints. Nothing is left to report a failure of
/// standard error itself to, so it is written as well as it can be and otherwise let go.
enum StandardError {
  static func write(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = writeToDescriptor(2, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
