"""Product cards kept in the cache (shop.caching.product_cards): rendered once for everyone, fresh after
every change a card shows, each visitor's own CSRF token in its form."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from shop import caching
from shop.search.backends.database import DatabaseBackend
from tests.factories import ProductFactory, UserFactory, category, home_pages

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def products():
    home_pages()
    boxes = category("Boxes", "جعبه")
    made = [ProductFactory(title_en=f"Carded box {n}", categories=[boxes], image=True) for n in range(3)]
    DatabaseBackend().update([product.pk for product in made])
    return made


def signed_in():
    client = Client()
    client.force_login(UserFactory())
    return client  # never served from the page cache: the cards are what is measured


def visitor_request(request_factory, path="/en/catalogue/"):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from oscar.apps.basket.models import Basket

    from shop.partner.strategy import Selector

    request = request_factory.get(path)
    request.user, request.session = AnonymousUser(), SessionStore()
    request.strategy = Selector().strategy(request)  # what Oscar's basket middleware gives every request
    request.basket = Basket()
    request.basket.strategy = request.strategy
    return request


def cards(request_factory, ids, loaded=None):
    with translation.override("en"):
        return caching.product_cards(visitor_request(request_factory), ids, loaded)


def test_cards_come_in_the_order_asked_and_a_missing_product_has_none(rf, products):
    first, second, third = products
    html = cards(rf, [third.pk, first.pk, 999_999])
    assert len(html) == 2
    assert "Carded box 2" in html[0] and "Carded box 0" in html[1]


def test_a_card_is_rendered_once_then_read_from_the_cache(rf, products):
    ids = [product.pk for product in products]
    cards(rf, ids)  # rendered and kept (their pictures' thumbnails made once)
    with CaptureQueriesContext(connection) as context:
        again = cards(rf, ids)
    assert len(again) == 3
    assert not any("catalogue_product" in query["sql"] for query in context.captured_queries)


def test_a_new_price_or_title_shows_on_the_cards_at_once(rf, products):
    product = products[0]
    assert "Carded box 0" in cards(rf, [product.pk])[0]
    record = product.stockrecords.get()
    record.price = Decimal("654321")
    record.save()
    product.title_en = "Renamed carded box"
    product.save()
    card = cards(rf, [product.pk])[0]
    assert "Renamed carded box" in card and "654,321" in card


def test_sold_out_shows_on_the_cards_at_once(products):
    visitor = signed_in()
    visitor.get("/en/catalogue/")
    record = products[0].stockrecords.get()
    record.allocate(record.net_stock_level)
    html = visitor.get("/en/catalogue/").content.decode()
    card = html[html.index("Carded box 0") :]
    card = card[: card.index("</article>")]
    assert "Unavailable" in card or "fa-ban" in card


def test_each_visitor_gets_their_own_token_in_a_cached_cards_form(products):
    one, two = signed_in(), Client(enforce_csrf_checks=True)
    two.force_login(UserFactory())
    first = set(CSRF.findall(one.get("/en/catalogue/").content.decode()))
    page = two.get("/en/catalogue/").content.decode()
    theirs = set(CSRF.findall(page))
    assert theirs and theirs.isdisjoint(first)
    with translation.override("en"):
        from django.urls import reverse

        add = reverse("basket:add", kwargs={"pk": products[0].pk})
    posted = two.post(add, {"csrfmiddlewaretoken": theirs.pop(), "quantity": 1})
    assert posted.status_code == 302  # the token in the card was valid for this visitor


def test_cards_follow_the_language(rf, products):
    ids = [products[0].pk]
    with translation.override("fa"):
        persian = caching.product_cards(visitor_request(rf, "/fa/catalogue/"), ids)[0]
    english = cards(rf, ids)[0]
    assert persian != english and "Carded box 0" in english
