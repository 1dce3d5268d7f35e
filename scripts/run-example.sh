#!/usr/bin/env bash
# The newcomer's first command: install dependencies, build, and run
# `whosaid extract` on the bundled example articles (and on the page the
# project was born from, when ../shared is present), then ingest them into
# the embedded default store (out/examples.db).
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
# The same articles into the embedded default store (SQLite), then a look.
rm -f out/examples.db out/examples.db-wal out/examples.db-shm
./build/whosaid ingest "${inputs[@]}" --db out/examples.db
echo "corpus out/examples.db (browse it: ./build/whosaid serve --db out/examples.db):" >&2
./build/whosaid speakers --db out/examples.db --top 10
