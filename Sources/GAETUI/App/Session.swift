import Foundation
import GAECore

/// The document: the scenario (and the folder it came from), γ and λ, and the trace for them —
/// one source of truth: γ and λ are the trace's own, never stored beside it.
public struct Session: Sendable {
  /// Scenario files when a folder is open (empty for one file or the built-in scenario).
  public let playlist: [String]
  public private(set) var playlistIndex: Int
  public private(set) var scenario: Scenario
  /// The backward pass for the current γ, λ and rollout: recomputed when one of them changes,
  /// never on a redraw.
  public private(set) var trace: GAETrace
  /// The γ and λ the scenario opened with, for `r`.
  public private(set) var initialGamma: Double
  public private(set) var initialLambda: Double
  /// Which of γ and λ the arrow keys move.
  public var selected: Parameter = .lambda
  /// What A's bars are drawn against: fixed for the scenario, so A at λ = 0 and at λ = 1 can be
  /// compared by eye, and a number that does not change keeps its bar.
  public private(set) var barScale: Double
  /// Integer digits of the largest number the timeline can show, fixed for the scenario so the
  /// columns do not move when γ or λ change.
  public private(set) var integerDigits: Int
  /// The scenario's notes, or its summary when it has none.
  public private(set) var notes: String
  /// The file of the folder that could not be opened, if the current one could not: the screen
  /// shows its error under its own number and name, never the previous scenario's data.
  public private(set) var failure: Failure?
  /// The notes wrapped at the widths on screen: wrapped once per text and width, not per frame.
  private var wrappedNotes: [Int: [String]] = [:]

  /// γ and λ given on the command line: they win over every file of a folder, not just the first.
  public struct Overrides: Sendable, Equatable {
    public var gamma: Double?
    public var lambda: Double?

    public init(gamma: Double? = nil, lambda: Double? = nil) {
      self.gamma = gamma
      self.lambda = lambda
    }
  }

  public private(set) var overrides = Overrides()

  public struct Failure: Sendable, Equatable {
    public let path: String
    public let reason: String
  }

  public var gamma: Double { trace.gamma }
  public var lambda: Double { trace.lambda }
  public var stepCount: Int { trace.count }

  public init(
    scenario: Scenario, gamma: Double, lambda: Double, playlist: [String] = [], playlistIndex: Int = 0,
    overrides: Overrides = Overrides()
  ) {
    self.playlist = playlist
    self.playlistIndex = playlistIndex
    self.scenario = scenario
    self.overrides = overrides
    // −0 is 0 (it would print as "-0.00" and name files "-g-0.00").
    let (gamma, lambda) = (gamma + 0, lambda + 0)
    trace = GAE.trace(for: scenario.rollout, gamma: gamma, lambda: lambda)
    initialGamma = gamma
    initialLambda = lambda
    notes = scenario.description.isEmpty ? scenario.summary : scenario.description
    (barScale, integerDigits) = Self.measure(scenario.rollout, gamma: gamma, lambda: lambda)
  }

  mutating func setParameters(gamma: Double, lambda: Double) {
    let (gamma, lambda) = (gamma + 0, lambda + 0)
    guard gamma != self.gamma || lambda != self.lambda || gamma.sign != self.gamma.sign else { return }
    trace.recompute(gamma: gamma, lambda: lambda)
  }

  /// The next file of the folder opened: the command line's γ and λ, else the file's, else the
  /// seed's; the selection kept.
  mutating func open(_ scenario: Scenario, index: Int) {
    var fresh = Session(
      scenario: scenario, gamma: overrides.gamma ?? scenario.gamma ?? Scenario.defaultGamma,
      lambda: overrides.lambda ?? scenario.lambda ?? Scenario.defaultLambda, playlist: playlist, playlistIndex: index,
      overrides: overrides)
    fresh.selected = selected
    self = fresh
  }

  /// The next file of the folder could not be opened: say so in its place.
  mutating func fail(path: String, reason: String, index: Int) {
    playlistIndex = index
    failure = Failure(path: path, reason: reason)
  }

  /// The current file's name without its folder, when a folder is open.
  public var fileName: String? {
    guard playlist.indices.contains(playlistIndex) else { return nil }
    return PathBytes.display(String(playlist[playlistIndex].split(separator: "/").last ?? ""))
  }

  /// The notes wrapped to `width` columns.
  public func notesLines(width: Int) -> [String] {
    wrappedNotes[width] ?? WordWrap.lines(notes, width: width)
  }

  /// Wraps the notes for a width the screen will show, once.
  mutating func prepareNotes(width: Int) {
    guard width > 0, wrappedNotes[width] == nil else { return }
    if wrappedNotes.count > 4 { wrappedNotes.removeAll() }
    wrappedNotes[width] = WordWrap.lines(notes, width: width)
  }

  /// Where `w` writes the trace: named after the scenario, γ and λ, in the current directory.
  public var traceFileName: String {
    var slug = ""
    // γ and λ are spelt out rather than dropped ("critic-0" would misread "critic λ=0").
    let spelt = scenario.name.lowercased().replacingOccurrences(of: "γ", with: "gamma")
      .replacingOccurrences(of: "λ", with: "lambda")
    for character in spelt {
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

  /// The bar scale and the timeline's integer digits, both fixed at load. The scale is the
  /// largest finite |A| over λ ∈ {0, the scenario's, 1} at the scenario's γ: the range a lesson
  /// moves λ through. (Including γ = 1 made the bars slivers where γ = 1 sums a whole episode.)
  /// A larger |A| (γ raised, say) is drawn to the scale's end with a mark that says it goes
  /// beyond. The digits bound every column: |V(s′)| ≤ M, |δ| ≤ 3M,
  /// |carry| ≤ max|A|, |return| ≤ max|A| + M, with M the inputs' largest magnitude.
  static func measure(_ rollout: Rollout, gamma: Double, lambda: Double) -> (scale: Double, digits: Int) {
    var largest = 0.0
    var buffer: [Double] = []
    for l in Set([0.0, lambda, 1.0]) {
      GAE.advantages(for: rollout, gamma: gamma, lambda: l, into: &buffer)
      for value in buffer where value.isFinite { largest = max(largest, abs(value)) }
    }
    var inputs = 0.0
    for value in rollout.rewards { inputs = max(inputs, abs(value)) }
    for value in rollout.values { inputs = max(inputs, abs(value)) }
    for value in rollout.finalValues ?? [] { inputs = max(inputs, abs(value ?? 0)) }
    let bound = max(3 * inputs, largest + inputs)
    // Rounding to the shown decimals can add a digit (9.996 → 10.00): leave room for it.
    let digits = bound.isFinite ? String(Int(min(bound + 0.5, 1e15))).count : 16
    return (largest > 0 ? largest : 1, digits)
  }
}
