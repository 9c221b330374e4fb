import Benchmark
import CBaseline
import Foundation
import GAECore
import GAETUI

#if canImport(Glibc)
  import Glibc
#endif

// gae-benchmarks [--quick] [--gae-viz PATH]
// Every figure of the README's Performance table; each ratio is taken against a baseline
// measured in this same run, on the same data.

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "--load-peak" {
  // Child mode: load one scenario and report this process's peak memory growth.
  let before = peakResidentKiB()
  let scenario = try Scenario.load(path: arguments[2])
  blackHole(scenario)
  print(peakResidentKiB() - before)
  exit(0)
}
let quick = arguments.contains("--quick")
let gaeViz: String? =
  arguments.firstIndex(of: "--gae-viz").map { arguments[$0 + 1] }
  ?? (FileManager.default.isExecutableFile(atPath: "../.build/release/gae-viz") ? "../.build/release/gae-viz" : nil)
let large = quick ? 1_000_000 : 10_000_000
let medium = quick ? 100_000 : 1_000_000
let iterations = quick ? 3 : 15

FileHandle.standardError.write("preparing data (\(large) and \(medium) steps)…\n".data(using: .utf8)!)
let big = BenchmarkData(count: large)
let mid = BenchmarkData(count: medium)
// Short episodes: 20 steps on average, and a boundary on every other step (bandit-like).
let shortEpisodes = BenchmarkData(count: medium, boundaryRate: 0.05, seed: 5)
let everyOther = BenchmarkData(count: medium, boundaryRate: 0.5, seed: 6)

var bufferLarge = [Double](repeating: 0, count: large)
var bufferMedium = [Double](repeating: 0, count: medium)
var traceLarge = GAE.trace(for: big.rollout, gamma: 0.5, lambda: 0.5)

let core = BenchmarkSuite(name: "core", settings: Iterations(iterations), WarmupIterations(2)) { suite in
  suite.benchmark("c fresh large") { cFresh(big) }
  suite.benchmark("swift fresh large") { blackHole(GAE.advantages(for: big.rollout, gamma: 0.99, lambda: 0.95)) }
  suite.benchmark("c into large") { cInto(big, &bufferLarge) }
  suite.benchmark("swift into large") {
    GAE.advantages(for: big.rollout, gamma: 0.99, lambda: 0.95, into: &bufferLarge)
  }
  suite.benchmark("swift fresh medium") {
    blackHole(GAE.advantages(for: mid.rollout, gamma: 0.99, lambda: 0.95))
  }
  suite.benchmark("floor medium") { cInto(mid, &bufferMedium, floor: true) }
  suite.benchmark("c into medium") { cInto(mid, &bufferMedium) }
  suite.benchmark("swift into medium") {
    GAE.advantages(for: mid.rollout, gamma: 0.99, lambda: 0.95, into: &bufferMedium)
  }
  suite.benchmark("c into short episodes") { cInto(shortEpisodes, &bufferMedium) }
  suite.benchmark("swift into short episodes") {
    GAE.advantages(for: shortEpisodes.rollout, gamma: 0.99, lambda: 0.95, into: &bufferMedium)
  }
  suite.benchmark("c into every other") { cInto(everyOther, &bufferMedium) }
  suite.benchmark("swift into every other") {
    GAE.advantages(for: everyOther.rollout, gamma: 0.99, lambda: 0.95, into: &bufferMedium)
  }
  suite.benchmark("trace fresh large") { blackHole(GAE.trace(for: big.rollout, gamma: 0.99, lambda: 0.95)) }
  suite.benchmark("trace reused large") { traceLarge.recompute(gamma: 0.99, lambda: 0.95) }
  // The trace stores A and derives the rest on access: this one also reads every record.
  suite.benchmark("trace every record large") {
    let trace = GAE.trace(for: big.rollout, gamma: 0.99, lambda: 0.95)
    var sum = 0.0
    for step in trace.steps { sum += step.nextValue + step.delta + step.carry + step.return }
    blackHole(sum)
  }
}

var runner = BenchmarkRunner(suites: [core], settings: [TimeUnit(.ms), Format(.none)])
try runner.run()
let results = runner.results

@MainActor func median(_ name: String) -> Double {
  let sorted = results.first { $0.benchmarkName == name }!.measurements.sorted()
  return sorted[sorted.count / 2]
}

