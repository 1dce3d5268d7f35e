#!/usr/bin/env python3
"""Corpus ingest and search benchmark on the AllSides corpus.

Decompresses ../shared/data/corpus/allsides.jsonl.zst with zstd (or takes
--input FILE), then, in one run and on the same bytes:
  extract   `whosaid extract --no-sentences` (the extraction alone)
  ingest    `whosaid ingest --db` into a fresh SQLite file, on 10 %, 50 % and
            100 % of the documents (linear cost?), and a re-ingest of 100 %
            (idempotence: adds nothing)
  search    ~100 queries drawn (seeded) from the article titles: single
            words, two-word AND and two-word phrases; latency in-process
            (`whosaid search --queries`: wall and thread CPU per query) and of
            the whole `whosaid search` process (start + open + query).
Prints docs/s, wall and CPU time, peak RSS (of that process alone) and the
ingest/extract ratio; --json OUT writes the numbers. Each ingest runs with
--timing; its memory by part (link index, SQLite page cache, id caches) is
printed under it, and the growth of the peak RSS from the smallest to the
largest fraction at the end of the ingest rows (issue #6: RSS must not grow
with the corpus). --ingest-only skips extract and search.

Usage: bench/ingest_bench.py [--bin build/whosaid] [--input F] [--json OUT]
                             [--fractions 0.1,0.5,1] [--queries 100]
                             [--ingest-only] [--ingest-args "--opt v ..."]
"""
import argparse
import json
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, stdin_path=None):
    """Runs cmd; returns (wall s, cpu s, peak RSS MB, returncode, stderr)."""
    fin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdin_path:
        fin.close()
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, proc.returncode, err


def first_lines(src, n, dst):
    with open(src, "rb") as fin, open(dst, "wb") as out:
        for i, line in enumerate(fin):
            if i >= n:
                break
            out.write(line)


