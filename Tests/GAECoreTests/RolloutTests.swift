import Testing

@testable import GAECore

@Suite("Rollout validation")
struct RolloutTests {
  @Test func rejectsAnEmptyRollout() {
    #expect(throws: RolloutError.empty) {
      try Rollout(rewards: [], values: [0], terminated: [], truncated: [])
    }
  }

  @Test func rejectsWrongLengthsNamingTheFieldAndBothLengths() {
    #expect(throws: RolloutError.lengthMismatch(field: "values", expected: 3, actual: 2)) {
      try Rollout(rewards: [0, 0], values: [0, 0], terminated: [false, false], truncated: [false, false])
    }
    #expect(throws: RolloutError.lengthMismatch(field: "terminated", expected: 2, actual: 1)) {
      try Rollout(rewards: [0, 0], values: [0, 0, 0], terminated: [false], truncated: [false, false])
    }
    #expect(throws: RolloutError.lengthMismatch(field: "truncated", expected: 2, actual: 3)) {
      try Rollout(rewards: [0, 0], values: [0, 0, 0], terminated: [false, false], truncated: [false, false, true])
    }
    #expect(throws: RolloutError.lengthMismatch(field: "final_values", expected: 1, actual: 2)) {
      try Rollout(rewards: [0], values: [0, 0], terminated: [false], truncated: [false], finalValues: [nil, 1])
    }
    #expect(throws: RolloutError.lengthMismatch(field: "labels", expected: 1, actual: 0)) {
      try Rollout(rewards: [0], values: [0, 0], terminated: [false], truncated: [false], labels: [])
    }
    let message = RolloutError.lengthMismatch(field: "values", expected: 3, actual: 2).description
    #expect(message == "values: has 2 entries, expected 3 (T+1: one per step plus the bootstrap value)")
  }

  @Test func rejectsNonFiniteNumbersNamingTheIndex() {
    #expect(throws: RolloutError.nonFinite(field: "rewards", index: 1, value: .infinity)) {
      try Rollout(rewards: [0, .infinity], values: [0, 0, 0], terminated: [false, false], truncated: [false, false])
    }
    #expect(throws: RolloutError.nonFinite(field: "values", index: 2, value: -.infinity)) {
      try Rollout(
        rewards: [0, 0], values: [0, 0, -.infinity], terminated: [false, false], truncated: [false, false])
    }
    #expect(throws: RolloutError.nonFinite(field: "final_values", index: 0, value: .infinity)) {
      try Rollout(rewards: [0], values: [0, 0], terminated: [false], truncated: [true], finalValues: [.infinity])
    }
    do {
      _ = try Rollout(rewards: [.nan], values: [0, 0], terminated: [false], truncated: [false])
      Issue.record("NaN accepted")
    } catch {
      #expect(error.description == "rewards[0]: nan is not a finite number")
    }
  }

  @Test func episodesAndBoundaries() {
    let rollout = Scenario.builtInDefault.rollout
    #expect(rollout.episodes == [0..<5, 5..<9, 9..<12])
    #expect(rollout.episode(containing: 6) == 5..<9)
    #expect(rollout.episode(containing: 4) == 0..<5)
    #expect(rollout.episode(containing: 11) == 9..<12)
    #expect(rollout.boundary(at: 4) == .terminated)
    #expect(rollout.boundary(at: 8) == .truncated)
    #expect(rollout.boundary(at: 11) == .endOfRollout)
    #expect(rollout.boundary(at: 3) == Boundary.none)
  }

  @Test func allNullOptionalArraysAreDropped() throws {
    let rollout = try Rollout(
      rewards: [0], values: [0, 0], terminated: [false], truncated: [false], finalValues: [nil], labels: [""])
    #expect(rollout.finalValues == nil)
    #expect(rollout.labels == nil)
  }
}
