#!/usr/bin/env bash
# Builds GAEViz and the benchmarks in release mode and prints the Performance table.
#   Scripts/benchmark.sh           the full run (T = 10^7 and 10^6; a few minutes)
#   Scripts/benchmark.sh --quick   a smoke run (T = 10^6 and 10^5; under a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product gae-viz 2>&1 | grep -vE "prohibited flag" | tail -1
cd Benchmarks
swift build -c release 2>&1 | grep -vE "prohibited flag" | tail -1
.build/release/gae-benchmarks --gae-viz ../.build/release/gae-viz "$@"
