/// γ or λ: which one ↑ and ↓ adjust.
public enum Parameter: String, Sendable {
  case gamma, lambda
}
