import GAECore

/// Compare: the three estimators side by side on one scale — TD (λ = 0), GAE(γ, λ) and Monte
/// Carlo (λ = 1) — with the seed's bias and variance table as the legend and the current λ
/// marked. After a γ or λ change the previous GAE values stay as a Δ row until the next change,
/// so the eye sees what moved and by how much.
public struct Compare: Mode {
  public enum Action: Equatable, Sendable {
    /// Scroll the timeline towards smaller or larger t.
    case scroll(Int)
    case toStart
    case toEnd
    case parameter(ParameterControl.Action)
  }

  public static let title = "Compare"

  /// The first time step shown.
  public internal(set) var firstVisibleTime = 0
  /// The TD errors and Monte-Carlo advantages for the session's rollout and γ (λ does not
  /// change them), recomputed when γ or the rollout changes.
  public private(set) var td: [Double]
  public private(set) var monteCarlo: [Double]
  private var computedFor: (gamma: Double, count: Int, scenario: String)
  /// GAE's advantages before the last γ or λ change, and the γ and λ they were for.
  public private(set) var ghost: [Double]?
  public private(set) var ghostParameters: (gamma: Double, lambda: Double)?

  public init(session: Session) {
    td = GAE.deltas(for: session.scenario.rollout, gamma: session.gamma)
    monteCarlo = Estimators.monteCarloAdvantages(for: session.scenario.rollout, gamma: session.gamma)
    computedFor = (session.gamma, session.stepCount, session.scenario.name)
  }

  public func adopting(_ session: Session) -> Compare { Compare(session: session) }

  public var tickInterval: Duration? { nil }

  public func bindings(session: Session, glyphs: Glyphs) -> [Binding<Action>] {
    let own: [Binding<Action>] = [
      Binding(
        [.left, .character("h")], .scroll(-1), help: "scroll towards t = 0", footer: "scroll",
        footerKeys: glyphs.keyPair(glyphs.keys.left, glyphs.keys.right)),
      Binding([.right, .character("l")], .scroll(1), help: "scroll towards the rollout's end"),
      Binding([.home, .character("g")], .toStart, help: "the rollout's start"),
      Binding([.end, .character("G")], .toEnd, help: "the rollout's end"),
    ]
    return own + ParameterControl.bindings(session, glyphs: glyphs).map { $0.map(Action.parameter) }
  }

  public mutating func update(_ action: Action, session: inout Session, area: Rect) -> [Effect] {
    let viewport = self.viewport(session: session, area: area)
    switch action {
    case .scroll(let direction):
      firstVisibleTime = viewport.first + direction * max(viewport.visible / 2, 1)
    case .toStart:
      firstVisibleTime = 0
    case .toEnd:
      firstVisibleTime = session.stepCount
    case .parameter(let change):
      let before = (session.gamma, session.lambda)
      let advantages = session.trace.advantage
      ParameterControl.update(change, session: &session)
      if (session.gamma, session.lambda) != before {
        ghost = advantages
        ghostParameters = before
      }
    }
    return []
  }

  public mutating func tick(session: inout Session, area: Rect) -> [Effect] { [] }

  /// Keeps the scroll position in range and the two other estimators current for γ.
  public mutating func fit(session: Session, area: Rect) {
    firstVisibleTime = viewport(session: session, area: area).first
    if computedFor != (session.gamma, session.stepCount, session.scenario.name) {
      td = GAE.deltas(for: session.scenario.rollout, gamma: session.gamma)
      monteCarlo = Estimators.monteCarloAdvantages(for: session.scenario.rollout, gamma: session.gamma)
      computedFor = (session.gamma, session.stepCount, session.scenario.name)
    }
    if ghost?.count != session.stepCount {
      ghost = nil
      ghostParameters = nil
    }
  }

  func viewport(session: Session, area: Rect) -> TimelineViewport {
    TimelineViewport(
      area: CompareLayout(area: area).timeline, stepCount: session.stepCount, integerDigits: session.integerDigits,
      first: firstVisibleTime)
  }

  public func headerStatus(session: Session, glyphs: Glyphs) -> String {
    "compare TD \(glyphs.symbols.dash) GAE \(glyphs.symbols.dash) MC"
  }

  public func helpSections(session: Session, glyphs: Glyphs) -> [KeySection] {
    ParameterControl.helpSections(
      Self.title, bindings(session: session, glyphs: glyphs), session: session, glyphs: glyphs
    ) {
      if case .parameter = $0 { return true } else { return false }
    }
  }

  public func legend(glyphs: Glyphs) -> [(String, Style)] {
    [
      ("  T G M  the three bars of a step: TD, GAE and Monte Carlo, on one scale", .plain),
      (
        "  \(glyphs.symbols.change)GAE   how much GAE's A moved at the last \(glyphs.symbols.gamma) or \(glyphs.symbols.lambda) change",
        .plain
      ),
    ]
  }
}
