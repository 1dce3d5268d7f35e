#!/usr/bin/env bash
# Runs the quality gates (eval/gates.json) against ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 eval/gate.py "$@"
