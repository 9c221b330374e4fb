// swift-tools-version: 6.0
// The benchmarks live in their own package so that building and testing GAEViz never compiles
// the harness. Run: cd Benchmarks && swift run -c release gae-benchmarks
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which depends on where GAEViz was cloned.
let gaeViz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "GAEVizBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/google/swift-benchmark", exact: "0.1.2"),
  ],
  targets: [
    // The baselines GAEViz is measured against: the seed's loop in C and the memory floor.
    .target(
      name: "CBaseline",
      cSettings: [.unsafeFlags(["-O3", "-march=native"])]
    ),
    .executableTarget(
      name: "gae-benchmarks",
      dependencies: [
        "CBaseline",
        .product(name: "GAECore", package: gaeViz),
        .product(name: "GAETUI", package: gaeViz),
        .product(name: "Benchmark", package: "swift-benchmark"),
      ],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]
    ),
  ]
)
