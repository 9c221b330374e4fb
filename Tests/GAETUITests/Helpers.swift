import GAECore
import TestSupport

@testable import GAETUI

/// An app on `scenario` at a size, after `messages`.
func makeApp(
  width: Int = 80, height: Int = 24, scenario: Scenario = .builtInDefault, playlist: [String] = [],
  _ messages: [Msg] = []
) -> App {
  var app = App(
    session: Session(
      scenario: scenario, gamma: scenario.gamma ?? 0.99, lambda: scenario.lambda ?? 0.95, playlist: playlist))
  _ = app.handle(.resize(width: width, height: height))
  for message in messages { _ = app.handle(message) }
  return app
}

/// The app after more messages.
func sending(_ app: App, _ messages: Msg...) -> App {
  var app = app
  for message in messages { _ = app.handle(message) }
  return app
}

/// Keys as messages.
func keys(_ keys: Key...) -> [Msg] { keys.map { .key($0) } }

/// `count` presses of the key that computes the next step.
func steps(_ count: Int) -> [Msg] { Array(repeating: .key(.left), count: count) }

func character(_ character: Character) -> Msg { .key(.character(character)) }

extension App {
  /// The walkthrough's state, when it is the active mode.
  var walkthrough: Walkthrough? { mode as? Walkthrough }
}

/// A scenario from its numbers, for tests that need a particular rollout.
func scenario(
  _ name: String = "test", rewards: [Double], values: [Double], terminated: [Bool]? = nil, truncated: [Bool]? = nil,
  finalValues: [Double?]? = nil, description: String = "", labels: [String]? = nil
) throws -> Scenario {
  let count = rewards.count
  let rollout = try Rollout(
    rewards: rewards, values: values, terminated: terminated ?? Array(repeating: false, count: count),
    truncated: truncated ?? Array(repeating: false, count: count), finalValues: finalValues, labels: labels)
  return Scenario(name: name, description: description, rollout: rollout)
}
