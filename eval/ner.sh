#!/usr/bin/env bash
# Scores the engine's entities on CoNLL-2003 dev (eng.testa) with
# ../shared/tools/score_ner.py; writes out/eval/ner.json and prints P/R/F1
# overall and per type, plus the tagger's speed in tokens/s.
# Usage: eval/ner.sh   (from the repo root; needs ./build/whosaid)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/ner/conll2003
SCORER=../shared/tools/score_ner.py
if [ ! -f "$DATA/eng.testa" ] || [ ! -f "$SCORER" ]; then
  echo "skipped: ../shared not found ($DATA/eng.testa)"
  exit 0
fi
BUILD=${BUILD:-build}
SPLIT=${SPLIT:-eng.testa}
mkdir -p out/eval
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 "$SCORER" make-input "$DATA/$SPLIT" "$TMP/in.jsonl" >/dev/null
# --no-clean: the scorer's rebuilt text must reach the tagger unchanged.
"$BUILD/whosaid" extract --input-format jsonl --no-clean "$TMP/in.jsonl" \
  >"$TMP/pred.jsonl"
python3 "$SCORER" score "$DATA/$SPLIT" "$TMP/pred.jsonl" \
  --json out/eval/ner.json
if [ -x "$BUILD/whosaid_tests" ]; then
  "$BUILD/whosaid_tests" --gtest_filter='NerSpeed.*' 2>/dev/null |
    grep -E 'tokens/s' || true
fi
