import GAECore
import GAETUI

#if canImport(Glibc)
  import Glibc
#endif

/// Fuzzes the scenario readers. Built two ways:
/// - for libFuzzer (`Scripts/fuzz.sh`: `-sanitize=fuzzer,address -DFUZZING`), where libFuzzer
///   supplies `main` and feeds `LLVMFuzzerTestOneInput` mutated inputs;
/// - as a plain program (`swift run scenario-fuzzer FILE…`) that replays inputs, so every crash
///   the fuzzer ever found is checked again by the tests.
///
/// Beyond "no crash", whatever parses must survive a write-and-reparse round trip, in its own
/// format and in the other, unchanged to the last bit; give the seed's advantages bit for bit
/// (overflows to ±∞ and NaN included: finite inputs can still overflow, so nothing derived is
/// assumed finite); and be drawn by the visualiser in every state at several sizes: the fuzzer
/// is a correctness oracle, not only a crash finder. Every input is tried as JSON and as CSV.
enum ScenarioFuzzer {
  static func exercise(_ bytes: [UInt8]) {
    if let scenario = try? Scenario(json: bytes) {
      check(scenario)
      guard let again = try? Scenario(json: Array(scenario.jsonText().utf8)), identical(again, scenario) else {
        fatalError("JSON round trip changed the scenario")
      }
      // `gae-viz convert` to CSV must lose nothing either.
      guard let csv = try? Scenario(csv: scenario.csvText()), identical(csv, scenario) else {
        fatalError("JSON -> CSV changed the scenario")
      }
    }
    if let scenario = try? Scenario(csv: bytes) {
      check(scenario)
      guard let again = try? Scenario(csv: scenario.csvText()), identical(again, scenario) else {
        fatalError("CSV round trip changed the scenario")
      }
      guard let json = try? Scenario(json: Array(scenario.jsonText().utf8)), identical(json, scenario) else {
        fatalError("CSV -> JSON changed the scenario")
      }
    }
  }

  /// Equal to the last bit and byte: text as UTF-8 (`==` on String calls "é" and "e\u{301}" equal),
  /// numbers by bit pattern (`==` calls -0 and 0 equal).
  private static func identical(_ a: Scenario, _ b: Scenario) -> Bool {
    func bits(_ numbers: [Double]) -> [UInt64] { numbers.map(\.bitPattern) }
    func bits(_ numbers: [Double?]?) -> [UInt64?]? { numbers?.map { $0?.bitPattern } }
    func utf8(_ texts: [String]?) -> [[UInt8]]? { texts?.map { Array($0.utf8) } }
    let (r, s) = (a.rollout, b.rollout)
    return a.name.utf8.elementsEqual(b.name.utf8) && a.description.utf8.elementsEqual(b.description.utf8)
      && a.gamma?.bitPattern == b.gamma?.bitPattern && a.lambda?.bitPattern == b.lambda?.bitPattern
      && bits(r.rewards) == bits(s.rewards) && bits(r.values) == bits(s.values) && r.terminated == s.terminated
      && r.truncated == s.truncated && bits(r.finalValues) == bits(s.finalValues) && utf8(r.labels) == utf8(s.labels)
  }

  private static func check(_ scenario: Scenario) {
    let gamma = scenario.gamma ?? Scenario.defaultGamma
    let lambda = scenario.lambda ?? Scenario.defaultLambda
    let trace = GAE.trace(for: scenario.rollout, gamma: gamma, lambda: lambda)
    let reference = seedLoop(scenario.rollout, gamma: gamma, lambda: lambda)
    for t in 0..<reference.count {
      let (a, b) = (trace.advantage[t], reference[t])
      precondition(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN), "advantage \(t) differs from the seed's loop")
    }
    draw(scenario, gamma: gamma, lambda: lambda)
  }

  /// The seed's NumPy loop, transcribed: the oracle for the fast pass.
  private static func seedLoop(_ rollout: Rollout, gamma: Double, lambda: Double) -> [Double] {
    var advantages = [Double](repeating: 0, count: rollout.count)
    var gae = 0.0
    for t in stride(from: rollout.count - 1, through: 0, by: -1) {
      let delta = rollout.rewards[t] + gamma * rollout.nextValue(at: t).value - rollout.values[t]
      let notOver: Double = rollout.isEpisodeBoundary(t) ? 0 : 1
      gae = delta + gamma * lambda * notOver * gae
      advantages[t] = gae
    }
    return advantages
  }

  /// The visualiser draws it, whatever its numbers: at the smallest, the usual and a wide size,
  /// before and after the pass, at λ = 0 and 1, with help and the notes open.
  private static func draw(_ scenario: Scenario, gamma: Double, lambda: Double) {
    let keys: [[Key]] = [
      [], [.end], [.end, .character("0")], [.end, .character("1")], [.character("?")], [.character("i")],
    ]
    for (width, height) in [(60, 20), (80, 24), (203, 61)] {
      for sequence in keys {
        var app = App(session: Session(scenario: scenario, gamma: gamma, lambda: lambda))
        _ = app.handle(.resize(width: width, height: height))
        for key in sequence { _ = app.handle(.key(key)) }
        let canvas = Screen.render(app, glyphs: .unicode)
        precondition(canvas.width == width && canvas.height == height, "a canvas of the wrong size")
        _ = Screen.render(app, glyphs: .ascii)
      }
    }
  }
}

#if FUZZING
  /// libFuzzer's documented entry for programs that have their own main.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable's entry point under this name: hand control to libFuzzer.
  @_cdecl("scenario_fuzzer_main")
  public func fuzzerMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
  }

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ScenarioFuzzer.exercise(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }
#else
  @main
  struct ReplayCorpus {
    static func main() throws {
      var count = 0
      for path in CommandLine.arguments.dropFirst() {
        let files = Scenario.isDirectory(path) ? try allFiles(in: path) : [path]
        for file in files {
          ScenarioFuzzer.exercise(try Scenario.readFile(path: file))
          count += 1
        }
      }
      print("scenario-fuzzer: replayed \(count) inputs, no failure")
    }

    static func allFiles(in directory: String) throws -> [String] {
      guard let handle = opendir(directory) else { return [] }
      defer { closedir(handle) }
      var names: [String] = []
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if !name.hasPrefix(".") && entry.pointee.d_type == UInt8(DT_REG) { names.append(directory + "/" + name) }
      }
      return names.sorted()
    }
  }
#endif
