#!/usr/bin/env python3
"""Alternating rounds of `whosaid extract` CPU time for two or more binaries.

Like bench/extract_ab.py (user+sys CPU of each child from getrusage, on
`BIN extract --input-format jsonl --jobs 1 -`), but for any number of
binaries, with the order reversed every round (so that neither binary always
runs after the other), and with per-round ratios against the first binary:
on a loaded machine the same binary scatters by 10-20% between runs minutes
apart, while the two runs of one round see about the same load.

Usage: bench/extract_rounds.py INPUT.jsonl ROUNDS BASE_BIN OTHER_BIN...
Prints each binary's output md5 (first round), min and median CPU seconds,
and for every other binary the median of base/other over the rounds, how
many rounds it won, and the ratio of the minima.
"""
import hashlib
import resource
import statistics
import subprocess
import sys


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    inp, reps, bins = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    cpu = {b: [] for b in bins}
    for r in range(reps):
        for b in (bins if r % 2 == 0 else bins[::-1]):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            with open(inp, "rb") as f:
                p = subprocess.run([b, "extract", "--input-format", "jsonl",
                                    "--jobs", "1", "-"], stdin=f,
                                   stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if p.returncode not in (0, 1):
                sys.exit(f"bench: {b} exited {p.returncode}")
            cpu[b].append(after.ru_utime - before.ru_utime +
                          after.ru_stime - before.ru_stime)
            if r == 0:
                print(b, "output md5", hashlib.md5(p.stdout).hexdigest(),
                      flush=True)
    for b in bins:
        c = cpu[b]
        runs = " ".join(f"{x:.2f}" for x in c)
        print(f"{b}: min {min(c):.3f} median {statistics.median(c):.3f} "
              f"runs {runs}")
    base = cpu[bins[0]]
    for b in bins[1:]:
        ratios = [x / y for x, y in zip(base, cpu[b])]
        print(f"{b}: base/this per round median "
              f"{statistics.median(ratios):.3f}, wins "
              f"{sum(x > 1 for x in ratios)}/{len(ratios)}, min ratio "
              f"{min(base) / min(cpu[b]):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
