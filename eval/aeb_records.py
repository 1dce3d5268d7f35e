#!/usr/bin/env python3
"""Turns `whosaid extract` records of AEB pages into the scorer's format.

Reads JSON records (one per line) on stdin, writes {"id", "text"} lines on
stdout with the page id (file name without .html.gz) as id. Standard library.
"""
import json
import os
import sys

for line in sys.stdin:
    if not line.strip():
        continue
    r = json.loads(line)
    page = os.path.basename(str(r.get("id", "")))
    for ext in (".gz", ".html", ".htm"):
        if page.endswith(ext):
            page = page[: -len(ext)]
    print(json.dumps({"id": page, "text": r.get("text") or ""}))
