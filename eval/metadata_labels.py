#!/usr/bin/env python3
"""Title and date accuracy against hand-annotated labels of the AEB pages.

eval/data/aeb_metadata_labels.jsonl gives, for each of the 181 pages of the
article-extraction benchmark (../shared/data/extraction/aeb), the headline
and the publication date an annotator read off the page (README there says
how). This script scores `whosaid extract` records against them and, when
readability-lxml is importable (Debian python3-readability), the titles of
that peer on the same pages:

  title.exact: normalised prediction == normalised gold (NFKC, HTML
    entities, curly quotes and dashes folded, blanks collapsed, case folded).
  title.f1_090: token F1 (word tokens of the normalised strings) >= 0.9, a
    lenient variant that forgives a site suffix on a long headline or one
    word of difference, not a different headline.
  date.exact: over pages whose gold has a date, the prediction's day
    (the YYYY-MM-DD the record starts with) equals the gold day; a missing
    prediction counts as wrong. date.exact_or_alt also accepts `date_alt`,
    the other day a page states when byline (publisher's time zone) and
    metadata (UTC) straddle midnight, or two stated dates disagree.
  date.false_positive: pages whose gold date is "none" that got a date.

Usage: eval/metadata_labels.py LABELS.jsonl RECORDS.jsonl [--html-dir DIR]
         [--json OUT] [--pages OUT.jsonl]
Standard library only, plus readability-lxml for the peer when present.
"""
import argparse
import gzip
import html
import json
import os
import re
import unicodedata

QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                        "`": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                        "″": '"', "«": '"', "»": '"', "–": "-", "—": "-",
                        "‐": "-", "‑": "-", "−": "-", "…": "...",
                        "\u00a0": " "})


def norm(s):
    s = html.unescape(s or "")
    s = unicodedata.normalize("NFKC", s).translate(QUOTES)
    return re.sub(r"\s+", " ", s).strip().casefold()


def tokens(s):
    return re.findall(r"\w+", norm(s))


def token_f1(pred, gold):
    p, g = tokens(pred), tokens(gold)
    if not p or not g:
        return 0.0
    common = {}
    for t in g:
        common[t] = common.get(t, 0) + 1
    hit = 0
    for t in p:
        if common.get(t, 0) > 0:
            common[t] -= 1
            hit += 1
    if not hit:
        return 0.0
    prec, rec = hit / len(p), hit / len(g)
    return 2 * prec * rec / (prec + rec)


def day(s):
    m = re.match(r"\s*((?:1[89]|20)\d\d-\d\d-\d\d)", s or "")
    return m[1] if m else None


def page_key(record_id):
    page = os.path.basename(str(record_id or ""))
    for ext in (".gz", ".html", ".htm"):
        if page.endswith(ext):
            page = page[: -len(ext)]
    return page


def readability_titles(html_dir, keys):
    """{key: (short_title, title)} from readability-lxml, or None."""
    try:
        from readability import Document  # noqa: PLC0415
    except ImportError:
        return None
    out = {}
    for k in keys:
        path = os.path.join(html_dir, k + ".html.gz")
        try:
            raw = gzip.open(path).read()
            doc = Document(raw)
            out[k] = (doc.short_title() or "", doc.title() or "")
        except Exception:  # noqa: BLE001 - a peer failure scores as empty
            out[k] = ("", "")
    return out


def score_titles(gold, preds):
    n = exact = lenient = missing = 0
    for k, g in gold.items():
        p = preds.get(k, "")
        n += 1
        missing += not p
        exact += bool(p) and norm(p) == norm(g["title"])
        lenient += bool(p) and token_f1(p, g["title"]) >= 0.9
    return {"pages": n, "exact": round(exact / n, 4),
            "f1_090": round(lenient / n, 4), "missing": missing,
            "exact_count": exact, "f1_090_count": lenient}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("records")
    ap.add_argument("--html-dir")
    ap.add_argument("--json")
    ap.add_argument("--pages")
    a = ap.parse_args()
    gold = {}
    for line in open(a.labels, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            gold[r["id"]] = r
    rec = {}
    for line in open(a.records, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            rec[page_key(r.get("id"))] = r

    titles = {k: (rec.get(k) or {}).get("title") or "" for k in gold}
    out = {"pages": len(gold), "title": score_titles(gold, titles)}

    dated = [k for k in gold if gold[k]["date"] != "none"]
    undated = [k for k in gold if gold[k]["date"] == "none"]
    d_exact = d_alt = d_missing = 0
    for k in dated:
        p = day((rec.get(k) or {}).get("published"))
        d_missing += p is None
        d_exact += p == gold[k]["date"]
        d_alt += p is not None and p in (gold[k]["date"], gold[k].get("date_alt"))
    fp = sum(day((rec.get(k) or {}).get("published")) is not None for k in undated)
    out["date"] = {
        "pages_with_date": len(dated),
        "exact": round(d_exact / len(dated), 4) if dated else None,
        "exact_or_alt": round(d_alt / len(dated), 4) if dated else None,
        "missing": d_missing, "exact_count": d_exact, "exact_or_alt_count": d_alt,
        "pages_without_date": len(undated), "false_positive": fp,
    }

    peer = readability_titles(a.html_dir, gold) if a.html_dir else None
    if peer is not None:
        out["readability"] = {
            "short_title": score_titles(gold, {k: v[0] for k, v in peer.items()}),
            "title": score_titles(gold, {k: v[1] for k, v in peer.items()}),
        }

    t, d = out["title"], out["date"]
    print(f'title: {t["exact_count"]}/{t["pages"]} exact ({t["exact"]}), '
          f'{t["f1_090_count"]}/{t["pages"]} token-F1>=0.9 ({t["f1_090"]}), '
          f'{t["missing"]} missing')
    print(f'date: {d["exact_count"]}/{d["pages_with_date"]} day exact ({d["exact"]}), '
          f'{d["exact_or_alt_count"]} exact or alternative day ({d["exact_or_alt"]}), '
          f'{d["missing"]} missing; {d["false_positive"]}/{d["pages_without_date"]} '
          f'undated pages got a date')
    if peer is not None:
        for name, s in out["readability"].items():
            print(f'readability {name}: {s["exact_count"]}/{s["pages"]} exact '
                  f'({s["exact"]}), {s["f1_090_count"]} token-F1>=0.9 ({s["f1_090"]})')
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    if a.pages:
        with open(a.pages, "w", encoding="utf-8") as f:
            for k, g in gold.items():
                r = rec.get(k) or {}
                row = {"id": k, "gold_title": g["title"], "title": r.get("title"),
                       "title_exact": norm(r.get("title")) == norm(g["title"]),
                       "title_f1": round(token_f1(r.get("title") or "", g["title"]), 3),
                       "gold_date": g["date"], "gold_date_alt": g.get("date_alt"),
                       "published": r.get("published"),
                       "date_ok": day(r.get("published")) == g["date"]
                       if g["date"] != "none" else day(r.get("published")) is None}
                if peer is not None:
                    row["readability_short_title"] = peer[k][0]
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
