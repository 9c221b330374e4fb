import GAECore

extension AppState {
  /// The only place state changes. Pure: no I/O, no clock; what must be done outside comes back
  /// as an effect.
  public static func update(_ state: AppState, _ action: Action) -> (AppState, Effect?) {
    var state = state
    let effect = state.apply(action)
    return (state, effect)
  }

  /// `update` in place: the run loop's form. Keeping the one copy of the state avoids copying
  /// the trace's buffer when γ or λ changes (it is recomputed where it lies).
  public mutating func handle(_ action: Action) -> Effect? { apply(action) }

  mutating func apply(_ action: Action) -> Effect? {
    // With the help open, any key closes it (and q still quits).
    if showingHelp, action != .tick, action != .quit, !Self.isResize(action), !Self.isLoadResult(action) {
      showingHelp = false
      return nil
    }
    message = nil
    let confirming = pendingOverwrite
    pendingOverwrite = nil
    switch action {
    case .nextStep:
      playing = false
      progress = min(progress + 1, stepCount)
    case .previousStep:
      playing = false
      progress = max(progress - 1, 0)
    case .restart:
      playing = false
      progress = 0
    case .finish:
      playing = false
      progress = stepCount
    case .togglePlay:
      if playing {
        playing = false
      } else {
        // Play from the start when there is nothing left to compute, like a media player.
        if isFinished { progress = 0 }
        playing = true
      }
    case .tick:
      guard playing else { return nil }
      progress = min(progress + 1, stepCount)
      if isFinished { playing = false }
    case .adjust(let amount):
      let value = Self.snapped(parameterValue, by: amount)
      if selected == .gamma {
        setParameters(gamma: value, lambda: lambda)
      } else {
        setParameters(gamma: gamma, lambda: value)
      }
    case .selectNextParameter:
      selected = selected == .gamma ? .lambda : .gamma
    case .setLambda(let value):
      setParameters(gamma: gamma, lambda: min(max(value, 0), 1))
      selected = .lambda
    case .resetParameters:
      setParameters(gamma: initialGamma, lambda: initialLambda)
    case .faster:
      speedIndex = min(speedIndex + 1, Self.speeds.count - 1)
    case .slower:
      speedIndex = max(speedIndex - 1, 0)
    case .toggleHelp:
      showingHelp = true
    case .dismiss:
      playing = false
    case .quit:
      quitting = true
    case .resize(let width, let height):
      self.width = max(width, 0)
      self.height = max(height, 0)
    case .nextScenario, .previousScenario:
      guard playlist.count > 1 else {
        message =
          playlist.isEmpty ? "Open a folder (gae-viz Scenarios/) to browse scenarios" : "This folder has one scenario"
        return nil
      }
      let step = action == .nextScenario ? 1 : -1
      let index = (playlistIndex + step + playlist.count) % playlist.count
      return .loadScenario(path: playlist[index], index: index)
    case .scenarioLoaded(let scenario, let index):
      replaceScenario(
        scenario, gamma: scenario.gamma ?? Scenario.defaultGamma, lambda: scenario.lambda ?? Scenario.defaultLambda,
        playlistIndex: index)
    case .writeTrace:
      let path = traceFileName
      // The second w in a row confirms replacing the file the first one found.
      return .writeTrace(path: path, overwrite: confirming == path)
    case .traceWritten(let path):
      message = "Wrote \(path): this trace as a Markdown table"
    case .traceWriteFailed(let reason, let path, let exists):
      if exists {
        pendingOverwrite = path
        message = "\(path) exists: press w again to replace it, any other key to keep it"
      } else {
        message = reason
      }
    case .scenarioFailed(let reason, let index):
      // Keep showing what we have; say why the other one did not open, and move past it.
      playlistIndex = index
      message = reason
    }
    scrollToCurrent()
    return nil
  }

  /// Moves γ or λ by `amount` on the 0.01 grid, clamped to [0, 1]: repeated presses never
  /// drift (0.95 + 0.01 is exactly 0.96, not 0.9600000000000001).
  static func snapped(_ value: Double, by amount: Double) -> Double {
    let hundredths = (value * 100).rounded() + (amount * 100).rounded()
    return min(max(hundredths, 0), 100) / 100
  }

  private static func isResize(_ action: Action) -> Bool {
    if case .resize = action { return true }
    return false
  }

  private static func isLoadResult(_ action: Action) -> Bool {
    switch action {
    case .scenarioLoaded, .scenarioFailed: return true
    default: return false
    }
  }

  /// Keeps the current step (or, before the first step, the last time step) in the timeline.
  mutating func scrollToCurrent() {
    let visible = Layout.visibleColumns(for: self)
    guard visible > 0, stepCount > visible else {
      firstVisibleTime = 0
      return
    }
    let focus = currentTime ?? (stepCount - 1)
    // Keep one column of context on the side the pass is heading to (smaller t) when there is
    // room for it beside the current one.
    let margin = visible > 2 ? 1 : 0
    if focus < firstVisibleTime + margin {
      firstVisibleTime = max(focus - margin, 0)
    } else if focus >= firstVisibleTime + visible {
      firstVisibleTime = focus - visible + 1
    }
    firstVisibleTime = min(max(firstVisibleTime, 0), stepCount - visible)
  }
}
