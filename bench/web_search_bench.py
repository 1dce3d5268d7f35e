#!/usr/bin/env python3
"""Search latency through `whosaid serve` (/api/search), with and without
corpus-wide facets, on a corpus built beforehand.

Starts `whosaid serve --db DB` twice on a free loopback port (once with
--max-facet-ms 0: page facets only; once with the default: facets counted
over every match), sends the same ~100 queries drawn (seeded) from the
article titles as a person types them (syntax=words, all kinds), and prints
p50 / p95 / max latency per run and how many answers had corpus-wide facets.

Usage: bench/web_search_bench.py --db news.db --titles corpus.jsonl
                                 [--bin build/whosaid] [--queries 100]
"""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ingest_bench import pct, queries_from_titles  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def serve(binary, db, extra):
    proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"] + extra,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if "listening on" not in line:
        proc.kill()
        sys.exit("bench: serve did not start: " + line)
    return proc, line.strip().split("listening on ")[1].rstrip("/")


def run(base, queries, rounds):
    lat, corpus = [], 0
    for _ in range(rounds):
        for q in queries:
            url = base + "/api/search?" + urllib.parse.urlencode({"q": q, "syntax": "words"})
            t0 = time.perf_counter()
            with urllib.request.urlopen(url, timeout=30) as r:
                body = json.load(r)
            lat.append((time.perf_counter() - t0) * 1000)
            corpus += body["facets"]["scope"] == "corpus"
    return lat, corpus


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "whosaid"))
    ap.add_argument("--db", required=True)
    ap.add_argument("--titles", required=True, help="the JSONL the corpus was built from")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    queries = [q.replace('"', "") for q in queries_from_titles(args.titles, args.queries)]
    print(f"{'facets':24s} {'queries':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s} {'corpus-wide':>12s}")
    for name, extra in [("page only", ["--max-facet-ms", "0"]), ("whole corpus", [])]:
        proc, base = serve(args.bin, args.db, extra)
        try:
            run(base, queries[:10], 1)  # warm the page cache
            lat, corpus = run(base, queries, args.rounds)
        finally:
            proc.terminate()
            proc.wait()
        print(f"{name:24s} {len(lat):8d} {pct(lat, 50):8.1f} {pct(lat, 95):8.1f} {max(lat):8.1f} "
              f"{corpus:6d}/{len(lat)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
