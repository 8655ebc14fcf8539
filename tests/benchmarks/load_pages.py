"""The pages the load benchmark visits: sample URLs of each kind, and the queries each page costs.

Called by load.py in a process with Django set up on the benchmark's database.
URLs are given without the language prefix (the simulated customer adds /fa or /en).
"""

import random

from django.db import connection
from django.db.models import F
from django.db.models.functions import Coalesce
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from catalogue.models import Category, Product
from producers.models import Producer
from quality.models import Certificate

SAMPLE = 300
SPARE_STOCK = 10


def _unprefixed(url):
    return url.removeprefix("/fa")


def sample():
    rng = random.Random(1404)
    with translation.override("fa"):
        # Products with stock to spare: fifty customers buying the last unit of the same product at once
        # would have their orders refused (rightly), which the table would count as errors of the shop.
        in_stock = Product.objects.browsable().annotate(
            spare=F("stockrecords__num_in_stock") - Coalesce(F("stockrecords__num_allocated"), 0)
        )
        listable = list(in_stock.filter(spare__gte=SPARE_STOCK).values_list("pk", flat=True)[:5000])
        chosen = Product.objects.filter(pk__in=rng.sample(listable, min(SAMPLE, len(listable))))
        products = [(product.pk, _unprefixed(product.get_absolute_url())) for product in chosen]
        categories = [_unprefixed(category.get_absolute_url()) for category in Category.objects.browsable()]
        producers = [
            _unprefixed(reverse("producers:detail", args=[slug]))
            for slug in Producer.objects.filter(is_active=True).values_list("slug", flat=True)[:SAMPLE]
        ]
        in_force = Certificate.objects.in_force().filter(product__in=chosen)
        certificates = [_unprefixed(certificate.get_absolute_url()) for certificate in in_force[:SAMPLE]]
    targets = {
        "products": [url for _pk, url in products],
        "buyable": products,
        "categories": categories,
        "producers": producers,
        "certificates": certificates,
    }
    return {"targets": targets, "queries": page_queries(targets)}


def _count(client, method, url, **data):
    with CaptureQueriesContext(connection) as context:
        response = getattr(client, method)(url, data)
    assert response.status_code < 400, (url, response.status_code)
    return len(context.captured_queries)


def page_queries(targets):
    """{request name: queries} for a second visit of one page of each kind (caches warm, as on a live site),
    rendered again rather than replayed from the anonymous page cache."""
    client = Client()
    pages = {
        "home": "/fa/",
        "catalogue": "/fa/catalogue/",
        "category": "/fa" + targets["categories"][0],
        "product": "/fa" + targets["products"][0],
        "search": "/fa/search/?q=%D8%B9%D8%B3%D9%84",
        "producer shop": "/fa" + targets["producers"][0],
        "certificate verification": "/fa" + targets["certificates"][0],
        "healthz": "/healthz/",
    }
    from shop.caching import bump_catalogue_version, bump_search_version

    counts = {}
    for name, url in pages.items():
        _count(client, "get", url)
        bump_catalogue_version()  # the page rendered, not its copy in the anonymous page cache
        bump_search_version()  # and its words matched, its facets counted again
        counts[name] = _count(client, "get", url)
    product_id, _url = targets["buyable"][0]
    counts["basket add"] = _count(client, "post", f"/fa/basket/add/{product_id}/", quantity=1)
    _count(client, "get", "/fa/basket/")
    counts["basket view"] = _count(client, "get", "/fa/basket/")
    return counts