var rows: [String] = []
@MainActor func row(_ what: String, _ figure: String, _ ratio: String, _ target: String) {
  rows.append("| \(what) | \(figure) | \(ratio) | \(target) |")
}
@MainActor func timed(_ what: String, _ value: String, _ baseline: String, steps: Int, target: String) {
  let ratio = median(value) / median(baseline)
  row(what, "\(fixed(median(value) / Double(steps), 3)) ns/step", "\(fixed(ratio, 2))×", target)
}

timed(
  "GAE.advantages, fresh array, T=10⁷ ÷ C loop, fresh array", "swift fresh large", "c fresh large", steps: large,
  target: "≤ 1.10×")
timed(
  "GAE.advantages into a buffer, T=10⁷ ÷ C loop into a buffer", "swift into large", "c into large", steps: large,
  target: "like with like")
timed(
  "GAE.advantages into a buffer, T=10⁶ ÷ memory floor", "swift into medium", "floor medium", steps: medium,
  target: "≤ 2× (aim 1.5×)")
timed("C loop into a buffer, T=10⁶ ÷ memory floor", "c into medium", "floor medium", steps: medium, target: "for scale")
timed(
  "GAE.advantages into a buffer, T=10⁶, episodes of ~20 steps ÷ C loop", "swift into short episodes",
  "c into short episodes", steps: medium, target: "(robust to short episodes)")
timed(
  "GAE.advantages into a buffer, T=10⁶, a boundary every ~2 steps ÷ C loop", "swift into every other",
  "c into every other", steps: medium, target: "(no data-dependent branch)")
timed(
  "full trace, fresh, T=10⁷ ÷ C loop, fresh array", "trace fresh large", "c fresh large", steps: large, target: "≤ 2×")
timed(
  "full trace recomputed in place, T=10⁷ ÷ C loop into a buffer", "trace reused large", "c into large", steps: large,
  target: "≤ 2×")
timed(
  "full trace, fresh, then every record read, T=10⁷ ÷ C loop, fresh", "trace every record large", "c fresh large",
  steps: large, target: "(the trace derives columns on access)")
row("trace memory beyond the inputs", "\(fixed(traceBytesPerStep(), 1)) bytes/step", "", "≤ 40 bytes/step")

// Loading a 10⁶-step scenario.
// Written for this run and removed after it: the benchmark leaves nothing behind.
let scenarioPath = NSTemporaryDirectory() + "gaeviz-benchmark-\(getpid())-\(medium).json"
let loadScenario = Scenario(
  name: "benchmark", rollout: BenchmarkData(count: medium, seed: 9, finalValues: true).rollout)
