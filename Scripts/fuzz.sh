#!/usr/bin/env bash
# Fuzzes the scenario readers for SECONDS (default 60) with libFuzzer + AddressSanitizer.
# A failing input is copied into Tests/fuzz/regressions/, where the tests replay it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# gold crashes on this link (an internal error in its DWARF reader); lld links it.
swift build --product scenario-fuzzer --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld 2>&1 | grep -vE "Cannot export local symbol|prohibited flag" | tail -2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp Scenarios/*.json Scenarios/*.csv Tests/fuzz/regressions/* "$work/corpus/"
status=0
# The Swift backtracer would hold the crash; libFuzzer reports it and writes the input instead.
SWIFT_BACKTRACE=enable=no .build-fuzz/debug/scenario-fuzzer "$work/corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -dict=Tests/fuzz/csv.dict \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 >"$work/log" 2>&1 || status=$?
grep -E "^(stat::number_of_executed_units|stat::new_units_added)|ERROR|Fatal error|SUMMARY" "$work/log" || true
if [ "$status" != 0 ]; then
  for artifact in "$work"/artifacts/*; do
    [ -e "$artifact" ] || continue
    cp "$artifact" "Tests/fuzz/regressions/$(basename "$artifact")"
    echo "fuzz: failing input saved as Tests/fuzz/regressions/$(basename "$artifact")"
  done
  tail -40 "$work/log"
  echo "fuzz: FAILED"
  exit 1
fi
echo "fuzz: no failure in ${seconds}s"
