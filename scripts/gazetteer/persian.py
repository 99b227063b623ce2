"""Persian (fa) aliases for generate.py, from the same sources as the Arabic ones.

  * CLDR territory names in Persian, via Babel;
  * GeoNames alternate names written in the Persian alphabet (GeoNames does not tag the
    language of an alternate name; Urdu, Pashto, Kurdish and Uyghur spellings use letters
    Persian does not, and Arabic ones none that only Persian uses, so the alphabet tells);
  * scripts/gazetteer/curated-fa.tsv: Persian news spellings of curated people and bodies.
"""
import os
import re

from babel import Locale

HERE = os.path.dirname(os.path.abspath(__file__))
# Arabic letters without ى (Uyghur), the four Persian letters, Persian kaf and yeh, the ezafe
# hamza and ZWNJ.
PERSIAN_ALPHABET = re.compile(r"^[\u0621-\u063A\u0641-\u0649\u064A\u0654\u067E\u0686\u0698\u06AF\u06A9\u06CC\u200C ]+$")
PERSIAN_ONLY = re.compile(r"[\u067E\u0686\u0698\u06AF\u06A9\u06CC]")
# Place names (of any Arabic-script source) that are also common Persian words: خبر "news"
# (Khobar), آستانه "threshold" (Astana), تازه "new".
FA_COMMON = {"مرکز", "شهر", "بندر", "آزادی", "امید", "بهار", "مهر", "خبر", "آستانه", "تازه",
             "سایت", "کار", "باران"}


def is_common(name, fold):
    """Whether an Arabic-script alias, folded by `fold`, is also a common Persian word."""
    return fold(name) in {fold(w) for w in FA_COMMON}


def is_persian(name):
    """Written in the Persian alphabet with at least one letter Arabic does not use."""
    return bool(PERSIAN_ALPHABET.match(name) and PERSIAN_ONLY.search(name))


def territories(add, skip):
    """CLDR's Persian name of every territory generate.py keeps (gpe:<code>)."""
    en, fa = Locale("en").territories, Locale("fa").territories
    for code, name in sorted(fa.items()):
        if code in en and code not in skip and not code.isdigit():
            # CLDR writes the ezafe hamza (کرهٔ شمالی); news mostly does not.
            for n in dict.fromkeys([name.replace("\u0654", ""), name]):
                add("gpe:" + code, "PLACE", n, en[code], "cldr")


def city_aliases(city):
    """The Persian alternate names of a GeoNames city (provinces named after it left out):
    Iran's cities, and those of half a million people elsewhere (the Persian names of small
    towns abroad are letter-by-letter transliterations that collide with Persian words)."""
    if city["countrycode"] != "IR" and city["population"] < 500_000:
        return []
    out = sorted({a for a in city["alternatenames"] if is_persian(a)})
    return [a for a in out if not a.startswith("استان ")]


def curated(add, canon):
    """The hand-curated Persian spellings, on the ids curated.tsv and CLDR define."""
    for line in open(os.path.join(HERE, "curated-fa.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        eid, typ, name, aliases = line.split("\t")
        for a in aliases.split("|"):
            add(eid, typ, a, canon.get(eid, name), "curated")


def without_and(alias):
    """The alias without the Persian "و" between two words («علم و صنعت»), which the
    one-letter-word filter must not take for a stray letter."""
    return alias.replace(" و ", " ") if is_persian(alias) else alias
