#!/usr/bin/env python3
"""Dask scaling: docs/s of whosaid.dask.extract_files on a LocalCluster with
1 and 2 worker processes (one thread each) on the same input, and the ratio.

Input: the first --docs AllSides articles (../shared), split into --shards
JSONL files. Usage: PYTHONPATH=build/python bench/dask_bench.py [--docs 4000]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--shards", type=int, default=16)
    args = ap.parse_args()
    zst = os.path.join(ROOT, "..", "shared", "data", "corpus", "allsides.jsonl.zst")
    if not os.path.exists(zst):
        print("dask bench: skipped: ../shared/data/corpus/allsides.jsonl.zst not found")
        return 0
    import distributed
    import whosaid.dask as wd

    tmp = tempfile.mkdtemp(prefix="whosaid-dask-")
    try:
        zstd = subprocess.Popen(["zstd", "-dc", zst], stdout=subprocess.PIPE)
        files = [open(os.path.join(tmp, f"in-{i:03d}.jsonl"), "wb") for i in range(args.shards)]
        n = 0
        for line in zstd.stdout:
            files[n % args.shards].write(line)
            n += 1
            if n >= args.docs:
                break
        zstd.kill()
        for f in files:
            f.close()
        paths = [f.name for f in files]
        rates = {}
        for workers in (1, 2):
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, dashboard_address=None)
            with distributed.Client(cluster) as client:
                # Warm up: every worker loads its Extractor once.
                wd.extract_files(paths[:workers], os.path.join(tmp, "warm"), client=client)
                t0 = time.monotonic()
                wd.extract_files(paths, os.path.join(tmp, f"out{workers}"), client=client)
                rates[workers] = n / (time.monotonic() - t0)
            cluster.close()
            print(f"workers={workers}: {rates[workers]:.0f} docs/s")
        print(f"scaling 2 vs 1 workers: {rates[2] / rates[1]:.2f}x on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
