#!/usr/bin/env bash
# One `whosaid ingest` under /usr/bin/time -v with its VmRSS sampled every
# 0.25 s: prints wall, CPU and peak RSS, the --timing lines, and the highest
# VmRSS (MB) in each tenth of the run (where a peak steps, e.g. at the
# link index's fingerprint spill). The database is deleted first.
#
#   bench/ingest_rss_trace.sh BIN INPUT DB OUT_PREFIX [ingest options...]
#   OUT_PREFIX.err: the ingest's stderr; OUT_PREFIX.rss: "seconds kB" lines
#   MODEL_DIR: passed as --model-dir (default: models of this checkout)
set -u
BIN=$1; IN=$2; DB=$3; OUT=$4; shift 4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
rm -f "$DB" "$DB"-wal "$DB"-shm
/usr/bin/time -v "$BIN" ingest "$IN" --db "$DB" --no-progress --timing \
  --model-dir "${MODEL_DIR:-$ROOT/models}" "$@" 2>"$OUT.err" &
tp=$!
sleep 0.1
wp=$(pgrep -P "$tp")
t0=$(date +%s.%N)
: >"$OUT.rss"
while kill -0 "$wp" 2>/dev/null; do
  r=$(awk '/VmRSS/{print $2}' "/proc/$wp/status" 2>/dev/null)
  [ -n "$r" ] && echo "$(echo "$(date +%s.%N) - $t0" | bc) $r" >>"$OUT.rss"
  sleep 0.25
done
wait "$tp"
rc=$?
grep -E "Elapsed|Maximum resident|User time|System time" "$OUT.err"
grep -E "timing|documents read" "$OUT.err"
n=$(wc -l <"$OUT.rss")
echo "highest VmRSS per tenth of the run, MB: $(awk -v n="$n" \
  '{t=int((NR-1)*10/n); if($2>m[t])m[t]=$2}
   END{s=""; for(i=0;i<10;i++) s=s sprintf("%d ", m[i]/1024); print s}' \
  "$OUT.rss")"
exit $rc
