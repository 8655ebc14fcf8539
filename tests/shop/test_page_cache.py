"""The anonymous page cache (shop/caching.py): fast for visitors, never stale about the listing gate,
never shared between visitors."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone, translation

from quality.models import Certificate
from shop.search.backends.database import DatabaseBackend
from tests.factories import ProductFactory, UserFactory, category, home_pages

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def product():
    home_pages()
    made = ProductFactory(title_en="Cached walnut box", categories=[category("Boxes", "جعبه")])
    DatabaseBackend().update([made.pk])  # the listings read the search index (its tasks run after commit)
    return made


def url_of(product):
    with translation.override("en"):
        return product.get_absolute_url()


def get(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_an_anonymous_page_is_served_from_the_cache_without_queries(product, client, django_assert_max_num_queries):
    url = url_of(product)
    first, html = get(client, url)
    assert first.status_code == 200 and "Cached walnut box" in html
    assert first.get("X-Page-Cache") is None
    with django_assert_max_num_queries(0):
        second, again = get(Client(), url)
    assert second["X-Page-Cache"] == "hit"
    assert "Cached walnut box" in again


def test_a_revoked_certificate_takes_the_product_off_cached_pages_at_once(product, client):
    url, listing = url_of(product), "/en/catalogue/"
    assert "Cached walnut box" in get(client, listing)[1]
    assert get(client, url)[0].status_code == 200
    assert get(Client(), url)[0]["X-Page-Cache"] == "hit"
    certificate = Certificate.objects.get(product=product)
    certificate.status = Certificate.Status.REVOKED
    certificate.save()
    assert get(Client(), url)[0].status_code == 404
    assert "Cached walnut box" not in get(Client(), listing)[1]


def test_a_certificate_expiring_by_time_takes_the_product_off_cached_pages(product, client, monkeypatch):
    certificate = Certificate.objects.get(product=product)
    certificate.valid_until = timezone.now() + timedelta(seconds=60)
    certificate.save()
    url, listing = url_of(product), "/en/catalogue/"
    assert "Cached walnut box" in get(client, listing)[1]
    assert get(client, url)[0].status_code == 200
    assert get(Client(), url)[0]["X-Page-Cache"] == "hit"
    later = timezone.now() + timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)  # no event at all: only the clock moved
    assert get(Client(), url)[0].status_code == 404
    assert "Cached walnut box" not in get(Client(), listing)[1]


def test_price_and_stock_changes_are_shown_fresh(product, client):
    url = url_of(product)
    get(client, url)
    assert get(Client(), url)[0]["X-Page-Cache"] == "hit"
    record = product.stockrecords.get()
    record.price = Decimal("777000")
    record.num_in_stock = 0
    record.save()
    response, html = get(Client(), url)
    assert response.get("X-Page-Cache") is None
    assert "۷۷۷٬۰۰۰" in html or "777,000" in html or "777٬000" in html


def test_each_visitor_gets_their_own_csrf_token_and_it_works(product):
    url = url_of(product)
    first, html = get(Client(), url)
    visitor = Client(enforce_csrf_checks=True)
    served, cached_html = get(visitor, url)
    assert served["X-Page-Cache"] == "hit"
    theirs = set(CSRF.findall(cached_html))
    assert theirs and theirs.isdisjoint(CSRF.findall(html))
    assert "csrftoken" in served.cookies  # the token they got comes with its cookie
    record = product.stockrecords.get()
    with translation.override("en"):
        from django.urls import reverse

        add = reverse("basket:add", kwargs={"pk": product.pk})
    posted = visitor.post(add, {"csrfmiddlewaretoken": theirs.pop(), "quantity": 1})
    assert posted.status_code == 302, posted.status_code
    assert record.pk  # the product could be added: the page's token was valid for this visitor


def test_signed_in_users_and_baskets_are_never_cached_nor_leaked(product, client):
    url = url_of(product)
    with translation.override("en"):
        from django.urls import reverse

        logout = reverse("customer:logout")
    signed_in = Client()
    signed_in.force_login(UserFactory())
    get(Client(), url)  # an anonymous copy is in the cache
    mine, html = get(signed_in, url)
    assert mine.get("X-Page-Cache") is None and logout in html  # their own page, signed in
    get(signed_in, url)
    anonymous, anonymous_html = get(Client(), url)
    assert anonymous["X-Page-Cache"] == "hit"
    assert logout not in anonymous_html  # the signed-in page was never stored
    # A visitor with a basket (a basket cookie) sees their own page, not the shared copy.
    shopper = Client()
    get(shopper, url)
    with translation.override("en"):
        from django.urls import reverse

        shopper.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert shopper.cookies
    assert get(shopper, url)[0].get("X-Page-Cache") is None
    assert get(Client(), url)[0]["X-Page-Cache"] == "hit"
