#!/usr/bin/env bash
# Formats the Swift sources in place, then lints them. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format --in-place --recursive --parallel Package.swift Sources Tests
swift format lint --recursive --parallel Package.swift Sources Tests
