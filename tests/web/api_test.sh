#!/usr/bin/env bash
# `whosaid serve` API tests over real HTTP on 127.0.0.1 with curl: a tiny
# corpus ingested here from tests/web/fixtures (articles written for these
# tests, one of them full of hostile markup). Run by ctest with $WHOSAID_BIN.
set -u
BIN=${WHOSAID_BIN:?set WHOSAID_BIN to the whosaid binary}
TMP=$(mktemp -d)
SERVER_PID=""
. "$(dirname "$0")/lib.sh"
trap 'stop_server; rm -rf "$TMP"' EXIT
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
    # What the last request got, so a failure on another machine says why.
    echo "  last request: ${LAST_PATH:-none} -> ${CODE:-none}:" \
      "$(head -c 300 "$TMP/body" 2>/dev/null || echo '(no body)')" >&2
  fi
}
py() { python3 -c "$@"; }
# get PATH -> body in $TMP/body, status in $CODE
get() {
  LAST_PATH=$1
  rm -f "$TMP/body"  # curl keeps a stale body when it gets no answer
  CODE=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' --path-as-is "$BASE$1")
}
jq_() {  # jq_ EXPR: evaluates a Python expression on the JSON body `d`
  py "import json; d = json.load(open('$TMP/body')); print($1)"
}

"$BIN" serve >/dev/null 2>&1
check "serve without --db is a usage error" test $? -eq 64
"$BIN" serve --db "$TMP/missing.db" --port 0 >/dev/null 2>"$TMP/e"
check "serve on a missing corpus exits 66" test $? -eq 66

DB="$TMP/c.db"
make_corpus "$DB"
check "ingest the fixture corpus" test -s "$DB"
sum_before=$(md5sum <"$DB")
start_server "$DB" --read-timeout 1
check "server starts on a free loopback port" test -n "$PORT"

get /api/stats
check "stats 200" test "$CODE" = 200
check "stats counts 4 documents" test "$(jq_ "d['documents']")" = 4
check "JSON content type" grep -qi '^content-type: application/json' "$TMP/headers"
check "CSP header" grep -qi "^content-security-policy: default-src 'none'; script-src 'self'" "$TMP/headers"
check "nosniff header" grep -qi '^x-content-type-options: nosniff' "$TMP/headers"

get "/api/search?q=fish&syntax=words"
check "search finds claims" test "$(jq_ "len(d['results']['claims']) > 0")" = True
get "/api/search?q=pier&syntax=words"
check "search 200" test "$CODE" = 200
check "search finds quotes" test "$(jq_ "len(d['results']['quotes']) > 0")" = True
check "search finds articles" test "$(jq_ "len(d['results']['documents']) > 0")" = True
check "snippets are highlighted" test "$(jq_ "any(p['hl'] and p['text'].lower() == 'pier' for h in d['results']['quotes'] for p in h['snippet'])")" = True
check "facets list speakers" test "$(jq_ "'Ines Duarte' in [f['key'] for f in d['facets']['speaker']]")" = True
check "search facets are the page's" test "$(jq_ "d['facets']['scope']")" = page
check "a small corpus ranks every match" test "$(jq_ "d['ranked_among']")" = "{}"
get "/api/facets?q=pier&syntax=words"
check "facets 200" test "$CODE" = 200
check "facets count every match" test "$(jq_ "d['facets']['scope'] == 'corpus' and d['facets']['total'] >= 2")" = True
check "corpus facets list speakers" test "$(jq_ "'Ines Duarte' in [f['key'] for f in d['facets']['speaker']]")" = True
get "/api/facets?q=pier&since=2024"
check "facets reject a bad date" test "$CODE" = 400
get "/api/search?q=pie&syntax=words"
check "as-you-type prefix matches" test "$(jq_ "len(d['results']['documents']) > 0")" = True
get "/api/search?q=pi&syntax=words"
check "a 2-letter word is not a prefix" test "$(jq_ "d['fts']")" = '"pi"' 
get "/api/search?q=pier&syntax=words&speaker=Duarte"
check "speaker filter keeps only that speaker" test "$(jq_ "len(d['results']['quotes']) > 0 and all('Duarte' in h['speaker'] for h in d['results']['quotes'])")" = True
check "speaker filter drops articles" test "$(jq_ "'documents' in d['results']")" = False
get "/api/search?q=pier&syntax=words&outlet=Bay&kind=direct"
check "outlet+kind filters" test "$(jq_ "all(h['outlet'] == 'Bay News' and h['kind'] == 'direct' for h in d['results']['quotes'])")" = True
get "/api/search?q=pier&syntax=words&since=2024-03-01"
check "date filter" test "$(jq_ "all(h['published'] >= '2024-03-01' for k in d['results'] for h in d['results'][k])")" = True

