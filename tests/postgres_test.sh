#!/usr/bin/env bash
# PostgreSQL corpus backend, end to end against a REAL server: starts a
# throw-away PostgreSQL cluster (scripts/start-postgres.sh), ingests a small
# corpus written here with `--db postgresql://...`, runs search / speakers /
# quotes / claims / stats, compares them with the same corpus in SQLite,
# checks that a re-ingest adds nothing and that a wrong URL exits 74 without
# showing the password, then stops the server. Exit 77 (ctest: skipped) when
# the PostgreSQL server binaries are not installed. Run by ctest with
# $WHOSAID_BIN.
set -u
BIN=${WHOSAID_BIN:?set WHOSAID_BIN to the whosaid binary}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
PG_DIR=""
cleanup() {
  for pid in ${SERVE_PIDS:-}; do kill "$pid" 2>/dev/null; done
  [ -n "$PG_DIR" ] && "$ROOT/scripts/start-postgres.sh" stop "$PG_DIR"
  rm -rf "$TMP"
}
trap cleanup EXIT

"$ROOT/scripts/start-postgres.sh" >"$TMP/pg.env" 2>"$TMP/pg.err"
rc=$?
if [ "$rc" -eq 77 ]; then
  echo "SKIP: $(cat "$TMP/pg.err")"
  exit 77
fi
if [ "$rc" -ne 0 ]; then
  cat "$TMP/pg.err" >&2
  echo "FAIL: could not start a PostgreSQL server" >&2
  exit 1
fi
eval "$(cat "$TMP/pg.env")"
PG_DIR=$WHOSAID_PG_DIR
URL=$WHOSAID_PG_URL
echo "PostgreSQL test server: $URL"

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
# same_json NAME A B PYEXPR: PYEXPR (on d) of both JSON files is equal.
same_json() {
  python3 - "$2" "$3" "$4" <<'PY'
import json, sys
def view(path, expr):
    d = json.load(open(path))
    return eval(expr, {"d": d})
a, b = view(sys.argv[1], sys.argv[3]), view(sys.argv[2], sys.argv[3])
if a != b:
    print("sqlite:  ", a, "\npostgres:", b, file=sys.stderr)
    sys.exit(1)
PY
}

# A small corpus written for this test: three outlets, one story reported
# twice with the same quote, an exact copy, claims that disagree.
cat >"$TMP/a.jsonl" <<'JSONL'
{"id":"ledger-1","source":"Daily Ledger","date":"2024-03-04","title":"Council closes the old bridge","text":"The city council voted on Monday to close the old river bridge for urgent repairs. \"The bridge is no longer safe for heavy traffic and we cannot wait another winter,\" said Mayor Helen Ortiz. Engineers found cracks in two of the main supports, according to a report published by the transport department. The repairs will cost 4.2 million dollars and take eight months, officials said."}
{"id":"star-1","source":"Evening Star","date":"2024-03-05","title":"Old bridge shut for repairs","text":"Drivers will have to find another way across the river after the council shut the old bridge. \"The bridge is no longer safe for heavy traffic and we cannot wait another winter,\" Mayor Helen Ortiz told reporters. Local business owners said the closure would hurt trade in the market district. The repairs will cost 5 million dollars, according to council documents."}
{"id":"star-2","source":"Evening Star","date":"2024-03-09","title":"Farmers count frost damage","text":"Apple growers in the valley said a late frost had damaged most of the spring blossom. \"We have never seen frost this late in the season,\" said Tom Becker, who runs an orchard near the coast. Prices at the Saturday market rose by 12 percent, traders said. At least 300 protesters marched to the town hall on Sunday, police said."}
{"id":"wire-1","source":"Harbor Wire","date":"2024-03-06","title":"Ferry service expands","text":"The harbor authority will add three evening ferry crossings from April. \"Commuters asked for later boats and we listened,\" said Ana Lima, the authority's director. The expansion follows a survey of 900 regular passengers. Organisers said 450 protesters marched to the town hall."}
{"id":"wire-copy","source":"Harbor Wire","date":"2024-03-06","title":"Ferry service expands","text":"The harbor authority will add three evening ferry crossings from April. \"Commuters asked for later boats and we listened,\" said Ana Lima, the authority's director. The expansion follows a survey of 900 regular passengers. Organisers said 450 protesters marched to the town hall."}
JSONL
printf 'A plain text note about the ferry terminal and the harbor wall.\n' >"$TMP/b.txt"

SQ="$TMP/ref.db"
"$BIN" ingest "$TMP/a.jsonl" "$TMP/b.txt" --db "$SQ" >/dev/null 2>"$TMP/e.sqlite"
check "reference SQLite ingest exits 0" test $? -eq 0

# Ingest into PostgreSQL.
"$BIN" ingest "$TMP/a.jsonl" "$TMP/b.txt" --db "$URL" >"$TMP/o" 2>"$TMP/e"
check "ingest into PostgreSQL exits 0" test $? -eq 0
cat "$TMP/e" >&2
check "ingest writes nothing on stdout" test ! -s "$TMP/o"
check "ingest summary: 6 added, 1 duplicate" grep -q '6 added (1 duplicates)' "$TMP/e"
check "same ingest summary as SQLite (counts)" test \
  "$(sed 's/ in [0-9.]* s//' "$TMP/e")" = "$(sed 's/ in [0-9.]* s//' "$TMP/e.sqlite")"

