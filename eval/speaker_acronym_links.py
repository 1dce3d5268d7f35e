# Acronym speaker links (doc/quality.md, store24) of a whosaid SQLite corpus: counts, top links, ambiguity,
# article evidence (quotes whose mention is the acronym and whose resolved
# name is the full name), and what each threshold N would link.
import sqlite3, sys, re, collections
db = sqlite3.connect(sys.argv[1])
STOP = {"of", "and", "the", "for"}
def letters(name):
    if not re.fullmatch(r"[A-Z.&]+", name): return ""
    l = re.sub(r"[^A-Z]", "", name)
    return l if len(l) >= 2 else ""
def initials(key):
    out = ""
    for w in key.split():
        if w in STOP: continue
        if not w[0].isascii() or not w[0].isalpha(): return ""
        out += w[0].upper()
    return out
# speaker -> majority label, quotes (as LinkSpeakers computes)
lab = collections.defaultdict(dict)
for sid, l, q in db.execute("SELECT speaker_id, label, quotes FROM speaker_labels"):
    lab[sid][l] = q
sp = {}
for sid, name, key, label, linked in db.execute("SELECT id, name, name_key, label, linked_to FROM speakers"):
    sp[sid] = dict(name=name, key=key, label=label, linked=linked, quotes=sum(lab[sid].values()))
acr = {i: letters(s["name"]) for i, s in sp.items() if s["label"] == "ORG" and letters(s["name"])}
def bkey(j):
    k = sp[j]["key"]
    return k[4:] if k.startswith("the ") else k
# bodies: key without a leading "the"; quotes summed; target = form with most quotes
body = collections.defaultdict(list)
for i, s in sp.items():
    if s["label"] != "ORG" or letters(s["name"]): continue
    k = s["key"][4:] if s["key"].startswith("the ") else s["key"]
    if " " not in k: continue
    body[k].append(i)
full = collections.defaultdict(list)
for k, ids in body.items():
    best = sorted(ids, key=lambda j: (-sp[j]["quotes"], sp[j]["key"]))[0]
    tot = sum(sp[j]["quotes"] for j in ids)
    ini = initials(k)
    if len(ini) >= 2: full[ini].append((best, tot))
print("ORG acronym speakers:", len(acr), "quotes", sum(sp[i]["quotes"] for i in acr))
# article evidence: mention text has the acronym, resolved name is another speaker
ev = collections.Counter()
for mention, name, sid in db.execute("SELECT speaker_mention, speaker_name, speaker_id FROM quotes WHERE speaker_name <> '' AND speaker_mention <> speaker_name"):
    for w in re.findall(r"[A-Z][A-Z.&]*", mention):
        l = letters(w)
        if l and sid in sp: ev[(l, bkey(sid))] += 1
for N in (1, 3, 5, 10, 20, 50):
    linked = amb = 0; q = 0; e = 0
    for i, l in acr.items():
        c = [j for j, t in full.get(l, []) if t >= N]
        if len(c) == 1: linked += 1; q += sp[i]["quotes"]; e += ev[(l, bkey(c[0]))] > 0
        elif len(c) > 1: amb += 1
    print(f"N={N}: linked {linked} ({q} quotes; {e} with article evidence), ambiguous {amb}")
print("evidence pairs (acronym, resolved speaker):", len(ev))
if len(sys.argv) > 2:
    mode = sys.argv[2]
    rows = db.execute("SELECT s.id, s.name, t.id, t.name FROM speakers s JOIN speakers t ON t.id = s.linked_to").fetchall()
    links = [(a, an, b, bn) for a, an, b, bn in rows if a in acr]
    links.sort(key=lambda r: -sp[r[0]]["quotes"])
    print("acronym links:", len(links), "quotes moved:", sum(sp[r[0]]["quotes"] for r in links))
    sup = sum(1 for a, an, b, bn in links if ev[(acr[a], bkey(b))] > 0)
    print("links with article evidence (a quote whose mention is the acronym resolved to the full name):", sup)
    if mode == "top":
        for a, an, b, bn in links[:20]:
            print(f"  {an:10} {sp[a]['quotes']:6} -> {bn} ({sp[b]['quotes']}) evidence {ev[(acr[a], bkey(b))]}")
    if mode == "sample":
        for a, an, b, bn in sorted(links, key=lambda r: r[0] * 2654435761 % 1000003)[:40]:
            print(f"  {an:10} {sp[a]['quotes']:6} -> {bn} ({sp[b]['quotes']}) evidence {ev[(acr[a], bkey(b))]}")
    if mode == "amb":
        N = int(sys.argv[3])
        out = []
        for i, l in acr.items():
            c = [j for j, t in full.get(l, []) if t >= N]
            if len(c) > 1: out.append((sp[i]["quotes"], sp[i]["name"], [(sp[j]["name"], sp[j]["quotes"], ev[(l, bkey(j))]) for j in c]))
        for r in sorted(out, reverse=True): print(" ", r)
    if mode == "missed":  # unlinked acronyms with most quotes and their evidence
        out = []
        for i, l in acr.items():
            if sp[i]["linked"]: continue
            out.append((sp[i]["quotes"], sp[i]["name"], [(sp[j]["name"], t) for j, t in full.get(l, [])][:4]))
        for r in sorted(out, reverse=True)[:30]: print(" ", r)
