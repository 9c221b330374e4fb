import GAECore

/// All the state of the visualiser. Changed only by `update`; drawn by `Screen.render`.
public struct AppState: Equatable, Sendable {
  public private(set) var scenario: Scenario
  public private(set) var gamma: Double
  public private(set) var lambda: Double
  /// The backward pass for the current γ, λ and rollout: recomputed when one of them changes,
  /// never on a redraw.
  public private(set) var trace: GAETrace
  /// max |A_t| over the whole trace, so bars keep their scale while the view scrolls.
  public private(set) var advantageScale: Double
  /// Integer digits of the largest number the timeline shows, so every column has one width.
  public private(set) var integerDigits: Int
  /// max |r|, |V|, |final value| over the rollout: fixed for a scenario, so measured once.
  private let inputMagnitude: Double
  /// The scenario's notes, or its summary when it has none (counted once: O(T)).
  public let notes: String
  /// How many computation steps are done, 0…T. Step `progress` (if ≥ 1) is the current one.
  public internal(set) var progress: Int
  public internal(set) var selected: Parameter = .lambda
  public internal(set) var playing = false
  public internal(set) var speedIndex = AppState.defaultSpeedIndex
  public internal(set) var showingHelp = false
  public internal(set) var quitting = false
  /// The screen size, as last reported.
  public internal(set) var width = 80
  public internal(set) var height = 24
  /// The first time step the timeline shows; kept so the view scrolls only when it must.
  public internal(set) var firstVisibleTime = 0
  /// Scenario files when a folder is open, and which one is shown.
  public let playlist: [String]
  public internal(set) var playlistIndex: Int
  /// A one-line message for the status line (a file that failed to load, say).
  public internal(set) var message: String?
  /// A file the user was told exists: pressing `w` again replaces it.
  public internal(set) var pendingOverwrite: String?
  /// The γ and λ the scenario opened with, for `resetParameters`.
  public private(set) var initialGamma: Double
  public private(set) var initialLambda: Double

  /// Ticks per second, from slow enough to talk over to fast enough for 300 steps.
  public static let speeds: [Double] = [0.5, 1, 2, 4, 8, 16, 32, 64]
  public static let defaultSpeedIndex = 2

  public init(scenario: Scenario, gamma: Double, lambda: Double, playlist: [String] = [], playlistIndex: Int = 0) {
    self.scenario = scenario
    self.gamma = gamma
    self.lambda = lambda
    initialGamma = gamma
    initialLambda = lambda
    trace = GAE.trace(for: scenario.rollout, gamma: gamma, lambda: lambda)
    inputMagnitude = Self.magnitude(of: scenario.rollout)
    notes = scenario.description.isEmpty ? scenario.summary : scenario.description
    (advantageScale, integerDigits) = Self.measure(trace, inputMagnitude: inputMagnitude)
    // Open on the first computed step, so the formulas are on screen from the start.
    progress = 1
    self.playlist = playlist
    self.playlistIndex = playlistIndex
    scrollToCurrent()
  }

  public var stepCount: Int { trace.count }
  public var speed: Double { Self.speeds[speedIndex] }
  /// Seconds between ticks while playing.
  public var tickInterval: Double { 1 / speed }

  /// The time step being computed at the current step, if any step is done.
  public var currentTime: Int? { progress >= 1 ? trace.time(ofStep: progress) : nil }

  /// Whether time step `t` has been computed yet (the pass runs backward from T−1).
  public func isComputed(_ t: Int) -> Bool { t >= stepCount - progress }

  public var isFinished: Bool { progress == stepCount }

  public var parameterValue: Double { selected == .gamma ? gamma : lambda }

  /// Where `w` writes the trace: named after the scenario, γ and λ, in the current directory.
  public var traceFileName: String {
    var slug = ""
    for character in scenario.name.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    let name = slug.isEmpty ? "scenario" : String(slug.prefix(60))
    return "\(name)-trace-g\(NumberFormat.parameter(gamma))-l\(NumberFormat.parameter(lambda)).md"
  }

  mutating func setParameters(gamma: Double, lambda: Double) {
    guard gamma != self.gamma || lambda != self.lambda else { return }
    self.gamma = gamma
    self.lambda = lambda
    trace.recompute(gamma: gamma, lambda: lambda)
    (advantageScale, integerDigits) = Self.measure(trace, inputMagnitude: inputMagnitude)
  }

  /// A new scenario from the folder: a fresh state, keeping what the user chose about the view.
  mutating func replaceScenario(_ scenario: Scenario, gamma: Double, lambda: Double, playlistIndex: Int) {
    var fresh = AppState(
      scenario: scenario, gamma: gamma, lambda: lambda, playlist: playlist, playlistIndex: playlistIndex)
    fresh.width = width
    fresh.height = height
    fresh.speedIndex = speedIndex
    fresh.selected = selected
    self = fresh
  }

  private static func magnitude(of rollout: Rollout) -> Double {
    var largest = 0.0
    for value in rollout.rewards { largest = max(largest, abs(value)) }
    for value in rollout.values { largest = max(largest, abs(value)) }
    for value in rollout.finalValues ?? [] { largest = max(largest, abs(value ?? 0)) }
    return largest
  }

  /// The bar scale (max |A|) and the integer digits every timeline number fits in. The derived
  /// columns are bounded rather than scanned: |V(s′)| ≤ M, |δ| ≤ 3M, |carry| ≤ max|A|,
  /// |return| ≤ max|A| + M, with M the inputs' magnitude.
  private static func measure(_ trace: GAETrace, inputMagnitude: Double) -> (scale: Double, digits: Int) {
    var largest = 0.0
    for value in trace.advantage { largest = max(largest, abs(value)) }
    let bound = max(3 * inputMagnitude, largest + inputMagnitude)
    // Rounding to the shown decimals can add a digit (9.996 → 10.00): leave room for it.
    let digits = String(Int(min(bound + 0.5, 1e15))).count
    return (largest > 0 ? largest : 1, digits)
  }
}
