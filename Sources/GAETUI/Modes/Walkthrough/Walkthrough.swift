/// The walkthrough: the backward pass computed one step at a time, right to left, with the
/// formulas of the current step, the steps done so far and the scenario's notes.
public struct Walkthrough: Mode {
  public enum Action: Equatable, Sendable {
    /// Compute one more step (the pass moves left, to a smaller t).
    case next
    case previous
    case restart
    case finish
    case togglePlay
    case pause
    case faster
    case slower
    case parameter(ParameterControl.Action)
    /// Ask for a time step to go to.
    case askForTimeStep
    /// The next episode boundary the pass reaches (a smaller t), or the one it came from.
    case nextBoundary
    case previousBoundary
    /// The step with the largest |A| (as computed at the current γ and λ), or the largest |δ|.
    case largestAdvantage
    case largestDelta
  }

  public static let title = "Walkthrough"

  /// Ticks per second, from slow enough to talk over to fast enough for 300 steps.
  public static let speeds: [Double] = [0.5, 1, 2, 4, 8, 16, 32, 64]
  public static let defaultSpeedIndex = 2

  /// How many computation steps are done, 0…T. Step `progress` (if ≥ 1) is the current one.
  public internal(set) var progress: Int
  public internal(set) var playing = false
  public internal(set) var speedIndex = Walkthrough.defaultSpeedIndex
  /// The first time step the timeline shows; kept so the view scrolls only when it must.
  public internal(set) var firstVisibleTime = 0
  let stepCount: Int

  public init(session: Session) {
    stepCount = session.stepCount
    // Open on the first computed step, so the formulas are on screen from the start.
    progress = min(1, session.stepCount)
  }

  public func adopting(_ session: Session) -> Walkthrough {
    var fresh = Walkthrough(session: session)
    fresh.speedIndex = speedIndex
    return fresh
  }

  public var speed: Double { Self.speeds[speedIndex] }
  public var isFinished: Bool { progress == stepCount }

  /// The time step computed at the current step, if any step is done.
  public var currentTime: Int? { progress >= 1 ? stepCount - progress : nil }

  /// Whether time step `t` has been computed yet (the pass runs backward from T−1).
  public func isComputed(_ t: Int) -> Bool { t >= stepCount - progress }

  public var tickInterval: Duration? { playing ? .seconds(1 / speed) : nil }
}
