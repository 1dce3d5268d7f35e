#!/usr/bin/env bash
# The test command (called by .ci/run): install dependencies, build, run
# every test (unit, CLI, golden), then the quality gates on ../shared data
# (skipped with a message when ../shared is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
(cd build && ctest --output-on-failure -j"$jobs")
eval/gate.sh