"$BIN" stats --db "$URL" --json >"$TMP/s.json"
check "stats exits 0" test $? -eq 0
"$BIN" stats --db "$SQ" --json >"$TMP/s.sqlite.json"
check "stats counts documents" test "$(json_field "$TMP/s.json" documents)" -eq 6
check "stats counts the exact duplicate" test "$(json_field "$TMP/s.json" exact_duplicates)" -eq 1
check "stats counts outlets" test "$(json_field "$TMP/s.json" outlets)" -eq 3
check "stats: some quotes were stored" test "$(json_field "$TMP/s.json" quotes)" -gt 0
check "stats: the shared quote is one multi-outlet cluster" test "$(json_field "$TMP/s.json" multi_outlet_clusters)" -ge 1
check "stats equal SQLite's" same_json stats "$TMP/s.sqlite.json" "$TMP/s.json" 'd'
"$BIN" stats --db "$URL" --check >"$TMP/o"
check "stats --check passes" test $? -eq 0
check "stats table for people" grep -q '^documents  *6$' "$TMP/o"

# Re-ingest: nothing added, nothing changed.
"$BIN" ingest "$TMP/a.jsonl" "$TMP/b.txt" --db "$URL" 2>"$TMP/e"
check "re-ingest exits 0" test $? -eq 0
check "re-ingest adds nothing" grep -q '0 added (0 duplicates), 6 already stored' "$TMP/e"
"$BIN" stats --db "$URL" --json >"$TMP/s2.json"
check "re-ingest leaves stats unchanged" cmp -s "$TMP/s.json" "$TMP/s2.json"
# A new document on top of a stored corpus links to it (caches reloaded).
printf '%s\n' '{"id":"late","source":"Daily Ledger","date":"2024-03-10","title":"Bridge detour","text":"The city council voted on Monday to close the old river bridge for urgent repairs. \"The bridge is no longer safe for heavy traffic and we cannot wait another winter,\" said Mayor Helen Ortiz. Engineers found cracks in two of the main supports, according to a report published by the transport department. The repairs will cost 4.2 million dollars and take eight months, officials said."}' >"$TMP/late.jsonl"
"$BIN" ingest "$TMP/late.jsonl" --db "$URL" 2>"$TMP/e"
check "a later ingest finds the duplicate stored earlier" grep -q '1 added (1 duplicates)' "$TMP/e"
"$BIN" ingest "$TMP/late.jsonl" --db "$SQ" 2>/dev/null

# Search.
"$BIN" search bridge --db "$URL" >"$TMP/o"
check "search exits 0" test $? -eq 0
check "search table shows a title" grep -q 'Council closes the old bridge' "$TMP/o"
check "search highlights the match" grep -q '\[bridge\]' "$TMP/o"
"$BIN" search bridge --db "$URL" --json >"$TMP/p.json"
"$BIN" search bridge --db "$SQ" --json >"$TMP/q.json"
check "search skips duplicates and finds what SQLite finds" same_json search "$TMP/q.json" "$TMP/p.json" 'sorted(h["doc_id"] for h in d["hits"])'
check "search --json snippets use <b>" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all("<b>" in h["snippet"] for h in d["hits"]), d' "$TMP/p.json"
"$BIN" search 'bridge OR frost OR ferry OR repairs' --db "$URL" --json --max-ranked 1 -n 1 >"$TMP/p1.json"
check "search --max-ranked bounds the ranking and says so" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["ranked_among"]==1 and d["count"]==1, d' "$TMP/p1.json"
"$BIN" search 'bridge OR frost OR ferry OR repairs' --db "$URL" --json -n 1 >"$TMP/p1.json"
check "search ranks every match by default" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "ranked_among" not in d and d["count"]==1, d' "$TMP/p1.json"
check "search ranks the title match first" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=[h["score"] for h in d["hits"]]; assert s==sorted(s) and d["hits"][0]["title"].lower().count("bridge"), d' "$TMP/p.json"
for q in 'frost OR ferry' '"old bridge"' 'repair*' 'harbor NOT ferry' '(frost OR ferry) AND market' 'bridge' ; do
  for filt in "" "--outlet star" "--since 2024-03-05" "--until 2024-03-05"; do
    # shellcheck disable=SC2086
    "$BIN" search "$q" --db "$URL" --json $filt >"$TMP/p.json"
    # shellcheck disable=SC2086
    "$BIN" search "$q" --db "$SQ" --json $filt >"$TMP/q.json"
    check "search '$q' $filt: same documents as SQLite" same_json search "$TMP/q.json" "$TMP/p.json" 'sorted(h["doc_id"] for h in d["hits"])'
  done
