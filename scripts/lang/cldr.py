#!/usr/bin/env python3
"""Generates assets/lang/<code>/calendar.tsv: month and weekday names from Unicode CLDR.

Needs: python3 (3.8+, standard library only) and npm (7.18+ for `npm pack --pack-destination`;
it is used only to download three pinned package tarballs from the npm registry into a
temporary directory, which is deleted afterwards).

Source: the CLDR JSON packages published on npm by the Unicode Consortium (Unicode License v3):
  * cldr-dates-full       gregorian months and weekdays  (main/<locale>/ca-gregorian.json)
  * cldr-cal-islamic-full Hijri month names              (main/<locale>/ca-islamic*.json)
  * cldr-cal-persian-full Solar Hijri month names        (main/<locale>/ca-persian.json)
Versions and tarball checksums are pinned in PACKAGES below; a tarball whose sha512 differs is
refused.

Run from anywhere:
  python3 scripts/lang/cldr.py            # download, write assets/lang/*/calendar.tsv
  python3 scripts/lang/cldr.py --from DIR # use tarballs already in DIR (still checksummed)
  python3 scripts/lang/cldr.py --check    # offline self-test of the files in assets/lang/

Output rows are sorted and the files are byte-identical from run to run.
"""
import argparse
import base64
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.normpath(os.path.join(HERE, "..", "..", "assets", "lang"))

# name -> (version, sha512 of the tarball as npm prints it). cldr-cal-persian-full has no
# release after 46.1.0 on npm; the other two are CLDR 48.
PACKAGES = {
    "cldr-dates-full": (
        "48.2.0",
        "sha512-zMrKvjMO414HDftLr6vKH1fNQHakFNe+F1h4S0eg+zmL4WRi9pI41fxB3UrTJDY42MEM87jCuAw/qlqCgYKcAQ==",
    ),
    "cldr-cal-islamic-full": (
        "48.2.0",
        "sha512-iMu/LMaU/hN8u7RiD9toZD7UkhaeeqCwWta56RJRENpvS10VWEzYXvOOfcqrJUPzs2PsN4KqYX/9plouOrsVqA==",
    ),
    "cldr-cal-persian-full": (
        "46.1.0",
        "sha512-/fq34APYmMV+Lp66SA3lD6EsKY4eoSAzMXZxEHkiHQQzKO8Ph/vkv8ppm3QDsDHUp4YUFB6XOUNAXz+v+Zc6Eg==",
    ),
}

# calendar -> (package, file-name pattern of its JSON files in main/<locale>/)
CALENDARS = {
    "gregorian": ("cldr-dates-full", re.compile(r"^ca-gregorian\.json$")),
    # ca-islamic, -civil, -umalqura, -tbla, -rgsa: the same month names; merged, deduplicated.
    "islamic": ("cldr-cal-islamic-full", re.compile(r"^ca-islamic(-[a-z]+)?\.json$")),
    "persian": ("cldr-cal-persian-full", re.compile(r"^ca-persian\.json$")),
}

# language -> which locales (exact ids, or a prefix ending in "*": the language and all its
# regional locales in the package) and which calendars' month names to keep. Weekdays are taken
# from the gregorian calendar only (the other calendars repeat them).
LANGUAGES = {
    # en is CLDR's US English; en-GB is kept because it abbreviates September "Sept".
    "en": {"locales": ["en", "en-GB"], "calendars": ["gregorian"]},
    # CLDR's Arabic names of the Persian months (فرفردن، تار…) are not what Arabic news prints.
    "ar": {"locales": ["ar*"], "calendars": ["gregorian", "islamic"]},
    "fa": {"locales": ["fa*"], "calendars": ["gregorian", "islamic", "persian"]},
}

FORMS = ["wide", "abbreviated"]
CONTEXTS = ["format", "stand-alone"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]  # number 1..7
COLUMNS = ["calendar", "kind", "number", "form", "locales", "name"]
EXTRA_COLUMNS = COLUMNS + ["source"]
WEAK_COLUMNS = ["calendar", "kind", "number", "name", "reason"]


