// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "GAEViz",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "GAECore", targets: ["GAECore"]),
    .library(name: "GAETUI", targets: ["GAETUI"]),
    .executable(name: "gae-viz", targets: ["gae-viz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The C edge: ncurses with the wide-character API, plus accessors for what Swift cannot import.
    .systemLibrary(
      name: "CNcurses",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]
    ),
    // The maths and the data. Foundation only.
    .target(name: "GAECore"),
    // The interface as pure values: state, actions, update, views drawn into a Canvas.
    .target(name: "GAETUI", dependencies: ["GAECore"]),
    // The program: command line, the one ncurses file, the run loop.
    .executableTarget(
      name: "gae-viz",
      dependencies: [
        "GAECore", "GAETUI", "CNcurses",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The scenario readers and the visualiser's drawing under libFuzzer (Scripts/fuzz.sh), or
    // replaying a corpus.
    .executableTarget(name: "scenario-fuzzer", dependencies: ["GAECore", "GAETUI"]),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "GAECoreTests", dependencies: ["GAECore", "TestSupport"]),
    // The golden screens are read from the source tree (so they can be re-recorded in place).
    .testTarget(name: "GAETUITests", dependencies: ["GAETUI", "GAECore", "TestSupport"], exclude: ["Golden"]),
    // Runs the built binary: exit statuses, messages, output formats.
    .testTarget(name: "CLITests", dependencies: ["gae-viz", "GAECore", "TestSupport"]),
  ]
)
