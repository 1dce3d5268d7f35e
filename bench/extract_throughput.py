#!/usr/bin/env python3
"""Throughput of `whosaid extract` on the AllSides corpus, beside a raw scan.

Decompresses ../shared/data/corpus/allsides.jsonl.zst (or --input FILE), then
times, in the same run and on the same bytes:
  baseline  `wc -w` (a raw scan of every byte)
  extract   `whosaid extract --jobs 1` (one core: MB/s per core)
  extract   `whosaid extract --jobs N` (all cores: wall-clock MB/s)
CPU time is user+sys of the child (getrusage), so per-core figures do not
depend on what else the machine runs. Prints a table and the ratios.

Usage: bench/extract_throughput.py [--docs N] [--bin build/whosaid] [--json OUT]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, stdin_path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with open(stdin_path, "rb") as fin:
        proc = subprocess.run(cmd, stdin=fin, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} exited {proc.returncode}: "
                 f"{proc.stderr.decode(errors='replace')[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=0, help="use the first N documents only")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "whosaid"))
    ap.add_argument("--input", help="JSONL input instead of the AllSides corpus")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()

    src = args.input
    if not src:
        zst = os.path.join(ROOT, "..", "shared", "data", "corpus", "allsides.jsonl.zst")
        if not os.path.exists(zst):
            print("bench: skipped: ../shared/data/corpus/allsides.jsonl.zst not found")
            return 0
        os.makedirs(os.path.join(ROOT, "out", "bench"), exist_ok=True)
        src = os.path.join(ROOT, "out", "bench",
                           f"allsides{'-' + str(args.docs) if args.docs else ''}.jsonl")
        if not os.path.exists(src):
            with open(src + ".tmp", "wb") as out:
                zstd = subprocess.Popen(["zstd", "-dc", zst], stdout=subprocess.PIPE)
                n = 0
                for line in zstd.stdout:
                    out.write(line)
                    n += 1
                    if args.docs and n >= args.docs:
                        break
                zstd.stdout.close()
                zstd.wait()
            os.replace(src + ".tmp", src)
    size_mb = os.path.getsize(src) / 1e6
    jobs = os.cpu_count() or 1

    rows = []
    wall, cpu, _ = run(["wc", "-w"], src)
    rows.append(("raw scan (wc -w)", 1, wall, cpu, None))
    wall, cpu, rss = run([args.bin, "extract", "--input-format", "jsonl", "--jobs", "1", "-"], src)
    rows.append(("whosaid extract", 1, wall, cpu, rss))
    if jobs > 1:
        wall, cpu, rss = run([args.bin, "extract", "--input-format", "jsonl",
                              "--jobs", str(jobs), "-"], src)
        rows.append(("whosaid extract", jobs, wall, cpu, rss))

    print(f"input: {src} ({size_mb:.1f} MB)")
    print(f"{'what':22s} {'jobs':>4s} {'wall s':>8s} {'cpu s':>8s} {'MB/s/core':>10s} {'MB/s wall':>10s}")
    result = {"input_mb": round(size_mb, 2), "runs": []}
    for name, j, wall, cpu, rss in rows:
        per_core = size_mb / cpu if cpu > 0 else float("inf")
        print(f"{name:22s} {j:4d} {wall:8.2f} {cpu:8.2f} {per_core:10.1f} {size_mb / wall:10.1f}")
        result["runs"].append({"what": name, "jobs": j, "wall_s": round(wall, 3),
                               "cpu_s": round(cpu, 3), "mb_per_s_per_core": round(per_core, 2),
                               "mb_per_s_wall": round(size_mb / wall, 2)})
    base = result["runs"][0]["mb_per_s_per_core"]
    one = result["runs"][1]["mb_per_s_per_core"]
    print(f"extract per core = {one:.1f} MB/s = 1/{base / one:.1f} of the raw scan "
          f"(target >= 20 MB/s per core)")
    result["extract_mb_per_s_per_core"] = one
    result["raw_scan_mb_per_s"] = base
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(result, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