# FTS syntax errors are the user's: 400 with a message, never 500.
for q in '%22unclosed' 'AND%20OR' '*' 'nosuchcolumn:pier' 'NEAR(' '(pier' 'pier%20NOT'; do
  get "/api/search?q=$q"
  check "bad FTS '$q' is 400" test "$CODE" = 400
  check "bad FTS '$q' has a message" test "$(jq_ "'not valid FTS5 syntax' in d['error']")" = True
done
get "/api/search?q=%22unclosed&syntax=words"
check "words syntax makes any input safe" test "$CODE" = 200
get "/api/search?q=pier&limit=abc"
check "non-numeric limit is 400" test "$CODE" = 400
get "/api/search?q=pier&since=2024"
check "bad date is 400" test "$CODE" = 400
get "/api/search?q=pier&in=everything"
check "unknown target is 400" test "$CODE" = 400
get "/api/search?q=$(head -c 600 /dev/zero | tr '\0' a)"
check "over-long query is 400" test "$CODE" = 400
get "/api/search?q=pier&kind=%3Cscript%3E"
check "unknown kind is 400" test "$CODE" = 400

get "/api/document?id=pier-coast"
check "document by input id" test "$CODE" = 200
ROW=$(jq_ "d['doc_row']")
check "document has quotes with spans" test "$(jq_ "all(q['content_span'][0] < q['content_span'][1] for q in d['quotes']) and len(d['quotes']) > 0")" = True
check "quote spans are code points into the text" test "$(jq_ "all(d['text'][q['content_span'][0]:q['content_span'][1]] == q['content'] for q in d['quotes'])")" = True
check "claim spans are code points into the text" test "$(jq_ "all(d['text'][c['span'][0]:c['span'][1]] == c['text'] for c in d['claims']) and len(d['claims']) > 0")" = True
get "/api/document/$ROW"
check "document by row" test "$CODE" = 200
get /api/document/99999
check "missing document 404" test "$CODE" = 404
get /api/document/abc
check "bad document row 404" test "$CODE" = 404

get "/api/speaker?name=ines%20duarte"
check "speaker 200" test "$CODE" = 200
check "speaker resolved" test "$(jq_ "d['name']")" = "Ines Duarte"
check "speaker timeline by month" test "$(jq_ "[t['month'] for t in d['timeline']] == sorted(t['month'] for t in d['timeline']) and len(d['timeline']) >= 2")" = True
check "speaker outlets" test "$(jq_ "len(d['outlets']) >= 2")" = True
get "/api/speaker?name=Nobody%20At%20All"
check "unknown speaker 404" test "$CODE" = 404
get "/api/speaker"
check "speaker without name 400" test "$CODE" = 400
get "/api/speakers"
check "speakers list" test "$(jq_ "len(d['speakers']) >= 2")" = True

get "/api/search?q=fishing%20boats%20nowhere&syntax=words&in=quotes"
CLUSTER=$(jq_ "[h['cluster'] for h in d['results']['quotes'] if h['cluster']][0]")
get "/api/cluster/$CLUSTER"
check "cluster 200" test "$CODE" = 200
check "cluster has two outlets" test "$(jq_ "d['outlets']")" = 2
check "cluster first appearance first" test "$(jq_ "[m['published'] for m in d['members']] == sorted(m['published'] for m in d['members'])")" = True
get /api/cluster/99999
check "missing cluster 404" test "$CODE" = 404

