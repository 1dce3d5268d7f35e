#!/usr/bin/env bash
# Scores whosaid's numeric claims on the Recognizers-Text English quantity
# specs. Run from the repo root after building (build/whosaid).
# Writes out/eval/q_in.jsonl, out/eval/q_pred.jsonl, out/eval/quantities.json.
# NOTE: the specs annotate one quantity type per sentence: read recall.
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD=../shared/data/quantities/recognizers_en_quantities.jsonl
SCORER=../shared/tools/score_quantities.py
if [[ ! -f "$GOLD" || ! -f "$SCORER" ]]; then
  echo "skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
mkdir -p out/eval
python3 "$SCORER" "$GOLD" --make-input out/eval/q_in.jsonl
"$BIN" extract --no-clean --input-format jsonl out/eval/q_in.jsonl > out/eval/q_pred.jsonl
python3 "$SCORER" "$GOLD" out/eval/q_pred.jsonl --json out/eval/quantities.json "$@"
