#!/usr/bin/env bash
# Corpus CLI tests: ingest / search / speakers / quotes / claims / stats, exit
# codes, idempotence, and crash safety (kill -9 a real ingest at random
# points, restart it, check counts and PRAGMA integrity_check). Run by ctest
# with $WHOSAID_BIN. The documents are generated here from a word list.
set -u
BIN=${WHOSAID_BIN:?set WHOSAID_BIN to the whosaid binary}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
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
json_field() {  # json_field FILE KEY -> prints obj[KEY]
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

# N documents of random words (seeded), JSONL with ids doc0..doc{N-1}.
make_docs() {  # make_docs N SEED OUT
  awk -v n="$1" -v seed="$2" 'BEGIN {
    srand(seed);
    split("harbor council bridge river market budget school ferry winter " \
          "engineer mayor vote repair station train orchard frost crowd " \
          "report tower museum garden library festival election road " \
          "village coast storm harvest factory worker union strike court " \
          "judge hospital nurse doctor clinic teacher student museum park", w, " ");
    nw = length(w);
    for (i = 0; i < n; i++) {
      t = "";
      for (j = 0; j < 120; j++) t = t w[int(rand() * nw) + 1] (j % 12 == 11 ? ". " : " ");
      printf "{\"id\":\"doc%d\",\"source\":\"Outlet %d\",\"date\":\"2024-01-%02d\",\"title\":\"Story %d\",\"text\":\"%s\"}\n", i, i % 7, i % 28 + 1, i, t;
    }
  }' >"$3"
}

"$BIN" ingest "$TMP/none.jsonl" >/dev/null 2>&1
check "ingest without --db is a usage error (64)" test $? -eq 64

printf '%s\n' '{"id":"one","source":"Daily Ledger","date":"2024-03-04","title":"Bridge closes","text":"The council voted to close the old bridge for repairs, the mayor said on Monday."}' \
  '{"id":"two","source":"Evening Star","date":"2024-03-05","title":"Market prices","text":"Farmers said apple prices rose after a late frost damaged the orchards."}' \
  '{"id":"copy","source":"Wire","date":"2024-03-05","title":"Bridge closes","text":"The council voted to close the old bridge for repairs, the mayor said on Monday."}' \
  >"$TMP/a.jsonl"
printf 'A plain text article about the ferry terminal and the harbor.\n' >"$TMP/b.txt"
DB="$TMP/c.db"
"$BIN" ingest "$TMP/a.jsonl" "$TMP/b.txt" --db "$DB" >"$TMP/o" 2>"$TMP/e"
check "ingest exits 0" test $? -eq 0
check "ingest writes nothing on stdout" test ! -s "$TMP/o"
check "ingest summary names counts" grep -q '4 added (1 duplicates)' "$TMP/e"
check "no progress line off a TTY" test "$(grep -c $'\r' "$TMP/e")" -eq 0
"$BIN" stats --db "$DB" --json >"$TMP/s.json"
check "stats exits 0" test $? -eq 0
check "stats counts documents" test "$(json_field "$TMP/s.json" documents)" -eq 4
check "stats counts the exact duplicate" test "$(json_field "$TMP/s.json" exact_duplicates)" -eq 1
check "stats counts outlets" test "$(json_field "$TMP/s.json" outlets)" -eq 3
"$BIN" ingest "$TMP/a.jsonl" "$TMP/b.txt" --db "$DB" 2>"$TMP/e"
check "re-ingest exits 0" test $? -eq 0
check "re-ingest adds nothing" grep -q '0 added (0 duplicates), 4 already stored' "$TMP/e"
"$BIN" stats --db "$DB" --json >"$TMP/s2.json"
check "re-ingest leaves stats unchanged" cmp -s "$TMP/s.json" "$TMP/s2.json"
# With one stored identity remembered, the others are extracted again and
# skipped by the store: the same counts and the same corpus.
"$BIN" ingest "$TMP/a.jsonl" "$TMP/b.txt" --db "$DB" --known-identities 1 2>"$TMP/e"
check "bounded re-ingest adds nothing" grep -q '0 added (0 duplicates), 4 already stored' "$TMP/e"
"$BIN" stats --db "$DB" --json >"$TMP/s3.json"
check "bounded re-ingest leaves stats unchanged" cmp -s "$TMP/s.json" "$TMP/s3.json"
"$BIN" stats --db "$DB" --check >"$TMP/o"
check "stats --check passes" test $? -eq 0
check "stats table for people" grep -q '^documents  *4$' "$TMP/o"

