#!/usr/bin/env python3
"""Who states a number: the `source` of numeric claims, on hand-labelled news.

eval/data/claim_sources_labels.jsonl names 140 quantities of the hand-labelled
news sentences (eval/data/news_quantities_labels.jsonl: `sid`, and `quantity`,
the index of the quantity in that sentence's list) and, for each, who the
article says states the number: `source` is a list of acceptable names (the
person, organisation, poll or report the article attributes the number to),
[] when the number is the article's own statement, or null when the reading
is ambiguous (not scored). eval/data/README.md says how they were made.

The engine reads each whole article (`--no-clean`, so offsets are the
corpus's), and the claim overlapping the labelled quantity most is scored:
- a predicted source is right when the words of one gold name are among the
  words of the claim's `source` text or `source_name`, or the other way round
  (case, punctuation and a few function words such as "the" and "Mr." aside);
- accuracy: the claim's source is right, or both say there is none;
- attribution precision / recall / F1 over the numbers that have a source.
Quantities the engine reports no claim for are counted apart (`not_found`).

  claim_sources.py prepare NQ_LABELS CS_LABELS CORPUS OUTDIR
      writes OUTDIR/cs_in.jsonl (the articles) and OUTDIR/cs_gold.jsonl
  claim_sources.py score OUTDIR/cs_gold.jsonl PRED.jsonl OUT.json [--show-errors]
      (--show-errors lists dev's errors only: test is for reporting)
Standard library plus the `zstd` command.
"""
import json
import os
import re
import sys

from news_quantities import corpus_docs, sentence_text  # eval/news_quantities.py

STOP = {"the", "a", "an", "of", "mr", "ms", "mrs", "dr", "s", "'s", "its", "his", "her"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def words(text):
    text = (text or "").lower().replace("\u2019", "'")
    found = (w.strip(".-") for w in re.findall(r"[\w.&-]+", text))
    return {w for w in found if w and w not in STOP}


def name_matches(gold_names, predicted_texts):
    for g in gold_names:
        gw = words(g)
        for p in predicted_texts:
            pw = words(p)
            if gw and pw and (gw <= pw or pw <= gw):
                return True
    return False


def prepare(nq_path, cs_path, corpus_path, outdir):
    sentences = {r["sid"]: r for r in read_jsonl(nq_path)}
    labels = read_jsonl(cs_path)
    docs = corpus_docs(corpus_path, {sentences[l["sid"]]["doc"] for l in labels})
    os.makedirs(outdir, exist_ok=True)
    bad = 0
    with open(os.path.join(outdir, "cs_gold.jsonl"), "w", encoding="utf-8") as gold:
        for l in labels:
            s = sentences[l["sid"]]
            if sentence_text(docs, s) is None:
                print(f"claim_sources: {l['cid']}: sentence {l['sid']} not found in the "
                      "corpus (changed corpus?)", file=sys.stderr)
                bad += 1
                continue
            q = s["quantities"][l["quantity"]]
            start, end = s["start"] + q["start"], s["start"] + q["end"]
            g = dict(l, doc=s["doc"], start=start, end=end, text=docs[s["doc"]][start:end])
            gold.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(os.path.join(outdir, "cs_in.jsonl"), "w", encoding="utf-8") as fin:
        for doc_id in sorted(docs):
            fin.write(json.dumps({"id": doc_id, "text": docs[doc_id]}, ensure_ascii=False) + "\n")
    if bad:
        sys.exit(1)


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score(gold_path, pred_path, out_path, show_errors):
    records = {r["id"]: r for r in read_jsonl(pred_path)}
    result = {}
    errors = []
    for split in ("dev", "test", "all"):
        n = found = correct = tp = npred = ngold = skipped = 0
        for g in read_jsonl(gold_path):
            if split != "all" and g["split"] != split:
                continue
            if g["source"] is None:
                skipped += 1
                continue
            n += 1
            rec = records.get(g["doc"], {})
            best, best_overlap = None, 0
            for c in rec.get("claims", []):
                overlap = min(c["end"], g["end"]) - max(c["start"], g["start"])
                if overlap > best_overlap:
                    best, best_overlap = c, overlap
            if best is None:
                if split == "dev":
                    errors.append(f"{g['cid']} {g['text']!r}: no claim")
                continue
            found += 1
            src = best.get("source")
            predicted = [src["text"]] if src else []
            if best.get("source_name"):
                predicted.append(best["source_name"])
            has_gold = bool(g["source"])
            ngold += has_gold
            npred += bool(predicted)
            right = name_matches(g["source"], predicted) if has_gold else not predicted
            correct += right
            tp += has_gold and right
            if not right and split == "dev":
                errors.append(f"{g['cid']} {g['split']} {g['text']!r}: gold {g['source'] or 'none'}, "
                              f"predicted {predicted or 'none'}")
        result[split] = {"quantities": n, "ambiguous_not_scored": skipped, "claim_found": found,
                         "accuracy": round(correct / found, 4) if found else 0.0,
                         "with_gold_source": ngold, "with_predicted_source": npred,
                         "attribution": prf(tp, npred, ngold)}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
    for split in ("dev", "test"):
        r = result[split]
        a = r["attribution"]
        print(f"claim_sources {split}: {r['claim_found']}/{r['quantities']} claims found, "
              f"source accuracy {r['accuracy']:.3f}; attribution P {a['precision']:.3f} "
              f"R {a['recall']:.3f} F1 {a['f1']:.3f} ({r['with_gold_source']} with a source)")
    if show_errors:
        print("\n".join(errors))


def main(argv):
    if len(argv) == 6 and argv[1] == "prepare":
        prepare(*argv[2:6])
    elif len(argv) >= 5 and argv[1] == "score":
        score(argv[2], argv[3], argv[4], "--show-errors" in argv[5:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
