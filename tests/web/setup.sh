#!/usr/bin/env bash
# Installs what the browser test (tests/web/browser_test.mjs) needs: Debian's
# chromium (apt, by name) and playwright-core from npm (`npm ci` against the
# committed package-lock.json; no browser download: playwright-core has
# none, the test drives /usr/bin/chromium). Safe to re-run.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "web/setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core
fi
if [ -d "$HERE/node_modules/playwright-core" ]; then
  echo "web/setup: node_modules present"
else
  echo "web/setup: npm ci in tests/web"
  (cd "$HERE" && npm ci --no-audit --no-fund --ignore-scripts)
fi
