import ArgumentParser
import GAECore

extension TraceFormat: ExpressibleByArgument {}

struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "Print the backward pass, one row per computation step (t descending).",
    discussion: "json and csv print numbers to full round-trip precision; table and markdown round to --digits."
  )

  @Argument(help: "A scenario file (.json or .csv). Without it, the built-in scenario.")
  var path: String?

  @OptionGroup var parameters: ParameterOptions

  @Option(help: "Output format: \(TraceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: TraceFormat = .table

  @Option(help: "Decimals for table and markdown.")
  var digits: Int = 4

  @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
  var output: String?

  @Flag(help: "Replace --output if it exists.")
  var force = false

  func validate() throws {
    guard (0...17).contains(digits) else { throw ValidationError("--digits must be between 0 and 17") }
  }

  func run() throws {
    let scenario: Scenario
    if let path {
      do {
        scenario = try Scenario.load(path: path)
      } catch {
        throw failWithDataError(error.description)
      }
    } else {
      scenario = .builtInDefault
    }
    let (gamma, lambda) = parameters.resolved(for: scenario)
    let trace = GAE.trace(for: scenario.rollout, gamma: gamma, lambda: lambda)
    let text = format.render(trace, name: scenario.name, digits: digits)
    guard let output else {
      print(text, terminator: "")
      return
    }
    do {
      try SafeFileWriter.write(text, to: output, overwrite: force)
    } catch {
      throw failWithDataError(error.description)
    }
  }
}
