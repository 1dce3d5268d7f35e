#!/usr/bin/env bash
# Retrains models/attribution.bin from PolNeAR train (deterministic, ~40 s
# of one core). Prints per-epoch dev diagnostics when dev is present.
# With --check (first argument), retrains into a temporary file instead and
# compares it with the committed model: exit 0 when they are the same bytes,
# 1 with a message when the trainer no longer reproduces it (a decoding rule
# that runs inside the training loop, a feature or a lexicon changed what it
# learns; doc/quality.md, "The committed model and the trainer").
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
if [[ "${1:-}" == "--check" ]]; then
  shift
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  ./build/train_attribution "$TRAIN" "$tmp/attribution.bin" "${ARGS[@]}" "$@" \
    >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 2; }
  if ! cmp "$tmp/attribution.bin" models/attribution.bin; then
    echo "train_attribution --check: FAIL: the trainer no longer writes the" \
      "committed models/attribution.bin. Either turn the new rule off in the" \
      "trainer (a DecodeLimits flag, as tools/train_attribution.cc does for" \
      "others) or retrain with eval/train_attribution.sh and commit the model" \
      "once every gate passes (doc/quality.md)." >&2
    exit 1
  fi
  echo "train_attribution --check: ok (retrained model identical to models/attribution.bin)"
  exit 0
fi
[[ -f "$DEV" ]] && ARGS+=(--dev "$DEV")
./build/train_attribution "$TRAIN" models/attribution.bin "${ARGS[@]}" "$@"
