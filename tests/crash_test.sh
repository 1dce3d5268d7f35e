#!/usr/bin/env bash
# Crash safety of `whosaid ingest` (issue #9):
#  1. SIGKILL at many random points (WHOSAID_CRASH_KILLS, default 24): odd
#     kills land at a random time in 0..100% of the calibrated time the
#     remaining documents need (start-up included), even kills within 50 ms
#     of a random stored count (5..70% of what is left); after
#     every kill the store must pass PRAGMA integrity_check and hold each id
#     at most once; restarting resumes. At the end every document is stored
#     exactly once and the FTS index is consistent.
#  2. Full disk: the store on a 1 MiB tmpfs (when root can mount one) and
#     under a file-size limit (ulimit -f, always): ingest must fail cleanly
#     (exit 74, "disk full" or I/O message), leave a consistent store, and a
#     rerun with room must finish with every document exactly once.
# Run by ctest with $WHOSAID_BIN; prints the kill points tried.
set -u
BIN=${WHOSAID_BIN:?set WHOSAID_BIN to the whosaid binary}
KILLS=${WHOSAID_CRASH_KILLS:-24}
N=${WHOSAID_CRASH_DOCS:-4000}
TMP=$(mktemp -d)
MNT=""
cleanup() {
  if [ -n "$MNT" ]; then umount "$MNT" 2>/dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
pass=0
fail=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name" >&2
  fi
}

# N documents of seeded random words, ids doc0..doc{N-1}; every 9th has a
# quote so the quote and claim tables are written too.
make_docs() {  # make_docs N SEED OUT
  awk -v n="$1" -v seed="$2" 'BEGIN {
    srand(seed);
    split("harbor council bridge river market budget school ferry winter " \
          "engineer mayor vote repair station train orchard frost crowd " \
          "report tower museum garden library festival election road " \
          "village coast storm harvest factory worker union strike court", w, " ");
    nw = length(w);
    for (i = 0; i < n; i++) {
      t = "";
      for (j = 0; j < 100; j++) t = t w[int(rand() * nw) + 1] (j % 12 == 11 ? ". " : " ");
      if (i % 9 == 0) t = t "\\u201cWe will rebuild the " w[int(rand() * nw) + 1] " by spring,\\u201d said Mayor Ana Ruiz. About " i " homes lost power.";
      printf "{\"id\":\"doc%d\",\"source\":\"Outlet %d\",\"date\":\"2024-02-%02d\",\"title\":\"Story %d\",\"text\":\"%s\"}\n", i, i % 5, i % 28 + 1, i, t;
    }
  }' >"$3"
}

# Consistency of a store that may be partial: integrity_check ok, ids
# unique, every stored id one of the inputs. Prints the document count.
# With FULL=1 also: all N present and the FTS index consistent.
check_store() {  # check_store DB N FULL
  python3 - "$@" <<'PY'
import sqlite3, sys
db, n, full = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
c = sqlite3.connect(db)
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
if ok != "ok":
    sys.exit("integrity_check: " + ok)
# A kill before the first migration commits leaves an empty database file
# (the migration is one transaction): no tables, user_version 0. That is an
# empty store, which a restart migrates; anything between is a failure.
tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
if not tables and c.execute("PRAGMA user_version").fetchone()[0] == 0 \
        and not full:
    print(0)
    sys.exit(0)
rows, distinct = c.execute(
    "SELECT count(*), count(DISTINCT ext_id) FROM documents").fetchone()
if rows != distinct:
    sys.exit(f"duplicate documents: {rows} rows, {distinct} ids")
ids = {r[0] for r in c.execute("SELECT ext_id FROM documents")}
if not ids <= {f"doc{i}" for i in range(n)}:
    sys.exit("unknown ids stored")
if full:
    if rows != n:
        sys.exit(f"{rows} of {n} documents stored")
    c.execute("INSERT INTO doc_fts(doc_fts) VALUES('integrity-check')")
print(rows)
PY
}

. "$(dirname "$0")/store_count.sh"

make_docs "$N" 11 "$TMP/docs.jsonl"

# --- 0. What a kill during the first migration leaves: an empty file -----
: >"$TMP/empty.db"
"$BIN" ingest "$TMP/docs.jsonl" --db "$TMP/empty.db" --batch 50 -j 2 --no-progress >/dev/null 2>"$TMP/e"
check "ingest into an empty (unmigrated) database file exits 0" test $? -eq 0
check "... and stores every document once" test "$(check_store "$TMP/empty.db" "$N" 1)" = "$N"

