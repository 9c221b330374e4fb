import GAECore

/// Weights: what A_t is made of. A cursor picks a step t (whatever the walkthrough's progress);
/// the view lays out the later TD errors of t's episode with their weights (γλ)^k, each term's
/// contribution and their sum, which is A_t; where the weight falls to a half and to 1/e, and
/// the horizon 1/(1−γλ); and the forward view: the n-step advantages and their weights
/// (1−λ)λ^{n−1}, whose weighted sum is A_t again.
public struct Weights: Mode {
  public enum Action: Equatable, Sendable {
    /// Move the cursor by this many steps.
    case move(Int)
    case toStart
    case toEnd
    case parameter(ParameterControl.Action)
    /// Weights of A_t → which advantages r_t moves → which V_t moves → weights again.
    case nextView
  }

  /// What the view shows for the cursor's step.
  public enum View: Sendable, Equatable {
    /// What A_t is made of.
    case weights
    /// The reverse question: which advantages the reward r_t moves, and by how much.
    case creditOfReward
    /// Which advantages the value V(s_t) moves.
    case creditOfValue
  }

  public static let title = "Weights"

  public internal(set) var view = View.weights

  /// The step being taken apart.
  public internal(set) var cursor: Int
  let stepCount: Int

  public init(session: Session) {
    stepCount = session.stepCount
    cursor = 0
  }

  public func adopting(_ session: Session) -> Weights { Weights(session: session) }

  public var tickInterval: Duration? { nil }

  public func bindings(session: Session, glyphs: Glyphs) -> [Binding<Action>] {
    let own: [Binding<Action>] = [
      Binding(
        [.left, .character("h")], .move(-1), help: "the step before (t − 1)", footer: "t",
        footerKeys: glyphs.keyPair(glyphs.keys.left, glyphs.keys.right)),
      Binding([.right, .character("l")], .move(1), help: "the step after (t + 1)"),
      Binding([.home, .character("g")], .toStart, help: "t = 0"),
      Binding([.end, .character("G")], .toEnd, help: "the rollout's last step"),
      Binding(
        [.character("d")], .nextView,
        help: "the reverse question: which advantages r_t, then V(s_t), moves (∂A/∂r, ∂A/∂V)", footer: "credit"),
    ]
    return own + ParameterControl.bindings(session, glyphs: glyphs).map { $0.map(Action.parameter) }
  }

  public mutating func update(_ action: Action, session: inout Session, area: Rect) -> [Effect] {
    switch action {
    case .move(let steps): cursor = min(max(cursor + steps, 0), stepCount - 1)
    case .toStart: cursor = 0
    case .toEnd: cursor = stepCount - 1
    case .parameter(let change): ParameterControl.update(change, session: &session)
    case .nextView:
      switch view {
      case .weights: view = .creditOfReward
      case .creditOfReward: view = .creditOfValue
      case .creditOfValue: view = .weights
      }
    }
    return []
  }

  public mutating func tick(session: inout Session, area: Rect) -> [Effect] { [] }

  public mutating func fit(session: Session, area: Rect) {
    cursor = min(max(cursor, 0), max(session.stepCount - 1, 0))
  }

  public func headerStatus(session: Session, glyphs: Glyphs) -> String {
    switch view {
    case .weights: return "weights of A at t = \(cursor)"
    case .creditOfReward: return "what r at t = \(cursor) moves"
    case .creditOfValue: return "what V at t = \(cursor) moves"
    }
  }

  public func helpSections(session: Session, glyphs: Glyphs) -> [KeySection] {
    ParameterControl.helpSections(
      Self.title, bindings(session: session, glyphs: glyphs), session: session, glyphs: glyphs
    ) {
      if case .parameter = $0 { return true } else { return false }
    }
  }

  public func legend(glyphs: Glyphs) -> [(String, Style)] {
    let s = glyphs.symbols
    return [
      ("  (\(s.gammaLambda))^k  the weight in A_t of \(s.delta) k steps later; bars 0 to 1", .plain),
      (
        "  ½  1/e   where the weight has fallen to a half, and to 1/e (at k = the horizon 1/(1\(s.minus)\(s.gammaLambda)))",
        .plain
      ),
      (
        "  n-step   \(s.symbolSum)_{k<n} \(s.gamma)^k r + \(s.gamma)^n V \(s.minus) V(s_t), weighted (1\(s.minus)\(s.lambda))\(s.lambda)^(n\(s.minus)1), the rest on the last",
        .plain
      ),
    ]
  }
}
