"""Load on the shop as customers make it (run by tests/benchmarks/load.py; not a pytest test).

Each simulated customer browses in Persian or English: the home page, the catalogue,
a category, products, the search box (10 Persian and English queries), a producer's
shop, a certificate's verification page; some add to the basket and look at it, and
a few check out as guests paying cash on delivery. Request names group the URLs of a
kind (e.g. every product page is "product"), so the results table has one row per page.

The pages to visit come from a JSON file written by load.py (BENCH_TARGETS).
For throughput runs load.py sets BENCH_ONLY to one task's name (`healthz` is the
baseline: the load balancer's poll) and BENCH_WAIT=0 (no think time).
"""

import json
import os
import random
import re

from checkout_forms import ADDRESS, GUEST  # noqa: I001 (beside this file: locust puts its folder on sys.path)
from locust import HttpUser, between, constant, task

TARGETS = json.loads(open(os.environ["BENCH_TARGETS"], encoding="utf-8").read())  # noqa: SIM115
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUERIES = [
    "عسل",
    "قالی دستباف",
    "گليم",  # Arabic yeh
    "سوزن‌دوزی",
    "کیف چرم",
    "honey",
    "carpet",
    "leather wallet",
    "Qashqai",
    "chamomille",  # a typo
]


def named(name):
    """A request's name: its row in the results, and a header by which the server counts its CPU time
    (tests/benchmarks/gunicorn_hooks.py)."""
    return {"name": name, "headers": {"X-Bench-Name": name}}


def csrf_token(response):
    match = CSRF.search(response.text)
    return match.group(1) if match else ""


class Customer(HttpUser):
    wait_time = constant(0) if os.environ.get("BENCH_WAIT") == "0" else between(0.5, 2)

    def on_start(self):
        self.lang = random.choice(["fa", "fa", "en"])

    def get(self, path, name):
        return self.client.get(f"/{self.lang}{path}", **named(name))

    @task(3)
    def home(self):
        self.get("/", "home")

    @task(4)
    def catalogue(self):
        self.get("/catalogue/", "catalogue")

    @task(4)
    def category(self):
        self.get(random.choice(TARGETS["categories"]), "category")

    @task(8)
    def product(self):
        self.get(random.choice(TARGETS["products"]), "product")

    @task(5)
    def search(self):
        self.client.get(f"/{self.lang}/search/", params={"q": random.choice(QUERIES)}, **named("search"))

    @task(2)
    def producer_shop(self):
        self.get(random.choice(TARGETS["producers"]), "producer shop")

    @task(2)
    def verification(self):
        self.get(random.choice(TARGETS["certificates"]), "certificate verification")

    @task(2)
    def basket(self):
        self.add_to_basket()
        self.get("/basket/", "basket view")

    @task(1)
    def checkout_cash_on_delivery(self):
        if not self.add_to_basket():
            return
        page = self.get("/checkout/", "checkout: start")
        page = self.client.post(
            f"/{self.lang}/checkout/",
            {"csrfmiddlewaretoken": csrf_token(page), **GUEST},
            **named("checkout: guest"),
        )
        page = self.client.post(
            f"/{self.lang}/checkout/shipping-address/",
            {"csrfmiddlewaretoken": csrf_token(page), **ADDRESS},
            **named("checkout: address"),
        )
        page = self.client.post(
            f"/{self.lang}/checkout/payment-method/",
            {"csrfmiddlewaretoken": csrf_token(page), "payment_method": "cash-on-delivery"},
            **named("checkout: payment method"),
        )
        with self.client.post(
            f"/{self.lang}/checkout/preview/",
            {"csrfmiddlewaretoken": csrf_token(page), "action": "place_order"},
            **named("checkout: place order"),
            catch_response=True,
        ) as response:
            if "/checkout/thank-you/" not in response.url:
                response.failure(f"no order placed (answer {response.status_code} on {response.url})")

    def healthz(self):
        self.client.get("/healthz/", **named("healthz"))

    def add_to_basket(self):
        """Add a product in stock to the basket (False when the product page offered no form)."""
        product_id, url = random.choice(TARGETS["buyable"])
        page = self.get(url, "product")
        token = csrf_token(page)
        if not token:
            return False
        with self.client.post(
            f"/{self.lang}/basket/add/{product_id}/",
            {"csrfmiddlewaretoken": token, "quantity": 1},
            **named("basket add"),
            catch_response=True,
        ) as response:
            if response.status_code >= 400:
                response.failure(f"basket add answered {response.status_code}")
                return False
        return True


ONLY = os.environ.get("BENCH_ONLY")
if ONLY:
    # One kind of request only, for its throughput.
    Customer.tasks = [getattr(Customer, ONLY)]
