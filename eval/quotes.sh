#!/usr/bin/env bash
# Scores attribution on PolNeAR dev: runs the built CLI (builds nothing) and
# ../shared/tools/score_quotes.py; writes out/eval/quotes.json.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/quotes/polnear_dev.jsonl
SCORER=../shared/tools/score_quotes.py
if [[ ! -f "$DATA" || ! -f "$SCORER" ]]; then
  echo "skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
mkdir -p out/eval
"$BIN" extract --no-clean --input-format jsonl "$DATA" > out/eval/quotes_pred.jsonl
python3 "$SCORER" "$DATA" out/eval/quotes_pred.jsonl --types --json out/eval/quotes.json
