#!/usr/bin/env bash
# Retrains models/attribution.bin from PolNeAR train (deterministic, ~2 min
# on one core). Prints per-epoch dev diagnostics when dev is present.
set -euo pipefail
cd "$(dirname "$0")/.."
TRAIN=../shared/data/quotes/polnear_train.jsonl
DEV=../shared/data/quotes/polnear_dev.jsonl
if [[ ! -f "$TRAIN" ]]; then
  echo "skipped: ../shared not found"
  exit 0
fi
if [[ ! -x build/train_attribution ]]; then
  cmake -S . -B build >/dev/null && cmake --build build -j2 --target train_attribution
fi
# Ten shuffle orders averaged (the committed model; later flags override).
ARGS=(--seeds 10)
[[ -f "$DEV" ]] && ARGS+=(--dev "$DEV")
./build/train_attribution "$TRAIN" models/attribution.bin "${ARGS[@]}" "$@"
