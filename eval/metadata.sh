#!/usr/bin/env bash
# Title / date / author of HTML pages (eval/metadata.py explains the
# measures): runs `whosaid extract` over the AEB pages and scores against the
# benchmark's URLs; writes out/eval/metadata.json. From the repo root.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/extraction/aeb
if [ ! -d "$DATA/html" ] || [ ! -f "$DATA/ground-truth.json" ]; then
  echo "metadata: skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
if [ ! -x "$BIN" ]; then
  echo "metadata: $BIN not built (cmake -S . -B build && cmake --build build -j2)" >&2
  exit 1
fi
mkdir -p out/eval
"$BIN" extract --input-format html --no-sentences "$DATA"/html/*.html.gz \
  >out/eval/metadata_records.jsonl 2>out/eval/metadata_stderr.log || [ $? -eq 1 ]
python3 eval/metadata.py "$DATA/ground-truth.json" out/eval/metadata_records.jsonl \
  --json out/eval/metadata.json
