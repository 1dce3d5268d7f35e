#!/usr/bin/env python3
"""Per-page AEB scores, worst first: which pages lose precision or recall.

Usage: eval/aeb_pages.py GROUND_TRUTH.json PRED.jsonl [N]
Prints the N (default 25) pages with the lowest F1 (precision, recall, words
expected / extracted) and writes all of them to out/eval/aeb_pages.json. Uses
the scorer's own shingle counting (../shared/tools/score_extraction.py).
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "shared", "tools"))
import score_extraction as se  # noqa: E402


def main():
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    pred = se.load_pred(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    rows = []
    for key, g in gold.items():
        expected, got = g.get("articleBody", "") or "", pred.get(key, "")
        c = se.page_counts(expected, got)
        p, r = se.precision(*c), se.recall(*c)
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append({"id": key, "precision": round(p, 4), "recall": round(r, 4),
                     "f1": round(f, 4), "expected_words": len(se.tokens(expected)),
                     "extracted_words": len(se.tokens(got))})
    rows.sort(key=lambda x: x["f1"])
    os.makedirs("out/eval", exist_ok=True)
    with open("out/eval/aeb_pages.json", "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1)
    for x in rows[:n]:
        print(f'{x["f1"]:.3f} P={x["precision"]:.3f} R={x["recall"]:.3f} '
              f'exp={x["expected_words"]} got={x["extracted_words"]} {x["id"]}')


if __name__ == "__main__":
    main()