get /api/claims
check "claims 200" test "$CODE" = 200
# Three reports of the tonnes landed: two in the same week (one event), the
# third seven weeks later (another event, with one value only).
check "one conflicting event of 2 claims" test "$(jq_ "[len(g['claims']) for g in d['groups']]")" = "[2]"
check "the event names its shared context and dates" test "$(jq_ "(d['groups'][0]['context'], d['groups'][0]['from'], d['groups'][0]['to'])")" = "(['ines duarte'], '2024-01-12', '2024-01-15')"
KEY=$(jq_ "d['groups'][0]['key']")
get "/api/claims?key=$(py "import urllib.parse, sys; print(urllib.parse.quote(sys.argv[1]))" "$KEY")"
check "claim event by key" test "$(jq_ "len(d['groups'][0]['claims'])")" = 2
GROUP=$(jq_ "d['groups'][0]['claims'][0]['group']")
get "/api/claims?key=$(py "import urllib.parse, sys; print(urllib.parse.quote(sys.argv[1]))" "$GROUP")"
check "a claim's group key lists every report of the quantity" test "$(jq_ "len(d['groups'][0]['claims'])")" = 3
get "/api/claims?key=nothing"
check "unknown claim group 404" test "$CODE" = 404
get /api/nothing
check "unknown endpoint 404 JSON" test "$CODE:$(jq_ "d['error']")" = "404:no such API endpoint"

# The hostile article: never a raw tag in any API answer.
get "/api/document?id=xss"
check "xss document 200" test "$CODE" = 200
check "no raw '<' in the JSON" test "$(grep -c '<' "$TMP/body")" = 0
check "markup kept as text" test "$(jq_ "\"<script>alert('body')</script>\" in d['text']")" = True
get "/api/search?q=alert&syntax=words"
check "no raw '<' in search JSON" test "$(grep -c '<' "$TMP/body")" = 0

# Pages and static files: no traversal, no paths in errors.
get /
check "index 200" test "$CODE" = 200
check "index is HTML" grep -qi '^content-type: text/html' "$TMP/headers"
check "index loads only local script" grep -q '<script src="/static/app.js"' "$TMP/body"
get /article/1
check "page route serves the app" test "$CODE" = 200
get /static/app.js
check "app.js 200" test "$CODE" = 200
check "app.js type" grep -qi '^content-type: text/javascript' "$TMP/headers"
for p in '/static/../../../../etc/passwd' '/static/..%2f..%2fCMakeLists.txt' '/static/%2e%2e/%2e%2e/etc/passwd' \
  '/../../etc/passwd' '/static/' '/static//etc/passwd' '/etc/passwd' '/static/app.js%00.html'; do
  get "$p"
  check "traversal '$p' is 404" test "$CODE" = 404
  check "traversal '$p' leaks nothing" bash -c "! grep -q 'root:' '$TMP/body'"
  check "error page names no path" bash -c "! grep -qE '/tmp|/work|/usr|\\.cc|$TMP' '$TMP/body'"
