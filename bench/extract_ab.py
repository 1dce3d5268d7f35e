#!/usr/bin/env python3
"""A/B CPU time of two `whosaid` binaries on the same JSONL input.

Runs `BIN extract --input-format jsonl --jobs 1 -` for binary A and B
alternately (REPS rounds), measures user+sys CPU of each child with
getrusage (as bench/extract_throughput.py does, so it does not depend on
what else the machine runs, up to cache contention), and prints the CPU
seconds of every run, the minimum as MB/s per core, and an md5 of each
binary's output (equal md5: byte-identical records).

Usage: bench/extract_ab.py INPUT.jsonl BIN_A BIN_B [--reps N]
"""
import argparse
import hashlib
import os
import resource
import subprocess
import sys


def run(binary, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(path, "rb") as fin:
        proc = subprocess.run([binary, "extract", "--input-format", "jsonl",
                               "--jobs", "1", "-"], stdin=fin,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {binary} exited {proc.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, hashlib.md5(proc.stdout).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("bin_a")
    ap.add_argument("bin_b")
    ap.add_argument("--reps", type=int, default=2)
    args = ap.parse_args()
    mb = os.path.getsize(args.input) / 1e6
    bins = [args.bin_a, args.bin_b]
    cpu = {b: [] for b in bins}
    digest = {}
    for _ in range(args.reps):
        for b in bins:
            c, d = run(b, args.input)
            cpu[b].append(c)
            digest[b] = d
    for b in bins:
        best = min(cpu[b])
        runs = ", ".join(f"{c:.2f}" for c in cpu[b])
        print(f"{b}: cpu s [{runs}] min {best:.2f} = {mb / best:.2f} MB/s per core, "
              f"output md5 {digest[b]}")
    print(f"A/B (min CPU): {min(cpu[bins[0]]) / min(cpu[bins[1]]):.3f}; outputs "
          f"{'identical' if digest[bins[0]] == digest[bins[1]] else 'DIFFER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
