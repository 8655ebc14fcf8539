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


# --- What is each visitor's own: the basket, the recently viewed products, messages ----------------------


def add_to_basket(visitor, product):
    with translation.override("en"):
        from django.urls import reverse

        return visitor.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})


def mini_basket(html):
    start = html.index('class="basket-mini')
    return html[start : html.index("</ul>", start)]


def test_a_visitor_with_a_basket_gets_the_cached_page_with_their_own_basket(product, client):
    url = url_of(product)
    other = ProductFactory(title_en="Basketed linen towel")
    shopper = Client()
    add_to_basket(shopper, other)
    get(shopper, "/en/basket/")  # the "added" message is shown (and gone)
    get(Client(), url)  # an empty-basket copy is stored

    served, html = get(shopper, url)

    assert served["X-Page-Cache"] == "hit"
    assert "Basketed linen towel" in mini_basket(html)  # their basket, rendered for them
    anonymous, anonymous_html = get(Client(), url)
    assert anonymous["X-Page-Cache"] == "hit"
    assert "Basketed linen towel" not in anonymous_html  # never stored in the shared copy


def test_the_basket_shown_on_a_page_stored_for_a_shopper_is_never_someone_elses(product):
    shopper = Client()
    add_to_basket(shopper, ProductFactory(title_en="Shoppers own tray"))
    get(shopper, "/en/basket/")
    stored, html = get(shopper, url_of(product))  # rendered for the shopper, stored for everyone
    assert stored.get("X-Page-Cache") is None and "Shoppers own tray" in html
    served, other_html = get(Client(), url_of(product))
    assert served["X-Page-Cache"] == "hit" and "Shoppers own tray" not in other_html


def mobile_basket_button(html):
    start = html.index("btn-cart")
    return html[start : html.index("</a>", start)]


def test_the_small_screen_basket_button_shows_each_visitors_own_total(product):
    shopper = Client()
    add_to_basket(shopper, ProductFactory(title_en="Shoppers own tray", stock__price="777000"))
    get(shopper, "/en/basket/")
    _stored, html = get(shopper, url_of(product))  # rendered for the shopper, stored for everyone
    assert "777,000" in mobile_basket_button(html)

    served, other_html = get(Client(), url_of(product))

    assert served["X-Page-Cache"] == "hit"
    assert "777,000" not in other_html and "Total" not in mobile_basket_button(other_html)
    _again, shopper_html = get(shopper, url_of(product))
    assert "777,000" in mobile_basket_button(shopper_html)  # theirs, on the stored copy too


def test_recently_viewed_products_are_each_visitors_own_on_a_cached_product_page(product):
    seen_before = ProductFactory(title_en="Earlier felt slippers")
    browser = Client()
    get(browser, url_of(seen_before))
    get(Client(), url_of(product))  # stored by a visitor with no history

    served, html = get(browser, url_of(product))

    assert served["X-Page-Cache"] == "hit"
    assert "Products you recently viewed" in html and "Earlier felt slippers" in html
    import json

    assert json.loads(served.cookies["oscar_history"].value) == [seen_before.pk, product.pk]
    # The next page lists the product just viewed (from the cookie the cached page set).
    third = ProductFactory(title_en="Third copper bowl")
    assert "Cached walnut box" in get(browser, url_of(third))[1]
    # Another visitor's cached copy lists nothing of theirs.
    assert "Earlier felt slippers" not in get(Client(), url_of(product))[1]


def test_recently_viewed_products_pass_the_listing_gate(product):
    revoked = ProductFactory(title_en="Withdrawn honey jar")
    browser = Client()
    get(browser, url_of(revoked))
    certificate = Certificate.objects.get(product=revoked)
    certificate.status = Certificate.Status.REVOKED
    certificate.save()
    assert "Withdrawn honey jar" not in get(browser, url_of(product))[1]


def test_a_product_taken_off_the_market_leaves_a_cached_recently_viewed_list_at_once(product):
    browser = Client()
    for title in ("Kept saffron tin", "Withdrawn rose water"):
        get(browser, url_of(ProductFactory(title_en=title)))
    get(browser, url_of(product))
    served, html = get(browser, url_of(product))  # their listability and cards now come from the cache
    assert served["X-Page-Cache"] == "hit" and "Withdrawn rose water" in html
    withdrawn = ProductFactory._meta.model.objects.get(title_en="Withdrawn rose water")
    withdrawn.is_public = False
    withdrawn.save()

    html = get(browser, url_of(product))[1]

    assert "Withdrawn rose water" not in html and "Kept saffron tin" in html


