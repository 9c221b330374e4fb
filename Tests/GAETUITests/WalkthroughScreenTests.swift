import Foundation
import GAECore
import TestSupport
import Testing

@testable import GAETUI

/// What the walkthrough draws, read cell by cell: the bar scale, zero, non-finite numbers,
/// legibility, the ASCII set.
@Suite("Walkthrough screen")
struct WalkthroughScreenTests {
  /// The rows of the bars, as text, at 80×24: rows 10–13.
  func barRows(_ canvas: Canvas) -> [String] { Array(canvas.lines[10...13]) }

  /// One bar scale for the scenario: λ = 0 and λ = 1 are drawn on the same axis, and a column
  /// whose A does not depend on λ (t = 4, a termination: A = δ) keeps its bar exactly.
  @Test func oneBarScaleWhateverLambda() {
    let td = Screen.render(makeApp(keys(.end) + [character("0")]), glyphs: .unicode)
    let mc = Screen.render(makeApp(keys(.end) + [character("1")]), glyphs: .unicode)
    let mid = Screen.render(makeApp(keys(.end)), glyphs: .unicode)
    #expect(td.lines[10].hasPrefix("+0.751") && mc.lines[10].hasPrefix("+0.751") && mid.lines[10].hasPrefix("+0.751"))
    #expect(td.lines[13].hasPrefix("−0.751"))
    let app = makeApp(keys(.end))
    let x = app.walkthrough!.viewport(session: app.session, area: app.body).x(of: 4)!
    func column(_ canvas: Canvas) -> [Canvas.Cell] { (10...13).map { canvas[x + 2, $0] } }
    #expect(column(td) == column(mc) && column(mc) == column(mid))
    #expect(barRows(td) != barRows(mc))  // the other columns do move
  }

  /// A value that prints as zero has no sign and no bar; 1e-8 is not "-0.00" with "▁▁▁".
  @Test func zeroIsZeroOnTheTimeline() throws {
    let tiny = try scenario(rewards: [1e-8, -1e-8], values: [0, 0, 0], terminated: [false, true])
    let canvas = Screen.render(makeApp(scenario: tiny, keys(.end)), glyphs: .unicode)
    // The timeline and the steps list (the formulas show such a number in full, as they must).
    let text = (Array(canvas.lines[2...13]) + Array(canvas.lines[20...22])).joined(separator: "\n")
    #expect(!text.contains("-0.00") && !text.contains("−0.00") && !text.contains("+0.00"))
    for row in barRows(canvas) { #expect(!row.contains("▁") && !row.contains("▔") && !row.contains("█")) }
  }

  /// Issue: overflowing advantages trapped in the bar drawing (`Int(NaN)`). Every number path
  /// draws ±∞ and NaN, marked.
  @Test func overflowingAdvantagesAreDrawnMarked() throws {
    let overflow = try scenario(rewards: [1e308, -1e308], values: [-1e308, 0, -1e308])
    for messages in [keys(.end), keys(.end) + [character("0")], keys(.end) + [character("1")], [character("?")]] {
      for glyphs in [Glyphs.unicode, .ascii] {
        for (width, height) in [(80, 24), (60, 20), (200, 60)] {
          let canvas = Screen.render(
            makeApp(width: width, height: height, scenario: overflow, messages), glyphs: glyphs)
          #expect(canvas.width == width)
        }
      }
    }
    let canvas = Screen.render(makeApp(scenario: overflow, keys(.end)), glyphs: .unicode)
    let text = canvas.text
    #expect(text.contains("∞") || text.contains("NaN"))
    // A₀ = ∞ + γλ·(−∞) = NaN: a mark on the axis, no bar; A₁ = −∞: a full bar ending in ▼.
    #expect(text.contains("NaN") && text.contains("−∞"))
    let bars = barRows(canvas).joined()
    #expect(bars.contains("?") && bars.contains("▼"))
    let infinite = try scenario(rewards: [1e308], values: [-1e308, 0])
    #expect(barRows(Screen.render(makeApp(scenario: infinite), glyphs: .unicode)).joined().contains("▲"))
  }

  /// The scale is measured once, at load, over the λ a lesson moves through at the scenario's
  /// γ; raising γ past it draws bars that end in a mark saying they go beyond.
  @Test func theScaleIsMeasuredAtLoadAndBeyondItBarsAreMarked() throws {
    let ones = try scenario(rewards: Array(repeating: 1, count: 12), values: Array(repeating: 0, count: 13))
    var app = App(session: Session(scenario: ones, gamma: 0.5, lambda: 0.5))
    let expected = GAE.advantages(for: ones.rollout, gamma: 0.5, lambda: 1).map(abs).max()!
    #expect(app.session.barScale == expected)
    _ = app.handle(.resize(width: 80, height: 24))
    for key in [Key.character("0"), .end, .tab, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .character("1")] {
      _ = app.handle(.key(key))
    }
    #expect(app.session.barScale == expected && app.session.gamma == 1)
    #expect(barRows(Screen.render(app, glyphs: .unicode)).joined().contains("▲"))
  }

  /// Content is never dim (a projector washes dim text out): only rules and pending marks are.
  @Test func noDimContent() {
    for messages in [[], steps(3), steps(7), keys(.end)] {
      let canvas = Screen.render(makeApp(messages), glyphs: .unicode)
      for y in 0..<canvas.height {
        for x in 0..<canvas.width where canvas[x, y].style.dim {
          let character = canvas[x, y].character
          #expect("─│·┌┐└┘ ".contains(character), "dim \(character) at \(x),\(y)")
        }
      }
    }
  }

  /// Colours that read on light and dark backgrounds: no yellow or cyan text on the default
  /// background.
  @Test func noYellowOrCyanTextOnTheDefaultBackground() {
    for messages in [steps(3), steps(7), keys(.end), [character("?")]] {
      let canvas = Screen.render(makeApp(messages), glyphs: .unicode)
      for cell in canvas.cells where cell.style.background == nil && cell.character != " " {
        #expect(cell.style.foreground != .yellow && cell.style.foreground != .cyan)
      }
    }
  }

  @Test func asciiSpellsGreekOutAndDrawsNoSignLikeBars() {
    let canvas = Screen.render(makeApp(keys(.end)), glyphs: .ascii)
    let text = canvas.text
    #expect(text.contains("gamma 0.99") && text.contains("lambda 0.95"))
    #expect(text.contains("delta"))
    #expect(!text.contains(" g 0.99") && !text.contains(" l 0.95"))
    #expect(canvas.lines.allSatisfy { $0.allSatisfy(\.isASCII) })
    for row in barRows(canvas) {
      let bars = row.dropFirst(TimelineViewport.gutter)
      #expect(!bars.contains("+") && !bars.contains("-") && !bars.contains("."))
    }
    #expect(Glyphs.ascii.marks.cut == "~")
  }

  @Test func titleAndStepsListStayAligned() throws {
    let long = try Scenario.load(path: packageRoot + "/Scenarios/07-long-horizon.json")
    let early = Screen.render(makeApp(scenario: long, steps(8)), glyphs: .unicode).lines[14]
    let later = Screen.render(makeApp(scenario: long, steps(150)), glyphs: .unicode).lines[14]
    func column(_ line: String, _ character: Character) -> Int? {
      line.firstIndex(of: character).map { line.distance(from: line.startIndex, to: $0) }
    }
    // "Step   9 of 300 ·" and "Step 151 of 300 ·": the title does not shift.
    #expect(column(early, "·") != nil && column(early, "·") == column(later, "·"))
    // The steps list: δ and A columns aligned whatever the widths of the numbers.
    let wide = try scenario(rewards: [-12.5, 0.1, 3, -100], values: [0, 0, 0, 0, 0])
    let lines = Screen.render(makeApp(scenario: wide, keys(.end)), glyphs: .unicode).lines[21...22]
    let positions = lines.map { column($0, "A") }
    #expect(positions.first! != nil && positions.allSatisfy { $0 == positions.first! })
  }
}

@Suite("Walkthrough screen: extreme numbers")
struct ExtremeNumberTests {
  /// Huge numbers take their short form in the steps list; nothing is silently cut.
  @Test func hugeNumbersAreNeverCut() throws {
    let huge = try scenario(rewards: [0, 0], values: [-123_456_789_012, 234_567_890_123, -345_678_901_234])
    let lines = Screen.render(makeApp(scenario: huge, keys(.end)), glyphs: .unicode).lines
    let list = lines[20...22].joined(separator: "\n")
    #expect(list.contains("e11"))
    #expect(!list.contains("−5767900023 "))
    #expect(list.contains("end"))
  }

