"""The relevance table: queries over the demo catalogue and the products each must return first.

Run on SQLite by default and on PostgreSQL when DATABASE_URL is set (the database
backend: FTS5 + trigram table, or full-text `simple` + pg_trgm). Each row names the
product(s) that must make up the first results, in any order among themselves.
Every spelling case of the one normalizer appears (Arabic ي/ك, ة/ۀ, ZWNJ, diacritics
and tatweel, Persian/Arabic/Latin digits), English case and plurals, and one-letter
typos in both languages.
"""

from urllib.parse import urlencode

import pytest

from catalogue.models import Product

from .conftest import search, upcs

pytestmark = pytest.mark.django_db

HONEY = {f"HM-HNY-00{n}" for n in range(1, 8)}
BALUCH_NEEDLEWORK = {"HM-EMB-001", "HM-EMB-002", "HM-EMB-003", "HM-EMB-004"}
RUGS = {"HM-HWC-002", "HM-HWC-005", "HM-HWC-008", "HM-HWC-009"}  # قالیچه
TABLEAUX = {f"HM-TAB-00{n}" for n in range(1, 8)}

RELEVANCE = [
    # (query, products that must come first, what it shows)
    ("عسل آویشن", {"HM-HNY-005"}, "every word in the title beats words in the body"),
    ("عسل", HONEY, "a Persian word: titles first"),
    ("عَسَل", HONEY, "diacritics (fatha) ignored"),
    ("قالیـچه", RUGS, "tatweel ignored"),
    ("قالي اردبيل", {"HM-HWC-001", "HM-HWC-004"}, "Arabic yeh; whole title words before prefixes (قالیچه)"),
    ("كيف چرم", {"HM-LTH-004", "HM-LTH-008"}, "Arabic kaf and yeh"),
    ("آويشن", {"HM-HRB-007", "HM-HNY-005"}, "Arabic yeh inside a word"),
    ("رومیزي", {"HM-EMB-005", "HM-EMB-004"}, "Arabic yeh at the end of a word"),
    ("جعبۀ هدیۀ", {"HM-HNY-004"}, "heh with yeh above (ۀ)"),
    ("جعبة هدية", {"HM-HNY-004"}, "teh marbuta (ة)"),
    ("سوزن‌دوزی", BALUCH_NEEDLEWORK, "with the zero-width non-joiner"),
    ("سوزندوزی", BALUCH_NEEDLEWORK, "without the zero-width non-joiner"),
    ("سوزن دوزی", BALUCH_NEEDLEWORK, "a space typed for the non-joiner (found through trigrams)"),
    ("کیف دست‌دوز", {"HM-LTH-001", "HM-LTH-004"}, "ZWNJ inside a compound, two words"),
    ("کیف دستدوز", {"HM-LTH-001", "HM-LTH-004"}, "the same compound without ZWNJ"),
    ("مشگین‌شهر", {"HM-HWC-005"}, "a place name with ZWNJ: the title first, attribute text after"),
    ("عسل ۵۰۰ گرم", {"HM-HNY-002"}, "Persian digits"),
    ("عسل ٥٠٠ گرم", {"HM-HNY-002"}, "Arabic-Indic digits"),
    ("عسل 500 گرم", {"HM-HNY-002"}, "Latin digits against a title written with Persian digits"),
    ("گل گاوزبان ٥٠", {"HM-HRB-008"}, "Arabic-Indic digits with words"),
    ("۱٫۵ کیلوگرمی", {"HM-HNY-007"}, "a Persian decimal number"),
    ("شابیل", {"HM-HNY-002"}, "a word found only in the description and attributes"),
    ("کرمان", {"HM-EMB-005"}, "a region in the title before its producers' other products"),
    ("گبه", {"HM-HWC-006", "HM-HWC-007"}, "a craft word"),
    ("سبلان", {"HM-HNY-001", "HM-HNY-004", "HM-HRB-007", "HM-TAB-001"}, "titles before producer names"),
    ("HONEY", HONEY, "English in capitals"),
    ("honeycomb", {"HM-HNY-003"}, "English, one product"),
    ("Qashqai", {"HM-HWC-006", "HM-KLM-006", "HM-KLM-007"}, "English, mixed case"),
    ("carpets", {"HM-HWC-001", "HM-HWC-004"}, "an English plural finds the singular"),
    ("Ardabil", {"HM-HWC-001", "HM-HWC-002", "HM-HWC-003", "HM-HWC-004", "HM-KLM-004"}, "a region in English"),
    ("Naqsh-e Jahan", {"HM-TAB-006"}, "a hyphenated name"),
    ("sheikh safi", {"HM-HWC-001", "HM-TAB-004"}, "two English words"),
    ("wallet", {"HM-LTH-001", "HM-LTH-008"}, "English"),
    ("Kurdish dress", {"HM-CLO-005", "HM-CLO-007"}, "two English words, one possessive in between"),
    ("tableau", TABLEAUX, "every tableau carpet"),
    ("pateh", {"HM-EMB-005", "HM-EMB-006", "HM-EMB-007", "HM-EMB-008"}, "a craft in English"),
    ("A5", {"HM-LTH-005"}, "letters and digits"),
    ("1.5 kg", {"HM-HNY-007"}, "an English decimal"),
    # One-letter typos (trigram word similarity).
    ("شورابیک", {"HM-TAB-005"}, "Persian typo: last letter"),
    ("دیپلمت", {"HM-CLO-001"}, "Persian typo: a letter left out"),
    ("خورجبن", {"HM-KLM-007"}, "Persian typo: a wrong letter inside"),
    ("بابونح", {"HM-HRB-002"}, "Persian typo: a wrong last letter"),
    ("Shorabel", {"HM-TAB-005"}, "English typo: a wrong letter"),
    ("chamomille", {"HM-HRB-002"}, "English typo: a letter too many"),
    ("saddlebeg", {"HM-KLM-007"}, "English typo: a wrong letter"),
    ("hollyhok", {"HM-HRB-004"}, "English typo: a letter left out"),
    ("walet", {"HM-LTH-001", "HM-LTH-008"}, "English typo: a letter left out"),
]


