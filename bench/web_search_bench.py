#!/usr/bin/env python3
"""Search latency through `whosaid serve`, on a corpus built beforehand.

Starts `whosaid serve --db DB` on a free loopback port and sends ~100
queries drawn (seeded) from the article titles as a person types them
(syntax=words, all kinds), as the search page does: /api/search (the hits
of every kind, what the search box waits for), then /api/facets (counts
over every match, filled in after the hits). Prints p50 / p95 / max wall
latency of each, how many searches ranked a bounded sample of their
matches (--max-ranked) and how many facet answers counted every match.
Extra arguments after -- go to `whosaid serve` (e.g. -- --max-ranked 0).

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


def server_cpu_ms(pid):
    """CPU time of every thread of the server so far (schedstat, ns), so
    that per-request CPU can be told apart from waiting on a busy machine."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as fh:
                total += int(fh.read().split()[0])
        except OSError:
            pass
    return total / 1e6


def get(base, pid, endpoint, q):
    url = base + "/api/" + endpoint + "?" + urllib.parse.urlencode({"q": q, "syntax": "words"})
    c0 = server_cpu_ms(pid)
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as r:
        body = json.load(r)
    return (time.perf_counter() - t0) * 1000, server_cpu_ms(pid) - c0, body


def run(base, pid, queries, rounds):
    out = {"search": [], "search_cpu": [], "facets": [], "facets_cpu": []}
    sampled = corpus = 0
    for _ in range(rounds):
        for q in queries:
            ms, cpu, body = get(base, pid, "search", q)
            out["search"].append(ms)
            out["search_cpu"].append(cpu)
            sampled += bool(body.get("ranked_among"))
            ms, cpu, body = get(base, pid, "facets", q)
            out["facets"].append(ms)
            out["facets_cpu"].append(cpu)
            corpus += body["facets"]["scope"] == "corpus"
    return out, sampled, corpus


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "whosaid"))
    ap.add_argument("--db", required=True)
    ap.add_argument("--titles", required=True, help="the JSONL the corpus was built from")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("serve_args", nargs="*", help="extra `whosaid serve` arguments (after --)")
    args = ap.parse_args()
    queries = [q.replace('"', "") for q in queries_from_titles(args.titles, args.queries)]
    proc, base = serve(args.bin, args.db, args.serve_args)
    try:
        run(base, proc.pid, queries[:10], 1)  # warm the page cache
        r, sampled, corpus = run(base, proc.pid, queries, args.rounds)
    finally:
        proc.terminate()
        proc.wait()
    n = len(r["search"])
    print(f"{'request':28s} {'queries':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}"
          f" {'CPU p50':>8s} {'CPU p95':>8s}")
    for key, name, note in [("search", "/api/search (hits)", f"ranked a bounded sample: {sampled}/{n}"),
                            ("facets", "/api/facets (every match)", f"counted every match: {corpus}/{n}")]:
        w, c = r[key], r[key + "_cpu"]
        print(f"{name:28s} {n:8d} {pct(w, 50):8.1f} {pct(w, 95):8.1f} {max(w):8.1f}"
              f" {pct(c, 50):8.1f} {pct(c, 95):8.1f}   {note}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (wall times include waiting for a core;"
          f" CPU is the server's own, all threads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
