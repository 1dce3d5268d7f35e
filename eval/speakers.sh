#!/usr/bin/env bash
# Speaker-name resolution on the project's own gold set
# (tests/data/speakers/gold.jsonl, articles written for whosaid):
#  1. end to end: the CLI finds the quotes itself (attribution + resolution);
#     scored by eval/score_speakers.py, JSON in out/eval/speakers.json;
#  2. oracle quotes: resolution alone, given the gold quotes (unit test).
# Usage: eval/speakers.sh   (from the repo root; needs ./build)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
GOLD=tests/data/speakers/gold.jsonl
mkdir -p out/eval
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l); print(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False))' \
  "$GOLD" >"$TMP/in.jsonl"
"$BUILD/whosaid" extract --input-format jsonl --no-clean "$TMP/in.jsonl" >"$TMP/pred.jsonl"
echo "== end to end (engine's own quotes)"
python3 eval/score_speakers.py "$GOLD" "$TMP/pred.jsonl" --json out/eval/speakers.json
echo "== held-out set (tests/data/speakers/heldout.jsonl, never used for tuning)"
python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l); print(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False))' \
  tests/data/speakers/heldout.jsonl >"$TMP/heldout_in.jsonl"
"$BUILD/whosaid" extract --input-format jsonl --no-clean "$TMP/heldout_in.jsonl" >"$TMP/heldout_pred.jsonl"
python3 eval/score_speakers.py tests/data/speakers/heldout.jsonl "$TMP/heldout_pred.jsonl" \
  --json out/eval/speakers_heldout.json
echo "== oracle quotes (resolution only)"
"$BUILD/whosaid_tests" --gtest_filter='SpeakersGold.*' | grep -E 'accuracy|^  (full|partial|pronoun)|miss' || true
