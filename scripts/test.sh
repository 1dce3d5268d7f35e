#!/usr/bin/env bash
# The test command (called by .ci/run): install dependencies, build, run
# every test (unit, CLI, golden, Python/Dask, PostgreSQL, web API and browser), the quality gates on
# ../shared data (skipped with a message when ../shared is absent), and each
# fuzzer for a short time on its saved corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
tests/web/setup.sh
scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
(cd build && ctest --output-on-failure -j"$jobs")
scripts/fuzz.sh "${WHOSAID_FUZZ_SECONDS:-15}"
eval/gate.sh