done
CODE=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST --data 'x=1' "$BASE/api/search")
check "POST is 405" test "$CODE" = 405
CODE=$(curl -s -o "$TMP/body" -w '%{http_code}' -H 'Host: evil.example' "$BASE/api/stats")
check "foreign Host header is refused (DNS rebinding)" test "$CODE" = 403
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/search?q=$(head -c 20000 /dev/zero | tr '\0' a)")
check "over-long request line is refused" test "$CODE" = 414
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/stats?pad=$(head -c 8000 /dev/zero | tr '\0' a)")
check "a request line under the 8 KiB limit is served" test "$CODE" = 200
# The search text limit (serve --max-query-bytes, default 512): at it, a search;
# past it, 400.
get "/api/search?syntax=words&q=$(head -c 512 /dev/zero | tr '\0' a)"
check "a 512-byte search is served" test "$CODE" = 200
get "/api/search?syntax=words&q=$(head -c 513 /dev/zero | tr '\0' a)"
check "a 513-byte search is 400" test "$CODE" = 400
check "the 400 names the limit" test "$(jq_ "'512 bytes' in d['error']")" = True
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)" "$BASE/api/stats")
check "over-long header is refused" test "${CODE:0:1}" = 4 -o "$CODE" = 000
CODE=$(head -c 100000 /dev/zero | curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: text/plain' --data-binary @- "$BASE/api/stats")
check "a request with a large body is refused unread" test "$CODE" = 405

# A client that stops mid-request is dropped after --read-timeout (1 s).
start=$(date +%s)
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n' >&3
timeout 8 cat <&3 >/dev/null
rc=$?
exec 3<&-
check "slow client is dropped by the read timeout" test "$rc" -ne 124 -a $(($(date +%s) - start)) -le 6

# Concurrent requests all succeed.
for i in $(seq 1 24); do
  curl -s -o /dev/null -w '%{http_code}\n' "$BASE/api/search?q=pier&syntax=words&limit=$i" >>"$TMP/codes" &
done
wait_for=$(jobs -p | grep -v "^$SERVER_PID$")
for j in $wait_for; do wait "$j"; done
check "24 concurrent searches all 200" test "$(grep -c '^200$' "$TMP/codes")" = 24

kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
rc=$?
SERVER_PID=""
check "SIGTERM stops the server cleanly" test "$rc" -eq 0
check "the corpus file is unchanged (read-only)" test "$(md5sum <"$DB")" = "$sum_before"
check "server log names no stack trace" bash -c "! grep -qi 'terminate\\|abort\\|segment' '$TMP/serve.err'"

# The time limit: a heavy query on a bigger generated corpus with
# --max-query-ms 1 is 503 with a message; a plain one still answers.
awk 'BEGIN { srand(7);
  for (i = 0; i < 1500; i++) { t = "";
    for (j = 0; j < 100; j++) { w = ""; for (k = 0; k < 5; k++) w = w sprintf("%c", 97 + int(rand() * 26)); t = t w (j % 10 == 9 ? ". " : " "); }
    printf "{\"id\":\"g%d\",\"source\":\"Gen\",\"text\":\"%s\"}\n", i, t; } }' >"$TMP/big.jsonl"
"$BIN" ingest --no-progress "$TMP/big.jsonl" --db "$TMP/big.db" >/dev/null 2>&1
start_server "$TMP/big.db" --max-query-ms 1
get "/api/search?q=a*%20OR%20b*%20OR%20c*%20OR%20d*%20OR%20e*%20OR%20f*%20OR%20g*%20OR%20h*"
check "a search over --max-query-ms is 503" test "$CODE" = 503
check "503 says why" test "$(jq_ "'too long' in d['error']")" = True
stop_server
# The ranking bound: every generated article has a word starting a, e, i or o; with
# --max-ranked 100 the hits come from the newest 100 matches and say so.
# No time limits here: this checks the ranking bound, and a loaded machine
# must not turn it into a 503.
check "the --max-ranked server starts" start_server "$TMP/big.db" --max-ranked 100 --max-query-ms 600000 --max-facet-ms 600000
get "/api/search?q=a*%20OR%20e*%20OR%20i*%20OR%20o*&in=documents&limit=10"
check "a broad search is ranked among --max-ranked matches" test "$(jq_ "d['ranked_among'] == {'documents': 100} and len(d['results']['documents']) == 10")" = True
get "/api/search?q=a*%20OR%20e*%20OR%20i*%20OR%20o*&in=documents&limit=100"
check "... ranked among at least the page size" test "$(jq_ "len(d['results']['documents'])")" = 100
get "/api/facets?q=a*%20OR%20e*%20OR%20i*%20OR%20o*&in=documents"
check "facets still count every match" test "$(jq_ "d['facets']['total']")" = 1500
stop_server

echo "web api: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
