#!/usr/bin/env bash
# Streams a generated JSONL input of SIZE_MB (default 1024 = 1 GB) through
# `whosaid extract - --input-format jsonl` and reports the peak RSS of the
# extract process and its throughput. The input is generated on the fly
# (never stored): news-like documents of ~2-8 KB written here, with unique
# ids, quotes, numbers and a few pathological ones (a 1 MB sentence,
# thousands of quote marks, a 20000-digit number).
#
#   bench/stream_rss.sh [SIZE_MB] [JOBS]
#   MAX_RSS_MB=N   fail (exit 1) when the peak RSS exceeds N MB
#   WHOSAID_BIN    the binary (default build/whosaid)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-1024}
JOBS=${2:-2}
BIN=${WHOSAID_BIN:-build/whosaid}
if [ ! -x "$BIN" ]; then
  echo "stream_rss: skipped: $BIN not built (scripts/build.sh)"
  exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat >"$TMP/gen.py" <<'PY'
import json, random, sys
limit = int(sys.argv[1]) << 20
rng = random.Random(7)
words = ("harbor council bridge river market budget school ferry winter "
         "engineer mayor vote repair station train orchard frost crowd report "
         "tower museum garden library festival election road village coast "
         "storm harvest factory worker union strike court judge hospital").split()
names = ["Ana Ruiz", "Tom Baker", "Mia Chen", "Lena Okafor", "Raj Patel"]
def para():
    s = []
    for _ in range(rng.randint(3, 8)):
        w = [rng.choice(words) for _ in range(rng.randint(8, 25))]
        w[0] = w[0].capitalize()
        s.append(" ".join(w) + ".")
    r = rng.random()
    if r < 0.4:
        s.append(f"\u201cWe will fix the {rng.choice(words)} by spring,\u201d "
                 f"said {rng.choice(names)}.")
    elif r < 0.7:
        s.append(f"About {rng.randint(2, 90000):,} people lost "
                 f"{rng.randint(2, 99)} percent of their {rng.choice(words)}.")
    return " ".join(s)
pool = ["\n\n".join(para() for _ in range(rng.randint(3, 12))) for _ in range(400)]
weird = [("The council said " + "that the old river bridge " * 40000 + "."),
         ("\" \u201c said \u201d " * 5000),
         ("He counted " + "7" * 20000 + " boats.")]
out = sys.stdout
written = 0
i = 0
while written < limit:
    text = weird[i // 1000 % 3] if i % 1000 == 999 else pool[i % len(pool)]
    line = json.dumps({"id": f"d{i}", "title": f"Story {i}",
                       "source": f"Outlet {i % 9}", "text": text}) + "\n"
    out.write(line)
    written += len(line)
    i += 1
sys.stderr.write(f"stream_rss: generated {i} documents, {written >> 20} MB\n")
PY
echo "stream_rss: ${SIZE_MB} MB through $BIN extract -j $JOBS"
t0=$(date +%s%N)
python3 "$TMP/gen.py" "$SIZE_MB" |
  /usr/bin/time -f '%M %e %U %S' -o "$TMP/time" \
    "$BIN" extract - --input-format jsonl -j "$JOBS" | wc -c >"$TMP/outbytes"
read -r rss_kb elapsed user sys <"$TMP/time"
out_mb=$(( $(cat "$TMP/outbytes") >> 20 ))
rss_mb=$(( rss_kb / 1024 ))
mbps=$(python3 -c "print(f'{$SIZE_MB / $elapsed:.1f}')")
echo "stream_rss: input ${SIZE_MB} MB, output ${out_mb} MB, wall ${elapsed} s (${mbps} MB/s; user ${user} s, sys ${sys} s), peak RSS ${rss_mb} MB"
if [ -n "${MAX_RSS_MB:-}" ] && [ "$rss_mb" -gt "$MAX_RSS_MB" ]; then
  echo "stream_rss: FAIL: peak RSS ${rss_mb} MB > ${MAX_RSS_MB} MB" >&2
  exit 1
fi
