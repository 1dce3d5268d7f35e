#!/usr/bin/env python3
"""Numeric claims on hand-labelled news sentences: precision and recall.

eval/data/news_quantities_labels.jsonl holds references, not text: for each
sentence the AllSides article id, the code-point offsets of the sentence in
the article's `content`, the SHA-1 of the sentence, its split (dev / test /
test2), its batch (1: n001-n300, 2: n301-n600, 3: n601-n872, all test2, the
blind held-out batch, 4: n901-n1000 and 5: n1001-n1100, all dev; a line without one is batch 1) and
the labelled quantities (offsets relative to the sentence, CQE-style
value / unit / normalized_unit / change; eval/data/README.md says how they
were made and what counts as a quantity).

Two steps (eval/news_quantities.sh runs both):
  news_quantities.py prepare LABELS CORPUS OUTDIR
      cuts the sentences out of the corpus (fails on a SHA-1 mismatch) and
      writes OUTDIR/nq_in.jsonl ({"id", "text"}: the engine's input),
      OUTDIR/nq_gold_<split>.jsonl for each split (all its batches) and,
      for a split that spans several batches, OUTDIR/nq_gold_<split>_b<N>.jsonl
      (batch N alone), in the NewsQuant-with-offsets format that
      ../shared/tools/score_quantities.py reads; OUTDIR/nq_sets.txt lists
      the set names (dev test test2 dev_b1 dev_b2 dev_b4 dev_b5 test_b1 test_b2).
  news_quantities.py combine OUTDIR OUT.json
      merges OUTDIR/nq_<set>.json (the scorer's results, one per name in
      nq_sets.txt) into one file: {"dev": {...}, "test": {...}, "test2":
      {...}, "dev_b1": {...}, ...}; "dev" covers batches 1, 2, 4 and 5, "test" batches 1-2.

Scoring is score_quantities.py's own (CQE's per-sentence matching, its unit
canonicalisation); every sentence has all its quantities labelled, so its
precision is meaningful here (unlike on the Recognizers-Text specs).
Standard library plus the `zstd` command.
"""
import hashlib
import json
import os
import subprocess
import sys


def read_labels(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_docs(path, wanted):
    proc = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True)
    docs = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        if d.get("id") in wanted:
            docs[d["id"]] = d.get("content") or ""
    return docs


def sentence_text(docs, r):
    """The labelled sentence `r` cut from its article, or None when the corpus
    does not hold it as labelled (article missing, or a SHA-1 mismatch)."""
    content = docs.get(r["doc"])
    text = content[r["start"]:r["end"]] if content is not None else None
    if text is None or hashlib.sha1(text.encode("utf-8")).hexdigest() != r["sha1"]:
        return None
    return text


def prepare(labels_path, corpus_path, outdir):
    labels = read_labels(labels_path)
    docs = corpus_docs(corpus_path, {r["doc"] for r in labels})
    os.makedirs(outdir, exist_ok=True)
    splits = sorted({r["split"] for r in labels}, key=split_order)
    gold = {s: [] for s in splits}
    for s in splits:
        batches = sorted({r.get("batch", 1) for r in labels if r["split"] == s})
        if len(batches) > 1:
            for b in batches:
                gold[f"{s}_b{b}"] = []
    bad = 0
    with open(os.path.join(outdir, "nq_in.jsonl"), "w", encoding="utf-8") as fin:
        for r in labels:
            text = sentence_text(docs, r)
            if text is None:
                print(f"news_quantities: {r['sid']}: sentence not found in the corpus "
                      "(changed corpus?)", file=sys.stderr)
                bad += 1
                continue
            fin.write(json.dumps({"id": r["sid"], "text": text}, ensure_ascii=False) + "\n")
            qs = []
            for q in r["quantities"]:
                g = dict(q)
                g["surface"] = text[q["start"]:q["end"]]
                qs.append(g)
            rec = {"id": r["sid"], "text": text, "quantities": qs}
            gold[r["split"]].append(rec)
            by_batch = f"{r['split']}_b{r.get('batch', 1)}"
            if by_batch in gold:
                gold[by_batch].append(rec)
    with open(os.path.join(outdir, "nq_sets.txt"), "w", encoding="utf-8") as f:
        f.write(" ".join(gold) + "\n")
    for name, recs in gold.items():
        with open(os.path.join(outdir, f"nq_gold_{name}.jsonl"), "w", encoding="utf-8") as f:
            for rec in recs:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts = ", ".join(f"{s} {len(gold[s])}" for s in splits)
    print(f"news_quantities: {sum(len(gold[s]) for s in splits)} sentences "
          f"({counts}), {bad} missing")
    return 1 if bad else 0


def split_order(name):
    """dev, test, then the later held-out splits (test2, ...) by name."""
    return ({"dev": 0, "test": 1}.get(name, 2), name)


def combine(outdir, out_path):
    with open(os.path.join(outdir, "nq_sets.txt"), encoding="utf-8") as f:
        names = f.read().split()
    res = {}
    for split in names:
        with open(os.path.join(outdir, f"nq_{split}.json"), encoding="utf-8") as f:
            r = json.load(f)
        r.pop("errors", None)
        res[split] = r
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False, indent=1)
    for split in names:
        m = res[split]["metrics"]
        v, u = m["value [CQE]"], m["value+unit [CQE]"]
        print(f"{split:<8} value P/R/F1 {100 * v['precision']:.1f}/{100 * v['recall']:.1f}/"
              f"{100 * v['f1']:.1f}  value+unit {100 * u['precision']:.1f}/"
              f"{100 * u['recall']:.1f}/{100 * u['f1']:.1f}  (gold {v['n_gold']}, pred {v['n_pred']})")
    return 0


def main(argv):
    if len(argv) == 4 and argv[0] == "prepare":
        return prepare(*argv[1:])
    if len(argv) == 3 and argv[0] == "combine":
        return combine(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
