import GAECore

/// Everything that can happen to the app. Keys become actions through `KeyMap`; time arrives
/// as `.tick`; the run loop reports what its effects produced.
public enum Action: Equatable, Sendable {
  case nextStep
  case previousStep
  case restart
  case finish
  case togglePlay
  case tick
  /// Adds to the selected parameter (γ or λ), clamped to [0, 1].
  case adjust(Double)
  case selectNextParameter
  case setLambda(Double)
  case resetParameters
  case faster
  case slower
  case toggleHelp
  case dismiss
  case quit
  case resize(width: Int, height: Int)
  case nextScenario
  case previousScenario
  case scenarioLoaded(Scenario, index: Int)
  case scenarioFailed(String, index: Int)
  /// Writes the trace at the current γ and λ as a Markdown table (for slides).
  case writeTrace
  case traceWritten(path: String)
  case traceWriteFailed(String, path: String, exists: Bool)
}

/// Work `update` asks the run loop to do; its outcome comes back as an action.
public enum Effect: Equatable, Sendable {
  case loadScenario(path: String, index: Int)
  case writeTrace(path: String, overwrite: Bool)
}

/// γ or λ: which one ↑ and ↓ adjust.
public enum Parameter: String, Sendable {
  case gamma, lambda
}
