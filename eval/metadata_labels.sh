#!/usr/bin/env bash
# Title and date accuracy on hand-annotated AEB pages
# (eval/data/aeb_metadata_labels.jsonl; eval/metadata_labels.py explains the
# measures): runs `whosaid extract` over the 181 AEB pages, scores against the
# labels and, when readability-lxml is installed (Debian python3-readability),
# scores its titles on the same pages. Writes out/eval/metadata_labels.json
# and per-page rows in out/eval/metadata_labels_pages.jsonl. From the repo
# root. Usage: eval/metadata_labels.sh [--no-peer]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/extraction/aeb
if [ ! -d "$DATA/html" ]; then
  echo "metadata_labels: skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
if [ ! -x "$BIN" ]; then
  echo "metadata_labels: $BIN not built (cmake -S . -B build && cmake --build build -j2)" >&2
  exit 1
fi
PEER=(--html-dir "$DATA/html")
if [ "${1:-}" = "--no-peer" ]; then PEER=(); fi
# The Debian python carries python3-readability; any python3 scores whosaid.
PY=python3
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; fi
mkdir -p out/eval
"$BIN" extract --input-format html --no-sentences "$DATA"/html/*.html.gz \
  >out/eval/metadata_labels_records.jsonl 2>out/eval/metadata_labels_stderr.log || [ $? -eq 1 ]
"$PY" eval/metadata_labels.py eval/data/aeb_metadata_labels.jsonl \
  out/eval/metadata_labels_records.jsonl "${PEER[@]}" \
  --json out/eval/metadata_labels.json --pages out/eval/metadata_labels_pages.jsonl
