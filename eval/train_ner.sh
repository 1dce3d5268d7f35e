#!/usr/bin/env bash
# Retrains the NER model models/ner.bin from CoNLL-2003 train (deterministic,
# about 5 minutes on one core). Word clusters come from the unlabeled
# AllSides corpus (../shared/data/corpus) plus the train text. Dev (testa) is
# only scored, never trained on.
# Candidate gate: only tokens within GATE_RADIUS (default 1) tokens of a
# capitalised / all-caps / digit token are scored, the rest is O (see
# NerModel::ScoredMask).
# Document features (DOC_FEATURES, below: label shares and entity
# positions of earlier occurrences of the word, NerModel::doc_features()) and
# RUNS (default 5) document orders whose weights are averaged; rows below
# PRUNE (default 0.002) of the largest weight are dropped. SEED (default 80)
# picks the document orders (seed .. seed + RUNS - 1).
# External gazetteer (EXT_GAZ, default the WikiANN en train and test splits
# in ../shared/data/ner/wikiann_en; "" for none): entity names with their
# types, matched as features of their own (NerModel::external_gazetteer()).
# WikiANN dev is left out so eval/ner_ood.sh can score on it. EXT_DROPOUT
# (default 4): each training document misses a quarter of the external
# entries, so the model does not learn that a name the gazetteer lacks is
# no name.
# SYSTEM_NAMES (default 1): also place and language names from the Debian
# iso-codes and tzdata packages (eval/system_names.py writes them to
# out/ner/system_names.conll) as an external gazetteer source.
# DOC_FEATURES is a bit set (NerModel::doc_features()): 1 label shares, 2
# entity positions, 4 case-backoff clusters, 8 the external gazetteer's token
# feature, 16 longest-match gazetteer marking; default 27 = 1+2+8+16.
# Usage: eval/train_ner.sh   (from the repo root; needs ./build/train_ner)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/ner/conll2003
if [ ! -f "$DATA/eng.train" ]; then
  echo "skipped: ../shared not found ($DATA/eng.train)"
  exit 0
fi
BUILD=${BUILD:-build}
[ -x "$BUILD/train_ner" ] || cmake --build "$BUILD" -j2 --target train_ner
CORPUS=../shared/data/corpus/allsides.jsonl.zst
WIKIANN=../shared/data/ner/wikiann_en
EXT_GAZ=${EXT_GAZ-$WIKIANN/train $WIKIANN/test}
if [ "${SYSTEM_NAMES:-1}" = 1 ]; then
  mkdir -p out/ner
  if /usr/bin/python3 eval/system_names.py out/ner/system_names.conll; then
    EXT_GAZ="$EXT_GAZ out/ner/system_names.conll"
  fi
fi
EXT=()
for f in $EXT_GAZ; do
  if [ -f "$f" ]; then EXT+=(--ext-gaz "$f"); else echo "note: $f missing"; fi
done
mkdir -p models
if [ -f "$CORPUS" ] && command -v zstd >/dev/null; then
  zstd -dc "$CORPUS" | "$BUILD/train_ner" --train "$DATA/eng.train" \
    --dev "$DATA/eng.testa" --out models/ner.bin --epochs "${EPOCHS:-8}" \
    --bits "${BITS:-20}" --corpus - --cluster-vocab 100000 \
    --gate-radius "${GATE_RADIUS:-1}" --gate-initial "${GATE_INITIAL:-1}" \
    --doc-features "${DOC_FEATURES:-27}" --runs "${RUNS:-5}" \
    --prune "${PRUNE:-0.002}" --seed "${SEED:-80}" "${EXT[@]}" \
    --ext-dropout "${EXT_DROPOUT:-4}"
else
  echo "note: $CORPUS or zstd missing: training without word clusters"
  "$BUILD/train_ner" --train "$DATA/eng.train" --dev "$DATA/eng.testa" \
    --out models/ner.bin --epochs "${EPOCHS:-8}" --bits "${BITS:-20}" \
    --gate-radius "${GATE_RADIUS:-1}" --gate-initial "${GATE_INITIAL:-1}" \
    --doc-features "${DOC_FEATURES:-27}" --runs "${RUNS:-5}" \
    --prune "${PRUNE:-0.002}" --seed "${SEED:-80}" "${EXT[@]}" \
    --ext-dropout "${EXT_DROPOUT:-4}"
fi
