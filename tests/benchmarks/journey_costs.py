"""What each step of a shopper's journey costs the server: CPU, database time and queries.

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_10000 \\
        .venv/bin/python tests/benchmarks/journey_costs.py --journeys 20

The load benchmark's mixed run (tests/benchmarks/locustfile.py) is dominated by each customer's own
requests: adding to the basket, looking at it, the checkout steps and placing the order, which no page
cache can serve. This plays that journey in-process (Django's test client, the same requests and forms as
locustfile.py, redirects followed as
locust follows them: a guest paying cash on delivery) --journeys times on a benchmark database and prints, per
step, the median and worst of: wall time, the process's CPU time, time spent waiting for the database, and
queries. Every journey places a real order on that database (a kept benchmark database only grows).
DEBUG=1 spares collecting the static files; for numbers as in production run it with DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS=testserver and STATIC_ROOT holding `collectstatic`'s output.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Timer:
    """connection.execute_wrapper: time spent in statements, and how many."""

    slowest = []  # (milliseconds, step, sql) of every statement, over all journeys

    def __init__(self, step):
        self.step = step
        self.milliseconds = 0.0
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            self.milliseconds += elapsed
            self.count += 1
            Timer.slowest.append((elapsed, self.step, sql))


def csrf(response):
    import re

    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    return match.group(1) if match else ""


def journey(client, product_id, product_url, lang, costs):
    from django.db import connection

    from tests.benchmarks.checkout_forms import ADDRESS, GUEST

    def step(name, method, url, data=None):
        timer = Timer(name)
        with connection.execute_wrapper(timer):
            wall, cpu = time.perf_counter(), time.process_time()
            response = getattr(client, method)(url, data or {}, follow=True)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        assert response.status_code < 400, (name, url, response.status_code)
        costs.setdefault(name, []).append((wall * 1000, cpu * 1000, timer.milliseconds, timer.count))
        return response

    page = step("product", "get", f"/{lang}{product_url}")
    step("basket add", "post", f"/{lang}/basket/add/{product_id}/", {"csrfmiddlewaretoken": csrf(page), "quantity": 1})
    step("basket view", "get", f"/{lang}/basket/")
    page = step("checkout: start", "get", f"/{lang}/checkout/")
    guest = {"csrfmiddlewaretoken": csrf(page), **GUEST}
    page = step("checkout: guest", "post", f"/{lang}/checkout/", guest)
    address = {"csrfmiddlewaretoken": csrf(page), **ADDRESS}
    page = step("checkout: address", "post", f"/{lang}/checkout/shipping-address/", address)
    method = {"csrfmiddlewaretoken": csrf(page), "payment_method": "cash-on-delivery"}
    page = step("checkout: payment method", "post", f"/{lang}/checkout/payment-method/", method)
    place = {"csrfmiddlewaretoken": csrf(page), "action": "place_order"}
    page = step("checkout: place order", "post", f"/{lang}/checkout/preview/", place)
    assert "/checkout/thank-you/" in page.redirect_chain[-1][0], page.redirect_chain


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--journeys", type=int, default=20)
    parser.add_argument("--slowest", type=int, default=0, help="also print the N slowest statements")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    os.environ.setdefault("RATE_LIMIT_CHECKOUT", "1000000")
    import django

    django.setup()
    from django.test import Client

    from tests.benchmarks.load_pages import sample

    buyable = sample()["targets"]["buyable"]
    rng = random.Random(1404)
    costs = {}
    for number in range(args.journeys + 1):
        product_id, url = rng.choice(buyable)
        journey(Client(), product_id, url, rng.choice(["fa", "fa", "en"]), costs if number else {})  # 1st: warm-up
    print(f"{args.journeys} journeys (a guest, one line, cash on delivery); median / worst\n")
    print("| step | wall ms | CPU ms | database ms | queries |\n|---|---:|---:|---:|---:|")
    for name, rows in costs.items():
        cells = []
        for column in range(4):
            values = [row[column] for row in rows]
            cells.append(f"{statistics.median(values):.0f} / {max(values):.0f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    total = [sum(row[1] for row in rows) / len(rows) for rows in costs.values()]
    print(f"\nCPU per journey (mean, this process only): {sum(total):.0f} ms")
    for milliseconds, step, sql in sorted(Timer.slowest, key=lambda row: row[0], reverse=True)[: args.slowest]:
        print(f"\n{milliseconds:.1f} ms in {step}: {sql[:600]}")


if __name__ == "__main__":
    main()
