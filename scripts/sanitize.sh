#!/usr/bin/env bash
# Sanitizer runs of the test suite.
#
#   scripts/sanitize.sh [asan|tsan|all]   (default all)
#
# asan: builds build-asan with -DWHOSAID_SANITIZE=address,undefined (UBSan
#       aborts on the first finding) and runs the whole ctest suite: the
#       unit tests (whosaid_tests, whosaid_web_tests), the CLI, corpus,
#       crash, golden, web API, stress and browser tests (an instrumented
#       server under real chromium), the PostgreSQL tests (an instrumented
#       client against a throw-away server; both skip, exit 77, when their
#       programs are missing), and the Python module tests: python3 is not
#       instrumented, so the ASan runtime is preloaded (LD_PRELOAD) and leak
#       checking is off for them (CPython keeps its objects until exit).
#       Left out: AttributorTest.PathologicalInputsFinishQuickly (an
#       absolute bound of 20 ms per input, meaningless at ASan's speed; the
#       linear-time tests check ratios and do run).
# tsan: builds build-tsan with -DWHOSAID_SANITIZE=thread (the CLI and the
#       web tests only) and runs the multi-threaded paths: extract --jobs
#       (cli_tests), ingest with worker threads, the writer and the store's
#       checkpoint thread (crash_tests, corpus_cli_tests: kill -9 rounds,
#       Ctrl-C, resume), and the server (web_api_tests, web_stress_tests,
#       the web unit tests, GuardedServerTest). Reports go to files
#       (log_path), not only to stderr: several tests throw away the stderr
#       of a killed ingest, so a report there would pass unseen; any report
#       file fails the job.
# Exits non-zero on any sanitizer report or test failure. Prints the build
# and run time of each job (doc/reliability.md quotes them).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=$(nproc 2>/dev/null || echo 2)
# halt_on_error: a report fails the test that caused it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
# Instrumented ingest is ~10x slower: fewer kill points and documents than
# the plain crash test (24 x 4000), the same checks.
export WHOSAID_CRASH_KILLS=${WHOSAID_CRASH_KILLS:-8}
export WHOSAID_CRASH_DOCS=${WHOSAID_CRASH_DOCS:-1500}
# tests/corpus_cli_test.sh: 4000 documents instead of 12000 (its kill
# points are fractions of a timed full run, so the checks are the same;
# > 3000 for its Ctrl-C case).
export WHOSAID_CORPUS_DOCS=${WHOSAID_CORPUS_DOCS:-4000}
# Stretches the timed pauses of tests/corpus_cli_test.sh (Ctrl-C test).
export WHOSAID_TEST_SLOWDOWN=${WHOSAID_TEST_SLOWDOWN:-15}

configure_build() {  # DIR SANITIZERS PYTHON TARGETS...
  local dir=$1 san=$2 py=$3
  shift 3
  # -g1: function names and line tables (the reports' stack traces, inlined
  # frames included), no local variables: ~25 % less compile CPU than -g.
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
    -DWHOSAID_SANITIZE="$san" -DWHOSAID_BUILD_PYTHON="$py" \
    -DWHOSAID_BUILD_BENCH=OFF -DWHOSAID_BUILD_TESTS=ON >/dev/null
  cmake --build "$dir" -j"$jobs" --target "$@"
}

run_asan() {
  local t0=$SECONDS
  configure_build build-asan address,undefined ON whosaid whosaid_tests \
    whosaid_web_tests _whosaid whosaid_python_files
  local t1=$SECONDS
  (cd build-asan && ctest --output-on-failure -j"$jobs" --timeout 900 \
     -E '^(python_tests|AttributorTest.PathologicalInputsFinishQuickly)$')
  local t2=$SECONDS
  # The Python module inside an uninstrumented python3: the ASan runtime
  # must come first (LD_PRELOAD); subprocesses (the CLI, dask workers)
  # inherit it. No leak check: CPython frees little at exit.
  # libstdc++ is preloaded too: python3 does not link it, and without it
  # ASan's __cxa_throw interceptor finds no real function and aborts on the
  # module's first C++ exception ("real___cxa_throw != 0").
  local libasan libstdcxx
  libasan=$(readlink -f "$("${CXX:-c++}" -print-file-name=libasan.so)")
  libstdcxx=$(readlink -f "$("${CXX:-c++}" -print-file-name=libstdc++.so)")
  (cd build-asan && LD_PRELOAD="$libasan $libstdcxx" \
     ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1" \
     ctest --output-on-failure --timeout 900 -R '^python_tests$')
  echo "sanitize: asan+ubsan ok (build $((t1 - t0)) s, tests $((t2 - t1)) s, python $((SECONDS - t2)) s)"
}

run_tsan() {
  local t0=$SECONDS
  # The threads live in the CLI (extract --jobs, ingest workers + writer +
  # the store's checkpoint thread) and the server: the shell tests drive
  # them; the unit tests are single-threaded and stay out of this build.
  configure_build build-tsan thread OFF whosaid whosaid_web_tests
  local t1=$SECONDS
  local reports=$PWD/build-tsan/tsan-reports
  rm -rf "$reports"
  mkdir -p "$reports"
  (cd build-tsan && TSAN_OPTIONS="$TSAN_OPTIONS:log_path=$reports/tsan" \
     ctest --output-on-failure -j"$jobs" --timeout 900 \
     -R '^(cli_tests|corpus_cli_tests|crash_tests|web_api_tests|web_stress_tests|ApiErrors.*|Assets.*|JsonOut.*|WordsToFts.*|Guarded.*)$')
  if [ -n "$(ls -A "$reports")" ]; then
    cat "$reports"/* >&2
    echo "sanitize: tsan: reports above (also in $reports)" >&2
    return 1
  fi
  echo "sanitize: tsan ok (build $((t1 - t0)) s, tests $((SECONDS - t1)) s)"
}

case "$what" in
  asan) run_asan ;;
  tsan) run_tsan ;;
  all) run_asan; run_tsan ;;
  *) echo "usage: scripts/sanitize.sh [asan|tsan|all]" >&2; exit 2 ;;
esac
