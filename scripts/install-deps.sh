#!/usr/bin/env bash
# Installs what whosaid needs to build and test, from Debian 12 packages
# (by name, with apt). Safe to re-run: does nothing when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake g++ pkg-config git
  libsimdjson-dev libfmt-dev libcli11-dev libutf8proc-dev zlib1g-dev libsqlite3-dev libpq-dev postgresql
  libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev
  libcld2-dev
  zstd python3 wrk iso-codes tzdata
  clang libclang-rt-14-dev
  python3-dev pybind11-dev python3-pytest python3-pandas python3-distributed
  python3-readability
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