def test_a_garbled_history_cookie_is_ignored(product):
    browser = Client()
    browser.cookies["oscar_history"] = '["x", true, 1.5, {"a": 1}]'
    get(Client(), url_of(product))
    served, html = get(browser, url_of(product))
    assert served.status_code == 200 and "Products you recently viewed" not in html


def test_a_pending_message_is_shown_on_a_fresh_page_and_never_stored(product, client):
    url = url_of(product)
    shopper = Client()
    add_to_basket(shopper, product)  # leaves "added to your basket" for the next page
    shown, html = get(shopper, url)
    assert shown.get("X-Page-Cache") is None
    assert "has been added to your cart" in html
    other, other_html = get(Client(), url)
    assert "has been added to your cart" not in other_html


def test_a_page_behind_a_password_the_visitor_gave_is_never_stored():
    from wagtail.models import PageViewRestriction

    persian, english = home_pages()
    restriction = PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.PASSWORD, password="secret-tea"
    )
    insider = Client()
    form = insider.get("/en/")
    assert b"secret-tea" not in form.content
    with translation.override("en"):
        from django.urls import reverse

        insider.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, english.pk]),
            {"password": "secret-tea", "return_url": "/en/"},
        )
    inside = insider.get("/en/")
    assert inside.status_code == 200 and b'name="password"' not in inside.content
    outsider = Client().get("/en/")
    assert b'name="password"' in outsider.content  # still asked for the password