"$BIN" search bridge --db "$DB" >"$TMP/o"
check "search exits 0" test $? -eq 0
check "search table shows the title" grep -q 'Bridge closes' "$TMP/o"
check "search highlights the match" grep -q '\[bridge\]' "$TMP/o"
check "search skips the duplicate" test "$(grep -c 'Bridge closes' "$TMP/o")" -eq 1
"$BIN" search bridge --db "$DB" --json >"$TMP/o"
check "search --json is valid JSON" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["count"]==1 and d["hits"][0]["doc_id"]=="one"' "$TMP/o"
"$BIN" search 'frost OR ferry' --db "$DB" --json --until 2024-03-04 >"$TMP/o"
check "search date filter" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [h["doc_id"] for h in d["hits"]]==[] , d' "$TMP/o"
"$BIN" search 'bridge OR frost OR ferry' --db "$DB" --json --max-ranked 1 -n 1 >"$TMP/o"
check "search --max-ranked bounds the ranking and says so" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["ranked_among"]==1 and d["count"]==1, d' "$TMP/o"
"$BIN" search 'frost OR ferry' --db "$DB" --json --outlet evening >"$TMP/o"
check "search outlet filter" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [h["doc_id"] for h in d["hits"]]==["two"], d' "$TMP/o"
printf 'bridge\nfrost OR ferry\n' >"$TMP/q.txt"
"$BIN" search --queries "$TMP/q.txt" --db "$DB" --json >"$TMP/o"
check "search --queries gives one JSON line per query" python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert [x["count"] for x in r]==[1,2] and all(x["elapsed_ms"]>=0 for x in r), r' "$TMP/o"
"$BIN" search --db "$DB" >/dev/null 2>&1
check "search without a query is a usage error" test $? -eq 64
"$BIN" search 'bridge AND (' --db "$DB" >"$TMP/o" 2>"$TMP/e"
check "FTS syntax error exits 64" test $? -eq 64
check "FTS syntax error is explained" grep -q 'not valid FTS5 syntax' "$TMP/e"
"$BIN" search "x'); DROP TABLE documents; --" --db "$DB" >/dev/null 2>&1
"$BIN" stats --db "$DB" --json >"$TMP/s3.json"
check "hostile query changes nothing" cmp -s "$TMP/s.json" "$TMP/s3.json"
"$BIN" search bridge --db "$DB" --kind sarcastic >/dev/null 2>&1
check "bad --kind exits 64" test $? -eq 64
"$BIN" search bridge --db "$TMP/missing.db" >/dev/null 2>"$TMP/e"
check "missing corpus exits 66" test $? -eq 66
check "missing corpus is not created" test ! -e "$TMP/missing.db"
"$BIN" speakers --db "$DB" --top 5 >"$TMP/o"
check "speakers exits 0" test $? -eq 0
"$BIN" speakers --db "$DB" --json >"$TMP/o"
check "speakers --json is valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))["speakers"]' "$TMP/o"
"$BIN" quotes --speaker "Nobody Here" --db "$DB" --json >"$TMP/o"
check "quotes --json is valid JSON" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["count"]==0' "$TMP/o"
"$BIN" claims --compare --db "$DB" --json >"$TMP/o"
check "claims --compare exits 0 with JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))["groups"]' "$TMP/o"
"$BIN" claims --db "$DB" >/dev/null 2>&1
check "claims without --compare is a usage error" test $? -eq 64

