#!/usr/bin/env bash
# Load test of `whosaid serve` on loopback with wrk (Debian package): a
# small corpus (DOCS generated articles + the web test fixtures) is served
# while another `whosaid ingest` writes a second corpus; wrk drives a mix
# of API requests (word search as typed, FTS search, speakers, stats, one
# document page) and reports the request rate and latency percentiles. The
# ingest's own rate during the load is printed too.
#
#   bench/serve_load.sh [SECONDS] [CONNECTIONS]   (default 20 s, 32)
#   WHOSAID_BIN (default build/whosaid), DOCS (default 3000)
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-20}
CONNS=${2:-32}
DOCS=${DOCS:-3000}
BIN=${WHOSAID_BIN:-build/whosaid}
if [ ! -x "$BIN" ]; then echo "serve_load: skipped: $BIN not built"; exit 0; fi
if ! command -v wrk >/dev/null; then echo "serve_load: skipped: wrk not installed (scripts/install-deps.sh)"; exit 0; fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
TMP=$(mktemp -d)
SERVER_PID=""
INGEST_PID=""
cleanup() {
  [ -n "$INGEST_PID" ] && kill "$INGEST_PID" 2>/dev/null
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

gen() {  # gen N SEED PREFIX > jsonl
  python3 - "$@" <<'PY'
import json, random, sys
n, seed, prefix = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
words = ("harbor council bridge river market budget school ferry winter "
         "engineer mayor vote repair station train orchard frost crowd report "
         "tower museum garden library festival election road village").split()
names = ["Ana Ruiz", "Tom Baker", "Mia Chen", "Lena Okafor", "Raj Patel"]
for i in range(n):
    paras = []
    for _ in range(rng.randint(3, 8)):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(10, 25)))
        paras.append(s.capitalize() + ". \u201cWe will repair the " + rng.choice(words) +
                     f" this year,\u201d said {rng.choice(names)}. About {rng.randint(2, 900)} "
                     "people came.")
    print(json.dumps({"id": f"{prefix}{i}", "title": f"Story {i}", "source": f"Outlet {i % 7}",
                      "date": f"2024-03-{i % 28 + 1:02d}", "text": "\n\n".join(paras)}))
PY
}
gen "$DOCS" 1 s >"$TMP/serve.jsonl"
gen 100000 2 w >"$TMP/write.jsonl"
"$BIN" ingest --no-progress "$TMP/serve.jsonl" tests/web/fixtures/articles.jsonl --db "$TMP/serve.db" >/dev/null
"$BIN" serve --db "$TMP/serve.db" --port 0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 100); do
  PORT=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$TMP/serve.out")
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "serve_load: server did not start" >&2; cat "$TMP/serve.err" >&2; exit 1; }

cat >"$TMP/mix.lua" <<'LUA'
local paths = {
  "/api/search?q=harbor%20bri&syntax=words",
  "/api/search?q=council%20OR%20ferry",
  "/api/search?q=repair&syntax=words",
  "/api/speakers",
  "/api/stats",
  "/api/search?q=%22said%20Ana%22",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

# The concurrent writer: another corpus, batches of 200.
"$BIN" ingest --no-progress "$TMP/write.jsonl" --db "$TMP/write.db" --batch 200 -j 1 >/dev/null 2>&1 &
INGEST_PID=$!
sleep 1
count_docs() {
  python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])" "$TMP/write.db" 2>/dev/null || echo 0
}
before=$(count_docs)
echo "serve_load: $DOCS-document corpus, wrk -t2 -c$CONNS -d${DUR}s, ingest running into another db"
wrk -t2 -c"$CONNS" -d"${DUR}s" --latency -s "$TMP/mix.lua" "http://127.0.0.1:$PORT" | tee "$TMP/wrk.out"
after=$(count_docs)
kill -0 "$INGEST_PID" 2>/dev/null && ingest_state="still running" || ingest_state="finished"
rps=$(awk '/^Requests\/sec/ {print $2}' "$TMP/wrk.out")
p50=$(awk '$1 == "50%" {print $2}' "$TMP/wrk.out")
p99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk.out")
errors=$(grep -E 'Non-2xx|Socket errors' "$TMP/wrk.out" | tr '\n' ' ' || true)
echo "serve_load: ${rps} requests/s, p50 ${p50}, p99 ${p99} ${errors:+($errors)}"
echo "serve_load: ingest meanwhile: $((after - before)) documents in ${DUR} s ($(( (after - before) / DUR )) docs/s, $ingest_state)"
kill -0 "$SERVER_PID" || { echo "serve_load: the server died" >&2; exit 1; }