def queries_of_a_hit_for_a_shopper_with(count, url):
    """Queries of a cached page served to a visitor with `count` products viewed and in their basket."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    shopper = Client()
    for number in range(count):
        extra = ProductFactory(title_en=f"Viewed and basketed {count}-{number}")
        get(shopper, url_of(extra))
        add_to_basket(shopper, extra)
    get(shopper, "/en/basket/")
    get(shopper, url)  # thumbnails of the basket's pictures are made once
    with CaptureQueriesContext(connection) as context:
        served, html = get(shopper, url)
    assert served["X-Page-Cache"] == "hit" and f"Viewed and basketed {count}-{count - 1}" in html
    return len(context.captured_queries)


def test_a_cache_hit_for_a_shopper_costs_the_same_few_queries_whatever_their_basket_and_history(product):
    url = url_of(product)
    get(Client(), url)
    one, six = queries_of_a_hit_for_a_shopper_with(1, url), queries_of_a_hit_for_a_shopper_with(6, url)
    assert one == six
    # Their basket's summaries, the recently viewed cards and whether those products may be shown all come
    # from the cache. A full render of the page for them costs about thirty.
    assert six == 0


def shopper_on(url, product):
    shopper = Client()
    add_to_basket(shopper, product)
    get(shopper, "/en/basket/")  # the "added" message is shown (and gone)
    get(Client(), url)  # an empty-basket copy is stored
    return shopper


def test_the_mini_basket_of_a_cached_page_follows_the_basket_at_once(product):
    url = url_of(product)
    second = ProductFactory(title_en="Second felt hat")
    shopper = shopper_on(url, ProductFactory(title_en="First felt hat"))
    assert "First felt hat" in mini_basket(get(shopper, url)[1])
    add_to_basket(shopper, second)
    get(shopper, "/en/basket/")
    served, html = get(shopper, url)
    assert served["X-Page-Cache"] == "hit"
    assert "First felt hat" in mini_basket(html) and "Second felt hat" in mini_basket(html)


def test_the_mini_basket_is_empty_once_the_basket_is_ordered(product):
    from oscar.apps.basket.models import Basket

    url = url_of(product)
    shopper = shopper_on(url, ProductFactory(title_en="Ordered felt hat"))
    assert "Ordered felt hat" in mini_basket(get(shopper, url)[1])
    Basket.objects.get().submit()  # what placing the order does to the basket
    assert "Ordered felt hat" not in mini_basket(get(shopper, url)[1])


def test_the_mini_basket_total_follows_prices_and_offers(product, monkeypatch):
    from oscar.test.factories import create_offer

    url = url_of(product)
    hat = ProductFactory(title_en="Priced felt hat", stock__price="500000")
    shopper = shopper_on(url, hat)
    assert "500,000" in mini_basket(get(shopper, url)[1])
    record = hat.stockrecords.get()
    record.price = Decimal("600000")
    record.save()
    assert "600,000" in mini_basket(get(shopper, url)[1])
    create_offer(end=timezone.now() + timedelta(hours=1))  # 20% off everything, for an hour
    assert "480,000" in mini_basket(get(shopper, url)[1])
    later = timezone.now() + timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the offer ended: no event, only the clock
    assert "600,000" in mini_basket(get(shopper, url)[1])


def test_a_tampered_basket_cookie_shows_an_empty_basket(product):
    url = url_of(product)
    get(Client(), url)
    visitor = Client()
    visitor.cookies["oscar_open_basket"] = "12:forged-signature"
    served, html = get(visitor, url)
    assert served.status_code == 200 and "is empty" in mini_basket(html)


# --- What moves the cache: orders, campaigns, publishing, search -------------------------------------------


def availability_lines(html):
    return re.findall(r"In stock \(\d+ available\)", html)


def test_placing_an_order_keeps_every_cached_page_but_shows_the_stock_left(product):
    listing = "/en/catalogue/"
    get(Client(), listing)
    _stored, html = get(Client(), url_of(product))
    assert availability_lines(html) == ["In stock (10 available)"] * 2  # beside the price, in the table
    add_form = f"/en/basket/add/{product.pk}/"
    assert add_form in html
    record = product.stockrecords.get()
    record.allocate(1)  # what placing an order does to each line's stock

    assert get(Client(), listing)[0]["X-Page-Cache"] == "hit"  # price and availability unchanged
    served, html = get(Client(), url_of(product))
    assert served["X-Page-Cache"] == "hit"
    assert availability_lines(html) == ["In stock (9 available)"] * 2  # its own line, fresh

    record.refresh_from_db()
    record.allocate(record.net_stock_level)  # the last ones: it cannot be bought any more
    assert get(Client(), listing)[0].get("X-Page-Cache") is None
    served, html = get(Client(), url_of(product))
    assert served.get("X-Page-Cache") is None and "Unavailable" in html and add_form not in html


def test_the_home_page_is_cached_and_follows_campaigns_and_publishing(client, monkeypatch):
    from tests.cms.factories import set_home_body
    from tests.preorders.factories import CampaignFactory, CommitmentFactory

    home_pages()
    campaign = CampaignFactory(product__title_en="Pre-ordered quince jam", deadline=timezone.now() + timedelta(hours=2))
    set_home_body([{"type": "campaigns", "value": {"heading": "Pre-orders", "count": 3}}], code="en")
    first, html = get(client, "/en/")
    assert "Pre-ordered quince jam" in html and "0 of 10 committed" in html
    assert get(Client(), "/en/")[0]["X-Page-Cache"] == "hit"

    CommitmentFactory(campaign=campaign, quantity=2)
    assert "2 of 10 committed" in get(Client(), "/en/")[1]

    set_home_body([], code="en")  # an editor publishes the page without the block
    assert "cms-running-campaigns" not in get(Client(), "/en/")[1]
    set_home_body([{"type": "campaigns", "value": {"heading": "Pre-orders", "count": 3}}], code="en")
    assert "cms-running-campaigns" in get(Client(), "/en/")[1]
    assert get(Client(), "/en/")[0]["X-Page-Cache"] == "hit"

    later = timezone.now() + timedelta(hours=2, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the deadline passed: no event, only the clock
    assert "cms-running-campaigns" not in get(Client(), "/en/")[1]


def test_search_results_are_cached_and_drop_a_revoked_product_at_once(product):
    url = "/en/search/?q=walnut"
    assert "Cached walnut box" in get(Client(), url)[1]
    assert get(Client(), url)[0]["X-Page-Cache"] == "hit"
    certificate = Certificate.objects.get(product=product)
    certificate.status = Certificate.Status.REVOKED
    certificate.save()
    assert "Cached walnut box" not in get(Client(), url)[1]