# Store errors: 74 with a clear message, nothing half-written.
"$BIN" ingest "$TMP/a.jsonl" --db "$TMP/no/such/dir/x.db" >/dev/null 2>"$TMP/e"
check "unwritable path exits 74" test $? -eq 74
check "unwritable path names the file" grep -q 'no/such/dir/x.db' "$TMP/e"
head -c 10000 /dev/urandom >"$TMP/junk.db"
"$BIN" ingest "$TMP/a.jsonl" --db "$TMP/junk.db" >/dev/null 2>"$TMP/e"
check "corrupt database exits 74" test $? -eq 74
check "corrupt database is explained" grep -qi 'not a database\|corrupt' "$TMP/e"
"$BIN" stats --db "$TMP/junk.db" >/dev/null 2>&1
check "stats on a corrupt database exits 74" test $? -eq 74
# The locker says when it holds the lock and keeps it until told to let go
# (or 30 s), so that a slow, busy machine cannot reorder the two.
python3 - "$DB" "$TMP/locked" "$TMP/unlock" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
for _ in range(300):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.1)
c.execute("ROLLBACK")
PY
LOCKER=$!
for _ in $(seq 1 300); do [ -e "$TMP/locked" ] && break; sleep 0.1; done
printf '%s\n' '{"id":"late","text":"A late article about the harbor."}' >"$TMP/late.jsonl"
"$BIN" ingest "$TMP/late.jsonl" --db "$DB" --busy-timeout-ms 200 >/dev/null 2>"$TMP/e"
check "locked database exits 74" test $? -eq 74
check "locked database is explained" grep -q 'locked' "$TMP/e"
"$BIN" stats --db "$DB" --json >"$TMP/o"
check "readers work while a writer holds the lock" test "$(json_field "$TMP/o" documents)" -eq 4
touch "$TMP/unlock"
wait "$LOCKER"

# Crash safety: kill -9 a real ingest at random points, restart, and end
# with every document exactly once. Each round picks a random number of
# stored documents (5..70% of what is left), waits until the ingest has
# stored at least that many, then kills it after a random 0..50 ms: the
# kills land inside the write phase on any machine (a time window set by a
# calibration run missed it when model loading took most of a short run,
# as under TSan). WHOSAID_CORPUS_DOCS (> 3000; scripts/sanitize.sh sets
# 4000) makes the run shorter for instrumented builds.
N=${WHOSAID_CORPUS_DOCS:-12000}
make_docs "$N" 7 "$TMP/many.jsonl"
KDB="$TMP/k.db"
. "$(dirname "$0")/store_count.sh"
partial=0
before=0
for round in 1 2 3 4; do
  "$BIN" ingest "$TMP/many.jsonl" --db "$KDB" --batch 40 -j 2 >/dev/null 2>&1 &
  PID=$!
  target=$(( before + (N - before) * (5 + RANDOM % 66) / 100 ))
  for _ in $(seq 6000); do  # at most ~5 min: the ingest gets there or ends
    kill -0 "$PID" 2>/dev/null || break
    [ "$(stored_count "$KDB")" -ge "$target" ] && break
    sleep 0.02
  done
  sleep "$(printf '0.%03d' $(( RANDOM % 50 )))"
  if [ "$round" -eq 2 ]; then
    "$BIN" stats --db "$KDB" --json >/dev/null 2>&1
    check "stats works during an ingest (WAL)" test $? -eq 0
  fi
  kill -9 "$PID" 2>/dev/null
  wait "$PID" 2>/dev/null
  got=$(stored_count "$KDB")
  if [ "$got" -gt 0 ] && [ "$got" -lt "$N" ]; then
    partial=$((partial + 1))
  fi
  before=$got
