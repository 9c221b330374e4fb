/// Which key does what. The help screen is generated from this table, so it cannot drift.
public enum KeyMap {
  public struct Binding: Sendable {
    public let keys: String
    public let help: String
  }

  public static func action(for key: Key) -> Action? {
    switch key {
    case .right, .character("l"), .character("n"), .enter: return .nextStep
    case .left, .character("h"), .character("p"), .backspace: return .previousStep
    case .character(" "): return .togglePlay
    case .home, .character("g"): return .restart
    case .end, .character("G"): return .finish
    case .up, .character("k"): return .adjust(0.01)
    case .down, .character("j"): return .adjust(-0.01)
    case .pageUp: return .adjust(0.1)
    case .pageDown: return .adjust(-0.1)
    case .tab, .backTab: return .selectNextParameter
    case .character("0"): return .setLambda(0)
    case .character("1"): return .setLambda(1)
    case .character("r"): return .resetParameters
    case .character("+"), .character("="): return .faster
    case .character("-"), .character("_"): return .slower
    case .character("?"): return .toggleHelp
    case .escape: return .dismiss
    case .character("q"), .character("Q"): return .quit
    case .character("w"): return .writeTrace
    case .character("]"), .character("."): return .nextScenario
    case .character("["), .character(","): return .previousScenario
    case .resize: return nil
    default: return nil
    }
  }

  /// The full key list, as the help screen shows it.
  public static let bindings: [Binding] = [
    Binding(keys: "→  l  Enter", help: "next step (compute one more t, backward)"),
    Binding(keys: "←  h  Bksp", help: "previous step"),
    Binding(keys: "Space", help: "play / pause the animation"),
    Binding(keys: "+  -", help: "faster / slower animation"),
    Binding(keys: "Home  g", help: "restart (nothing computed)"),
    Binding(keys: "End  G", help: "finish (every step computed)"),
    Binding(keys: "Tab", help: "select γ or λ for the arrow keys"),
    Binding(keys: "↑  ↓  k  j", help: "raise / lower the selected one by 0.01"),
    Binding(keys: "PgUp  PgDn", help: "raise / lower it by 0.1"),
    Binding(keys: "0", help: "λ = 0: the TD error δ_t"),
    Binding(keys: "1", help: "λ = 1: the Monte-Carlo advantage"),
    Binding(keys: "r", help: "reset γ and λ to the scenario's"),
    Binding(keys: "]  [", help: "next / previous scenario in the folder"),
    Binding(keys: "w", help: "write this trace as a Markdown table (for slides)"),
    Binding(keys: "?", help: "this help (any key closes it)"),
    Binding(keys: "q  Ctrl-C", help: "quit"),
  ]
}
