# Shared by the web tests: build the test corpus from fixtures/ and run
# `whosaid serve` on a free loopback port. Source it; needs $BIN and $TMP.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# make_corpus DB: ingest the hand-written articles (raw, so the hostile
# markup of the XSS article reaches the store as written).
make_corpus() {
  "$BIN" ingest --no-clean --no-progress "$HERE/fixtures/articles.jsonl" --db "$1" \
    >/dev/null 2>"$TMP/ingest.err"
}

# start_server DB [ARGS...]: sets SERVER_PID, PORT, BASE.
start_server() {
  local db=$1
  shift
  "$BIN" serve --db "$db" --port 0 "$@" >"$TMP/serve.out" 2>"$TMP/serve.err" &
  SERVER_PID=$!
  PORT=""
  for _ in $(seq 1 300); do  # up to 30 s on a loaded machine
    PORT=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$TMP/serve.out")
    [ -n "$PORT" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  BASE="http://127.0.0.1:$PORT"
  [ -n "$PORT" ]
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=""
  fi
}
