import ArgumentParser
import GAECore
import GAETUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct ViewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "view",
    abstract: "Open the interactive visualiser on a scenario file, a folder or the built-in scenario.",
    discussion: "Press ? inside for every key, q to quit. Needs a terminal on standard input and output."
  )

  @Argument(help: "A scenario file, or a folder to browse. Without it, the built-in scenario.")
  var path: String?

  @OptionGroup var parameters: ParameterOptions

  func run() throws {
    // Everything that can fail on bad input fails here, before the screen is taken over.
    let (scenario, playlist, index, skipped) = try openScenario()
    let (gamma, lambda) = parameters.resolved(for: scenario)
    let overrides = Session.Overrides(gamma: parameters.gamma, lambda: parameters.lambda)
    var app = App(
      session: Session(
        scenario: scenario, gamma: gamma, lambda: lambda, playlist: playlist, playlistIndex: index,
        overrides: overrides))
    if let skipped { app.report(skipped, isError: true) }

    let terminal: NcursesTerminal
    do {
      terminal = try NcursesTerminal()
    } catch {
      throw failWithDataError("\(error)")
    }
    var loop = RunLoop(terminal: terminal, app: app)
    let received = loop.run()
    terminal.close()
    if received != 0 {
      // Die of the signal we were sent, as a well-behaved program does, now that the terminal is back.
      signal(received, SIG_DFL)
      raise(received)
    }
  }

  /// The scenario to open: the file, the first loadable one in a folder, or the built-in one.
  private func openScenario() throws -> (Scenario, [String], Int, String?) {
    guard let path else { return (.builtInDefault, [], 0, nil) }
    guard Scenario.isDirectory(path) else {
      do {
        return (try Scenario.load(path: path), [], 0, nil)
      } catch {
        throw failWithDataError(error.description)
      }
    }
    let files: [String]
    do {
      files = try Scenario.files(inDirectory: path)
    } catch {
      throw failWithDataError("\(path): \(error)")
    }
    guard !files.isEmpty else { throw failWithDataError("\(path): no .json or .csv scenario files in this folder") }
    var firstError: String?
    for (index, file) in files.enumerated() {
      do {
        let skipped = firstError.map {
          index == 1 ? "Skipped the first file: \($0)" : "Skipped \(index) files that did not open; the first: \($0)"
        }
        return (try Scenario.load(path: file), files, index, skipped)
      } catch {
        firstError = firstError ?? error.description
      }
    }
    throw failWithDataError(firstError ?? "\(path): no scenario could be read")
  }
}