done
for args in "--in quotes" "--in claims" "--speaker ortiz" "--kind direct" "--in claims --speaker council"; do
  # shellcheck disable=SC2086
  "$BIN" search 'bridge OR frost OR ferry OR repairs OR commuters' --db "$URL" --json $args >"$TMP/p.json"
  # shellcheck disable=SC2086
  "$BIN" search 'bridge OR frost OR ferry OR repairs OR commuters' --db "$SQ" --json $args >"$TMP/q.json"
  check "search $args: same hits as SQLite" same_json search "$TMP/q.json" "$TMP/p.json" 'sorted((h["type"], h["doc_id"], h.get("speaker",""), h.get("kind","")) for h in d["hits"])'
done
printf 'bridge\nfrost OR ferry\n' >"$TMP/q.txt"
"$BIN" search --queries "$TMP/q.txt" --db "$URL" --json >"$TMP/o"
check "search --queries gives one JSON line per query" python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert len(r)==2 and r[0]["count"]==2 and r[1]["count"]>=3, r' "$TMP/o"
"$BIN" search 'bridge AND (' --db "$URL" >"$TMP/o" 2>"$TMP/e"
check "query syntax error exits 64" test $? -eq 64
check "query syntax error is explained" grep -q 'not valid FTS5 syntax' "$TMP/e"
"$BIN" search "x'); DROP TABLE documents; --" --db "$URL" >/dev/null 2>&1
"$BIN" search "x'' | ! y" --db "$URL" >/dev/null 2>&1
"$BIN" search --outlet "'; DROP TABLE outlets; --" bridge --db "$URL" >/dev/null 2>&1
"$BIN" stats --db "$URL" --json >"$TMP/s3.json"
check "hostile queries change nothing" test "$(json_field "$TMP/s3.json" documents)" -eq 7
"$BIN" search bridge --db "$URL" --kind sarcastic >/dev/null 2>&1
check "bad --kind exits 64" test $? -eq 64

# Speakers, quotes, claims: the same answers as SQLite.
"$BIN" speakers --db "$URL" --top 5 >"$TMP/o"
check "speakers exits 0" test $? -eq 0
check "speakers table names the mayor" grep -q 'Helen Ortiz' "$TMP/o"
"$BIN" speakers --db "$URL" --json >"$TMP/p.json"
"$BIN" speakers --db "$SQ" --json >"$TMP/q.json"
check "speakers --json lists the mayor first" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["speakers"][0]; assert s["name"]=="Helen Ortiz" and s["quotes"]==2 and s["outlets"]==2, d' "$TMP/p.json"
check "speakers equal SQLite's" same_json speakers "$TMP/q.json" "$TMP/p.json" '[{k: v for k, v in s.items() if k != "id"} for s in d["speakers"]]'
"$BIN" quotes --speaker "helen ortiz" --db "$URL" --json >"$TMP/p.json"
"$BIN" quotes --speaker "helen ortiz" --db "$SQ" --json >"$TMP/q.json"
check "quotes --speaker finds the mayor's quotes" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["count"]>=2, d' "$TMP/p.json"
check "quotes --speaker equal SQLite's" same_json quotes "$TMP/q.json" "$TMP/p.json" '[{k: v for k, v in q.items() if k not in ("id", "cluster")} for q in d["quotes"]]'
"$BIN" quotes --speaker "becker" --db "$URL" --json >"$TMP/p.json"
"$BIN" quotes --speaker "becker" --db "$SQ" --json >"$TMP/q.json"
check "quotes by a part of the name equal SQLite's" same_json quotes "$TMP/q.json" "$TMP/p.json" '[(q["content"], q["doc_id"]) for q in d["quotes"]]'
"$BIN" quotes --speaker "Nobody Here" --db "$URL" --json >"$TMP/o"
check "quotes of nobody: count 0" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["count"]==0' "$TMP/o"
"$BIN" claims --compare --db "$URL" --json >"$TMP/p.json"
check "claims --compare exits 0" test $? -eq 0
"$BIN" claims --compare --db "$SQ" --json >"$TMP/q.json"
check "claims --compare finds the disagreeing counts" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["groups"])==1 and len(d["groups"][0]["claims"])==2, d' "$TMP/p.json"
check "claims --compare equal SQLite's" same_json claims "$TMP/q.json" "$TMP/p.json" 'd'
"$BIN" claims --compare --db "$URL" >/dev/null
check "claims table exits 0" test $? -eq 0

# `whosaid serve` on the PostgreSQL store: the JSON API answers as it does
# on the SQLite copy of the same corpus (ids aside), read-only.
SERVE_PIDS=""
SERVED=""
serve_on() {  # serve_on DB OUTFILE -> sets SERVED to the base URL
  "$BIN" serve --db "$1" --port 0 --max-facet-ms 10000 >"$2" 2>"$2.err" &
  SERVE_PIDS="$SERVE_PIDS $!"
  local port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$2")
    [ -n "$port" ] && break
    sleep 0.1
  done
  SERVED="http://127.0.0.1:$port"
}
stop_servers() {
  for pid in $SERVE_PIDS; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  SERVE_PIDS=""
}
serve_on "$URL" "$TMP/serve.pg"
PG_BASE=$SERVED
serve_on "$SQ" "$TMP/serve.sq"
SQ_BASE=$SERVED
check "serve --db postgresql:// starts" test "$PG_BASE" != "http://127.0.0.1:"
check "serve does not show the URL's password" bash -c "! grep -q hunter2 '$TMP/serve.pg' '$TMP/serve.pg.err'"
python3 - "$PG_BASE" "$SQ_BASE" <<'PY' >"$TMP/api.out" 2>&1
import json, sys, urllib.request, urllib.error
pg, sq = sys.argv[1], sys.argv[2]
fails = 0
def get(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=20) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)
def check(name, ok, detail=""):
    global fails
    if not ok:
        fails += 1
        print("FAIL: serve on PostgreSQL:", name, detail)