# --- 1. SIGKILL at random points -----------------------------------------
t0=$(date +%s%N)
"$BIN" ingest "$TMP/docs.jsonl" --db "$TMP/calibrate.db" --batch 50 -j 2 --no-progress >/dev/null 2>&1
T_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
check "calibration ingest complete" test "$(check_store "$TMP/calibrate.db" "$N" 1)" = "$N"
DB="$TMP/k.db"
RANDOM=$$
tried=0
mid=0
restarts=0
bad=0
counts=""
for ((k = 1; k <= KILLS; k++)); do
  "$BIN" ingest "$TMP/docs.jsonl" --db "$DB" --batch 50 -j 2 --no-progress >/dev/null 2>&1 &
  PID=$!
  left=$(( N - ${last:-0} ))
  if (( k % 2 )); then
    # Odd kills: uniform in 0..100% of the time a run needs for what is
    # left (start-up included), so some land before the first commit.
    delay_ms=$(( T_MS * (RANDOM % 101) / 100 * (25 + 75 * left / N) / 100 ))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  else
    # Even kills: once a random 5..70% of what is left is stored, within
    # 50 ms. A time window alone missed the writes when start-up took
    # most of a short run (TSan: 1 of 8 kills mid-ingest).
    target=$(( ${last:-0} + left * (5 + RANDOM % 66) / 100 ))
    for _ in $(seq 6000); do
      kill -0 "$PID" 2>/dev/null || break
      [ "$(stored_count "$DB")" -ge "$target" ] && break
      sleep 0.02
    done
    delay_ms=$(( RANDOM % 50 ))
    sleep "$(printf '0.%03d' "$delay_ms")"
  fi
  kill -9 "$PID" 2>/dev/null
  wait "$PID" 2>/dev/null
  tried=$((tried + 1))
  if [ -e "$DB" ]; then
    if got=$(check_store "$DB" "$N" 0 2>"$TMP/err"); then
      counts="$counts $got"
      last=$got
      if [ "$got" -gt 0 ] && [ "$got" -lt "$N" ]; then mid=$((mid + 1)); fi
      # A finished store teaches nothing more: start a new one.
      if [ "$got" -eq "$N" ]; then
        rm -f "$DB" "$DB-wal" "$DB-shm"
        restarts=$((restarts + 1))
        last=0
      fi
    else
      bad=$((bad + 1))
      echo "after kill $k (${delay_ms} ms): $(cat "$TMP/err")" >&2
    fi
  fi
done
echo "crash: $tried kill points tried (full run ${T_MS} ms), $mid left a partial store, $restarts finished before the kill; stored counts after each kill:$counts"
check "every killed store consistent (integrity_check, ids unique)" test "$bad" -eq 0
check "kills landed mid-ingest" test "$mid" -ge $(( KILLS / 4 ))
"$BIN" ingest "$TMP/docs.jsonl" --db "$DB" --batch 50 -j 2 --no-progress >/dev/null 2>"$TMP/e"
check "restarted ingest exits 0" test $? -eq 0
check "after kills: every document exactly once, FTS consistent" \
  test "$(check_store "$DB" "$N" 1)" = "$N"

# --- 2. Full disk ----------------------------------------------------------
full_disk() {  # full_disk NAME DB RUNNER...: RUNNER runs the ingest
  local name=$1 db=$2
  shift 2
  "$@" >/dev/null 2>"$TMP/full.err"
  local rc=$?
  check "$name: ingest fails with exit 74 (got $rc)" test "$rc" -eq 74
  check "$name: error names the cause" grep -q -i -E 'full|disk|space|I/O|write' "$TMP/full.err"
  check "$name: no crash, no sanitizer report" bash -c "! grep -q -E 'Sanitizer|runtime error|Segmentation' '$TMP/full.err'"
  local got
  got=$(check_store "$db" "$N" 0)
  check "$name: store consistent after the failure ($got documents)" test -n "$got"
  check "$name: the store filled up before the end" test "${got:-$N}" -lt "$N"
  echo "crash: $name: ingest stopped with exit $rc after $got of $N documents: $(head -c 200 "$TMP/full.err" | tr '\n' ' ')"
}

# (a) A file-size limit (no privileges needed): writes past it fail EFBIG.
LDB="$TMP/limit.db"
limited_ingest() {
  (trap '' XFSZ; ulimit -f 768; exec "$BIN" ingest "$TMP/docs.jsonl" --db "$LDB" --batch 50 --no-progress)
}
full_disk "file-size limit" "$LDB" limited_ingest
"$BIN" ingest "$TMP/docs.jsonl" --db "$LDB" --batch 50 --no-progress >/dev/null 2>&1
check "file-size limit: rerun with room completes, each document once" \
  test "$(check_store "$LDB" "$N" 1)" = "$N"

# (b) A real full file system: a 1 MiB tmpfs, when we may mount one.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$TMP/mnt" && mount -t tmpfs -o size=1m tmpfs "$TMP/mnt" 2>/dev/null; then
  MNT="$TMP/mnt"
  TDB="$MNT/full.db"
  full_disk "1 MiB tmpfs" "$TDB" "$BIN" ingest "$TMP/docs.jsonl" --db "$TDB" --batch 50 --no-progress
  cp "$TDB" "$TMP/moved.db"
  [ -e "$TDB-wal" ] && cp "$TDB-wal" "$TMP/moved.db-wal"
  umount "$MNT" && MNT=""
  "$BIN" ingest "$TMP/docs.jsonl" --db "$TMP/moved.db" --batch 50 --no-progress >/dev/null 2>&1
  check "tmpfs: the store moved to a bigger disk completes, each document once" \
    test "$(check_store "$TMP/moved.db" "$N" 1)" = "$N"
else
  echo "crash: tmpfs full-disk case skipped: cannot mount a tmpfs (not root or no CAP_SYS_ADMIN)"
fi

echo "crash tests: $pass passed, $fail failed"
test "$fail" -eq 0
