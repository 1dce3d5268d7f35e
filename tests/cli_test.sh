#!/usr/bin/env bash
# CLI tests: exit codes, stdin, JSONL in/out. Run by ctest with $WHOSAID_BIN.
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

"$BIN" --version >"$TMP/v" 2>&1
check "--version exits 0" test $? -eq 0
check "--version names the tool" grep -q '^whosaid ' "$TMP/v"

"$BIN" extract --no-such-flag >/dev/null 2>&1
check "unknown flag is a usage error (64)" test $? -eq 64

"$BIN" extract --input-format xml /dev/null >/dev/null 2>&1
check "bad --input-format is a usage error (64)" test $? -eq 64

printf 'The minister said the plan would work.\n' | "$BIN" extract >"$TMP/o" 2>"$TMP/e"
check "stdin text exits 0" test $? -eq 0
check "stdin text gives one record" test "$(wc -l <"$TMP/o")" -eq 1
check "stdin record id is -" grep -q '"id":"-"' "$TMP/o"

printf '%s\n' '{"id":"one","text":"A first article."}' '{broken' \
  '{"id":"three","content":"A third article."}' >"$TMP/in.jsonl"
"$BIN" extract "$TMP/in.jsonl" >"$TMP/o" 2>"$TMP/e"
check "broken JSONL line exits 1" test $? -eq 1
check "N lines in, N records out" test "$(wc -l <"$TMP/o")" -eq 3
check "ids kept in order" test "$(grep -o '"id":"[^"]*"' "$TMP/o" | tr '\n' ' ')" = \
  "\"id\":\"one\" \"id\":\"$TMP/in.jsonl:2\" \"id\":\"three\" "
check "broken line record has error" grep -q '"error"' "$TMP/o"
check "stderr names the input line" grep -q "in.jsonl:2" "$TMP/e"

cat "$TMP/in.jsonl" | "$BIN" extract --input-format jsonl - >"$TMP/o2" 2>/dev/null
check "JSONL from stdin gives 3 records" test "$(wc -l <"$TMP/o2")" -eq 3

printf 'id,title,text\nc1,"A, B","The mayor said ""yes"" today."\nc2,T,Second row.\n' >"$TMP/in.csv"
"$BIN" extract "$TMP/in.csv" >"$TMP/o" 2>"$TMP/e"
check "CSV exits 0" test $? -eq 0
check "CSV gives one record per row" test "$(wc -l <"$TMP/o")" -eq 2
check "CSV id and title read" grep -q '"id":"c1","title":"A, B"' "$TMP/o"

"$BIN" extract "$TMP/missing.txt" >"$TMP/o" 2>"$TMP/e"
check "only input missing exits 66" test $? -eq 66
check "missing file has an error record" grep -q '"error"' "$TMP/o"
check "stderr names the missing file" grep -q "missing.txt" "$TMP/e"

printf 'Good text here.' >"$TMP/good.txt"
"$BIN" extract "$TMP/good.txt" "$TMP/missing.txt" "$TMP/good.txt" >"$TMP/o" 2>/dev/null
check "one missing of three exits 1" test $? -eq 1
check "three records for three inputs" test "$(wc -l <"$TMP/o")" -eq 3

printf 'bad \xff\xfe utf8 text.' >"$TMP/bad.txt"
"$BIN" extract "$TMP/bad.txt" >"$TMP/o" 2>/dev/null
check "invalid UTF-8 is repaired (exit 0)" test $? -eq 0
check "invalid UTF-8 gives a warning" grep -q 'invalid UTF-8' "$TMP/o"

: >"$TMP/empty.txt"
"$BIN" extract "$TMP/empty.txt" >"$TMP/o" 2>/dev/null
check "empty document exits 1" test $? -eq 1
check "empty document has an error record" grep -q '"error"' "$TMP/o"

head -c 3000 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
"$BIN" extract --max-document-bytes 1000 "$TMP/big.txt" >"$TMP/o" 2>"$TMP/e"
check "huge document exits 1" test $? -eq 1
check "huge document error names the limit" grep -q 'max_document_bytes' "$TMP/o"

"$BIN" extract --pretty "$TMP/good.txt" >"$TMP/o" 2>/dev/null
check "--pretty output is indented" grep -q '^  "schema": 1,' "$TMP/o"

for j in 1 2 4; do
  yes '{"text":"The mayor said the bridge would reopen. “It is safe,” she said."}' |
    head -50 | "$BIN" extract --jobs $j >"$TMP/j$j" 2>/dev/null
done
check "output identical for 1, 2 and 4 jobs" cmp -s "$TMP/j1" "$TMP/j2"
check "output identical for 1 and 4 jobs" cmp -s "$TMP/j1" "$TMP/j4"

echo "cli: $pass passed, $fail failed"
test "$fail" -eq 0
