#!/usr/bin/env python3
"""Generates assets/given-names.tsv: given names in Latin script that start a person's name in
English news ("Satya Nadella", "Brad Pitt", "Hossein Amir-Abdollahian"); and
assets/surnames.tsv: the most frequent US surnames, which tell a name from a headline's verb in
a title-case line ("Victoria Beckham Opens Store": Beckham is a surname, Opens is not).

Inputs (see assets/README.md for licences):
  * US Census Bureau 1990 first-name frequency lists (public domain), as shipped by the
    `names` package (MIT): the most frequent male and female names;
  * Wikidata given names of people from the Arab world, Iran and Pakistan (CC0), as shipped by
    `arabic-name-romanizer` (MIT) in its names.sqlite3 `units` table (role 'given');
  * assets/gazetteer.tsv, so that a word the gazetteer knows as a place, organisation or
    demonym ("Jordan", "Georgia", "Israel") is not listed.

A name is also dropped when it is an ordinary English word written with a capital (months,
virtues, titles, colours…): those are listed below, by hand.

Output: one name per line, `name<TAB>source`, sorted. Run: python3 scripts/gazetteer/given_names.py
"""
import os
import re
import sqlite3
import sys

import arabic_name_romanizer
import names

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
OUT = os.path.join(ROOT, "assets", "given-names.tsv")
SURNAMES_OUT = os.path.join(ROOT, "assets", "surnames.tsv")
# Census surname ranks kept (the first 20,000 cover about 90% of the population).
SURNAMES_TOP = 20_000

# Census ranks kept per list (the long tail is mostly rare spellings).
CENSUS_TOP = 1200
# Wikidata given names kept when this many people bear the spelling.
WIKIDATA_MIN = 6

# Given names that are also common capitalised words at a sentence start or in a title.
ENGLISH_WORDS = set("""
may june april august will bill mark grace hope faith joy rose lily iris ivy holly amber ruby
pearl crystal major sterling royal king prince duke earl baron bishop page chase hunter mason
carter cooper tanner summer autumn winter dawn sunny storm river sky rock stone young long price
rich guy art ray sun don dee lee kim buck bud cash chance christian clay colt dale dean drew
ellis frank gene glen grant gray green hardy heath jack jade jewel jewell joy justice ken kent
king lane lance lark lou love lucky miles misty neil noble norm north penny major march rex
rich rob roman rowan rusty sage sandy scott shell sky story sunny tad taylor van vernon wade
ward west will wood woody wren young zion ali al an ad ada alma angel ann bee bell bella belle
birdie bonnie candy carol cherry cleo coral daisy destiny diamond dolly eve faith fern flora
gay gem ginger goldie hazel heather ivory jasmine jean jenny joy june kitty lacy lady lavender
liberty lily magnolia marina mercy merry melody memory misty olive opal pansy patience pearl
peggy pepper pinky precious rose rosemary ruby sable scarlett serenity sharon shelby sierra
silver star starr sunshine tempest treasure trinity velvet violet willow august autumn blaze
general governor judge pastor deacon elder major colonel captain sergeant officer doctor
nurse mister miss madam lord lady sir dame baron marquis count viscount
minister president senator congress white black brown golden red
""".split())


def gazetteer_words():
    """Lower-cased one-word aliases of places, organisations and demonyms."""
    out = set()
    with open(os.path.join(ROOT, "assets", "gazetteer.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[1] != "PERSON" and cols[2] == "en":
                out.add(cols[3].lower())
    return out


LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$")
# Articles, kunyas and theophoric parts that Wikidata files as given names but that start
# place names or are not names on their own ("Al-Ahmad", "Abu Dhabi", "Allah").
NOT_ALONE = re.compile(r"^(?:Al|El|Ul|Ud|Ad|Ar|As|At|An|Az)-|^(?:Allah|Abu|Abou|Bin|Ibn|Bint|Umm|Um)$")


def main():
    blocked = ENGLISH_WORDS | gazetteer_words()
    found = {}

    def add(name, source):
        ok = LATIN_NAME.match(name) and not NOT_ALONE.match(name) and len(name) >= 3
        if ok and name.lower() not in blocked:
            found.setdefault(name, source)

    census = os.path.dirname(names.__file__)
    for fname in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(census, fname), encoding="ascii") as f:
            for line in f:
                cols = line.split()
                if cols and int(cols[3]) <= CENSUS_TOP:
                    add(cols[0].capitalize(), "census1990")

    db = os.path.join(os.path.dirname(arabic_name_romanizer.__file__), "resources", "names.sqlite3")
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT latin, SUM(count) FROM units WHERE role = 'given' AND source = 'wikidata' "
        "GROUP BY latin HAVING SUM(count) >= ?",
        (WIKIDATA_MIN,),
    )
    for latin, _ in sorted(rows):
        add(latin.strip(), "wikidata")

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# qari given names: generated by scripts/gazetteer/given_names.py; do not edit.\n")
        f.write("# name\tsource\n")
        for name in sorted(found):
            f.write(f"{name}\t{found[name]}\n")
    print(f"{len(found)} names -> {os.path.normpath(OUT)}", file=sys.stderr)

    surnames = []
    with open(os.path.join(census, "dist.all.last"), encoding="ascii") as f:
        for line in f:
            cols = line.split()
            if cols and int(cols[3]) <= SURNAMES_TOP:
                name = cols[0].capitalize()
                if name.lower() not in ENGLISH_WORDS:
                    surnames.append(name)
    with open(SURNAMES_OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# qari surnames: generated by scripts/gazetteer/given_names.py; do not edit.\n")
        f.write("# US Census Bureau 1990 surnames, most frequent first\n")
        for name in surnames:
            f.write(name + "\n")
    print(f"{len(surnames)} surnames -> {os.path.normpath(SURNAMES_OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
