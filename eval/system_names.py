#!/usr/bin/env python3
"""Writes place and language names from Debian data packages as a CoNLL file.

Usage: system_names.py OUT.conll

A gazetteer source for `train_ner --ext-gaz` (one name a sentence, IOB2 tags,
space-separated): from the iso-codes package (/usr/share/iso-codes/json),
the country names of ISO 3166-1 (name, common and official name) and the
subdivision names of ISO 3166-2 (states, provinces, counties...) as LOC, the
language names of ISO 639-2 as MISC; from tzdata (/usr/share/zoneinfo) the
city names of the time zones ("America/New_York" -> New York) as LOC. Names
with a comma, a bracket or a slash ("Korea, Republic of") are left out. Output is
sorted, so it does not depend on the files' order. Standard library only;
writes nothing (and exits 1) when iso-codes is absent.
"""
import json
import os
import sys

ISO = "/usr/share/iso-codes/json"
ZONES = "/usr/share/zoneinfo"


def load(name, key):
    with open(os.path.join(ISO, name), encoding="utf-8") as f:
        return json.load(f)[key]


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    if not os.path.isdir(ISO):
        print(f"system_names.py: {ISO} not found (apt-get install iso-codes)",
              file=sys.stderr)
        return 1
    names = set()
    for c in load("iso_3166-1.json", "3166-1"):
        for k in ("name", "common_name", "official_name"):
            if c.get(k):
                names.add((c[k], "LOC"))
    for s in load("iso_3166-2.json", "3166-2"):
        names.add((s["name"], "LOC"))
    for lang in load("iso_639-2.json", "639-2"):
        for part in lang["name"].split(";"):
            names.add((part.strip(), "MISC"))
    if os.path.isdir(ZONES):
        for area in ("Africa", "America", "Antarctica", "Asia", "Atlantic",
                     "Australia", "Europe", "Indian", "Pacific"):
            d = os.path.join(ZONES, area)
            if not os.path.isdir(d):
                continue
            for root, _, files in os.walk(d):
                for f in files:
                    names.add((f.replace("_", " "), "LOC"))
    out = []
    for name, typ in sorted(names):
        if not name or any(ch in name for ch in ",()[]/"):
            continue
        words = name.split()
        out.append("\n".join(
            f"{w} {'B' if i == 0 else 'I'}-{typ}" for i, w in enumerate(words)))
    with open(argv[1], "w", encoding="utf-8") as f:
        f.write("\n\n".join(out) + "\n")
    print(f"wrote {len(out)} names to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