  /// The scale's labels keep their signs in six columns.
  @Test func scaleLabelsKeepTheirSigns() throws {
    let numbers = NumberText(glyphs: .unicode)
    #expect(numbers.compactSigned(1.6e-4, sign: "−", width: 6) == "−2e-4")
    #expect(numbers.compactSigned(5.8e11, sign: "+", width: 6) == "+6e11")
    #expect(numbers.compactSigned(0.751, sign: "+", width: 6) == "+0.751")
    let tiny = try scenario(rewards: [0.00012, -0.00015], values: [0, 0, 0], terminated: [false, true])
    let lines = Screen.render(makeApp(scenario: tiny, keys(.end)), glyphs: .unicode).lines
    let top = lines[10].trimmingCharacters(in: .whitespaces)
    let bottom = lines[13].trimmingCharacters(in: .whitespaces)
    #expect(top.hasPrefix("+") && bottom.hasPrefix("−"))
  }

  /// A number that is not zero never prints as zero in a formula, and a huge one is short.
  @Test func formulasShowTinyAndHugeNumbers() throws {
    let formula = Formula(glyphs: .unicode, inputDigits: 2)
    let tiny = try scenario(rewards: [0.00012, -0.00015], values: [0, 0, 0], terminated: [false, true])
    let trace = GAE.trace(for: tiny.rollout, gamma: 0.99, lambda: 0.95)
    let delta = formula.delta(trace.record(at: 1), gamma: 0.99, decay: trace.decay)
    #expect(delta.contains("−0.00015") && delta.hasSuffix("= −0.00015"))
    let huge = try scenario(rewards: [1e308], values: [0, 0])
    let big = GAE.trace(for: huge.rollout, gamma: 0.99, lambda: 0.95)
    let line = formula.delta(big.record(at: 0), gamma: 0.99, decay: big.decay)
    #expect(line.count < 120 && line.contains("1e+308"))
  }

  @Test func helpOnAFilesErrorScreenListsOnlyTheKeysThatAct() {
    let failed = sending(
      makeApp(playlist: ["a.json", "b.json"]), .loadFailed(path: "b.json", reason: "bad", index: 1), character("?"))
    let text = HelpOverlay(app: failed, glyphs: .unicode).lines.map(\.0).joined(separator: "\n")
    #expect(text.contains("Anywhere") && !text.contains("Walkthrough") && !text.contains("On the screen"))
  }
}