def strip(x):
    """Row ids differ between the stores; everything else must not."""
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items()
                if k not in ("id", "doc_row", "cluster", "speaker_id", "quote_id", "score", "duplicate_of", "snippet")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
for path in ["/api/stats", "/api/speakers", "/api/claims",
             "/api/search?q=bridge&syntax=words",
             "/api/facets?q=bridge&syntax=words",
             "/api/search?q=bridge+OR+frost+OR+ferry&in=quotes",
             "/api/search?q=repairs&outlet=star&in=claims",
             "/api/speaker?name=helen+ortiz",
             "/api/document?id=ledger-1", "/api/document?id=wire-copy"]:
    a, b = get(pg, path), get(sq, path)
    check(path + " answers 200", a[0] == 200 and b[0] == 200, (a[0], b[0]))
    if path.startswith("/api/search"):
        # Ranking ties may order differently: compare as sets.
        for d in (a[1], b[1]):
            for k in d["results"]:
                d["results"][k] = sorted(json.dumps(strip(h), sort_keys=True) for h in d["results"][k])
    check(path + " equals SQLite's", strip(a[1]) == strip(b[1]),
          "\n pg: %s\n sq: %s" % (json.dumps(strip(a[1]))[:600], json.dumps(strip(b[1]))[:600]))
s = get(pg, "/api/facets?q=bridge&syntax=words")[1]
check("search facets count the whole corpus", s["facets"]["scope"] == "corpus" and s["facets"]["total"] >= 2, s["facets"])
d = get(pg, "/api/document?id=ledger-1")[1]
check("article keeps its original input", isinstance(d["original"], str) and len(d["original"]) > 0)
q = d["quotes"][0]
cps = list(d["original"])
check("a quote sits on the same words in the original",
      "".join(cps[q["orig_content_span"][0]:q["orig_content_span"][1]]) == q["content"], q)
cl = get(pg, "/api/search?q=bridge+OR+frost&in=quotes")[1]["results"]["quotes"]
cid = next(h["cluster"] for h in cl if h["cluster"])
c = get(pg, "/api/cluster/%d" % cid)
check("cluster page answers", c[0] == 200 and len(c[1]["members"]) >= 1, c)
check("unknown document is a 404", get(pg, "/api/document/999999")[0] == 404)
check("FTS syntax error is a 400", get(pg, "/api/search?q=%22unclosed&syntax=fts")[0] == 400)
print("serve API on PostgreSQL:", "ok" if not fails else "%d failures" % fails)
sys.exit(1 if fails else 0)
PY
check "serve API on PostgreSQL equals SQLite's" test $? -eq 0
cat "$TMP/api.out" >&2
"$BIN" stats --db "$URL" --json >"$TMP/s5.json"
check "serving wrote nothing" test "$(json_field "$TMP/s5.json" documents)" -eq 7
stop_servers
"$BIN" serve --db "${URL%/*}/postgres" --port 0 >/dev/null 2>"$TMP/e"
check "serve on a database without a corpus exits 66" test $? -eq 66

# Errors: exit 74, the URL named without its password, nothing written.
BAD_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BAD="postgresql://whosaid:hunter2@127.0.0.1:$BAD_PORT/whosaid"
"$BIN" ingest "$TMP/a.jsonl" --db "$BAD" >/dev/null 2>"$TMP/e"
check "unreachable server exits 74" test $? -eq 74
check "unreachable server: the URL is named" grep -q "127.0.0.1:$BAD_PORT/whosaid" "$TMP/e"
check "unreachable server: the password is not shown" bash -c "! grep -q hunter2 '$TMP/e'"
"$BIN" stats --db "$BAD" >/dev/null 2>"$TMP/e"
check "stats on an unreachable server exits 74" test $? -eq 74
NODB="${URL%/*}/no_such_db"
"$BIN" ingest "$TMP/a.jsonl" --db "$NODB" >/dev/null 2>"$TMP/e"
check "missing database exits 74" test $? -eq 74
check "missing database is explained" grep -q 'no_such_db' "$TMP/e"
"$BIN" ingest "$TMP/a.jsonl" --db "postgresql://whosaid@127.0.0.1:notaport/x" >/dev/null 2>"$TMP/e"
check "malformed URL exits 74" test $? -eq 74
"$BIN" stats --db "${URL%/*}/postgres" >/dev/null 2>"$TMP/e"
check "stats on a database without a corpus exits 66" test $? -eq 66
"$BIN" stats --db "$URL" --json >"$TMP/s4.json"
check "failed runs wrote nothing" test "$(json_field "$TMP/s4.json" documents)" -eq 7

