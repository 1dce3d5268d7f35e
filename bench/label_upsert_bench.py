#!/usr/bin/env python3
"""Replays the speaker_labels upserts of a stored whosaid corpus into an empty
table, one per (speaker, document) against one per (speaker, batch of 500
documents), and prints their CPU time (the label is a constant: the cost of
the upsert, not the counts, is measured).

Usage: /usr/bin/python3 bench/label_upsert_bench.py X.db [SCRATCH.db]
"""
import sqlite3, time, sys, os
src = sqlite3.connect('file:%s?mode=ro' % sys.argv[1], uri=True)
pairs = src.execute("SELECT doc_id, speaker_id, count(*) FROM quotes WHERE speaker_id IS NOT NULL GROUP BY doc_id, speaker_id ORDER BY doc_id, min(id)").fetchall()
batches = {}
for d, sp, n in pairs:
    batches.setdefault((d - 1) // 500, []).append((sp, n))
UP = "INSERT INTO speaker_labels(speaker_id,label,quotes) VALUES (?,'PERSON',?) ON CONFLICT(speaker_id,label) DO UPDATE SET quotes = quotes + excluded.quotes"
def run(per_batch):
    path = sys.argv[2] if len(sys.argv) > 2 else '/tmp/label_upsert_bench.db'
    for suf in ('', '-wal', '-shm'):
        if os.path.exists(path + suf): os.remove(path + suf)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE speaker_labels(speaker_id INTEGER NOT NULL, label TEXT NOT NULL, quotes INTEGER NOT NULL, PRIMARY KEY(speaker_id,label)) WITHOUT ROWID")
    rows = 0; t0 = time.process_time()
    for b in sorted(batches):
        items = batches[b]
        if per_batch:
            agg = {}
            for sp, n in items: agg[sp] = agg.get(sp, 0) + n
            items = sorted(agg.items())
        db.execute("BEGIN"); db.executemany(UP, items); db.execute("COMMIT")
        rows += len(items)
    return rows, time.process_time() - t0
for rep in range(2):
    for pb in (False, True):
        r, t = run(pb)
        print('per batch' if pb else 'per document', r, 'upserts', round(t, 2), 's CPU', round(t / r * 1e6, 2), 'us each')
