#!/usr/bin/env python3
"""Scores resolved speaker names (speaker_name) against the gold set.

Usage: score_speakers.py GOLD.jsonl PRED.jsonl [--json OUT.json]

GOLD: {"id","text","quotes":[{"start","end","speaker":{"text",...},"speaker_name"}]}
PRED: the whosaid CLI's JSON lines ({"id","quotes":[{"start","end","speaker_name"}]}).
Each gold quote is matched to the predicted quote whose content overlaps it
most (code-point offsets); an unmatched gold quote counts as wrong. Accuracy
is reported overall and by the kind of gold mention: pronoun ("he", "who"),
partial (surname, role noun: the mention differs from the name) and full.
"""
import argparse
import json

PRONOUNS = {"he", "she", "they", "it", "i", "we", "who", "him", "her", "them"}


def category(mention, name):
    if mention.lower() in PRONOUNS:
        return "pronoun"
    return "full" if mention == name else "partial"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--json")
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    pred = {}
    for l in open(a.pred, encoding="utf-8"):
        if l.strip():
            r = json.loads(l)
            pred[str(r.get("id"))] = r
    stats = {}
    matched = 0
    errors = []
    for g in gold:
        pq = (pred.get(g["id"]) or {}).get("quotes") or []
        for q in g["quotes"]:
            cat = category(q["speaker"]["text"], q["speaker_name"])
            best, best_ov = None, 0
            for p in pq:
                ov = min(q["end"], p["end"]) - max(q["start"], p["start"])
                if ov > best_ov:
                    best, best_ov = p, ov
            got = best.get("speaker_name") if best else None
            # A speaker with no name: null in the gold, absent or "" here.
            ok = (got or None) == (q["speaker_name"] or None)
            matched += best is not None
            for key in (cat, "all"):
                c = stats.setdefault(key, [0, 0])
                c[0] += ok
                c[1] += 1
            if not ok:
                errors.append({"id": g["id"], "mention": q["speaker"]["text"],
                               "want": q["speaker_name"], "got": got,
                               "quote_found": best is not None})
    out = {k: {"correct": v[0], "total": v[1], "accuracy": round(v[0] / v[1], 4) if v[1] else 0}
           for k, v in stats.items()}
    out["quotes_matched"] = matched
    print(f"quotes found by the engine: {matched}/{stats.get('all', [0, 0])[1]}")
    for k in ("all", "pronoun", "partial", "full"):
        if k in stats:
            c, t = stats[k]
            print(f"speaker_name accuracy {k:<8} {c}/{t} = {100 * c / t:.1f}%")
    for e in errors[:20]:
        print("  miss " + json.dumps(e, ensure_ascii=False))
    if a.json:
        json.dump({"metrics": out, "errors": errors}, open(a.json, "w"), indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