# Row parity (regression for the writer twin): both stores write a
# document's rows from the same StoreRows (src/corpus/store_rows.h). The
# same input, ingested into a fresh PostgreSQL database and a fresh SQLite
# file, must print the same stats, speakers, every listed speaker's quotes,
# claim comparison and (through `serve`) every document's quotes, claims and
# entities with their offsets. The input: a corpus written here with
# non-ASCII text, ranges, roles, unattributed quotes and claims inside
# quotes, plus 250 real news articles from ../shared when it is there.
PG_BINDIR=$(cat "$PG_DIR/PG_BINDIR")
PG_PORT=$(echo "$URL" | sed -n 's|.*@127.0.0.1:\([0-9]*\)/.*|\1|p')
# Under a UTF-8 locale where the machine has one (as production servers
# do): ILIKE then folded non-ASCII letters, and names matched differently.
PG_LOCALE=()
if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
  PG_LOCALE=(--template=template0 --locale="$(locale -a | grep -ix 'c.utf-\?8' | head -n 1)")
fi
"$PG_BINDIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U whosaid "${PG_LOCALE[@]}" parity >/dev/null 2>"$TMP/e"
check "a second database for the parity corpus" test $? -eq 0
PURL="${URL%/*}/parity"
PSQ="$TMP/parity.db"
cat >"$TMP/parity.jsonl" <<'JSONL'
{"id":"p-1","source":"Nordic Gazette","date":"2024-05-02","title":"Årsta bridge: “repairs now”","text":"Engineers in Årsta said on Tuesday that the bridge needs between 40 and 50 million kronor of repairs. “We cannot wait — the steel is tired,” said Minister Åsa Lindqvist, the transport minister. Critics said the plan would take 3 years. “Nobody asked us,” a resident said. The council’s report found 1,200 cracks, officials said. At least 2,000 protesters marched to the ministry in Stockholm on Monday, police said."}
{"id":"p-2","source":"Baltic Post","date":"2024-05-03","title":"Lindqvist defends bridge plan","text":"Transport Minister Åsa Lindqvist defended the plan on Wednesday. “We cannot wait — the steel is tired,” Lindqvist told reporters in Stockholm. The repairs will cost 45 million kronor and take 2 years, the ministry said. Inspectors found 1,500 cracks in the supports, according to the council’s report. 😀 Residents welcomed the news. Organisers said 5,000 protesters marched to the ministry in Stockholm on Monday."}
{"id":"p-3","source":"Café Mundial","date":"2024-05-04","title":"Señora García on the café tax","text":"The café owners’ association, led by José García, said the new tax would cost each café about 2.000 euros a year. “Es una locura,” García said. “It is madness, and about 300 cafés will close,” she added, according to the association. Prime Minister Pedro Núñez said the tax would raise 120 million euros."}
{"id":"p-4","source":"Nordic Gazette","date":"2024-05-05","title":"Núñez answers critics","text":"Pedro Núñez answered the critics on Sunday. “About 300 cafés will not close; perhaps 20 will,” Núñez said in Madrid. The tax would raise 150 million euros, the finance ministry said. Dr. Ingrid Ødegård, an economist at the University of Oslo, said between 10 and 15 percent of cafés were at risk."}
JSONL
"$BIN" ingest "$TMP/parity.jsonl" --db "$PSQ" >/dev/null 2>"$TMP/e.sqlite"
"$BIN" ingest "$TMP/parity.jsonl" --db "$PURL" >/dev/null 2>"$TMP/e"
check "parity corpus into PostgreSQL exits 0" test $? -eq 0
SHARED_CORPUS="$ROOT/../shared/data/corpus"
if [ -f "$SHARED_CORPUS/fakenewscorpus_sample.jsonl" ] && command -v zstd >/dev/null; then
  (zstd -dc "$SHARED_CORPUS/allsides.jsonl.zst" 2>/dev/null || true) | head -n 150 >"$TMP/news.jsonl"
  head -n 100 "$SHARED_CORPUS/fakenewscorpus_sample.jsonl" >>"$TMP/news.jsonl"
  "$BIN" ingest "$TMP/news.jsonl" --db "$PSQ" >/dev/null 2>>"$TMP/e.sqlite"
  "$BIN" ingest "$TMP/news.jsonl" --db "$PURL" >/dev/null 2>>"$TMP/e"
  check "shared news into PostgreSQL exits 0" test $? -eq 0
else
  echo "SKIP (parity on real news): $SHARED_CORPUS is absent; the written corpus only"
fi
check "parity: same ingest summaries" test \
  "$(sed 's/ in [0-9.]* s//' "$TMP/e")" = "$(sed 's/ in [0-9.]* s//' "$TMP/e.sqlite")"
