import ArgumentParser
import GAECore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate scenario files and summarise them (T, episodes, boundaries).",
    discussion: "A folder stands for the scenario files in it. Exit status 1 if any file is invalid."
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
        do {
          let scenario = try Scenario.load(path: file)
          let gamma = scenario.gamma.map { "  γ \(NumberFormat.parameter($0))" } ?? ""
          let lambda = scenario.lambda.map { "  λ \(NumberFormat.parameter($0))" } ?? ""
          print("\(file): ok  \"\(scenario.name)\"  \(scenario.summary)\(gamma)\(lambda)")
        } catch {
          _ = failWithDataError(error.description)
          failures += 1
        }
      }
    }
    if failures > 0 { throw ExitCode(1) }
  }
}
