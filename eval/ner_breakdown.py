#!/usr/bin/env python3
"""Why is an NER score low? Breaks the errors of a prediction file down.

Usage: ner_breakdown.py IN.jsonl.tokens.json PRED.jsonl [--labels A=B,...]

IN.jsonl.tokens.json is what ../shared/tools/score_ner.py make-input wrote
beside the engine input (token offsets and gold entities); PRED.jsonl the
engine's records. The engine's labels are mapped as score_ner.py does by
default (PERSON->PER, GPE->LOC, NORP->MISC, ...), and only the types present
in the gold file are scored, so the overall line equals score_ner.py's.

Prints, besides the overall P/R/F1:
  - gold entities by form: "name" (first and last token capitalised or a
    digit, like the names CoNLL annotates) against the rest (lower-case
    starts such as GUM's "the bar" or WNUT's "iphone", pronouns, spans
    ending in punctuation such as WikiANN's "George Randolph Hearst , Jr ."),
    with the recall of each;
  - P/R/F1 with the gold restricted to the "name" form (predictions that
    exactly match a non-name gold entity are dropped from both sides), i.e.
    the score on the entities the engine is built to find;
  - for predictions whose span matches a gold entity: the type confusions;
  - false positives split into: right span wrong type, overlapping a gold
    entity (boundary), no gold entity there at all.
Standard library only.
"""
import argparse
import json
import re
import sys
from collections import Counter

PRED_MAP = {
    "PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC",
    "FAC": "LOC", "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC",
    "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}


def name_like(text):
    toks = text.split(" ")

    def ok(t):
        return bool(t) and (t[0].isupper() or t[0].isdigit())
    return ok(toks[0]) and ok(toks[-1])


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:6.2f}  R {100 * r:6.2f}  F1 {100 * f:6.2f}  " \
           f"(tp {tp}, pred {npred}, gold {ngold})"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tokens_json")
    ap.add_argument("pred")
    ap.add_argument("--labels", default="")
    a = ap.parse_args(argv)
    pm = dict(PRED_MAP)
    for item in filter(None, a.labels.split(",")):
        k, v = item.split("=", 1)
        if v in ("", "-"):
            pm.pop(k.upper(), None)
        else:
            pm[k.upper()] = v
    side = json.load(open(a.tokens_json, encoding="utf-8"))
    docs = {d["id"]: d for d in side["docs"]}
    gold = {}  # (id, i, j) -> (type, text)
    for d in side["docs"]:
        for e in d["entities"]:
            if e["type"]:
                gold[(d["id"], e["tok_start"], e["tok_end"])] = (e["type"],
                                                                 e["text"])
    types = {t for t, _ in gold.values()}
    preds = {}
    misaligned = 0
    for line in open(a.pred, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        d = docs.get(str(r.get("id")))
        if d is None:
            continue
        starts = {s: i for i, (s, _) in enumerate(d["tokens"])}
        ends = {e: i for i, (_, e) in enumerate(d["tokens"])}
        for ent in r.get("entities") or []:
            t = pm.get(str(ent.get("label", "")).upper())
            if not t or t not in types:
                continue
            i, j = starts.get(ent["start"]), ends.get(ent["end"])
            if i is None or j is None:
                misaligned += 1
                continue
            preds[(d["id"], i, j)] = t
    tp = sum(1 for k, t in preds.items() if k in gold and gold[k][0] == t)
    print("overall        ", prf(tp + 0, len(preds) + misaligned, len(gold)))
    # Gold by form.
    forms = Counter()
    found = Counter()
    for k, (t, text) in gold.items():
        f = "name" if name_like(text) else "other"
        forms[f] += 1
        if preds.get(k) == t:
            found[f] += 1
    for f in ("name", "other"):
        if forms[f]:
            print(f"gold {f:<6} {forms[f]:6d} ({100 * forms[f] / len(gold):5.1f}%)"
                  f"  recall {100 * found[f] / forms[f]:6.2f}")
    # Restricted to name-form gold.
    other = {k for k, (t, text) in gold.items() if not name_like(text)}
    g2 = {k: v for k, v in gold.items() if k not in other}
    p2 = {k: t for k, t in preds.items() if k not in other}
    tp2 = sum(1 for k, t in p2.items() if k in g2 and g2[k][0] == t)
    print("names only     ", prf(tp2, len(p2) + misaligned, len(g2)))
    # Type confusions on matching spans.
    conf = Counter()
    for k, t in preds.items():
        if k in gold and gold[k][0] != t:
            conf[(gold[k][0], t)] += 1
    print("same span, other type (gold -> pred):",
          ", ".join(f"{g}->{p} {n}" for (g, p), n in conf.most_common()))
    # False positives by kind.
    spans_by_doc = {}
    for (did, i, j) in gold:
        spans_by_doc.setdefault(did, []).append((i, j))
    kinds = Counter()
    for (did, i, j), t in preds.items():
        if (did, i, j) in gold:
            if gold[(did, i, j)][0] != t:
                kinds["wrong type"] += 1
            continue
        if any(i <= gj and gi <= j for gi, gj in spans_by_doc.get(did, [])):
            kinds["overlaps gold (boundary)"] += 1
        else:
            kinds["no gold there"] += 1
    kinds["misaligned"] = misaligned
    print("false positives:", dict(kinds))
    # Recall lost on names by why.
    miss = Counter()
    pspans = {}
    for (did, i, j) in preds:
        pspans.setdefault(did, []).append((i, j))
    for k, (t, text) in g2.items():
        if preds.get(k) == t:
            continue
        did, i, j = k
        if k in preds:
            miss["wrong type"] += 1
        elif any(i <= pj and pi <= j for pi, pj in pspans.get(did, [])):
            miss["boundary"] += 1
        else:
            miss["not found"] += 1
    print("name-form gold missed:", dict(miss))
    return 0


if __name__ == "__main__":
    sys.exit(main())
