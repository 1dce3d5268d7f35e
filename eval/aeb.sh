#!/usr/bin/env bash
# Main-content extraction on the article-extraction benchmark (AEB, 181
# pages): runs `whosaid extract` over the gzipped pages (format auto-sniffed
# from .html.gz), scores with ../shared/tools/score_extraction.py and writes
# out/eval/aeb.json. Usage: eval/aeb.sh [--no-clean] (from the repo root).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/extraction/aeb
SCORER=../shared/tools/score_extraction.py
if [ ! -d "$DATA/html" ] || [ ! -f "$SCORER" ]; then
  echo "aeb: skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
if [ ! -x "$BIN" ]; then
  echo "aeb: $BIN not built (cmake -S . -B build && cmake --build build -j2)" >&2
  exit 1
fi
mkdir -p out/eval
# Exit code 1 (some documents failed) is fine: failures score as empty.
"$BIN" extract --input-format html --no-sentences "$@" "$DATA"/html/*.html.gz \
  >out/eval/aeb_records.jsonl 2>out/eval/aeb_stderr.log || [ $? -eq 1 ]
python3 eval/aeb_records.py <out/eval/aeb_records.jsonl >out/eval/aeb_pred.jsonl
python3 "$SCORER" aeb "$DATA/ground-truth.json" out/eval/aeb_pred.jsonl \
  --json out/eval/aeb.json