def queries_from_titles(path, n, seed=17):
    titles = []
    with open(path, "rb") as fh:
        for line in fh:
            try:
                t = json.loads(line).get("title") or ""
            except ValueError:
                continue
            words = [w.lower() for w in re.findall(r"[A-Za-z]{5,}", t)]
            if len(words) >= 2:
                titles.append(words)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = rng.choice(titles)
        j = rng.randrange(len(words) - 1)
        kind = i % 5
        if kind < 2:
            out.append(words[j])
        elif kind < 4:
            out.append(f"{words[j]} {rng.choice(words)}")
        else:
            out.append(f'"{words[j]} {words[j + 1]}"')
    return out


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "whosaid"))
    ap.add_argument("--input", help="JSONL input instead of the AllSides corpus")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--fractions", default="0.1,0.5,1")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--workdir", help="where to put the databases (default: a temp dir)")
    ap.add_argument("--ingest-only", action="store_true",
                    help="only the ingests (no extract, re-ingest or search)")
    ap.add_argument("--ingest-args", default="",
                    help="extra arguments for every ingest, e.g. '--speaker-cache-entries 0'")
    args = ap.parse_args()

    work = args.workdir or tempfile.mkdtemp(prefix="whosaid_ingest_bench_")
    os.makedirs(work, exist_ok=True)
    try:
        src = args.input
        if not src:
            zst = os.path.join(ROOT, "..", "shared", "data", "corpus", "allsides.jsonl.zst")
            if not os.path.exists(zst):
                print("bench: skipped: ../shared/data/corpus/allsides.jsonl.zst not found")
                return 0
            if not shutil.which("zstd"):
                print("bench: skipped: zstd not installed")
                return 0
            src = os.path.join(work, "allsides.jsonl")
            with open(src, "wb") as out:
                subprocess.run(["zstd", "-dc", zst], stdout=out, check=True)
        with open(src, "rb") as fh:
            total_docs = sum(1 for _ in fh)
        size_mb = os.path.getsize(src) / 1e6
        result = {"input": src, "input_mb": round(size_mb, 1), "documents": total_docs,
                  "cores": os.cpu_count(), "runs": []}
        print(f"input: {src} ({size_mb:.1f} MB, {total_docs} documents, {os.cpu_count()} cores)")
        print(f"{'what':28s} {'docs':>7s} {'wall s':>8s} {'cpu s':>8s} {'docs/s':>8s} {'RSS MB':>8s}")

        def report(name, docs, wall, cpu, rss):
            print(f"{name:28s} {docs:7d} {wall:8.2f} {cpu:8.2f} {docs / wall:8.0f} {rss:8.0f}")
            result["runs"].append({"what": name, "documents": docs, "wall_s": round(wall, 3),
                                   "cpu_s": round(cpu, 3), "docs_per_s": round(docs / wall, 1),
                                   "peak_rss_mb": round(rss, 1)})

        if not args.ingest_only:
            wall, cpu, rss, rc, err = run([args.bin, "extract", "--no-sentences", src])
            if rc not in (0, 1):
                sys.exit(f"bench: extract exited {rc}: {err.decode(errors='replace')[-400:]}")
            report("extract (all cores)", total_docs, wall, cpu, rss)
            extract_wall = wall
        extra = shlex.split(args.ingest_args)
        peaks = []

        full_db = None
        for frac in [float(f) for f in args.fractions.split(",")]:
            n = max(1, int(round(total_docs * frac)))
            part = src if n >= total_docs else os.path.join(work, f"part{n}.jsonl")
            if part != src:
                first_lines(src, n, part)
            db = os.path.join(work, f"corpus{n}.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            wall, cpu, rss, rc, err = run([args.bin, "ingest", part, "--db", db,
                                           "--no-progress", "--timing"] + extra)
            if rc not in (0, 1):
                sys.exit(f"bench: ingest exited {rc}: {err.decode(errors='replace')[-400:]}")
            report(f"ingest {int(frac * 100)}%", n, wall, cpu, rss)
            peaks.append((frac, rss))
            for line in err.decode(errors="replace").splitlines():
                m = re.match(r"whosaid ingest: (memory by part|memory|timing): (.*)", line)
                if m:
                    print(f"    {m.group(1)}: {m.group(2)}")
                    result["runs"][-1][m.group(1).replace(" ", "_")] = m.group(2)
            if n >= total_docs:
                full_db = db
                ingest_wall = wall
            elif part != src:
                os.remove(part)
        if len(peaks) > 1:
            (f0, r0), (f1, r1) = peaks[0], peaks[-1]
            print(f"peak RSS from {f0:.0%} to {f1:.0%} of the input: {r0:.0f} -> {r1:.0f} MB "
                  f"({r1 - r0:+.0f} MB)")
            result["peak_rss_growth_mb"] = round(r1 - r0, 1)
        if full_db is None or args.ingest_only:
            if args.json:
                with open(args.json, "w") as fh:
                    json.dump(result, fh, indent=2)
            if full_db is None:
                print("bench: no 100% run; skipping ratio and search")
            return 0
        db_mb = sum(os.path.getsize(full_db + s) for s in ("", "-wal")
                    if os.path.exists(full_db + s)) / 1e6
        wall, cpu, rss, rc, err = run([args.bin, "ingest", src, "--db", full_db])
        report("re-ingest 100% (no-op)", total_docs, wall, cpu, rss)
        ratio = ingest_wall / extract_wall
        ingest_cpu = [r for r in result["runs"] if r["what"] == "ingest 100%"][0]["cpu_s"]
        extract_cpu = result["runs"][0]["cpu_s"]
        print(f"ingest / extract ratio: wall {ratio:.2f}, CPU {ingest_cpu / extract_cpu:.2f}; "
              f"database {db_mb:.0f} MB; load average {os.getloadavg()[0]:.1f}")
        result["ingest_over_extract_cpu"] = round(ingest_cpu / extract_cpu, 3)
        result["ingest_over_extract"] = round(ratio, 3)
        result["database_mb"] = round(db_mb, 1)
        stats = subprocess.run([args.bin, "stats", "--db", full_db, "--json"],
                               capture_output=True, check=True).stdout
        result["stats"] = json.loads(stats)
        print(f"stats: {stats.decode().strip()}")

        queries = queries_from_titles(src, args.queries)
        qfile = os.path.join(work, "queries.txt")
        with open(qfile, "w") as fh:
            fh.write("\n".join(queries) + "\n")
        # In-process: one `whosaid search --queries` run; per query the wall
        # and CPU time of the search itself (CPU does not depend on how busy
        # the shared machine is). A warm-up pass first (page cache).
        cmd = [args.bin, "search", "--queries", qfile, "--db", full_db, "--json", "-n", "20"]
        subprocess.run(cmd, capture_output=True, check=True)
        out = subprocess.run(cmd, capture_output=True, check=True).stdout.decode()
        recs = [json.loads(line) for line in out.splitlines()]
        wall_ms = [r["elapsed_ms"] for r in recs]
        cpu_ms = [r["cpu_ms"] for r in recs]
        hits = sum(r["count"] for r in recs)
        # Whole process (start, open, query, print), as a user sees it.
        startup, proc_ms, errors = [], [], 0
        for _ in range(20):
            t0 = time.monotonic()
            subprocess.run([args.bin, "--version"], stdout=subprocess.DEVNULL)
            startup.append(time.monotonic() - t0)
        for q in queries:
            t0 = time.monotonic()
            p = subprocess.run([args.bin, "search", q, "--db", full_db, "--json", "-n", "20"],
                               capture_output=True)
            proc_ms.append((time.monotonic() - t0) * 1000)
            errors += p.returncode != 0
        load = os.getloadavg()[0]
        start_ms = statistics.median(startup) * 1000
        print(f"search, {len(recs)} queries ({hits / len(recs):.1f} hits/query), load average {load:.1f}:")
        print(f"  in-process wall: p50 {pct(wall_ms, 50):.1f} ms, p95 {pct(wall_ms, 95):.1f} ms, "
              f"max {max(wall_ms):.1f} ms")
        print(f"  in-process CPU:  p50 {pct(cpu_ms, 50):.1f} ms, p95 {pct(cpu_ms, 95):.1f} ms, "
              f"max {max(cpu_ms):.1f} ms")
        print(f"  whole process:   p50 {pct(proc_ms, 50):.1f} ms, p95 {pct(proc_ms, 95):.1f} ms "
              f"(process start alone {start_ms:.1f} ms); {errors} errors")
        slow = sorted(zip(cpu_ms, queries))[-5:]
        print("  slowest (CPU ms): " + ", ".join(f"{q} {c:.1f}" for c, q in reversed(slow)))
        result["search"] = {
            "queries": len(recs), "mean_hits": round(hits / len(recs), 2),
            "load_average": round(load, 2),
            "wall_p50_ms": round(pct(wall_ms, 50), 2), "wall_p95_ms": round(pct(wall_ms, 95), 2),
            "cpu_p50_ms": round(pct(cpu_ms, 50), 2), "cpu_p95_ms": round(pct(cpu_ms, 95), 2),
            "process_p50_ms": round(pct(proc_ms, 50), 2),
            "process_p95_ms": round(pct(proc_ms, 95), 2),
            "process_start_ms": round(start_ms, 2), "errors": errors}
        if args.json:
            with open(args.json, "w") as fh:
                json.dump(result, fh, indent=2)
        return 0
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
