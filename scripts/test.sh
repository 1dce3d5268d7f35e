#!/usr/bin/env bash
# The test command (called by .ci/run): install dependencies, build, run
# every test (unit, CLI, golden, Python/Dask, PostgreSQL, web API and browser), the quality gates on
# ../shared data (skipped with a message when ../shared is absent), each
# fuzzer for 30 s after replaying its saved corpus, a 64 MB streaming
# memory check, and the sanitizer jobs (scripts/sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
tests/web/setup.sh
scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
(cd build && ctest --output-on-failure -j"$jobs")
# Bounded memory while streaming (doc/reliability.md has the 1 GB figure).
MAX_RSS_MB=256 bench/stream_rss.sh 64 2
# Fuzzing: corpus replay + 30 s per target, two at a time.
FUZZ_JOBS=2 scripts/fuzz.sh "${WHOSAID_FUZZ_SECONDS:-30}"
# Sanitizers: ASan+UBSan on the test suite, TSan on the threaded paths
# (WHOSAID_CI_SANITIZE="" skips them, e.g. for a quick local run).
for job in ${WHOSAID_CI_SANITIZE-asan tsan}; do
  scripts/sanitize.sh "$job"
done
# The committed attribution model is what the trainer writes (~40 s of one
# core; doc/quality.md, "The committed model and the trainer").
eval/train_attribution.sh --check
eval/gate.sh