"$BIN" stats --db "$PURL" --json >"$TMP/p.json"
"$BIN" stats --db "$PSQ" --json >"$TMP/q.json"
check "parity: stats equal" same_json stats "$TMP/q.json" "$TMP/p.json" 'd'
check "parity: some entities, quotes and claims were stored" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["entities"]>0 and d["quotes"]>0 and d["claims"]>0, d' "$TMP/p.json"
"$BIN" speakers --db "$PURL" --top 100000 --json >"$TMP/p.json"
"$BIN" speakers --db "$PSQ" --top 100000 --json >"$TMP/q.json"
check "parity: speakers (names, keys, roles, counts) equal" same_json speakers "$TMP/q.json" "$TMP/p.json" '[{k: v for k, v in s.items() if k != "id"} for s in d["speakers"]]'
# The 30 most quoted speakers and every speaker of the written corpus
# (non-ASCII names: their keys fold case beyond ASCII).
"$BIN" ingest "$TMP/parity.jsonl" --db "$TMP/written.db" >/dev/null 2>&1
"$BIN" speakers --db "$TMP/written.db" --top 100000 --json >"$TMP/w.json"
python3 -c 'import json,sys; n=lambda f: [x["name"] for x in json.load(open(f))["speakers"]]; print("\n".join(dict.fromkeys(n(sys.argv[1])[:30] + n(sys.argv[2]))))' "$TMP/q.json" "$TMP/w.json" >"$TMP/names"
# Parts of names in other cases, non-ASCII letters among them.
printf '%s\n' 'åsa' 'ÅSA' 'lindqvist' 'ØDEGÅRD' 'ødegård' 'núñez' 'GARCÍA' >>"$TMP/names"
# One python3 for all the comparisons (each start costs a second on a
# loaded machine).
compare_all() {  # compare_all PYEXPR N: files $TMP/cq.I.json vs $TMP/cp.I.json
  python3 - "$TMP" "$1" "$2" <<'PY'
import json, sys
tmp, expr, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
bad = 0
for i in range(n):
    a, b = (eval(expr, {"d": json.load(open("%s/%s.%d.json" % (tmp, w, i)))}) for w in ("cq", "cp"))
    if a != b:
        bad += 1
        print("case", i, "\nsqlite:  ", str(a)[:400], "\npostgres:", str(b)[:400], file=sys.stderr)
sys.exit(1 if bad or n == 0 else 0)
PY
}
n=0
while IFS= read -r name; do
  "$BIN" quotes --speaker "$name" --db "$PURL" -n 100000 --json >"$TMP/cp.$n.json"
  "$BIN" quotes --speaker "$name" --db "$PSQ" -n 100000 --json >"$TMP/cq.$n.json"
  n=$((n + 1))
done <"$TMP/names"
check "parity: every listed speaker's quotes equal ($n names)" compare_all '[{k: v for k, v in q.items() if k not in ("id", "cluster")} for q in d["quotes"]]' "$n"
check "parity: the written corpus's speakers are compared" grep -q 'Åsa Lindqvist' "$TMP/names"
n=0
for args in "--speaker åsa" "--speaker ÅSA" "--speaker garcía" "--in claims --speaker ministry" "--outlet café" "--outlet CAFÉ" "--outlet gazette"; do
  # shellcheck disable=SC2086
  "$BIN" search 'minister OR bridge OR café OR tax OR protesters' --db "$PURL" --json $args >"$TMP/cp.$n.json"
  # shellcheck disable=SC2086
  "$BIN" search 'minister OR bridge OR café OR tax OR protesters' --db "$PSQ" --json $args >"$TMP/cq.$n.json"
  n=$((n + 1))
