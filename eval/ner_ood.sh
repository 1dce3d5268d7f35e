#!/usr/bin/env bash
# Out-of-domain check of the NER model (not gated): scores the engine's
# entities on other NER sets with ../shared/tools/score_ner.py, one sentence
# a document: WikiANN en dev (Wikipedia; its TRAIN split feeds the external
# gazetteer, dev does not), GUM 3.1 test (its person/place/organization,
# which include common nouns and pronouns the engine never tags, so recall is
# low by design) and WNUT-17 dev (social media). Writes
# out/eval/ner_ood_<set>.json and prints overall P/R/F1 of each, and the
# share and recall of name-like gold entities with the F1 on them alone.
# Usage: eval/ner_ood.sh   (from the repo root; needs ./build/whosaid)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/ner
SCORER=../shared/tools/score_ner.py
if [ ! -d "$DATA/wikiann_en" ] || [ ! -f "$SCORER" ]; then
  echo "skipped: ../shared not found ($DATA/wikiann_en)"
  exit 0
fi
BUILD=${BUILD:-build}
mkdir -p out/eval
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for set in wikiann_en/dev gum/gum-test.conll wnut17/emerging.dev.conll; do
  name=$(dirname "$set")
  [ -f "$DATA/$set" ] || continue
  python3 "$SCORER" make-input "$DATA/$set" "$TMP/$name.jsonl" >/dev/null
  "$BUILD/whosaid" extract --input-format jsonl --no-clean "$TMP/$name.jsonl" \
    >"$TMP/$name.pred.jsonl"
  echo "== $name ($set)"
  python3 "$SCORER" score "$DATA/$set" "$TMP/$name.pred.jsonl" \
    --json "out/eval/ner_ood_$name.json" | grep -i -E 'overall|^ *(PER|ORG|LOC|MISC) ' || true
  # How much of the gap is the set's conventions: the gold entities that
  # are not name-like (lower-case starts, pronouns, trailing punctuation)
  # and the score on the name-like ones alone (eval/ner_breakdown.py).
  python3 eval/ner_breakdown.py "$TMP/$name.jsonl.tokens.json" \
    "$TMP/$name.pred.jsonl" | grep -E '^(gold|names only)' || true
done