def unlisted():
    """The demo products off the market (expired, revoked, suspended, or never certified)."""
    return set(Product.objects.exclude(pk__in=Product.objects.browsable()).values_list("upc", flat=True))


def test_the_table_is_large_enough(demo_catalogue):
    off_market = unlisted()
    assert off_market  # the demo has expired, revoked and suspended certificates
    answerable = [row for row in RELEVANCE if row[1] - off_market]
    assert len(answerable) >= 30
    assert sum(1 for query, *_ in answerable if query.isascii()) >= 10


@pytest.mark.parametrize(("query", "expected", "why"), RELEVANCE, ids=[row[0] for row in RELEVANCE])
def test_relevance(demo_catalogue, query, expected, why):
    off_market = unlisted()
    expected = expected - off_market  # the gate wins over relevance
    found = upcs(search(urlencode({"q": query})))
    assert set(found[: len(expected)]) == expected, f"{query!r} ({why}): {found[: len(expected) + 3]}"
    assert not off_market & set(found), f"{query!r} returned a product that is off the market"


def test_products_off_the_market_are_never_found(demo_catalogue):
    off_market = Product.objects.filter(upc__in=unlisted())
    assert off_market.exists()
    for product in off_market:
        for title in (product.title_fa, product.title_en):
            assert product.upc not in upcs(search(urlencode({"q": title}))), title


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("قالي", "قالی"),
        ("كيف", "کیف"),
        ("هدیۀ", "هدیه"),
        ("سوزن‌دوزی", "سوزندوزی"),
        ("عَسَلِ", "عسل"),
        ("٥٠٠ گرم", "500 گرم"),
        ("۵۰۰ گرم", "500 گرم"),
        ("WALLET", "wallet"),
    ],
)
def test_spelling_variants_give_the_same_results(demo_catalogue, variant, canonical):
    assert upcs(search(urlencode({"q": variant}))) == upcs(search(urlencode({"q": canonical})))


def test_typos_come_after_exact_matches_only_when_nothing_matches_exactly(demo_catalogue):
    # «Sabalan» matches exactly: the typo route is not taken, so its near-misses do not dilute the list.
    exact = upcs(search("q=Sabalan"))
    assert exact and all("HM-" in upc for upc in exact)
    typo = upcs(search("q=Sabalam"))
    assert set(typo) <= set(exact)