done
check "parity: search filters on non-ASCII names match alike" compare_all 'sorted((h["type"], h["doc_id"], h.get("speaker","")) for h in d["hits"])' "$n"
"$BIN" claims --compare --db "$PURL" -n 100000 --json >"$TMP/p.json"
"$BIN" claims --compare --db "$PSQ" -n 100000 --json >"$TMP/q.json"
check "parity: claims --compare equal" same_json claims "$TMP/q.json" "$TMP/p.json" 'd'
check "parity: claims --compare found groups" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["groups"], "no groups"' "$TMP/p.json"
serve_on "$PURL" "$TMP/serve.ppg"
PG_BASE=$SERVED
serve_on "$PSQ" "$TMP/serve.psq"
SQ_BASE=$SERVED
cat "$TMP/parity.jsonl" "$TMP/news.jsonl" 2>/dev/null | python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in sys.stdin if l.strip()]' >"$TMP/ids"
python3 - "$PG_BASE" "$SQ_BASE" "$TMP/ids" <<'PY' >"$TMP/api.out" 2>&1
import json, sys, urllib.parse, urllib.request, urllib.error
pg, sq, ids = sys.argv[1], sys.argv[2], [l.strip() for l in open(sys.argv[3]) if l.strip()]
def get(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, None
def strip(x):
    """Row ids differ between the stores; every stored value must not."""
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items()
                if k not in ("id", "doc_row", "cluster", "speaker_id", "quote_id", "duplicate_of")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
fails = compared = rows = 0
for doc_id in dict.fromkeys(ids):
    path = "/api/document?id=" + urllib.parse.quote(doc_id)
    a, b = get(pg, path), get(sq, path)
    if a[0] != b[0]:
        fails += 1
        print("FAIL:", path, "status", a[0], "vs", b[0])
        continue
    if a[0] != 200:
        continue
    compared += 1
    rows += sum(len(b[1].get(k) or []) for k in ("quotes", "claims", "entities"))
    if strip(a[1]) != strip(b[1]):
        fails += 1
        for k in sorted(set(a[1]) | set(b[1])):
            if strip(a[1].get(k)) != strip(b[1].get(k)):
                print("FAIL:", path, k, "\n pg:", json.dumps(strip(a[1].get(k)))[:400],
                      "\n sq:", json.dumps(strip(b[1].get(k)))[:400])
for name in ["åsa", "ÅSA", "lindqvist", "ødegård", "núñez"]:
    path = "/api/speaker?name=" + urllib.parse.quote(name)
    a, b = get(pg, path), get(sq, path)
    if a[0] != b[0] or strip(a[1]) != strip(b[1]):
        fails += 1
        print("FAIL:", path, a[0], b[0], "\n pg:", json.dumps(strip(a[1]))[:300],
              "\n sq:", json.dumps(strip(b[1]))[:300])
print("parity documents: %d compared, %d quote/claim/entity rows; %d differ (speaker pages included)" % (compared, rows, fails))
sys.exit(1 if fails or not compared or not rows else 0)
PY
check "parity: every document's quotes, claims and entities, and speaker pages by name, equal" test $? -eq 0
cat "$TMP/api.out" >&2
stop_servers

# Bounded id caches and streamed reads (issue #6): the same two ingests,
# the second resuming a store that already has rows (its writer first reads
# the stored documents' link features, quotes, outlets and speakers), into
# a database at the defaults and into one with 2 outlet and speaker ids per
# cache generation and 7 rows per FETCH. Every table must hold the same
# rows, ids included: a dropped id is looked up in the UNIQUE index, and a
# read that lost a chunk would miss the stored duplicate or the clusters of
# quotes already stored.
cat "$TMP/parity.jsonl" "$TMP/news.jsonl" 2>/dev/null >"$TMP/all.jsonl"
total=$(wc -l <"$TMP/all.jsonl")
half=$((total / 2))
head -n "$half" "$TMP/all.jsonl" >"$TMP/part1.jsonl"
# part 2: everything (the first half is skipped as stored) and an exact copy,
# under a new id, of the last document of part 1 (read back in a late chunk).
cp "$TMP/all.jsonl" "$TMP/part2.jsonl"
tail -n 1 "$TMP/part1.jsonl" | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); d["id"]=str(d["id"])+"-copy"; print(json.dumps(d, ensure_ascii=False))' >>"$TMP/part2.jsonl"
for name in unbounded bounded; do
  "$PG_BINDIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U whosaid "${PG_LOCALE[@]}" "$name" >/dev/null 2>"$TMP/e"
  check "bounds: a database '$name'" test $? -eq 0
done
BOUNDS=(--speaker-cache-entries 2 --store-read-rows 7)
for part in 1 2; do
  "$BIN" ingest "$TMP/part$part.jsonl" --db "${URL%/*}/unbounded" --speaker-cache-entries 0 --no-progress --timing >/dev/null 2>"$TMP/eu$part"
  check "bounds: unbounded ingest $part exits 0" test $? -eq 0
  "$BIN" ingest "$TMP/part$part.jsonl" --db "${URL%/*}/bounded" "${BOUNDS[@]}" --no-progress --timing >/dev/null 2>"$TMP/eb$part"
  check "bounds: bounded ingest $part exits 0" test $? -eq 0
  check "bounds: same summary of ingest $part" test \
    "$(grep 'added' "$TMP/eu$part" | sed 's/ in [0-9.]* s//')" = "$(grep 'added' "$TMP/eb$part" | sed 's/ in [0-9.]* s//')"