def sha512_sri(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def fetch(tmp, source_dir):
    """Returns {package: tarball bytes}, checked against the pinned integrity."""
    out = {}
    for name, (version, integrity) in sorted(PACKAGES.items()):
        fname = f"{name}-{version}.tgz"
        path = os.path.join(source_dir or tmp, fname)
        if not os.path.exists(path):
            if source_dir:
                sys.exit(f"{path} missing (run without --from to download)")
            subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--pack-destination", tmp, "--silent"],
                check=True, stdout=subprocess.DEVNULL,
            )
        with open(path, "rb") as f:
            data = f.read()
        got = sha512_sri(data)
        if got != integrity:
            sys.exit(f"{fname}: integrity {got} is not the pinned {integrity}")
        out[name] = data
    return out


def read_locales(tgz):
    """{locale: {file name: parsed JSON}} for the main/ files of one package tarball."""
    out = {}
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        for m in tar.getmembers():
            parts = m.name.split("/")
            if m.isfile() and len(parts) == 4 and parts[0] == "package" and parts[1] == "main":
                out.setdefault(parts[2], {})[parts[3]] = m
        locales = {
            loc: {fn: json.load(tar.extractfile(m)) for fn, m in files.items()}
            for loc, files in out.items()
        }
        return locales, tar.extractfile("package/LICENSE").read().decode()


def pick_locales(available, wanted):
    out = []
    for w in wanted:
        if w.endswith("*"):
            base = w[:-1]
            out += [l for l in available if l == base or l.startswith(base + "-")]
        elif w in available:
            out.append(w)
        else:
            sys.exit(f"locale {w} not in the package")
    return sorted(set(out))


def generate(tarballs):
    data, licences = {}, {}
    for name, tgz in tarballs.items():
        data[name], licences[name] = read_locales(tgz)
    for name, text in licences.items():
        if "UNICODE LICENSE V3" not in text or "SPDX-License-Identifier: Unicode-3.0" not in text:
            sys.exit(f"{name}: LICENSE is not the Unicode License v3 any more; check it")

    files = {}
    for lang, spec in sorted(LANGUAGES.items()):
        # (calendar, kind, number, form, name) -> set of locales
        rows = {}
        for cal in spec["calendars"]:
            pkg, pattern = CALENDARS[cal]
            locales = pick_locales(sorted(data[pkg]), spec["locales"])
            for loc in locales:
                for fn, doc in sorted(data[pkg][loc].items()):
                    if not pattern.match(fn):
                        continue
                    for cal_id, body in doc["main"][loc]["dates"]["calendars"].items():
                        add_names(rows, cal, loc, "month", body["months"], range(1, 13))
                        if cal == "gregorian":
                            add_names(rows, cal, loc, "weekday", body["days"], WEEKDAYS)
        files[lang] = rows
    return files, {n: v for n, (v, _) in PACKAGES.items()}


def add_names(rows, cal, loc, kind, table, keys):
    """Adds a locale's wide and abbreviated names (format and stand-alone merged). An
    abbreviated spelling that is also one of the locale's wide names is not repeated."""
    names = {}
    for form in FORMS:
        for ctx in CONTEXTS:
            for i, key in enumerate(keys, 1):
                names.setdefault((form, i), set()).add(table[ctx][form][str(key)])
    for (form, i), spellings in names.items():
        for s in spellings:
            if form == "abbreviated" and s in names[("wide", i)]:
                continue
            rows.setdefault((cal, kind, i, form, s), set()).add(loc)


def sort_key(row):
    cal, kind, number, form, name = row[0]
    return (list(CALENDARS).index(cal), kind, number, FORMS.index(form), sorted(row[1]), name)


def render(lang, rows, versions):
    used = sorted({CALENDARS[c][0] for c in LANGUAGES[lang]["calendars"]})
    lines = [
        "# Generated by scripts/lang/cldr.py from "
        + ", ".join(f"{p}@{versions[p]}" for p in used)
        + " (Unicode CLDR JSON on npm). Do not edit.",
        "# Data: Copyright (c) Unicode, Inc.; Unicode License v3, https://www.unicode.org/license.txt",
        "# number: month 1-12 of its calendar; weekday 1=Monday ... 7=Sunday.",
        "# form: wide or abbreviated (CLDR format and stand-alone contexts merged); an abbreviated",
        "# row only where the abbreviation differs from the locale's wide name.",
        "# locales: the CLDR locales that print this spelling. Names exactly as CLDR has them",
        "# (hamza, ZWNJ U+200C and Persian ezafe U+0654 kept); readers fold as they need.",
        "\t".join(COLUMNS),
    ]
    for (cal, kind, number, form, name), locs in sorted(rows.items(), key=sort_key):
        assert "\t" not in name and "\n" not in name
        lines.append("\t".join([cal, kind, str(number), form, ",".join(sorted(locs)), name]))
    return "\n".join(lines) + "\n"