done
echo "kill -9 rounds that left a partial corpus: $partial of 4"
check "a kill landed mid-ingest (the test tested something)" test "$partial" -gt 0
"$BIN" ingest "$TMP/many.jsonl" --db "$KDB" --batch 40 >/dev/null 2>"$TMP/e"
check "restarted ingest exits 0" test $? -eq 0
"$BIN" stats --db "$KDB" --json --check >"$TMP/o"
check "after kills: integrity_check ok" test $? -eq 0
check "after kills: every document exactly once" test "$(json_field "$TMP/o" documents)" -eq "$N"
check "after kills: no duplicates invented" test "$(json_field "$TMP/o" duplicates)" -eq 0
python3 - "$KDB" "$N" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n = int(sys.argv[2])
rows = c.execute("SELECT count(*), count(DISTINCT ext_id) FROM documents").fetchone()
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
fts = c.execute("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'harbor OR council OR bridge'").fetchone()[0]
assert rows == (n, n), rows
assert ok == "ok", ok
c.execute("INSERT INTO doc_fts(doc_fts) VALUES('integrity-check')")
sys.exit(0)
PY
check "after kills: ids unique and FTS index consistent" test $? -eq 0

# Ctrl-C: stop reading, write what was read, exit 130; a rerun resumes.
IDB="$TMP/int.db"
# The first 3,000 lines go into the pipe, then the pipe stays open and idle
# until the interrupt has been sent (the reader is blocked in read(), which
# SIGINT does not end: the lines after the pause wake it, and it must stop
# at once). The interrupt comes once all 3,000 lines have been read, not
# after a fixed time: with --batch 500, the 5th batch (2,500 documents) is
# committed only after the 6th has been read (tools/batch_loop.h).
# WHOSAID_TEST_SLOWDOWN (scripts/sanitize.sh sets it) stretches the waits
# for instrumented builds; they end as soon as their condition holds.
SLOW=${WHOSAID_TEST_SLOWDOWN:-1}
rm -f "$TMP/head_done" "$TMP/int_sent"
{ head -n 3000 "$TMP/many.jsonl"; touch "$TMP/head_done";
  for _ in $(seq $((600 * SLOW))); do [ -e "$TMP/int_sent" ] && break; sleep 0.1; done
  tail -n +3001 "$TMP/many.jsonl"; } |
  "$BIN" ingest - --input-format jsonl --batch 500 --db "$IDB" >/dev/null 2>"$TMP/e" &
PID=$!
for _ in $(seq $((100 * SLOW))); do [ -e "$TMP/head_done" ] && break; sleep 0.1; done
for _ in $(seq $((600 * SLOW))); do
  kill -0 "$PID" 2>/dev/null || break  # ingest ended early: checks below fail
  got=$("$BIN" stats --db "$IDB" --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])' 2>/dev/null || echo 0)
  [ "$got" -ge 2500 ] && break
  sleep 0.1
done
sleep 0.2  # a moment for the reader to block on the idle pipe
kill -INT "$PID"
touch "$TMP/int_sent"
wait "$PID"
check "interrupted ingest exits 130" test $? -eq 130
check "interrupted ingest says how to resume" grep -q 'run the same command again' "$TMP/e"
"$BIN" stats --db "$IDB" --json --check >"$TMP/o"
got=$(json_field "$TMP/o" documents)
check "interrupted ingest kept what it read ($got)" test "$got" -ge 3000 -a "$got" -lt "$N"
"$BIN" ingest "$TMP/many.jsonl" --db "$IDB" >/dev/null 2>&1
"$BIN" stats --db "$IDB" --json >"$TMP/o"
check "resumed ingest completes" test "$(json_field "$TMP/o" documents)" -eq "$N"

