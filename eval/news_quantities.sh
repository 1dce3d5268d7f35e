#!/usr/bin/env bash
# Numeric claims on hand-labelled AllSides news sentences, with precision:
# value and value+unit P/R/F1 (CQE's matching, ../shared/tools/
# score_quantities.py) on dev and test (batches 1-2, over both and batch by
# batch) and on test2 (batch 3, the blind held-out set); test and test2 are
# gated. The labels (eval/data/news_quantities_labels.jsonl) are references
# into the corpus; eval/news_quantities.py cuts the sentences out. Run from the repo root after
# building. Writes out/eval/nq_*.jsonl and out/eval/news_quantities.json.
# Usage: eval/news_quantities.sh [--show-errors N]   (errors: dev half only)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=../shared/data/corpus/allsides.jsonl.zst
SCORER=../shared/tools/score_quantities.py
LABELS=eval/data/news_quantities_labels.jsonl
if [[ ! -f "$CORPUS" || ! -f "$SCORER" ]]; then
  echo "news_quantities: skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
SHOW=()
if [[ "${1:-}" == "--show-errors" ]]; then SHOW=(--show-errors "${2:-200}"); fi
mkdir -p out/eval
python3 eval/news_quantities.py prepare "$LABELS" "$CORPUS" out/eval
"$BIN" extract --no-clean --input-format jsonl out/eval/nq_in.jsonl > out/eval/nq_pred.jsonl
# Every set (dev, test, test2 and the per-batch ones, listed in nq_sets.txt) is
# scored; only dev's errors are ever printed.
read -r -a SETS < out/eval/nq_sets.txt
for s in "${SETS[@]}"; do
  if [[ "$s" == dev ]]; then
    python3 "$SCORER" out/eval/nq_gold_dev.jsonl out/eval/nq_pred.jsonl \
      --json out/eval/nq_dev.json "${SHOW[@]}" > out/eval/nq_dev.txt
  else
    python3 "$SCORER" "out/eval/nq_gold_$s.jsonl" out/eval/nq_pred.jsonl \
      --json "out/eval/nq_$s.json" > /dev/null
  fi
done
if [[ ${#SHOW[@]} -gt 0 ]]; then cat out/eval/nq_dev.txt; fi
python3 eval/news_quantities.py combine out/eval out/eval/news_quantities.json
