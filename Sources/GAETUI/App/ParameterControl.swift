/// The γ and λ keys, a small feature of its own: every mode that shows the backward pass
/// includes its bindings and forwards its actions here. γ and λ live in the session.
public enum ParameterControl {
  public enum Action: Equatable, Sendable {
    /// Adds to the selected parameter, on the 0.01 grid, clamped to [0, 1].
    case adjust(Double)
    case selectNext
    case setLambda(Double)
    case reset
  }

  public static func bindings(_ session: Session, glyphs: Glyphs) -> [Binding<Action>] {
    let (g, l) = (glyphs.symbols.gamma, glyphs.symbols.lambda)
    let selected = session.selected == .gamma ? g : l
    return [
      Binding(
        [.up, .character("k")], .adjust(0.01), help: "raise the selected one (\(g) or \(l)) by 0.01", footer: selected,
        footerKeys: glyphs.keyPair(glyphs.keys.up, glyphs.keys.down)),
      Binding([.down, .character("j")], .adjust(-0.01), help: "lower it by 0.01"),
      Binding(
        [.tab, .backTab], .selectNext, help: "select \(g) or \(l) for \(glyphs.keys.up) and \(glyphs.keys.down)",
        footer: "\(g)/\(l)"),
      Binding([.pageUp], .adjust(0.1), help: "raise it by 0.1"),
      Binding([.pageDown], .adjust(-0.1), help: "lower it by 0.1"),
      Binding([.character("0")], .setLambda(0), help: "\(l) = 0: the TD error \(glyphs.symbols.delta)_t", footer: "TD"),
      Binding([.character("1")], .setLambda(1), help: "\(l) = 1: the Monte-Carlo advantage", footer: "MC"),
      Binding([.character("r")], .reset, help: "reset \(g) and \(l) to the scenario's"),
    ]
  }

  /// Help for a mode that includes these keys: its own under its title, then γ and λ's.
  public static func helpSections<ModeAction>(
    _ title: String, _ all: [Binding<ModeAction>], session: Session, glyphs: Glyphs,
    isParameter: (ModeAction) -> Bool
  ) -> [KeySection] {
    [
      KeySection(title, all.filter { !isParameter($0.action) }),
      KeySection("\(glyphs.symbols.gamma) and \(glyphs.symbols.lambda)", bindings(session, glyphs: glyphs)),
    ]
  }

  public static func update(_ action: Action, session: inout Session) {
    switch action {
    case .adjust(let amount):
      let value = snapped(session.selected == .gamma ? session.gamma : session.lambda, by: amount)
      if session.selected == .gamma {
        session.setParameters(gamma: value, lambda: session.lambda)
      } else {
        session.setParameters(gamma: session.gamma, lambda: value)
      }
    case .selectNext:
      session.selected = session.selected == .gamma ? .lambda : .gamma
    case .setLambda(let value):
      session.setParameters(gamma: session.gamma, lambda: value.isNaN ? 0 : min(max(value, 0), 1))
      session.selected = .lambda
    case .reset:
      session.setParameters(gamma: session.initialGamma, lambda: session.initialLambda)
    }
  }

  /// Moves γ or λ by `amount` on the 0.01 grid, clamped to [0, 1]: repeated presses never
  /// drift (0.95 + 0.01 is exactly 0.96, not 0.9600000000000001).
  static func snapped(_ value: Double, by amount: Double) -> Double {
    let hundredths = (value * 100).rounded() + (amount * 100).rounded()
    return min(max(hundredths, 0), 100) / 100
  }
}