done
check "bounds: the resumed ingest found the copy of a stored document" grep -q "$((total - half + 1)) added (1 duplicates), $half already stored" "$TMP/eu2"
check "bounds: the unbounded cache looked up no speaker" grep -q ', 0 looked up in the store)' "$TMP/eu2"
check "bounds: the bounded cache looked speakers up in the store" grep -Eq ', [1-9][0-9]* looked up in the store\)' "$TMP/eb2"
check "bounds: the bounded cache held at most 4 speakers" grep -Eq '\([0-4] speakers in memory' "$TMP/eb2"
dump_tables() {  # dump_tables DB: per table (not the migrations, dated) its row count and md5
  local tables
  tables=$("$PG_BINDIR/psql" -qAt -h 127.0.0.1 -p "$PG_PORT" -U whosaid -d "$1" \
    -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'whosaid_migrations' ORDER BY 1")
  for t in $tables; do
    "$PG_BINDIR/psql" -qAt -h 127.0.0.1 -p "$PG_PORT" -U whosaid -d "$1" \
      -c "SELECT '$t', count(*), md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) FROM $t x"
  done
}
dump_tables unbounded >"$TMP/du"
dump_tables bounded >"$TMP/db"
check "bounds: the dumps list the tables" grep -q '^quote_clusters|[1-9]' "$TMP/du"
check "bounds: every table holds the same rows" cmp -s "$TMP/du" "$TMP/db"
diff "$TMP/du" "$TMP/db" >&2

# Speaker links: "Brandvold" alone (l4) is Olga Brandvold of the other
# articles, as in SQLite; then the corpus is taken back to schema version 2
# and migrated again: the labels come back from the stored entities.
"$PG_BINDIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U whosaid "${PG_LOCALE[@]}" links >/dev/null 2>"$TMP/e"
check "a third database for the speaker links" test $? -eq 0
LURL="${URL%/*}/links"
printf '%s\n' \
  '{"id":"l1","source":"North Ledger","date":"2024-05-01","title":"Port budget","text":"The port director Olga Brandvold said on Monday that the harbour would reopen in May. “We have fixed the cranes and the quay,” Olga Brandvold said."}' \
  '{"id":"l2","source":"South Courier","date":"2024-05-02","title":"Port cranes","text":"“The new cranes arrive next week,” said Olga Brandvold, who runs the port authority."}' \
  '{"id":"l3","source":"North Ledger","date":"2024-05-03","title":"Port fees","text":"Olga Brandvold, the port director, said fees would not rise this year."}' \
  '{"id":"l4","source":"West Herald","date":"2024-05-04","title":"Harbour","text":"“We expect more ships in June than ever before,” Brandvold said at the harbour on Tuesday."}' \
  '{"id":"l5","source":"North Ledger","date":"2024-05-05","title":"Harbor","text":"The Norland Harbor Authority said on Monday that the quay would reopen. “We have fixed the cranes,” the Norland Harbor Authority said in a statement."}' \
  '{"id":"l6","source":"South Courier","date":"2024-05-06","title":"Harbor ships","text":"The Norland Harbor Authority (NHA) will open a second quay. “More ships will dock in June,” the NHA said on Friday."}' \
  '{"id":"l7","source":"West Herald","date":"2024-05-07","title":"Harbor fees","text":"“Fees will not rise this year,” the NHA said in a statement on Tuesday."}' \
  >"$TMP/links.jsonl"
LINK_ARGS=(--speaker-link-min-quotes 3 --speaker-link-acronym-min-quotes 3 --no-progress)
"$BIN" ingest "$TMP/links.jsonl" --db "$LURL" "${LINK_ARGS[@]}" >/dev/null 2>"$TMP/e"
check "links: PostgreSQL ingest exits 0" test $? -eq 0
check "links: the acronym is linked" grep -q ' 1 acronyms' "$TMP/e"
"$BIN" ingest "$TMP/links.jsonl" --db "$TMP/links.db" "${LINK_ARGS[@]}" >/dev/null 2>&1
"$BIN" stats --db "$LURL" --json >"$TMP/ls.json"
"$BIN" stats --db "$TMP/links.db" --json >"$TMP/ls.sqlite.json"
check "links: two speakers linked (Brandvold, NHA)" test "$(json_field "$TMP/ls.json" linked_speakers)" -eq 2
check "links: stats equal SQLite's" same_json stats "$TMP/ls.sqlite.json" "$TMP/ls.json" 'd'
"$BIN" speakers --db "$LURL" --top 5 --json >"$TMP/lp.json"
"$BIN" speakers --db "$TMP/links.db" --top 5 --json >"$TMP/lq.json"
check "links: speakers equal SQLite's" same_json speakers "$TMP/lq.json" "$TMP/lp.json" '[{k: v for k, v in s.items() if k != "id"} for s in d["speakers"]]'
"$BIN" quotes --speaker Brandvold --db "$LURL" --json >"$TMP/lqp.json"
"$BIN" quotes --speaker Brandvold --db "$TMP/links.db" --json >"$TMP/lqq.json"
check "links: quotes --speaker of the one-word name equal SQLite's" same_json quotes "$TMP/lqq.json" "$TMP/lqp.json" '[(q["content"], q["speaker"]) for q in d["quotes"]]'
"$BIN" quotes --speaker NHA --db "$LURL" --json >"$TMP/lap.json"
"$BIN" quotes --speaker NHA --db "$TMP/links.db" --json >"$TMP/laq.json"
check "links: quotes --speaker NHA are the Authority's" python3 -c 'import json,sys; q=json.load(open(sys.argv[1]))["quotes"]; assert len(q)==4 and {x["speaker"] for x in q}=={"Norland Harbor Authority"}, q' "$TMP/lap.json"
check "links: quotes --speaker of the acronym equal SQLite's" same_json quotes "$TMP/laq.json" "$TMP/lap.json" '[(q["content"], q["speaker"]) for q in d["quotes"]]'
"$PG_BINDIR/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U whosaid -d links -v ON_ERROR_STOP=1 \
  -c "DROP TABLE speaker_labels; DROP INDEX speakers_linked; ALTER TABLE speakers DROP COLUMN linked_to, DROP COLUMN label; DELETE FROM whosaid_migrations WHERE version = 3" >/dev/null 2>"$TMP/e"
check "links: the corpus taken back to version 2" test $? -eq 0
"$BIN" ingest "$TMP/links.jsonl" --db "$LURL" "${LINK_ARGS[@]}" >/dev/null 2>"$TMP/e"
check "links: a version 2 corpus migrates" test $? -eq 0
"$BIN" stats --db "$LURL" --json >"$TMP/ls2.json"
check "links: after the migration the same links" same_json stats "$TMP/ls.json" "$TMP/ls2.json" 'd'

echo "PostgreSQL corpus tests: $pass passed, $fail failed"
test "$fail" -eq 0
