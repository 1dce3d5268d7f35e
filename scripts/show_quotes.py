#!/usr/bin/env python3
"""Prints who said what from whosaid JSONL records, one line per quote/claim."""
import json
import sys


def main(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            print(f"== {rec['id']}" + (f"  [{rec['title']}]" if rec.get("title") else ""))
            if rec.get("error"):
                print(f"   error: {rec['error']}")
                continue
            for q in rec.get("quotes", []):
                who = q.get("speaker_name") or (q.get("speaker") or {}).get("text") or "?"
                cue = (q.get("cue") or {}).get("text") or ""
                text = q["text"] if len(q["text"]) < 90 else q["text"][:87] + "..."
                print(f"   {who} [{cue}] ({q['kind']}): {text}")
            for c in rec.get("claims", []):
                val = c.get("value") if "value" in c else f"{c.get('low')}-{c.get('high')}"
                src = c.get("source_name") or (c.get("source") or {}).get("text") or "-"
                what = (c.get("counted") or {}).get("text") or ""
                print(f"   # {c['text']} = {val} {c.get('unit') or ''} {what} <- {src}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "-")
