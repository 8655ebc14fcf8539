"""The basket and checkout pages cost the same number of queries whatever the number of lines
(vanilla Oscar adds about three per line)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.checkout.factories import ADDRESS, add_to_basket, product, shipping_country, to_preview
from tests.factories import ProducerFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    client.get(url)  # thumbnails are generated (and cached) once, on the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _products(count):
    return [product(producer=ProducerFactory(), image=True) for _ in range(count)]


@pytest.mark.parametrize("url_name", ["basket:summary", "checkout:preview"])
def test_page_queries_do_not_grow_with_lines(client, url_name, django_assert_max_num_queries):
    to_preview(client, _products(1))
    one_line = _queries(client, reverse(url_name))
    for item in _products(5):
        add_to_basket(client, item)
    client.get(reverse(url_name))
    with django_assert_max_num_queries(one_line):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert len(response.context["basket"].all_lines()) == 6


def _count(client, method, url, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {}, HTTP_REFERER="/")
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(captured)


# The cash-on-delivery steps the load benchmark walks, with their bounds (one line or six: the same).
COD_STEPS = [
    ("get", "checkout:shipping-address", None, 14),
    ("get", "checkout:payment-method", None, 13),
    ("post", "checkout:payment-method", {"payment_method": "cash-on-delivery"}, 15),
    ("get", "checkout:preview", None, 14),
]


def test_basket_add_and_cod_steps_are_bounded_whatever_the_basket(client):
    """Adding to the basket and each cash-on-delivery step: a fixed number of queries, not one more per line."""
    first, *others = _products(6)
    to_preview(client, [first])
    add_url = reverse("basket:add", kwargs={"pk": others[0].pk})
    one_line = {"add": _count(client, "post", add_url, {"quantity": 1})}
    for method, name, data, _bound in COD_STEPS:
        one_line[name, method] = _count(client, method, reverse(name), data)
    for item in others[1:]:
        add_to_basket(client, item)
    last = _products(1)[0]
    many = {"add": _count(client, "post", reverse("basket:add", kwargs={"pk": last.pk}), {"quantity": 1})}
    for method, name, data, _bound in COD_STEPS:
        many[name, method] = _count(client, method, reverse(name), data)
    assert many["add"] == one_line["add"]
    assert many["add"] <= 33  # the gate, stock and producer checks, the basket reloaded with its lines
    for method, name, _data, bound in COD_STEPS:
        assert many[name, method] <= one_line[name, method], (name, method)
        assert many[name, method] <= bound, (name, method, many[name, method])


# The benchmark's guest walk through a cash-on-delivery checkout (tests/benchmarks/locustfile.py), each
# step with the redirects it is followed through, as a browser does: (method, url name, data, bound).
GUEST_WALK = [
    ("get", "checkout:index", None, 17),
    ("post", "checkout:index", {"username": "load@example.com", "options": "anonymous"}, 29),
    ("post", "checkout:shipping-address", ADDRESS, 43),  # → shipping method (chosen alone) → payment method
    ("post", "checkout:payment-method", {"payment_method": "cash-on-delivery"}, 29),  # → preview
    ("get", "checkout:thank-you", None, 18),
]
PLACE_ORDER = ("post", "checkout:preview", {"action": "place_order"})
# Placing the order writes each line: its row and price, the stock allocation under its row lock,
# the producer's shipment, the index and cache updates its stock change schedules.
PLACE_ORDER_BOUND, PLACE_ORDER_PER_LINE = 92, 32


def _walk(client, lines):
    """The queries of each step of the walk, for a basket of `lines` products."""
    shipping_country()
    for item in _products(lines):
        add_to_basket(client, item)
    counts = {}
    steps = [*GUEST_WALK[:-1], (*PLACE_ORDER, None), GUEST_WALK[-1]]
    for method, name, data, _bound in steps:
        with CaptureQueriesContext(connection) as captured:
            response = getattr(client, method)(reverse(name), data or {}, follow=True)
        assert response.status_code == 200, (name, method, response.status_code)
        counts[name, method] = len(captured)
    assert response.request["PATH_INFO"].endswith(reverse("checkout:thank-you"))
    return counts


def test_the_benchmarks_cash_on_delivery_walk_is_bounded_whatever_the_basket(client):
    """Every page of the walk costs the same with one line or six; placing the order, a bounded cost per line."""
    one_line = _walk(client, 1)
    six_lines = _walk(Client(), 6)
    for method, name, _data, bound in GUEST_WALK:
        assert six_lines[name, method] <= one_line[name, method], (name, method, one_line, six_lines)
        assert six_lines[name, method] <= bound, (name, method, six_lines[name, method])
    place = (PLACE_ORDER[1], PLACE_ORDER[0])
    assert one_line[place] <= PLACE_ORDER_BOUND
    assert six_lines[place] - one_line[place] <= 5 * PLACE_ORDER_PER_LINE, (one_line[place], six_lines[place])
