#!/usr/bin/env bash
# The newcomer's first command: install dependencies, build, and run
# `whosaid extract` on the bundled example articles (and on the page the
# project was born from, when ../shared is present).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
inputs=(examples/*.txt)
if [ -f ../shared/examples/rt-2017-12-28-coalition-syria.txt ]; then
  inputs+=(../shared/examples/rt-2017-12-28-coalition-syria.txt)
fi
mkdir -p out
./build/whosaid extract "${inputs[@]}" >out/examples.jsonl
echo "wrote out/examples.jsonl (${#inputs[@]} records); who said what:" >&2
python3 scripts/show_quotes.py out/examples.jsonl
