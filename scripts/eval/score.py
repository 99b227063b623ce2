#!/usr/bin/env python3
"""Scores `qari entities --json` on a folder of articles against a gold file in the schema of
shared/eval/seeds-gold.json, by the scoring rule of shared/eval/CONVENTIONS.md (the same rule
tests/extract.rs applies to the bundled samples).

  python3 scripts/eval/score.py GOLD.json ARTICLES_DIR [--qari PATH] [--errors]

Prints precision, recall and F1 per entity type and language, date values, and linking of
matched mentions; --errors lists every missed and spurious mention and date per file.
"""
import argparse
import collections
import json
import subprocess
import sys
import unicodedata


def fold(s):
    """Folds case, hyphens, Arabic letter variants and one leading Arabic proclitic."""
    out = []
    for c in s:
        if "\u064b" <= c <= "\u065f" or c in "\u0640\u0670":
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "’": "'", "‘": "'"}.get(c, c)
        if c == "-" or "\u2010" <= c <= "\u2015":
            c = " "
        out.append(c.lower())
    t = "".join(out)
    if len(t) > 3 and t[0] in "وفبك" or (t[:1] == "ل" and not t.startswith("لل") and len(t) > 3):
        t = t[1:]
    return t


def align(gold, pred):
    """Each gold item takes the first unused prediction with the same key, in order."""
    used = [False] * len(pred)
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not used[pi] and p == g:
                used[pi] = True
                pairs.append((gi, pi))
                break
    return pairs


class Prf:
    def __init__(self):
        self.tp = self.gold = self.pred = 0

    def f(self):
        p = self.tp / max(self.pred, 1)
        r = self.tp / max(self.gold, 1)
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def line(self, name):
        p = self.tp / max(self.pred, 1)
        r = self.tp / max(self.gold, 1)
        return f"{name:<12} P {p:.3f} R {r:.3f} F1 {self.f():.3f}  (tp {self.tp} gold {self.gold} pred {self.pred})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("articles")
    ap.add_argument("--qari", default="target/release/qari")
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    gold = json.load(open(a.gold, encoding="utf-8"))
    out = subprocess.run([a.qari, "entities", "--json", a.articles], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"qari failed: {out.stderr}")
    per = collections.defaultdict(Prf)
    dates = Prf()
    links = []
    for line in out.stdout.splitlines():
        doc = json.loads(line)
        name = doc["path"].rsplit("/", 1)[-1]
        g = gold.get(name)
        if g is None:
            continue
        lang = "ar" if doc["lang"] == "ar" else "en"
        key = lambda e: (e["type"], fold(e["text"]))
        gk = [key(e) for e in g["entities"]]
        pk = [key(e) for e in doc["entities"]]
        pairs = align(gk, pk)
        for t, _ in gk:
            per[(lang, t)].gold += 1
            per[(lang, "ALL")].gold += 1
        for t, _ in pk:
            per[(lang, t)].pred += 1
            per[(lang, "ALL")].pred += 1
        for gi, pi in pairs:
            per[(lang, gk[gi][0])].tp += 1
            per[(lang, "ALL")].tp += 1
            links.append((g["entities"][gi]["canonical"], doc["entities"][pi]["canonical"]))
        dkey = lambda d: (fold(d["text"]), d["value"])
        gd = [dkey(d) for d in g["dates"]]
        pd = [dkey(d) for d in doc["dates"]]
        dpairs = align(gd, pd)
        dates.gold += len(gd)
        dates.pred += len(pd)
        dates.tp += len(dpairs)
        if a.errors:
            mg = {gi for gi, _ in pairs}
            mp = {pi for _, pi in pairs}
            miss = [gk[i] for i in range(len(gk)) if i not in mg]
            spur = [pk[i] for i in range(len(pk)) if i not in mp]
            dmg = {gi for gi, _ in dpairs}
            dmp = {pi for _, pi in dpairs}
            dmiss = [gd[i] for i in range(len(gd)) if i not in dmg]
            dspur = [pd[i] for i in range(len(pd)) if i not in dmp]
            if miss or spur or dmiss or dspur:
                print(f"== {name} (pub {g['pub_date']}, qari {doc['date']})")
                for m in miss:
                    print(f"   missed   {m[0]:<6} {m[1]}")
                for m in spur:
                    print(f"   spurious {m[0]:<6} {m[1]}")
                for m in dmiss:
                    print(f"   missed   DATE   {m[0]} = {m[1]}")
                for m in dspur:
                    print(f"   spurious DATE   {m[0]} = {m[1]}")
    for k in sorted(per):
        print(per[k].line(f"{k[0]} {k[1]}"))
    print(dates.line("dates"))
    link = Prf()
    for i in range(len(links)):
        for j in range(i + 1, len(links)):
            sg = links[i][0] == links[j][0]
            sp = links[i][1] == links[j][1]
            link.gold += sg
            link.pred += sp
            link.tp += sg and sp
    print(link.line("linking"))


if __name__ == "__main__":
    main()
