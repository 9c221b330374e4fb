/// What a typed line is for.
public enum PromptKind: Sendable, Equatable {
  /// A time step to go to.
  case timeStep
}
