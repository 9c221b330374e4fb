extension Scenario {
  /// The scenario `gae-viz` opens on: three episodes in twelve steps, so the first screen already
  /// shows a termination, a truncation with its own final value, and a rollout cut off mid-episode.
  public static let builtInDefault: Scenario = {
    // The literal is checked by the tests; a failure here would be a bug in this file.
    let rollout = try! Rollout(
      rewards: [0, 0, 0.1, 0, 1, 0, -0.5, 0, 0, 0, 0.2, 0],
      values: [0.5, 0.55, 0.6, 0.75, 0.9, 0.4, 0.35, 0.1, 0.2, 0.45, 0.5, 0.55, 0.6],
      terminated: [false, false, false, false, true, false, false, false, false, false, false, false],
      truncated: [false, false, false, false, false, false, false, false, true, false, false, false],
      finalValues: [nil, nil, nil, nil, nil, nil, nil, nil, 0.3, nil, nil, nil],
      labels: ["start", "", "coin", "", "goal", "start", "trap", "", "limit", "start", "coin", ""]
    )
    return Scenario(
      name: "Goal, time limit, and a rollout cut short",
      description: """
        Three episodes in one rollout of 12 steps. \
        t=4 reaches the goal: terminated, so the next value is 0 (nothing follows a true end). \
        t=8 hits a time limit: truncated, so we still bootstrap, from the value of the state it \
        was cut off in (final value 0.3), not from V(s9), which belongs to the next episode. \
        At both boundaries the carry γλ·A resets to 0, so no advantage leaks across episodes. \
        t=11 is where the rollout stops mid-episode: it bootstraps from V(s12).
        """,
      gamma: 0.99,
      lambda: 0.95,
      rollout: rollout
    )
  }()
}
