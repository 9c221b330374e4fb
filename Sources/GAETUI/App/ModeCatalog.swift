/// The modes, each a key away: one row each. Adding a mode is adding its folder and its row
/// here; nothing else in the app names it.
public enum ModeCatalog {
  public struct Entry: Sendable {
    public let key: Key
    /// For help and the footer.
    public let name: String
    public let help: String
    let make: @Sendable (Session) -> any Mode
    let isActive: @Sendable (any Mode) -> Bool
  }

  public static let entries: [Entry] = [
    Entry(
      key: .character("s"), name: "steps", help: "the walkthrough: the backward pass step by step",
      make: { Walkthrough(session: $0) }, isActive: { $0 is Walkthrough }),
    Entry(
      key: .character("c"), name: "compare", help: "compare TD, GAE and Monte Carlo on one scale",
      make: { Compare(session: $0) }, isActive: { $0 is Compare }),
    Entry(
      key: .character("e"), name: "weights", help: "what A_t is made of: the weights, the terms, the n-step view",
      make: { Weights(session: $0) }, isActive: { $0 is Weights }),
    Entry(
      key: .character("v"), name: "targets", help: "the critic's targets and the advantages normalised as PPO does",
      make: { CriticTargets(session: $0) }, isActive: { $0 is CriticTargets }),
  ]
}
