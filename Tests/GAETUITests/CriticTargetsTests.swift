import GAECore
import TestSupport
import Testing

@testable import GAETUI

@Suite("Targets: what the critic regresses on, and the normalised advantages")
struct CriticTargetsTests {
  func row(_ lines: [String], _ name: String) -> [String] {
    let line = lines.first { $0.split(separator: "│").first?.trimmingCharacters(in: .whitespaces) == name } ?? ""
    let cells = line.split(separator: "│").dropFirst().joined()
    return cells.replacingOccurrences(of: "┃", with: " ").replacingOccurrences(of: "┆", with: " ")
      .replacingOccurrences(of: "*", with: " ").split(separator: " ").map(String.init)
  }

  @Test func theRowsAreTheTargetsAndTheNormalisations() {
    let app = makeApp(width: 120, height: 40, [character("v")])
    let lines = Screen.render(app, glyphs: .unicode).lines
    let numbers = NumberText(glyphs: .unicode)
    let rollout = app.session.scenario.rollout
    let digits = 4  // 120 columns, twelve steps: room for four decimals
    func shown(_ values: [Double]) -> [String] { values.map { numbers.signed($0, digits: digits) } }
    #expect(row(lines, "A+V") == shown(GAECore.Targets.lambdaReturns(app.session.trace)))
    #expect(row(lines, "G") == shown(GAECore.Targets.rewardToGo(rollout, gamma: 0.99)))
    #expect(row(lines, "TD(0)") == shown(GAECore.Targets.tdTargets(rollout, gamma: 0.99)))
    #expect(row(lines, "norm") == shown(GAECore.Targets.normalized(app.session.trace.advantage)))
    #expect(row(lines, "mb 4") == shown(GAECore.Targets.normalized(app.session.trace.advantage, minibatch: 4)))
  }

  @Test func aMinibatchOfOneIsNaNAndFlipsAreMarked() {
    let app = makeApp([character("v"), character("<"), character("<")])
    #expect((app.mode as? CriticTargets)?.minibatchSize == 1)
    let lines = Screen.render(app, glyphs: .unicode).lines
    #expect(row(lines, "mb 1").allSatisfy { $0 == "NaN" })
    #expect(lines.contains { $0.contains("A minibatch of one has no deviation") })
    // A positive A that normalises negative is marked with * (t = 11, +0.04 → −0.23); at an
    // episode's end (t = 4) the wall stays and reverse video alone marks it.
    let normLine = lines.first { $0.hasPrefix("  norm │") }!
    #expect(normLine.contains("−0.23*") && normLine.contains("−0.08┃"))
    let big = makeApp([character("v"), character(">"), character(">"), character(">"), character(">")])
    #expect((big.mode as? CriticTargets)?.minibatchSize == 12)
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func goldenScreens(width: Int, height: Int) {
    Golden.check(
      Screen.render(makeApp(width: width, height: height, [character("v")]), glyphs: .unicode),
      "targets-\(width)x\(height)")
  }
}
