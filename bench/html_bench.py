#!/usr/bin/env python3
"""CPU cost of HTML main-content extraction per page, on the AEB pages.

Prints ms CPU per page for:
  whosaid (HTML)     `whosaid extract -j1 --input-format html` minus the same
                     pipeline run on the extracted bodies as JSONL (so what
                     remains is decoding + tree + scoring + metadata; model
                     loading cancels out);
  whosaid (all)      the whole run on HTML (extraction + every NLP stage);
  tag-strip scan     a raw regex tag strip in Python (the floor of any
                     HTML-to-text step);
  readability        python3-readability's Document.summary(), if installed.
Usage: bench/html_bench.py [PAGES_DIR] (default ../shared/data/extraction/aeb/html).
Standard library (+ readability when present).
"""
import glob
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
pages_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    root, "../shared/data/extraction/aeb/html")
binary = os.environ.get("WHOSAID_BIN", os.path.join(root, "build/whosaid"))
files = sorted(glob.glob(os.path.join(pages_dir, "*.html.gz")))
if not files:
    print("html_bench: skipped: no pages in", pages_dir)
    sys.exit(0)


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cli(args, stdin_path=None):
    before = child_cpu()
    with open(stdin_path or os.devnull, "rb") as stdin:
        out = subprocess.run([binary, "extract", "-j1", "--no-sentences"] + args,
                             stdin=stdin, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL).stdout
    return child_cpu() - before, out


with tempfile.TemporaryDirectory() as tmp:
    html = []
    for f in files:
        data = gzip.open(f).read()
        html.append(data)
    mb = sum(len(h) for h in html) / 1e6
    best_all = best_text = None
    for _ in range(3):  # best of three
        t_all, out = run_cli(["--input-format", "html"] + files)
        bodies = os.path.join(tmp, "bodies.jsonl")
        with open(bodies, "w") as w:
            for line in out.decode().splitlines():
                r = json.loads(line)
                if r.get("text"):
                    w.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
        t_text, _ = run_cli(["--input-format", "jsonl", bodies])
        best_all = t_all if best_all is None else min(best_all, t_all)
        best_text = t_text if best_text is None else min(best_text, t_text)
    n = len(files)
    print(f"pages={n} html={mb:.1f} MB")
    print(f"whosaid (HTML)     {1000 * (best_all - best_text) / n:7.3f} ms CPU/page")
    print(f"whosaid (all)      {1000 * best_all / n:7.3f} ms CPU/page")

    tag = re.compile(rb"<script.*?</script>|<style.*?</style>|<[^>]*>", re.S | re.I)
    t0 = time.process_time()
    for h in html:
        tag.sub(b" ", h)
    print(f"tag-strip scan     {1000 * (time.process_time() - t0) / n:7.3f} ms CPU/page")
    try:
        from readability import Document  # python3-readability
    except ImportError:
        print("readability        skipped (python3-readability not installed)")
    else:
        t0 = time.process_time()
        for h in html:
            try:
                Document(h.decode("utf-8", "replace")).summary()
            except Exception:  # noqa: BLE001 - a page it cannot read
                pass
        print(f"readability        {1000 * (time.process_time() - t0) / n:7.3f} ms CPU/page")
