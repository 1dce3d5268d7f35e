#!/usr/bin/env python3
"""Prints one line per table of a whosaid SQLite corpus: name, row count and
a SHA-256 (first 16 hex digits) of every row ordered by all columns, FTS5
shadow tables included. Two stores with equal output hold the same rows.

Usage: /usr/bin/python3 bench/store_dump.py X.db > X.txt; diff A.txt B.txt
"""
import sqlite3, sys, hashlib
db = sqlite3.connect('file:%s?mode=ro' % sys.argv[1], uri=True)
names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
for n in names:
    try:
        cols = [r[1] for r in db.execute('PRAGMA table_info("%s")' % n)]
        if not cols: continue
        order = ','.join(str(i+1) for i in range(len(cols)))
        h = hashlib.sha256(); cnt = 0
        for row in db.execute('SELECT * FROM "%s" ORDER BY %s' % (n, order)):
            h.update(repr(row).encode()); cnt += 1
        print(n, cnt, h.hexdigest()[:16])
    except Exception as e:
        print(n, 'ERR', e)
