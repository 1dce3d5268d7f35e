#!/usr/bin/python3
"""FTS5 table options against the writer's FTS5 work, in isolation.

Replays the FTS5 inserts of an ingested store (doc_fts, quote_fts,
claim_fts rows in the writer's order, one transaction per 500 documents,
the store's pragmas) into fresh FTS5 tables declared as in
src/store/schema.cc plus the given options, and prints the process CPU
seconds of the inserts and of an optional final step. Uses the system
SQLite through Python's sqlite3 (the same libsqlite3 as whosaid on Debian).

Usage: /usr/bin/python3 bench/fts_options_bench.py STORE.db OUT.db CONFIG
  CONFIG: "base", or comma-separated key=value: automerge, crisismerge,
  pgsz, hashsize, usermerge (FTS5 configuration values), detail,
  columnsize, prefix (table options), final=optimize|N ('optimize' or
  'merge' N after the inserts).
"""
import sqlite3, sys, time, os, resource

src, dst, cfg = sys.argv[1], sys.argv[2], sys.argv[3]
batch = 500
s = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
docs = s.execute("SELECT id, title, text FROM documents WHERE duplicate_of IS NULL ORDER BY id").fetchall()
quotes = {}
for qid, doc, content in s.execute("SELECT id, doc_id, content FROM quotes ORDER BY id"):
    quotes.setdefault(doc, []).append((qid, content))
claims = {}
for cid, doc, text, counted in s.execute("SELECT c.id, c.doc_id, c.text, c.counted FROM claims c ORDER BY id"):
    claims.setdefault(doc, []).append((cid, text, counted))
s.close()
for f in (dst, dst + "-wal", dst + "-shm"):
    if os.path.exists(f): os.remove(f)
d = sqlite3.connect(dst, isolation_level=None)
d.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;")
opts = dict(kv.split("=", 1) for kv in cfg.split(",") if kv and "=" in kv) if cfg != "base" else {}
extra = {k: v for k, v in opts.items() if k in ("detail", "columnsize", "prefix")}
ex = "".join(f", {k}={v}" if k != "prefix" else f", prefix='{v}'" for k, v in extra.items())
tok = "tokenize='unicode61 remove_diacritics 2'"
d.executescript(f"""
CREATE VIRTUAL TABLE doc_fts USING fts5(title, text, content='documents', content_rowid='id', {tok}{ex});
CREATE VIRTUAL TABLE quote_fts USING fts5(content, content='quotes', content_rowid='id', {tok}{ex});
CREATE VIRTUAL TABLE claim_fts USING fts5(text, counted, content='claims', content_rowid='id', {tok}{ex});
""")
for t in ("doc_fts", "quote_fts", "claim_fts"):
    for k in ("automerge", "crisismerge", "pgsz", "hashsize", "usermerge"):
        if k in opts:
            d.execute(f"INSERT INTO {t}({t}, rank) VALUES ('{k}', {opts[k]})")
t0 = time.process_time(); w0 = time.monotonic()
for i in range(0, len(docs), batch):
    d.execute("BEGIN")
    for did, title, text in docs[i:i + batch]:
        d.execute("INSERT INTO doc_fts(rowid, title, text) VALUES (?,?,?)", (did, title, text))
        for qid, c in quotes.get(did, ()):
            d.execute("INSERT INTO quote_fts(rowid, content) VALUES (?,?)", (qid, c))
        for cid, tx, co in claims.get(did, ()):
            d.execute("INSERT INTO claim_fts(rowid, text, counted) VALUES (?,?,?)", (cid, tx, co))
    d.execute("COMMIT")
t1 = time.process_time()
final = opts.get("final", "")
if final:
    for t in ("doc_fts", "quote_fts", "claim_fts"):
        if final == "optimize":
            d.execute(f"INSERT INTO {t}({t}) VALUES ('optimize')")
        else:
            d.execute(f"INSERT INTO {t}({t}, rank) VALUES ('merge', {final})")
t2 = time.process_time()
segs = {t: d.execute(f"SELECT count(*) FROM {t}_data").fetchone()[0] for t in ("doc_fts", "quote_fts", "claim_fts")}
d.close()
print(f"{cfg}: inserts {t1-t0:.2f} s CPU, final {t2-t1:.2f}, total {t2-t0:.2f}; wall {time.monotonic()-w0:.1f}; size {os.path.getsize(dst)/1e6:.0f} MB; data rows {segs}", flush=True)
