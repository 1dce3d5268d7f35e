#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) into build-fuzz/ and
# runs each for SECONDS (default 20) on its saved corpus (fuzz/corpus/NAME),
# replaying the corpus first. New inputs that raise coverage are kept in
# out/fuzz/NAME; a crash stops the run with the reproducer path.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-20}
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: skipped: clang++ not installed"
  exit 0
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DWHOSAID_BUILD_FUZZERS=ON -DWHOSAID_BUILD_TESTS=OFF -DWHOSAID_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
pass=0
fail=0
for src in fuzz/*_fuzzer.cc; do
  name=$(basename "$src" .cc)
  mkdir -p "fuzz/corpus/$name" "out/fuzz/$name"
  echo "fuzz: $name for ${SECONDS_PER_TARGET}s"
  if ./build-fuzz/"$name" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="out/fuzz/$name-" "out/fuzz/$name" "fuzz/corpus/$name" \
      >"out/fuzz/$name.log" 2>&1; then
    grep -E "stat::number_of_executed_units|cov:" "out/fuzz/$name.log" | tail -2
    pass=$((pass + 1))
  else
    echo "fuzz: $name FAILED; see out/fuzz/$name.log" >&2
    tail -30 "out/fuzz/$name.log" >&2
    fail=$((fail + 1))
  fi
done
echo "fuzz: $pass passed, $fail failed"
test "$fail" -eq 0
