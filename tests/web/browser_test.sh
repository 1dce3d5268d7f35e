#!/usr/bin/env bash
# Real-browser test of `whosaid serve`: Debian chromium driven by
# playwright-core (browser_test.mjs). Exits 77 (ctest: skipped) with a clear
# message when chromium, node or tests/web/node_modules are missing; install
# them with tests/web/setup.sh. Screenshots go to $WHOSAID_OUT_DIR/web-screenshots.
set -u
BIN=${WHOSAID_BIN:?set WHOSAID_BIN to the whosaid binary}
HERE=$(cd "$(dirname "$0")" && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "SKIPPED: $CHROMIUM not found (run tests/web/setup.sh)"
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "SKIPPED: node not found (run tests/web/setup.sh)"
  exit 77
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  echo "SKIPPED: tests/web/node_modules missing (run tests/web/setup.sh)"
  exit 77
fi
TMP=$(mktemp -d)
SERVER_PID=""
. "$HERE/lib.sh"
trap 'stop_server; rm -rf "$TMP"' EXIT
make_corpus "$TMP/c.db" || { echo "FAIL: ingest"; cat "$TMP/ingest.err"; exit 1; }
# One page ingested WITH cleaning (menu lines dropped, lines re-joined), so
# its original input differs from the clean text: the article toggle test.
"$BIN" ingest --no-progress "$HERE/fixtures/original.jsonl" --db "$TMP/c.db" \
  >/dev/null 2>>"$TMP/ingest.err" || { echo "FAIL: ingest"; cat "$TMP/ingest.err"; exit 1; }
start_server "$TMP/c.db" || { echo "FAIL: server did not start"; cat "$TMP/serve.err"; exit 1; }
OUT=${WHOSAID_OUT_DIR:-$HERE/../../out}/web-screenshots
mkdir -p "$OUT"
BASE_URL="$BASE" SCREENSHOT_DIR="$OUT" CHROMIUM="$CHROMIUM" USER_DATA_DIR="$TMP/profile" \
  timeout 240 node "$HERE/browser_test.mjs"
rc=$?
stop_server
# Under a sanitizer build a report (also one at shutdown: leaks) fails the
# test even when every page worked.
if grep -q -E 'Sanitizer|runtime error' "$TMP/serve.err"; then
  echo "FAIL: sanitizer report from the server:"
  cat "$TMP/serve.err"
  rc=1
fi
exit $rc
