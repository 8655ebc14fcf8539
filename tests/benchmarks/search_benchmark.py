"""Search latency on the database backend at catalogue sizes of your choice (not a test: pytest ignores it).

    .venv/bin/python tests/benchmarks/search_benchmark.py --products 1000 10000 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python tests/benchmarks/search_benchmark.py --products 1000 10000

Grows a certified catalogue to each size in turn with the generator behind
`manage.py generate_catalogue` (shop/demo/bulk.py: the demo's vocabulary, bulk inserts),
rebuilds the search index, and runs 200 representative queries (Persian and English
words, Arabic spellings, one-letter typos, facet selections, sorting, plain browsing). It
reports p50/p95 latency of `backend.search()` (matching, facet counts, the page's products)
and of the header's suggestions.

Without DATABASE_URL it uses a fresh SQLite file in a temporary folder. With DATABASE_URL it
uses that database, which must be empty or hold only generated products: it is migrated and
filled, never cleaned (drop it afterwards). MEDIA_ROOT is pointed at the temporary folder too.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

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


FOLDER = tempfile.mkdtemp(prefix="search-benchmark-")


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("MEDIA_ROOT", f"{FOLDER}/media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- Queries -----------------------------------------------------------------------------------------


def arabic(text):
    return text.replace("ی", "ي").replace("ک", "ك")


def typo(word, rng):
    letters = list(word)
    position = rng.randrange(1, len(letters))
    letters[position] = "ا" if not word.isascii() else "e" if letters[position] != "e" else "a"
    return "".join(letters)


def vocabulary():
    """Words customers type, from the demo's own products, regions and crafts (what the generator uses)."""
    from shop.demo import loader
    from shop.demo import regions as region_data
    from shop.search.text import words

    titles_fa, titles_en = [], []
    for _craft, spec in loader.product_specs():
        titles_fa.append([w for w in spec["title_fa"].replace("،", " ").split() if len(w) >= 3 and not w.isdigit()])
        titles_en.append([w for w in words(spec["title_en"]) if len(w) >= 3 and not w.isdigit()])
    regions = [(region["slug"], region["name_fa"], region["name_en"]) for region in region_data.REGIONS]
    return titles_fa, titles_en, regions


def representative_queries(count, rng):
    """(kind, GET parameters) of `count` queries in QUERY_KINDS proportions."""
    titles_fa, titles_en, regions = vocabulary()
    kinds = [kind for kind, share in QUERY_KINDS.items() for _ in range(round(share * count))][:count]
    queries = []
    for kind in kinds:
        title = rng.randrange(len(titles_fa))
        word_fa = rng.choice(titles_fa[title] or ["عسل"])
        word_en = rng.choice(titles_en[title] or ["honey"])
        region = rng.choice(regions)
        if kind == "persian word":
            params = {"q": word_fa}
        elif kind == "persian two words":
            params = {"q": " ".join(titles_fa[title][:2]) or word_fa}
        elif kind == "arabic spelling":
            params = {"q": arabic(f"{word_fa} {region[1]}")}
        elif kind == "english":
            params = {"q": rng.choice([word_en, " ".join(titles_en[title][:2]), f"{word_en} {region[2]}"])}
        elif kind == "typo":
            longest = max([w for w in [word_fa, word_en] if len(w) >= 5] or ["Ardabil"], key=len)
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
    parser.add_argument(
        "--reuse-index",
        action="store_true",
        help="skip the rebuild when every listable product already has a document (a kept big database)",
    )
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        database_url = f"sqlite:///{FOLDER}/benchmark.sqlite3"
    setup_django(database_url)

    from django.core.management import call_command
    from django.db import connection

    from catalogue.models import Product
    from shop.demo.bulk import UPC_PREFIX, CatalogueGenerator
    from shop.search.backends.database import DatabaseBackend

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})", file=sys.stderr)
    call_command("migrate", verbosity=0)
    if Product.objects.exclude(upc__startswith=UPC_PREFIX).exists():
        sys.exit("This database holds products that are not generated ones: use an empty one.")
    queries = representative_queries(args.queries, random.Random(args.seed))

    rows = []
    for size in sorted(args.products):
        print(f"building {size} products…", file=sys.stderr)
        started = time.perf_counter()
        CatalogueGenerator(products=size, producers=max(size // 50, 1), orders=0, seed=args.seed).run()
        built = time.perf_counter() - started
        started = time.perf_counter()
        counts = DatabaseBackend().counts()
        if not (args.reuse_index and counts["indexed"] == counts["listable"] == counts["indexed_listable"]):
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
