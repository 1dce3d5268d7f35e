#!/usr/bin/env bash
# Retrains the NER model models/ner.bin from CoNLL-2003 train (deterministic,
# about 3 minutes on one core). Word clusters come from the unlabeled
# AllSides corpus (../shared/data/corpus) plus the train text. Dev (testa) is
# only scored, never trained on.
# Candidate gate: only tokens within GATE_RADIUS (default 1) tokens of a
# capitalised / all-caps / digit token are scored, the rest is O (see
# NerModel::ScoredMask).
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
    --gate-radius "${GATE_RADIUS:-1}" --gate-initial "${GATE_INITIAL:-1}"
else
  echo "note: $CORPUS or zstd missing: training without word clusters"
  "$BUILD/train_ner" --train "$DATA/eng.train" --dev "$DATA/eng.testa" \
    --out models/ner.bin --epochs "${EPOCHS:-8}" --bits "${BITS:-20}" \
    --gate-radius "${GATE_RADIUS:-1}" --gate-initial "${GATE_INITIAL:-1}"
fi
