#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzzer.cc) with clang (ASan+UBSan)
# into build-fuzz/ and runs each for SECONDS (default 30) on its saved
# corpus. libFuzzer first replays every saved input (fuzz/corpus/NAME and
# the inputs found before in out/fuzz/NAME) — the regression replay — then
# mutates. New inputs that raise coverage are kept in out/fuzz/NAME; a
# crash, leak, timeout or OOM fails the run with the reproducer path.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_JOBS=2   targets run at the same time (default 2)
#   FUZZ_NICE=15  niceness of the fuzzers (default 15; 0 on a machine shared
#                 with nice'd builds, or a nice-15 fuzzer gets ~1% of a core)
#   FUZZ_TIMEOUT=10  seconds one input may take before it counts as a hang
#                 (raise it on a loaded machine: the first input loads models)
#
# Prints one line per target (execs, cov, ft, corpus) and writes them to
# out/fuzz/summary.tsv (doc/reliability.md quotes a 600 s run).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-30}
shift || true
JOBS=${FUZZ_JOBS:-2}
NICE=${FUZZ_NICE:-15}
TIMEOUT=${FUZZ_TIMEOUT:-10}
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: skipped: clang++ not installed"
  exit 0
fi
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for src in fuzz/*_fuzzer.cc; do targets+=("$(basename "$src" .cc)"); done
fi
# -gline-tables-only: the reports' file:line and inlined frames, ~9 % less
# compile CPU than -g.
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
  -DWHOSAID_BUILD_FUZZERS=ON -DWHOSAID_BUILD_TESTS=OFF -DWHOSAID_BUILD_BENCH=OFF \
  -DWHOSAID_BUILD_PYTHON=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}" >/dev/null
mkdir -p out/fuzz

run_one() {
  local name=$1
  mkdir -p "fuzz/corpus/$name" "out/fuzz/$name"
  # The first directory receives new inputs; the saved corpus stays as is.
  nice -n "$NICE" ./build-fuzz/"$name" -max_total_time="$SECONDS_PER_TARGET" \
    -max_len=65536 -timeout="$TIMEOUT" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="out/fuzz/$name-" "out/fuzz/$name" "fuzz/corpus/$name" \
    >"out/fuzz/$name.log" 2>&1
}

summary() {
  local name=$1 log="out/fuzz/$1.log"
  local execs cov ft corp
  execs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -a -E '^#[0-9]+' "$log" | grep -a -o 'cov: [0-9]*' | tail -1 | cut -d' ' -f2)
  ft=$(grep -a -E '^#[0-9]+' "$log" | grep -a -o 'ft: [0-9]*' | tail -1 | cut -d' ' -f2)
  corp=$(grep -a -E '^#[0-9]+' "$log" | grep -a -o 'corp: [0-9]*' | tail -1 | cut -d' ' -f2)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$SECONDS_PER_TARGET" "$execs" "${cov:-?}" "${ft:-?}" "${corp:-?}"
}

printf 'target\tseconds\texecs\tcov\tft\tcorpus\n' >out/fuzz/summary.tsv
declare -A pid_of
pass=0
fail=0
failed=()
finish() {  # waits for target $1
  local name=$1
  if wait "${pid_of[$name]}"; then
    pass=$((pass + 1))
    summary "$name" | tee -a out/fuzz/summary.tsv | sed 's/^/fuzz: ok\t/'
  else
    fail=$((fail + 1))
    failed+=("$name")
    summary "$name" | tee -a out/fuzz/summary.tsv | sed 's/^/fuzz: FAILED\t/'
    echo "fuzz: $name FAILED; see out/fuzz/$name.log" >&2
    grep -a -E 'ERROR|SUMMARY|Test unit written|#[0-9]+ ' "out/fuzz/$name.log" | tail -15 >&2
  fi
}
running=()
echo "fuzz: ${#targets[@]} targets, ${SECONDS_PER_TARGET}s each, $JOBS at a time"
for name in "${targets[@]}"; do
  if [ ${#running[@]} -ge "$JOBS" ]; then
    finish "${running[0]}"
    running=("${running[@]:1}")
  fi
  run_one "$name" &
  pid_of[$name]=$!
  running+=("$name")
done
for name in "${running[@]}"; do finish "$name"; done
echo "fuzz: $pass passed, $fail failed${failed:+ (${failed[*]})}"
test "$fail" -eq 0
