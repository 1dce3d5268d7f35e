#!/usr/bin/env bash
# Golden tests: the whole pipeline on articles written for this project
# (examples/*.txt, tests/golden/*.txt) must give exactly the committed
# records in tests/golden/*.jsonl. After an intended change, regenerate them
# with scripts/update-golden.sh and review the diff.
set -u
BIN=${WHOSAID_BIN:?set WHOSAID_BIN to the whosaid binary}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
pass=0
fail=0
for input in examples/*.txt tests/golden/*.txt; do
  [ -f "$input" ] || continue
  name=$(basename "$input" .txt)
  expected="tests/golden/$name.jsonl"
  if [ ! -f "$expected" ]; then
    echo "FAIL: $input has no golden file $expected (run scripts/update-golden.sh)" >&2
    fail=$((fail + 1))
    continue
  fi
  if "$BIN" extract "$input" | diff -u "$expected" - >/tmp/golden-diff.$$ 2>&1; then
    pass=$((pass + 1))
  else
    echo "FAIL: $input differs from $expected:" >&2
    head -40 /tmp/golden-diff.$$ >&2
    fail=$((fail + 1))
  fi
done
rm -f /tmp/golden-diff.$$
echo "golden: $pass passed, $fail failed"
test "$fail" -eq 0 && test "$pass" -gt 0
