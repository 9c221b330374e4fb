import ArgumentParser
import GAECore

extension TraceFormat: ExpressibleByArgument {}
extension Estimator: ExpressibleByArgument {}

struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "Print the backward pass, one row per computation step (t descending).",
    discussion: """
      json and csv print numbers in shortest round-trip form; a number that overflowed is \
      Infinity, -Infinity or NaN (in JSON as a string: "Infinity", so the file stays strict \
      JSON). table and markdown round to --digits decimals and print inf, -inf and nan. \
      Control characters in the scenario's name are shown as \\u{1B} in table and markdown, \
      and \\u escaped in JSON. Rows are written as they are computed, so a long trace needs \
      little memory; with --output, the file appears only when it is complete.
      """
  )

  @Argument(help: "A scenario file (.json or .csv). Without it, the built-in scenario.")
  var path: String?

  @OptionGroup var parameters: ParameterOptions

  @Option(help: "Output format: \(TraceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: TraceFormat = .table

  // `.unconditional`, so that `--digits -1` is told the range instead of "missing value".
  @Option(parsing: .unconditional, help: "Decimals for table and markdown, 0 to 17.")
  var digits: Int = 4

  @Option(
    help: """
      Which advantage the advantage column holds: gae (the backward pass at --lambda), td (the TD \
      error: lambda 0) or mc (the discounted rewards to the episode's end, bootstrapped at a \
      truncation and at the rollout's end, minus V: lambda 1).
      """)
  var estimator: Estimator = .gae

  @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
  var output: String?

  @Flag(help: "Replace --output if it exists (through a symbolic link, the file it points to).")
  var force = false

  func validate() throws {
    guard (0...17).contains(digits) else { throw ValidationError("--digits must be between 0 and 17, got \(digits)") }
    if output?.isEmpty == true { throw ValidationError("--output needs a file name") }
    if estimator != .gae, parameters.lambda != nil {
      throw ValidationError(
        "--lambda has no meaning with --estimator \(estimator.rawValue) (it is \(estimator == .td ? "0" : "1"))")
    }
  }

  func run() throws {
    let scenario = try loadScenario(path)
    let (gamma, lambda) = parameters.resolved(for: scenario)
    let trace = estimator.trace(for: scenario.rollout, gamma: gamma, lambda: lambda)
    guard let output else {
      try format.write(trace, name: scenario.name, digits: digits, to: StandardOutput.write)
      return
    }
    do {
      try SafeFileWriter.write(to: output, overwrite: force) { (sink) throws(FileWriteError) in
        try format.write(trace, name: scenario.name, digits: digits, to: sink)
      }
    } catch {
      throw failWithDataError(error.description)
    }
  }
}
