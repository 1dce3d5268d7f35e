#!/usr/bin/env bash
# Regenerates the golden records (tests/golden/*.jsonl) from the current
# build. Review `git diff tests/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${WHOSAID_BIN:-build/whosaid}
for input in examples/*.txt tests/golden/*.txt; do
  [ -f "$input" ] || continue
  "$BIN" extract "$input" >"tests/golden/$(basename "$input" .txt).jsonl"
done
echo "updated tests/golden/"
