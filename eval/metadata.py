#!/usr/bin/env python3
"""Title and date accuracy of HTML metadata extraction, against the AEB URLs.

The article-extraction benchmark (../shared/data/extraction/aeb) gives each
page's body and URL, no title or date. Its URL is an annotation made
independently of whosaid, and many news URLs carry the publication date and
a slug of the headline, so this script measures:

  date: over pages whose ground-truth URL holds a full date (/2019/11/19/,
    -2019-11-19-, /20191119/), the share whose `published` has that day
    (exact) or a neighbouring day (+-1, time zones); `date_only` counts
    predictions with no time part, the form the extractor also gives when it
    falls back to a date in the page's own URL (so those agree by
    construction when the page's canonical URL is the benchmark's).
  title: over pages whose URL ends in a slug of >= 3 words, the share whose
    `title` contains >= 60 % of the slug's words (a proxy: slugs are often
    shortened headlines; lower-cased, accents folded).
  coverage: share of all pages with a title / a date / an author.

Usage: eval/metadata.py GROUND_TRUTH.json RECORDS.jsonl [--json OUT]
Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import sys
import unicodedata

DATE_PATTERNS = [
    re.compile(r"/((?:19|20)\d\d)[/_-](\d\d)[/_-](\d\d)(?:[/_.-]|$)"),
    re.compile(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)"),
]


def url_date(url):
    for pat in DATE_PATTERNS:
        m = pat.search(url)
        if m:
            try:
                return datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def pred_date(s):
    m = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", s or "")
    if not m:
        return None
    try:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


STOP = {"the", "and", "for", "with", "from", "that", "this", "html", "htm",
        "php", "aspx", "amp", "index", "article", "story", "news"}


def slug_words(url):
    path = re.sub(r"[?#].*", "", url).rstrip("/")
    last = path.rsplit("/", 1)[-1]
    last = re.sub(r"\.(html?|php|aspx?)$", "", last)
    words = [w for w in re.split(r"[-_+.]", fold(last)) if w]
    words = [w for w in words if len(w) >= 3 and not w.isdigit() and w not in STOP
             and not re.fullmatch(r"[a-z]*\d[a-z\d]*", w)]
    return words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("records")
    ap.add_argument("--json")
    a = ap.parse_args()
    gold = json.load(open(a.gold, encoding="utf-8"))
    pred = {}
    for line in open(a.records, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        page = os.path.basename(str(r.get("id", "")))
        for ext in (".gz", ".html", ".htm"):
            if page.endswith(ext):
                page = page[: -len(ext)]
        pred[page] = r
    n = len(gold)
    d_total = d_exact = d_near = d_missing = d_only = 0
    t_total = t_ok = 0
    cov = {"title": 0, "published": 0, "author": 0}
    for key, g in gold.items():
        r = pred.get(key, {})
        for f in cov:
            cov[f] += bool(r.get(f))
        url = g.get("url") or ""
        ud = url_date(url)
        if ud:
            d_total += 1
            pd = pred_date(r.get("published"))
            if pd is None:
                d_missing += 1
            else:
                d_exact += pd == ud
                d_near += abs((pd - ud).days) <= 1
                d_only += len(r.get("published") or "") == 10
        words = slug_words(url)
        if len(words) >= 3:
            t_total += 1
            title = fold(r.get("title") or "")
            tw = set(re.findall(r"\w+", title))
            hit = sum(w in tw or w in title for w in words)
            t_ok += hit >= 0.6 * len(words)
    out = {
        "pages": n,
        "date": {"pages_with_url_date": d_total,
                 "exact": round(d_exact / d_total, 4) if d_total else None,
                 "within_1_day": round(d_near / d_total, 4) if d_total else None,
                 "missing": d_missing, "date_only": d_only},
        "title": {"pages_with_url_slug": t_total,
                  "slug_match": round(t_ok / t_total, 4) if t_total else None},
        "coverage": {f: round(v / n, 4) for f, v in cov.items()},
    }
    print(f'date: {d_exact}/{d_total} exact ({out["date"]["exact"]}), '
          f'{d_near}/{d_total} within a day ({out["date"]["within_1_day"]}), '
          f'{d_missing} missing, {d_only} date-only')
    print(f'title: {t_ok}/{t_total} match the URL slug ({out["title"]["slug_match"]})')
    print("coverage: " + ", ".join(f"{f} {v}" for f, v in out["coverage"].items()))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
