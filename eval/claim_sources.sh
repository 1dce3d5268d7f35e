#!/usr/bin/env bash
# Who states a number: the source of numeric claims on 140 hand-labelled
# quantities of AllSides news (eval/data/claim_sources_labels.jsonl, references
# into ../shared/data/corpus/allsides.jsonl.zst; eval/claim_sources.py says
# how it is scored). Run from the repo root after building. Writes
# out/eval/cs_*.jsonl and out/eval/claim_sources.json.
# Usage: eval/claim_sources.sh [--show-errors]
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=../shared/data/corpus/allsides.jsonl.zst
if [[ ! -f "$CORPUS" ]]; then
  echo "claim_sources: skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
mkdir -p out/eval
python3 eval/claim_sources.py prepare eval/data/news_quantities_labels.jsonl \
  eval/data/claim_sources_labels.jsonl "$CORPUS" out/eval
"$BIN" extract --no-clean --input-format jsonl out/eval/cs_in.jsonl > out/eval/cs_pred.jsonl
python3 eval/claim_sources.py score out/eval/cs_gold.jsonl out/eval/cs_pred.jsonl \
  out/eval/claim_sources.json "$@"