try SafeFileWriter.write(loadScenario.jsonText(), to: scenarioPath, overwrite: true)
let fileBytes = (try FileManager.default.attributesOfItem(atPath: scenarioPath)[.size] as? Int) ?? 0
let loadSeconds = bestOf(3) { blackHole(try! Scenario.load(path: scenarioPath)) }
let loadPeakKiB =
  Int(try runProcess(arguments[0], ["--load-peak", scenarioPath]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
let python =
  try? JSONSerialization.jsonObject(
    with: Data(runProcess("/usr/bin/env", ["python3", scriptPath("python_baselines.py"), scenarioPath]).utf8))
  as? [String: Double]
unlink(scenarioPath)
if let python, let pythonLoad = python["json_load_seconds"] {
  row(
    "load + validate a \(fileBytes / 1_000_000) MB, 10⁶-step JSON scenario ÷ Python json.load + NumPy arrays",
    "\(fixed(loadSeconds, 3)) s (Python \(fixed(pythonLoad, 3)) s)", "\(fixed(loadSeconds / pythonLoad, 2))×", "< 1×")
} else {
  row(
    "load + validate a \(fileBytes / 1_000_000) MB, 10⁶-step JSON scenario", "\(fixed(loadSeconds, 3)) s", "",
    "faster than Python")
}
row(
  "peak memory while loading it ÷ file size",
  "\(loadPeakKiB / 1024) MiB" + (python?["json_load_peak_mib"].map { " (Python \(Int($0)) MiB)" } ?? ""),
  "\(fixed(Double(loadPeakKiB * 1024) / Double(fileBytes), 2))×", "< 2×")

// The same rollout as CSV, as `gae-viz convert` writes it, against the JSON load just measured.
let csvPath = NSTemporaryDirectory() + "gaeviz-benchmark-\(getpid())-\(medium).csv"
try SafeFileWriter.write(loadScenario.csvText(), to: csvPath, overwrite: true)
let csvBytes = (try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0
let csvLoadSeconds = bestOf(3) { blackHole(try! Scenario.load(path: csvPath)) }
let csvPeakKiB =
  Int(try runProcess(arguments[0], ["--load-peak", csvPath]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
unlink(csvPath)
row(
  "load + validate the same scenario as CSV (\(csvBytes / 1_000_000) MB) ÷ as JSON",
  "\(fixed(csvLoadSeconds, 3)) s (JSON \(fixed(loadSeconds, 3)) s)", "\(fixed(csvLoadSeconds / loadSeconds, 2))×",
  "≤ 2×")
row(
  "peak memory while loading the CSV ÷ file size", "\(csvPeakKiB / 1024) MiB (JSON \(loadPeakKiB / 1024) MiB)",
  "\(fixed(Double(csvPeakKiB * 1024) / Double(csvBytes), 2))×", "< 2×")

// A description pasted in as 40,000 `# description:` lines (the file), against a quarter
// of it: linear reading gives 1×, reading each line by copying all before it gives 4×.
@MainActor func notesLoadSeconds(lines: Int) throws -> Double {
  let path = NSTemporaryDirectory() + "gaeviz-benchmark-\(getpid())-notes-\(lines).csv"
  let notes = (0..<lines).map { "line \($0) of teaching notes pasted into the file" }.joined(separator: "\n")
  let scenario = Scenario(name: "notes", description: notes, rollout: BenchmarkData(count: 10).rollout)
  try SafeFileWriter.write(scenario.csvText(), to: path, overwrite: true)
  defer { unlink(path) }
  return bestOf(5) { blackHole(try! Scenario.load(path: path)) }
}
let notesFull = try notesLoadSeconds(lines: 40_000)
let notesQuarter = try notesLoadSeconds(lines: 10_000)
row(
  "load a CSV description of 40,000 comment lines ÷ 4 × one of 10,000",
  "\(fixed(notesFull * 1000, 1)) ms vs 4 × \(fixed(notesQuarter * 1000, 1)) ms",
  "\(fixed(notesFull / (4 * notesQuarter), 2))×",
  "≈ 1× (linear; quadratic is 4×)")

// Interaction with a 10⁶-step scenario open.
let millionScenario = Scenario(name: "a million steps", rollout: mid.rollout)
var millionState = App(session: Session(scenario: millionScenario, gamma: 0.99, lambda: 0.95))
_ = millionState.handle(.resize(width: 80, height: 24))
let keyPress = medianOf(31) {
  _ = millionState.handle(.key(millionState.session.lambda > 0.5 ? .down : .up))
  blackHole(Screen.render(millionState, glyphs: .unicode))
}
row("γ/λ key with 10⁶ steps open: recompute + render 80×24", "\(fixed(keyPress * 1000, 2)) ms", "", "< 16 ms")
// Compare mode: a γ key recomputes GAE and both other estimators (TD, Monte Carlo), keeps the
// previous advantages for the Δ row, and redraws.
var compareState = App(session: Session(scenario: millionScenario, gamma: 0.99, lambda: 0.95))
_ = compareState.handle(.resize(width: 80, height: 24))
_ = compareState.handle(.key(.character("c")))
_ = compareState.handle(.key(.tab))
let compareKey = medianOf(31) {
  _ = compareState.handle(.key(compareState.session.gamma > 0.5 ? .down : .up))
  blackHole(Screen.render(compareState, glyphs: .unicode))
}
row(
  "γ key in compare mode, 10⁶ steps (three estimators): recompute + render 80×24",
  "\(fixed(compareKey * 1000, 2)) ms", "", "< 16 ms")
// Weights: A_0 of a single 10⁶-step episode taken apart; only the visible terms are computed.
let oneEpisode = try! Rollout(
  rewards: mid.rollout.rewards, values: mid.rollout.values,
  terminated: Array(repeating: false, count: mid.rollout.count), truncated: Array(repeating: false, count: mid.rollout.count))
var weightsState = App(session: Session(scenario: Scenario(name: "one episode", rollout: oneEpisode), gamma: 0.99, lambda: 0.95))
_ = weightsState.handle(.resize(width: 80, height: 24))
_ = weightsState.handle(.key(.character("e")))
let weightsFrame = medianOf(101) { blackHole(Screen.render(weightsState, glyphs: .unicode)) }
row("weights view of A_0 in a 10⁶-step episode: render 80×24", "\(fixed(weightsFrame * 1000, 2)) ms", "", "< 16 ms (a frame)")
// Like with like: the same generator, 10² steps, the same place in the pass.
var hundredState = App(
  session: Session(
    scenario: Scenario(name: "a million steps", rollout: BenchmarkData(count: 100).rollout), gamma: 0.99,
    lambda: 0.95))
_ = hundredState.handle(.resize(width: 80, height: 24))
for state in [0, 1] {
  for _ in 0..<5 { _ = state == 0 ? hundredState.handle(.key(.left)) : millionState.handle(.key(.left)) }
}
let renderHundred = medianOf(301) { blackHole(Screen.render(hundredState, glyphs: .unicode)) }
let renderMillion = medianOf(301) { blackHole(Screen.render(millionState, glyphs: .unicode)) }
row(
  "render 80×24: 10⁶ steps ÷ 10² steps", "\(fixed(renderMillion * 1e6, 0)) µs vs \(fixed(renderHundred * 1e6, 0)) µs",
  "\(fixed(renderMillion / renderHundred, 2))×", "≈ 1× (only visible columns drawn)")
var smallState = App(session: Session(scenario: .builtInDefault, gamma: 0.99, lambda: 0.95))
_ = smallState.handle(.resize(width: 300, height: 100))
let renderHuge = medianOf(101) { blackHole(Screen.render(smallState, glyphs: .unicode)) }
row("render a 300×100 frame", "\(fixed(renderHuge * 1000, 2)) ms", "", "< 2 ms")

if let gaeViz,
  let terminal = try? JSONSerialization.jsonObject(
    with: Data(runProcess("/usr/bin/env", ["python3", scriptPath("terminal_figures.py"), gaeViz]).utf8))
    as? [String: Any]
{
  if let firstFrame = terminal["first_frame_ms"] as? Double {
    row("launch to first frame (built-in scenario, 80×24 pty)", "\(fixed(firstFrame, 1)) ms", "", "< 100 ms")
  }
  if let cpu = terminal["cpu_percent"] as? [String: Double] {
    for key in ["paused", "playing 2/s", "playing 32/s"] {
      row(
        "CPU, \(key) (5 s, the process's own CPU time)", "\(fixed(cpu[key] ?? 0, 2)) %", "",
        key == "paused" ? "0 %" : "∝ tick rate")
    }
  }
} else {
  row("launch to first frame, CPU", "not measured", "", "pass --gae-viz PATH (a release build)")
}

if let python {
  // Python's functions return fresh arrays: compared with GAE.advantages returning one, at 10⁶.
  let swiftPerStep = median("swift fresh medium") / Double(medium)
  if let loop = python["numpy_loop_ns_per_step"] {
    row(
      "the seed's NumPy loop (10⁵ steps) ÷ GAE.advantages (10⁶)", "\(fixed(loop, 1)) ns/step",
      "\(fixed(loop / swiftPerStep, 0))×", "for scale")
  }
  for (key, what) in [
    ("lfilter_ns_per_step", "scipy lfilter per episode"), ("jax_ns_per_step", "JAX lax.scan, reversed, jit, float64"),
    ("numba_ns_per_step", "the seed's loop, numba njit"),
  ] {
    guard let perStep = python[key] else {
      row("\(what) (10⁶ steps)", "not installed", "", "pip install -r Benchmarks/requirements.txt")
      continue
    }
    row(
      "\(what) (10⁶ steps) ÷ GAE.advantages (10⁶)", "\(fixed(perStep, 1)) ns/step",
      "\(fixed(perStep / swiftPerStep, 1))×",
      "for scale")
  }
}

print("| measurement | median | ratio | target |")
print("|---|---|---|---|")
for line in rows { print(line) }
