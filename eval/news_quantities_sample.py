#!/usr/bin/env python3
"""Draws the sentences of the hand-labelled news quantity set (references only).

Reproduces the selection behind eval/data/news_quantities_labels.jsonl: a
seeded random sample of sentences that contain a digit or a number word from
the AllSides corpus (../shared/data/corpus/allsides.jsonl.zst), spread over
outlets (outlets in seeded random order, at most --per-outlet sentences from
each, one sentence per article), and a seeded dev/test split. Writes one JSON
object a line: {"sid", "doc", "source", "start", "end", "sha1", "split"} —
the corpus article id, code-point offsets of the sentence in its `content`,
and the SHA-1 of the sentence text (so a changed corpus is detected). No
publisher text is written unless --show is given (to the terminal, for the
annotator).

Batch 1 (sids n001-n300) is the default run (seed 4). Batch 2 (n301-n600):
  news_quantities_sample.py --seed 9 --exclude eval/data/news_quantities_labels.jsonl
      --first-sid 301 --batch 2
leaves out every article that an earlier batch used (and any sentence with
the same SHA-1), so the batches share no article.

Batch 3 (sids n601-n900, split "test2": a blind held-out set, every sentence
test2, labelled before the engine was run on it):
  news_quantities_sample.py --seed 23 --exclude eval/data/news_quantities_labels.jsonl
      --first-sid 601 --batch 3 --split test2
Batch 4 (sids n901-n1000, 100 more dev sentences):
  news_quantities_sample.py --seed 31 --n 100 --exclude
      eval/data/news_quantities_labels.jsonl --first-sid 901 --batch 4 --split dev
Batch 5 (sids n1001-n1100, dev): the same with --seed 37 --first-sid 1001 --batch 5.

Usage: news_quantities_sample.py [--corpus PATH] [--n 300] [--seed 4]
         [--per-outlet 1] [--exclude LABELS] [--first-sid 1] [--batch N]
         [--split NAME] [--out refs.jsonl] [--show]
Standard library plus the `zstd` command.
"""
import argparse
import hashlib
import json
import random
import re
import subprocess
import sys

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million billion "
    "trillion dozen dozens half quarter").split()
NUM_RE = re.compile(r"\d|\b(?:%s)\b" % "|".join(NUMBER_WORDS), re.I)

# Abbreviations after which a period does not end a sentence.
ABBREV = {"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col",
          "sgt", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "d.c", "inc", "corp",
          "co", "jr", "sr", "no", "vs", "prof", "rev", "ft", "mt", "e.g", "i.e",
          "a.m", "p.m", "pres", "atty", "supt", "dept", "est", "approx", "fig"}
BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def sentences(content):
    """Yields (start, end) code-point spans of sentences, paragraph by paragraph."""
    pos = 0
    for para in content.split("\n"):
        base = pos
        pos += len(para) + 1
        start = 0
        for m in BOUNDARY.finditer(para):
            word = re.search(r"([\w.]+)[.!?]$", para[start:m.start() + 1])
            if word and word.group(1).lower().rstrip(".") in ABBREV:
                continue
            if word and re.fullmatch(r"[A-Z]", word.group(1)):  # initials
                continue
            end = m.start() + 1
            while end < len(para) and para[end] in "\"”’')]":
                end += 1
            yield from _trim(para, base, start, end)
            start = m.end()
        yield from _trim(para, base, start, len(para))


def _trim(para, base, s, e):
    while s < e and para[s].isspace():
        s += 1
    while e > s and para[e - 1].isspace():
        e -= 1
    if e > s:
        yield base + s, base + e


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def read_corpus(path):
    proc = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True)
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="../shared/data/corpus/allsides.jsonl.zst")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--per-outlet", type=int, default=1)
    ap.add_argument("--exclude", action="append", default=[],
                    help="labels/refs file whose articles and sentences are not drawn again")
    ap.add_argument("--first-sid", type=int, default=1)
    ap.add_argument("--batch", type=int, default=0, help="write this batch number (0: none)")
    ap.add_argument("--split", default="",
                    help="put every sentence in this split (default: a seeded half dev, half test)")
    ap.add_argument("--out", default="-")
    ap.add_argument("--show", action="store_true", help="print sentence texts to stderr")
    a = ap.parse_args()

    used_docs, used_sha = set(), set()
    for path in a.exclude:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    used_docs.add(r["doc"])
                    used_sha.add(r["sha1"])
    rng = random.Random(a.seed)
    by_outlet = {}
    for d in read_corpus(a.corpus):
        if d.get("id") in used_docs:
            continue
        by_outlet.setdefault(d.get("source") or "?", []).append(d)
    outlets = sorted(by_outlet)
    rng.shuffle(outlets)
    picked = []
    seen_text = set()
    for rnd in range(a.per_outlet):
        for o in outlets:
            if len(picked) >= a.n:
                break
            docs = by_outlet[o]
            if rnd >= len(docs):
                continue
            d = docs[rng.randrange(len(docs))]
            content = d.get("content") or ""
            cands = [(s, e) for s, e in sentences(content)
                     if 40 <= e - s <= 400 and NUM_RE.search(content[s:e])
                     and content[s:e] not in seen_text
                     and sha1(content[s:e]) not in used_sha]
            if not cands:
                continue
            s, e = cands[rng.randrange(len(cands))]
            seen_text.add(content[s:e])
            picked.append({"doc": d["id"], "source": o, "start": s, "end": e,
                           "sha1": sha1(content[s:e]), "text": content[s:e]})
    order = list(range(len(picked)))
    rng.shuffle(order)
    dev = set(order[: len(order) // 2])
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    for i, p in enumerate(picked):
        p["sid"] = f"n{i + a.first_sid:03d}"
        p["split"] = a.split or ("dev" if i in dev else "test")
        text = p.pop("text")
        if a.show:
            print(f"{p['sid']} [{p['split']}] {text}", file=sys.stderr)
        keys = ["sid", "doc", "source", "start", "end", "sha1", "split"]
        if a.batch:
            p["batch"] = a.batch
            keys.append("batch")
        out.write(json.dumps({k: p[k] for k in keys}) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
