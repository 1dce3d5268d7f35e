# Sourced by the kill -9 tests. stored_count DB prints the documents
# committed in DB so far (0 before the store or its table exists), read
# with a read-only SQLite connection beside a running ingest. The tests
# poll it every 20 ms: a pyenv shim's 0.3 s start-up would let the ingest
# run past its kill target, so the system Python comes first.
STORE_COUNT_PY=/usr/bin/python3
[ -x "$STORE_COUNT_PY" ] || STORE_COUNT_PY=python3
stored_count() {
  "$STORE_COUNT_PY" -c 'import sqlite3,sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(c.execute("SELECT count(*) FROM documents").fetchone()[0])' "$1" 2>/dev/null || echo 0
}
