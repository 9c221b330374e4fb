import Foundation

extension Walkthrough {
  public mutating func update(_ action: Action, session: inout Session, area: Rect) -> [Effect] {
    switch action {
    case .next:
      playing = false
      progress = min(progress + 1, stepCount)
    case .previous:
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
    case .pause:
      playing = false
    case .faster:
      speedIndex = min(speedIndex + 1, Self.speeds.count - 1)
    case .slower:
      speedIndex = max(speedIndex - 1, 0)
    case .parameter(let change):
      // The step stays; only the numbers change.
      ParameterControl.update(change, session: &session)
    case .askForTimeStep:
      playing = false
      return [.ask(question: "Go to t (0–\(stepCount - 1)):", kind: .timeStep)]
    case .nextBoundary, .previousBoundary:
      playing = false
      let rollout = session.trace.rollout
      let from = currentTime ?? stepCount
      let forward = action == .nextBoundary
      var t = forward ? from - 1 : from + 1
      while t >= 0, t < stepCount, !rollout.isEpisodeBoundary(t) { t += forward ? -1 : 1 }
      guard t >= 0, t < stepCount else {
        return [.say(forward ? "No episode end before this step" : "No episode end after this step")]
      }
      go(to: t)
    case .largestAdvantage, .largestDelta:
      playing = false
      let trace = session.trace
      var best: (t: Int, size: Double)?
      for t in 0..<stepCount {
        let size = abs(action == .largestAdvantage ? trace.advantage[t] : trace.delta[t])
        if size.isFinite, size > (best?.size ?? -1) { best = (t, size) }
      }
      guard let best else { return [.say("No finite \(action == .largestAdvantage ? "A" : "δ") to go to")] }
      go(to: best.t)
    }
    return []
  }

  /// Shows step `t` as computed: the pass has come back to it.
  mutating func go(to t: Int) {
    progress = stepCount - t
  }

  public mutating func answer(_ kind: PromptKind, _ text: String, session: Session, area: Rect) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let t = Int(trimmed), (0..<stepCount).contains(t) else {
      return "\"\(trimmed)\" is not a time step: t runs from 0 to \(stepCount - 1)"
    }
    go(to: t)
    fit(session: session, area: area)
    return nil
  }

  public mutating func tick(session: inout Session, area: Rect) -> [Effect] {
    guard playing else { return [] }
    progress = min(progress + 1, stepCount)
    if isFinished { playing = false }
    return []
  }

  /// Keeps the current step (or, before the first step, the last time step) in the timeline.
  public mutating func fit(session: Session, area: Rect) {
    let viewport = self.viewport(session: session, area: area)
    firstVisibleTime = viewport.scrolled(toKeep: currentTime ?? (stepCount - 1), from: viewport.first)
  }

  func viewport(session: Session, area: Rect) -> TimelineViewport {
    TimelineViewport(
      area: WalkthroughLayout(area: area).timeline, stepCount: stepCount, integerDigits: session.integerDigits,
      first: firstVisibleTime)
  }

  public func notesPanel(in area: Rect) -> Size? {
    let layout = WalkthroughLayout(area: area)
    guard layout.notes.width >= 16 else { return nil }
    return Size(width: layout.notesTextWidth, height: layout.notesTextRows)
  }

  public func headerStatus(session: Session, glyphs: Glyphs) -> String {
    let speed = speed < 1 ? "0.5" : String(Int(speed))
    let play = playing ? "\(glyphs.marks.playing) playing \(speed)/s" : "\(glyphs.marks.paused) paused \(speed)/s"
    // Padded to the widest count, so the header does not shift as the count grows.
    let count = String(stepCount)
    let done = String(progress)
    return "step \(String(repeating: " ", count: max(count.count - done.count, 0)))\(done)/\(count)  \(play)"
  }
}