# The writer is the critical path: extraction threads run --extract-nice
# (default 5) steps nicer than the writer (per-thread nice values, Linux).
# Seen in /proc while a real ingest runs; --extract-nice 0 stores the same.
if [ -d /proc/self/task ]; then
  "$BIN" ingest "$TMP/many.jsonl" --db "$TMP/nice.db" --batch 40 -j 2 --no-progress >/dev/null 2>&1 &
  PID=$!
  spread=""
  for _ in $(seq 1500); do
    # Field 19 of a task's stat is its nice value (after the ")" of comm).
    nices=$(cat /proc/"$PID"/task/*/stat 2>/dev/null | sed 's/.*) //' | awk '{print $17}' | sort -n | uniq)
    if [ "$(echo "$nices" | wc -l)" -ge 2 ]; then
      spread=$(( $(echo "$nices" | tail -n 1) - $(echo "$nices" | head -n 1) ))
      break
    fi
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.02
  done
  wait "$PID"
  check "extraction threads run 5 nice steps below the writer (saw ${spread:-no spread})" test "${spread:-0}" -eq 5
  "$BIN" ingest "$TMP/many.jsonl" --db "$TMP/nice0.db" --batch 40 -j 2 --extract-nice 0 --no-progress >/dev/null 2>&1
  "$BIN" stats --db "$TMP/nice.db" --json >"$TMP/s5"
  "$BIN" stats --db "$TMP/nice0.db" --json >"$TMP/s0"
  check "--extract-nice 0 stores the same corpus" cmp -s "$TMP/s5" "$TMP/s0"
else
  echo "SKIP: no /proc/self/task: per-thread priorities not checked"
fi
"$BIN" ingest "$TMP/many.jsonl" --db "$TMP/x.db" --extract-nice 20 >/dev/null 2>&1
check "--extract-nice past 19 is a usage error" test $? -eq 64

# Speakers linked across articles: "Brandvold" alone (a4) is Olga Brandvold
# of the other articles. Each quote keeps its own name; the queries count
# the identity; links lost to a kill before they committed come back with
# the next ingest, which adds nothing.
printf '%s\n' \
  '{"id":"a1","source":"North Ledger","date":"2024-05-01","title":"Port budget","text":"The port director Olga Brandvold said on Monday that the harbour would reopen in May. “We have fixed the cranes and the quay,” Olga Brandvold said."}' \
  '{"id":"a2","source":"South Courier","date":"2024-05-02","title":"Port cranes","text":"“The new cranes arrive next week,” said Olga Brandvold, who runs the port authority."}' \
  '{"id":"a3","source":"North Ledger","date":"2024-05-03","title":"Port fees","text":"Olga Brandvold, the port director, said fees would not rise this year."}' \
  '{"id":"a4","source":"West Herald","date":"2024-05-04","title":"Harbour","text":"“We expect more ships in June than ever before,” Brandvold said at the harbour on Tuesday."}' \
  >"$TMP/link.jsonl"
"$BIN" ingest "$TMP/link.jsonl" --db "$TMP/link.db" --speaker-link-min-quotes 3 --no-progress >/dev/null 2>"$TMP/e"
check "ingest reports the speaker links" grep -q 'speakers linked: 1 one-word names' "$TMP/e"
"$BIN" stats --db "$TMP/link.db" --json >"$TMP/s.json"
check "stats counts linked speakers" test "$(json_field "$TMP/s.json" linked_speakers)" -eq 1
check "stats counts linked quotes" test "$(json_field "$TMP/s.json" linked_quotes)" -eq 1
"$BIN" speakers --db "$TMP/link.db" --top 5 --json >"$TMP/sp.json"
check "speakers --top counts the one-word name's quote with the full name" python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["speakers"]; assert len(s)==1 and s[0]["name"]=="Olga Brandvold" and s[0]["quotes"]==5, s' "$TMP/sp.json"
"$BIN" quotes --speaker Brandvold --db "$TMP/link.db" --json >"$TMP/q.json"
check "quotes --speaker of the one-word name lists the identity's quotes" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["count"]==5 and {q["speaker"] for q in d["quotes"]}=={"Olga Brandvold"}, d' "$TMP/q.json"
check "each quote keeps its extracted speaker name" python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); assert c.execute("SELECT count(*) FROM quotes WHERE speaker_name = ?", ("Brandvold",)).fetchone()[0]==1' "$TMP/link.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE speakers SET linked_to = NULL, label = ?", ("",)); c.commit()' "$TMP/link.db"
"$BIN" ingest "$TMP/link.jsonl" --db "$TMP/link.db" --speaker-link-min-quotes 3 --no-progress >/dev/null 2>&1
"$BIN" stats --db "$TMP/link.db" --json >"$TMP/s2.json"
check "an ingest that adds nothing redoes lost links" cmp -s "$TMP/s.json" "$TMP/s2.json"

echo "corpus CLI tests: $pass passed, $fail failed"
test "$fail" -eq 0
