import ArgumentParser
import GAECore

struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert a scenario between JSON and CSV (the format follows each file's ending).",
    discussion: "Writing JSON gives the canonical format, numbers in shortest round-trip form."
  )

  @Argument(help: "The scenario to read (.json or .csv).")
  var input: String

  @Argument(help: "The file to write (.json or .csv).")
  var output: String

  @Flag(help: "Replace OUTPUT if it exists (through a symbolic link, the file it points to).")
  var force = false

  func validate() throws {
    guard output.lowercased().hasSuffix(".json") || output.lowercased().hasSuffix(".csv") else {
      throw ValidationError("OUTPUT must end in .json or .csv")
    }
  }

  func run() throws {
    let scenario: Scenario
    do {
      scenario = try Scenario.load(path: input)
    } catch {
      throw failWithDataError(error.description)
    }
    let text = output.lowercased().hasSuffix(".csv") ? scenario.csvText() : scenario.jsonText()
    do {
      try SafeFileWriter.write(text, to: output, overwrite: force)
    } catch {
      throw failWithDataError(error.description)
    }
  }
}
