#!/usr/bin/env bash
# Regenerates src/entities/first_names.inc and src/entities/surnames.inc:
# first names and surnames with the gender of the pronouns that follow them
# (as subjects) on the first ARTICLES (default: all 37,554) AllSides articles
# of ../shared/data/corpus, unlabelled news that no evaluation set here is
# drawn from for speaker names. The engine's own
# entities find the names (so the file depends on the NER model); the
# speaker-resolution rules read the list through lex::GenderOfWord. The
# hand list in src/entities/lexicon.cc wins where both have a name.
# Usage: eval/first_names.sh   (from the repo root, after building)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=../shared/data/corpus/allsides.jsonl.zst
if [ ! -f "$CORPUS" ]; then
  echo "skipped: ../shared not found ($CORPUS)"
  exit 0
fi
ARTICLES=${ARTICLES:-1000000}
BIN=${WHOSAID_BIN:-build/whosaid}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zstd -dc "$CORPUS" | head -n "$ARTICLES" |
  "$BIN" extract --input-format jsonl > "$tmp/extract.jsonl" || true
for position in first last; do
  out=src/entities/first_names.inc
  [ "$position" = last ] && out=src/entities/surnames.inc
  /usr/bin/env python3 eval/first_name_genders.py "$tmp/extract.jsonl" \
    --position "$position" --min-count "${MIN_COUNT:-5}" \
    --min-share "${MIN_SHARE:-0.75}" > "$out"
done
