"""Search latency on the database backend at catalogue sizes of your choice (not a test: pytest ignores it).

    .venv/bin/python tests/benchmarks/search_benchmark.py --products 1000 10000 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python tests/benchmarks/search_benchmark.py --products 1000 10000

Builds a catalogue of certified products with bulk inserts (regions, producers, crafts,
categories, stock records, approved applications and certificates), grows it to each size in
turn, rebuilds the search index, and runs 200 representative queries (Persian and English
words, Arabic spellings, one-letter typos, facet selections, sorting, plain browsing). It
reports p50/p95 latency of `backend.search()` (matching, facet counts, the page's products)
and of the header's suggestions.

Without DATABASE_URL it uses a fresh SQLite file in a temporary folder. With DATABASE_URL it
uses that database, which must be empty or hold only an earlier run of this benchmark: it is
migrated and filled, never cleaned (drop it afterwards).
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REGIONS = [
    ("ardabil", "اردبیل", "Ardabil"),
    ("fars", "فارس", "Fars"),
    ("isfahan", "اصفهان", "Isfahan"),
    ("kerman", "کرمان", "Kerman"),
    ("markazi", "مرکزی", "Markazi"),
    ("sistan-baluchestan", "سیستان و بلوچستان", "Sistan and Baluchestan"),
    ("west-azerbaijan", "آذربایجان غربی", "West Azerbaijan"),
]
CRAFTS = [
    ("carpet", "قالی دستباف", "Hand-woven carpet", ["قالی", "قالیچه", "کناره"], ["carpet", "rug", "runner"]),
    ("kilim", "گلیم", "Kilim", ["گلیم", "جاجیم", "سفره"], ["kilim", "jajim", "sofreh"]),
    ("tableau", "تابلو فرش", "Tableau carpet", ["تابلو فرش", "تابلو"], ["tableau", "wall hanging"]),
    ("honey", "عسل", "Honey", ["عسل", "شان عسل"], ["honey", "honeycomb"]),
    ("herbs", "گیاهان دارویی", "Medicinal herbs", ["آویشن", "گل محمدی", "بابونه"], ["thyme", "rose", "chamomile"]),
    ("leather", "چرم دست‌دوز", "Hand-sewn leather", ["کیف", "کمربند", "جاکارتی"], ["wallet", "belt", "card holder"]),
    ("embroidery", "رودوزی", "Embroidery", ["سوزن‌دوزی", "پته", "رومیزی"], ["needlework", "pateh", "tablecloth"]),
    ("clothing", "پوشاک", "Clothing", ["پیراهن", "جلیقه", "لباس کردی"], ["shirt", "vest", "kurdish dress"]),
]
ADJECTIVES = [
    ("ابریشمی", "silk"),
    ("پشمی", "wool"),
    ("کوهی", "mountain"),
    ("سنتی", "traditional"),
    ("طبیعی", "natural"),
    ("دست‌باف", "handmade"),
    ("کوچک", "small"),
    ("بزرگ", "large"),
    ("قشقایی", "qashqai"),
    ("بلوچ", "baluch"),
]

QUERY_KINDS = {
    "persian word": 0.25,
    "persian two words": 0.15,
    "arabic spelling": 0.05,
    "english": 0.15,
    "typo": 0.10,
    "facets": 0.10,
    "text + facets": 0.10,
    "browse sorted": 0.10,
}


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- Building the catalogue -----------------------------------------------------------------------


def reference_data():
    """Regions, crafts, categories, producers, brands and standards (idempotent)."""
    from oscar.apps.partner.models import Partner

    from catalogue.models import Category, ProductClass
    from producers.models import Brand, Producer, Region
    from quality.models import Standard

    regions = []
    for slug, name_fa, name_en in REGIONS:
        region, _ = Region.objects.get_or_create(slug=slug, defaults={"name_fa": name_fa, "name_en": name_en})
        regions.append(region)
    crafts = []
    for code, name_fa, name_en, words_fa, words_en in CRAFTS:
        product_class, _ = ProductClass.objects.get_or_create(
            slug=code, defaults={"name": name_fa, "name_fa": name_fa, "name_en": name_en, "track_stock": True}
        )
        category = Category.objects.filter(code=code).first() or Category.add_root(
            code=code, slug=code, name=name_fa, name_fa=name_fa, name_en=name_en, is_public=True
        )
        standard, _ = Standard.objects.get_or_create(
            code=f"BENCH-{code}", defaults={"title": name_en, "product_class": product_class}
        )
        crafts.append((product_class, category, standard, words_fa, words_en))
    producers = []
    for n in range(24):
        slug = f"bench-producer-{n}"
        producer = Producer.objects.filter(slug=slug).first()
        if producer is None:
            region = regions[n % len(regions)]
            partner = Partner.objects.create(name=f"Bench producer {n}", code=slug)
            producer = Producer.objects.create(
                partner=partner,
                slug=slug,
                name=f"کارگاه {region.name_fa} {n}",
                name_fa=f"کارگاه {region.name_fa} {n}",
                name_en=f"{region.name_en} workshop {n}",
                region=region,
            )
            Brand.objects.create(
                slug=slug, name_fa=producer.name_fa, name_en=producer.name_en, producer=producer, kind="producer"
            )
        producers.append((producer, Brand.objects.get(slug=slug)))
    return crafts, producers


def grow_catalogue(target, crafts, producers, rng, chunk=5000):
    """Bulk-insert certified products until there are `target` of them."""
    from django.db import transaction
    from django.utils import timezone
    from oscar.apps.partner.models import StockRecord

    from catalogue.models import Product, ProductCategory
    from quality.models import Certificate, CertificationApplication

    start = Product.objects.count()
    now = timezone.now()
    for first in range(start, target, chunk):
        last = min(first + chunk, target)
        products, extras = [], []
        for n in range(first, last):
            product_class, category, standard, words_fa, words_en = crafts[n % len(crafts)]
            producer, brand = producers[rng.randrange(len(producers))]
            word = rng.randrange(len(words_fa))
            adjective_fa, adjective_en = ADJECTIVES[rng.randrange(len(ADJECTIVES))]
            region = producer.region
            title_fa = f"{words_fa[word]} {adjective_fa} {region.name_fa} مدل {n}"
            title_en = f"{adjective_en.title()} {words_en[word]} from {region.name_en}, model {n}"
            products.append(
                Product(
                    upc=f"BENCH-{n:07d}",
                    slug=f"bench-{n}",
                    structure=Product.STANDALONE,
                    is_public=True,
                    product_class=product_class,
                    producer=producer,
                    brand=brand,
                    title=title_fa,
                    title_fa=title_fa,
                    title_en=title_en,
                    description=f"{words_fa[word]} {adjective_fa} ساخت {producer.name_fa} در {region.name_fa}.",
                    description_fa=f"{words_fa[word]} {adjective_fa} ساخت {producer.name_fa} در {region.name_fa}.",
                    description_en=f"A {adjective_en} {words_en[word]} made by {producer.name_en} in {region.name_en}.",
                    lead_time_days=30 if n % 10 == 0 else None,
                )
            )
            extras.append((producer, category, standard))
        with transaction.atomic():
            Product.objects.bulk_create(products, batch_size=1000)
            StockRecord.objects.bulk_create(
                [
                    StockRecord(
                        product=product,
                        partner=producer.partner,
                        partner_sku=product.upc,
                        price=Decimal(rng.choice([150, 480, 900, 1500, 3200, 7500, 18000, 46000, 98000]) * 1000),
                        price_currency="IRT",
                        num_in_stock=rng.choice([0, 3, 10, 25]),
                    )
                    for product, (producer, _category, _standard) in zip(products, extras, strict=True)
                ],
                batch_size=1000,
            )
            ProductCategory.objects.bulk_create(
                [
                    ProductCategory(product=product, category=category)
                    for product, (_producer, category, _standard) in zip(products, extras, strict=True)
                ],
                batch_size=1000,
            )
            applications = CertificationApplication.objects.bulk_create(
                [
                    CertificationApplication(
                        product=product,
                        producer=producer,
                        standard=standard,
                        product_version=1,
                        state="approved",
                        submitted_at=now,
                        decided_at=now,
                    )
                    for product, (producer, _category, standard) in zip(products, extras, strict=True)
                ],
                batch_size=1000,
            )
            Certificate.objects.bulk_create(
                [
                    Certificate(
                        number=f"BENCH-{application.product.upc}",
                        application=application,
                        product=application.product,
                        producer=application.producer,
                        standard=application.standard,
                        product_version=1,
                        issued_at=now,
                        valid_from=now - timedelta(days=1),
                        valid_until=now + timedelta(days=365),
                    )
                    for application in applications
                ],
                batch_size=1000,
            )
        print(f"  {last} products", file=sys.stderr, end="\r")
    print(file=sys.stderr)


# --- Queries -----------------------------------------------------------------------------------------


def arabic(text):
    return text.replace("ی", "ي").replace("ک", "ك")


def typo(word, rng):
    letters = list(word)
    position = rng.randrange(1, len(letters))
    letters[position] = "ا" if not word.isascii() else "e" if letters[position] != "e" else "a"
    return "".join(letters)


def representative_queries(count, rng):
    """(kind, GET parameters) of `count` queries in QUERY_KINDS proportions."""
    kinds = [kind for kind, share in QUERY_KINDS.items() for _ in range(round(share * count))][:count]
    queries = []
    for kind in kinds:
        _code, _name_fa, _name_en, words_fa, words_en = CRAFTS[rng.randrange(len(CRAFTS))]
        word_fa = rng.choice(words_fa)
        word_en = rng.choice(words_en)
        adjective_fa, adjective_en = rng.choice(ADJECTIVES)
        region = rng.choice(REGIONS)
        if kind == "persian word":
            params = {"q": word_fa}
        elif kind == "persian two words":
            params = {"q": f"{word_fa} {rng.choice([adjective_fa, region[1]])}"}
        elif kind == "arabic spelling":
            params = {"q": arabic(f"{word_fa} {region[1]}")}
        elif kind == "english":
            params = {"q": rng.choice([word_en, f"{adjective_en} {word_en}", f"{word_en} {region[2]}"])}
        elif kind == "typo":
            longest = max([w for w in (word_fa + " " + word_en).split() if len(w) >= 5] or ["Ardabil"], key=len)
            params = {"q": typo(longest, rng)}
        elif kind == "facets":
            params = {"region": region[0], "price": rng.choice(["0-1000000", "1000000-5000000", "50000000-"])}
        elif kind == "text + facets":
            params = {"q": word_en, "region": region[0], "availability": rng.choice(["in_stock", "made_to_order"])}
        else:
            params = {"sort": rng.choice(["newest", "price-asc", "price-desc"]), "page": rng.randint(1, 5)}
        queries.append((kind, params))
    return queries


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(queries):
    from django.utils import translation

    from shop.search.backends import get_backend
    from shop.search.query import SearchQuery
    from shop.search.suggest import suggestions

    backend = get_backend()
    timings, by_kind, suggest_timings, totals = [], {}, [], []
    with translation.override("fa"):
        for _kind, params in queries[:20]:  # warm up
            backend.search(SearchQuery.from_get(_querydict(params)))
        for kind, params in queries:
            query = SearchQuery.from_get(_querydict(params))
            started = time.perf_counter()
            result = backend.search(query)
            elapsed = time.perf_counter() - started
            timings.append(elapsed)
            by_kind.setdefault(kind, []).append(elapsed)
            totals.append(result.total)
            if params.get("q"):
                started = time.perf_counter()
                suggestions(params["q"][:4])
                suggest_timings.append(time.perf_counter() - started)
    return timings, by_kind, suggest_timings, totals


def _querydict(params):
    from urllib.parse import urlencode

    from django.http import QueryDict

    return QueryDict(urlencode(params))


def ms(seconds):
    return f"{seconds * 1000:7.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1404)
    parser.add_argument("--by-kind", action="store_true", help="also report p50/p95 per kind of query")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        folder = tempfile.mkdtemp(prefix="search-benchmark-")
        database_url = f"sqlite:///{folder}/benchmark.sqlite3"
    setup_django(database_url)

    from django.core.management import call_command
    from django.db import connection

    from catalogue.models import Product
    from shop.search.backends.database import DatabaseBackend

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})", file=sys.stderr)
    call_command("migrate", verbosity=0)
    if Product.objects.exclude(upc__startswith="BENCH-").exists():
        sys.exit("This database holds products that are not the benchmark's: use an empty one.")
    rng = random.Random(args.seed)
    crafts, producers = reference_data()
    queries = representative_queries(args.queries, random.Random(args.seed))

    rows = []
    for size in sorted(args.products):
        print(f"building {size} products…", file=sys.stderr)
        started = time.perf_counter()
        grow_catalogue(size, crafts, producers, rng)
        built = time.perf_counter() - started
        started = time.perf_counter()
        DatabaseBackend().rebuild()
        indexed = time.perf_counter() - started
        timings, by_kind, suggest_timings, totals = measure(queries)
        rows.append((size, timings, by_kind, suggest_timings, totals, built, indexed))
        print(
            f"{size:>8} products: p50 {ms(percentile(timings, 0.5))} ms, p95 {ms(percentile(timings, 0.95))} ms "
            f"(built in {built:.0f} s, indexed in {indexed:.0f} s)",
            file=sys.stderr,
        )

    print(f"\nSearch latency, database backend on {connection.vendor}, {len(queries)} queries per size")
    print(f"{'products':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'suggest p50':>12} {'suggest p95':>12}")
    for size, timings, by_kind, suggest_timings, _totals, _built, _indexed in rows:
        print(
            f"{size:>9} {ms(percentile(timings, 0.5))} {ms(percentile(timings, 0.95))} {ms(max(timings))}"
            f" {ms(percentile(suggest_timings, 0.5)):>12} {ms(percentile(suggest_timings, 0.95)):>12}"
        )
        if args.by_kind:
            for kind, values in by_kind.items():
                print(f"{'':>9}   {kind:<18} p50 {ms(percentile(values, 0.5))}  p95 {ms(percentile(values, 0.95))}")


if __name__ == "__main__":
    main()
