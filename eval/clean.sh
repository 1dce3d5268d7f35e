#!/usr/bin/env bash
# Evaluates the clean stage on the scraped corpora: how many lines and
# documents the residue rules remove (by kind and by outlet), a seeded sample
# of removed lines for eyeballing precision, the metadata found, and the
# stage's speed (bench/clean_bench.cc on AllSides texts).
# Run from the repo root after building (cmake --build build).
# Writes out/eval/clean.json and out/eval/clean_removed_sample.tsv.
set -euo pipefail
SHARED=../shared/data/corpus
if [ ! -d "$SHARED" ]; then
  echo "skipped: ../shared not found"
  exit 0
fi
BIN=${WHOSAID_BIN:-./build/whosaid}
BENCH=${WHOSAID_BENCH:-./build/whosaid_bench}
DOCS=${CLEAN_EVAL_DOCS:-10000}
OUT=out/eval
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# (head closes the pipe early: zstd's SIGPIPE is expected.)
(zstd -dc "$SHARED/allsides.jsonl.zst" 2>/dev/null || true) |
  head -n "$DOCS" >"$TMP/allsides.jsonl"
cp "$SHARED/fakenewscorpus_sample.jsonl" "$TMP/fakenews.jsonl"
for name in allsides fakenews; do
  # Without caller metadata (title/date/authors dropped) so the stage's own
  # header finding is measured too.
  python3 - "$TMP/$name.jsonl" "$TMP/$name.nometa.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as g:
    for line in f:
        r = json.loads(line)
        g.write(json.dumps({"id": r.get("id"), "domain": r.get("domain"),
                            "content": r.get("content", "")}) + "\n")
PY
  "$BIN" extract --input-format jsonl --no-sentences "$TMP/$name.nometa.jsonl" \
    >"$TMP/$name.out.jsonl" 2>/dev/null || true
done

speed="null"
if [ -x "$BENCH" ]; then
  python3 - "$TMP/allsides.jsonl" "$TMP/bench_docs" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as g:
    g.write("\x1e".join(json.loads(l).get("content", "") for l in f))
PY
  WHOSAID_CLEAN_BENCH_DOCS="$TMP/bench_docs" "$BENCH" \
    --benchmark_filter=BM_CleanText --benchmark_format=json \
    >"$TMP/bench.json" 2>/dev/null || true
  speed=$(python3 -c "
import json,sys
try:
  b=json.load(open('$TMP/bench.json'))['benchmarks'][0]
  print(round(b['bytes_per_second']/1e6,1))
except Exception: print('null')")
fi

python3 - "$TMP" "$OUT" "$speed" <<'PY'
import collections, json, random, re, sys
tmp, out, speed = sys.argv[1], sys.argv[2], sys.argv[3]
report = {"speed_mb_per_s_cpu": None if speed == "null" else float(speed)}
sample_rows = []
for name in ("allsides", "fakenews"):
    inputs = {}
    for line in open(f"{tmp}/{name}.nometa.jsonl"):
        r = json.loads(line)
        inputs[str(r["id"])] = r
    docs = changed = lines = removed = 0
    kinds = collections.Counter()
    by_outlet = collections.Counter()
    meta = collections.Counter()
    removed_lines = []
    for line in open(f"{tmp}/{name}.out.jsonl"):
        o = json.loads(line)
        src = inputs.get(str(o.get("id")))
        if src is None:
            continue
        docs += 1
        for k in ("title", "published", "author"):
            if o.get(k):
                meta[k] += 1
        for w in o.get("warnings", []):
            m = re.match(r"removed (\d+) residue lines? \((.*)\)", w)
            if m:
                for part in m.group(2).split(", "):
                    n, kind = part.split(" ", 1)
                    kinds[kind] += int(n)
        kept = collections.Counter(o.get("text", "").split("\n"))
        doc_removed = 0
        for l in src["content"].split("\n"):
            l = l.strip()
            if not l:
                continue
            lines += 1
            if kept[l] > 0:
                kept[l] -= 1
            else:
                doc_removed += 1
                removed_lines.append((src.get("domain") or "?", l))
        removed += doc_removed
        if doc_removed:
            changed += 1
            by_outlet[src.get("domain") or "?"] += doc_removed
    rng = random.Random(7)
    # One sample line per outlet first (coverage), then random ones.
    per = collections.defaultdict(list)
    for d, l in removed_lines:
        per[d].append(l)
    picked = [(d, rng.choice(ls)) for d, ls in sorted(per.items())]
    picked += rng.sample(removed_lines, min(100, len(removed_lines)))
    sample_rows += [(name, d, l[:300]) for d, l in picked]
    report[name] = {
        "docs": docs, "docs_changed": changed, "lines": lines,
        "lines_removed": removed, "residue_by_kind": dict(kinds.most_common()),
        "outlets_with_removals": len(by_outlet),
        "top_outlets": dict(by_outlet.most_common(15)),
        "metadata_found_without_caller": dict(meta),
    }
with open(f"{out}/clean_removed_sample.tsv", "w") as f:
    for row in sample_rows:
        f.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
with open(f"{out}/clean.json", "w") as f:
    json.dump(report, f, indent=1)
for name in ("allsides", "fakenews"):
    r = report[name]
    print(f"{name}: {r['docs']} docs, {r['docs_changed']} changed; "
          f"{r['lines_removed']}/{r['lines']} lines removed "
          f"({100.0 * r['lines_removed'] / max(1, r['lines']):.2f}%) "
          f"from {r['outlets_with_removals']} outlets; by kind "
          f"{r['residue_by_kind']}; metadata found "
          f"{r['metadata_found_without_caller']}")
print(f"clean speed: {report['speed_mb_per_s_cpu']} MB/s (CPU time)")
print(f"wrote {out}/clean.json and {out}/clean_removed_sample.tsv")
PY