def write(files, versions):
    for lang, rows in sorted(files.items()):
        d = os.path.join(ASSETS, lang)
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, "calendar.tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(render(lang, rows, versions))
        print(f"wrote {os.path.relpath(path)}: {len(rows)} rows")


def read_tsv(path, columns):
    """Rows (dicts) of a qari TSV: '#' comment lines, then a header row, then data."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    header = lines[0].split("\t")
    if header != columns:
        raise AssertionError(f"{path}: header {header} != {columns}")
    out = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(columns) or not all(cells):
            raise AssertionError(f"{path}: data row {n} has {len(cells)} cells or an empty one")
        out.append(dict(zip(columns, cells)))
    return out


def check():
    """Offline self-test of assets/lang/: every locale has 12 wide month names in each calendar
    its language lists and 7 wide weekday names; the curated files are well formed, add only
    spellings CLDR lacks, and flag only names the language knows."""
    problems = []
    for lang, spec in sorted(LANGUAGES.items()):
        d = os.path.join(ASSETS, lang)
        rows = read_tsv(os.path.join(d, "calendar.tsv"), COLUMNS)
        cals = {r["calendar"] for r in rows if r["kind"] == "month"}
        if cals != set(spec["calendars"]):
            problems.append(f"{lang}: month calendars {sorted(cals)} != {spec['calendars']}")
        have = {}
        for r in rows:
            if r["form"] not in FORMS or r["kind"] not in ("month", "weekday"):
                problems.append(f"{lang}: bad row {r}")
            for loc in r["locales"].split(","):
                if r["form"] == "wide":
                    have.setdefault((loc, r["calendar"], r["kind"]), set()).add(int(r["number"]))
        locales = {loc for (loc, _, _) in have}
        for loc in sorted(locales):
            for cal in spec["calendars"]:
                got = have.get((loc, cal, "month"), set())
                if got != set(range(1, 13)):
                    problems.append(f"{lang} {loc} {cal}: wide months {sorted(got)}")
            got = have.get((loc, "gregorian", "weekday"), set())
            if got != set(range(1, 8)):
                problems.append(f"{lang} {loc}: weekdays {sorted(got)}")
        for cal in spec["calendars"]:
            n = {int(r["number"]) for r in rows if r["calendar"] == cal and r["kind"] == "month"}
            if n != set(range(1, 13)):
                problems.append(f"{lang} {cal}: month numbers {sorted(n)}")
        known = {(r["calendar"], r["kind"], r["number"], r["name"]) for r in rows}
        extra_path = os.path.join(d, "calendar-extra.tsv")
        if os.path.exists(extra_path):
            for r in read_tsv(extra_path, EXTRA_COLUMNS):
                key = (r["calendar"], r["kind"], r["number"], r["name"])
                if key in known:
                    problems.append(f"{lang} extra {r['name']}: CLDR has it already")
                limit = 12 if r["kind"] == "month" else 7
                if not 1 <= int(r["number"]) <= limit or r["form"] not in FORMS:
                    problems.append(f"{lang} extra {r['name']}: bad number or form")
                known.add(key)
        weak_path = os.path.join(d, "weak-months.tsv")
        if os.path.exists(weak_path):
            for r in read_tsv(weak_path, WEAK_COLUMNS):
                if (r["calendar"], r["kind"], r["number"], r["name"]) not in known:
                    problems.append(f"{lang} weak {r['name']}: not a name in calendar*.tsv")
        print(f"{lang}: {len(rows)} CLDR rows, locales {','.join(sorted(locales))}")
    for p in problems:
        print("FAIL", p)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="source_dir", help="directory holding the pinned tarballs")
    ap.add_argument("--check", action="store_true", help="offline self-test of assets/lang/")
    args = ap.parse_args()
    if args.check:
        sys.exit(0 if check() else 1)
    with tempfile.TemporaryDirectory(prefix="qari-cldr-") as tmp:
        files, versions = generate(fetch(tmp, args.source_dir))
    write(files, versions)
    if not check():
        sys.exit(1)


if __name__ == "__main__":
    main()
