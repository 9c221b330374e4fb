import GAECore

#if canImport(Glibc)
  import Glibc
#endif

/// Fuzzes the scenario readers. Built two ways:
/// - for libFuzzer (`Scripts/fuzz.sh`: `-sanitize=fuzzer,address -DFUZZING`), where libFuzzer
///   supplies `main` and feeds `LLVMFuzzerTestOneInput` mutated inputs;
/// - as a plain program (`swift run scenario-fuzzer FILE…`) that replays inputs, so every crash
///   the fuzzer ever found is checked again by the tests.
///
/// Beyond "no crash", whatever parses must survive a write-and-reparse round trip unchanged and
/// give a finite trace: the fuzzer is a correctness oracle, not only a crash finder.
enum ScenarioFuzzer {
  static func exercise(_ bytes: [UInt8]) {
    if let scenario = try? Scenario(json: bytes) {
      check(scenario)
      guard let again = try? Scenario(json: Array(scenario.jsonText().utf8)), again == scenario else {
        fatalError("JSON round trip changed the scenario")
      }
    }
    if let text = String(validating: bytes, as: UTF8.self), let scenario = try? Scenario(csv: text) {
      check(scenario)
      // CSV trims spaces around fields and folds line breaks in comments; the numbers must survive.
      guard let again = try? Scenario(csv: scenario.csvText()),
        again.rollout.rewards == scenario.rollout.rewards, again.rollout.values == scenario.rollout.values,
        again.rollout.terminated == scenario.rollout.terminated,
        again.rollout.truncated == scenario.rollout.truncated,
        again.rollout.finalValues == scenario.rollout.finalValues, again.gamma == scenario.gamma,
        again.lambda == scenario.lambda
      else {
        fatalError("CSV round trip changed the rollout")
      }
    }
  }

  private static func check(_ scenario: Scenario) {
    let trace = GAE.trace(
      for: scenario.rollout, gamma: scenario.gamma ?? Scenario.defaultGamma,
      lambda: scenario.lambda ?? Scenario.defaultLambda)
    // Inputs are finite and γ, λ in [0, 1]; a long enough rollout can still overflow to ±inf
    // (|A| grows with T·max|r|), but never to NaN.
    precondition(!trace.advantage.contains { $0.isNaN }, "NaN advantage")
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
