#!/usr/bin/env bash
# Retrains the NER model models/ner.bin from CoNLL-2003 train (deterministic,
# about 5 minutes on one core). Word clusters come from the unlabeled
# AllSides corpus (../shared/data/corpus) plus the train text. Dev (testa) is
# only scored, never trained on.
# Candidate gate: only tokens within GATE_RADIUS (default 1) tokens of a
# capitalised / all-caps / digit token are scored, the rest is O (see
# NerModel::ScoredMask).
# Document features (DOC_FEATURES, default 3 = label shares and entity
# positions of earlier occurrences of the word, NerModel::doc_features()) and
# RUNS (default 5) document orders whose weights are averaged; rows below
# PRUNE (default 0.002) of the largest weight are dropped. SEED (default 10)
# picks the document orders (seed .. seed + RUNS - 1).
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
mkdir -p models
if [ -f "$CORPUS" ] && command -v zstd >/dev/null; then
  zstd -dc "$CORPUS" | "$BUILD/train_ner" --train "$DATA/eng.train" \
    --dev "$DATA/eng.testa" --out models/ner.bin --epochs "${EPOCHS:-8}" \
    --bits "${BITS:-20}" --corpus - --cluster-vocab 100000 \
    --gate-radius "${GATE_RADIUS:-1}" --gate-initial "${GATE_INITIAL:-1}" \
    --doc-features "${DOC_FEATURES:-3}" --runs "${RUNS:-5}" \
    --prune "${PRUNE:-0.002}" --seed "${SEED:-10}"
else
  echo "note: $CORPUS or zstd missing: training without word clusters"
  "$BUILD/train_ner" --train "$DATA/eng.train" --dev "$DATA/eng.testa" \
    --out models/ner.bin --epochs "${EPOCHS:-8}" --bits "${BITS:-20}" \
    --gate-radius "${GATE_RADIUS:-1}" --gate-initial "${GATE_INITIAL:-1}" \
    --doc-features "${DOC_FEATURES:-3}" --runs "${RUNS:-5}" \
    --prune "${PRUNE:-0.002}" --seed "${SEED:-10}"
fi
