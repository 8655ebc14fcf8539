"""The heaviest queries of the benchmark's pages, with their plans (`EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL).

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python tests/benchmarks/explain_pages.py

Each page of tests/benchmarks/load_pages.py is requested in-process twice (the first warms the caches a
live site keeps warm; the anonymous page cache is bypassed by bumping the catalogue version), every
statement of the second request is timed, and the slowest ones over all pages are explained.
Markdown goes to stdout: per page its total database time, then the --top queries with their plans.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Timer:
    """connection.execute_wrapper: (milliseconds, sql, params) of every statement."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append(((time.perf_counter() - started) * 1000, sql, params))


def pages(targets):
    return {
        "catalogue": "/fa/catalogue/",
        "category": "/fa" + targets["categories"][0],
        "category (last page)": "/fa" + targets["categories"][0] + "?page=50",
        "product": "/fa" + targets["products"][0],
        "search": "/fa/search/?q=%D8%B9%D8%B3%D9%84",
        "search (facets)": "/en/search/?q=carpet&availability=in_stock&sort=price-asc",
        "producer shop": "/fa" + targets["producers"][0],
        "certificate verification": "/fa" + targets["certificates"][0],
        "home": "/fa/",
    }


def measure(client, url):
    from django.db import connection

    from shop.caching import bump_catalogue_version, bump_search_version

    client.get(url)
    bump_catalogue_version()
    bump_search_version()
    timer = Timer()
    with connection.execute_wrapper(timer):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    return response.status_code, elapsed, timer.statements


def explain(sql, params):
    from django.db import connection

    if connection.vendor != "postgresql":
        return "(plans are shown on PostgreSQL only)"
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=3, help="how many of the slowest statements to explain")
    parser.add_argument("--page", action="append", help="only these pages (names as printed)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    import django

    django.setup()
    from django.test import Client

    from tests.benchmarks.load_pages import sample

    targets = sample()["targets"]
    client = Client()
    slowest = []
    print("| page | status | total ms | queries | database ms | slowest query ms |\n|---|---:|---:|---:|---:|---:|")
    for name, url in pages(targets).items():
        if args.page and name not in args.page:
            continue
        status, elapsed, statements = measure(client, url)
        database = sum(ms for ms, _sql, _params in statements)
        top = max((ms for ms, _sql, _params in statements), default=0)
        print(f"| {name} | {status} | {elapsed:.0f} | {len(statements)} | {database:.0f} | {top:.0f} |")
        slowest += [(ms, name, sql, params) for ms, sql, params in statements]
    slowest.sort(key=lambda row: row[0], reverse=True)
    for ms, name, sql, params in slowest[: args.top]:
        print(f"\n#### {name}: {ms:.1f} ms\n\n```sql\n{sql % tuple(map(repr, params or ()))}\n```\n")
        print(f"```\n{explain(sql, params)}\n```")


if __name__ == "__main__":
    main()
