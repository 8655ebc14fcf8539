"""Checkout helpers: a shipping country and a client walked through Oscar's checkout to the preview."""

from django.urls import reverse
from oscar.apps.address.models import Country

from tests.factories import ProductFactory

ADDRESS = {
    "first_name": "سپیده",
    "last_name": "کریمی",
    "line1": "خیابان امام، کوچه ۳",
    "line4": "اردبیل",
    "phone_number": "",
    "country": "IR",
}


def shipping_country():
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="IR",
        defaults={"name": "Iran", "printable_name": "Iran", "is_shipping_country": True, "display_order": 1},
    )
    return country


def product(num_in_stock=10, price="450000", **kwargs):
    return ProductFactory(stock__num_in_stock=num_in_stock, stock__price=price, **kwargs)


def add_to_basket(client, item, quantity=1):
    response = client.post(reverse("basket:add", kwargs={"pk": item.pk}), {"quantity": quantity}, HTTP_REFERER="/")
    assert response.status_code == 302, response
    return response


def to_preview(client, items, method="cash-on-delivery", email="guest@example.com", quantities=None):
    """Add the products to the basket and go through address, delivery and payment method to the preview."""
    shipping_country()
    for position, item in enumerate(items):
        add_to_basket(client, item, (quantities or {}).get(position, 1))
    response = client.get(reverse("checkout:index"))
    if response.status_code == 200:  # a guest: give the e-mail address
        response = client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})
    response = client.post(reverse("checkout:shipping-address"), ADDRESS)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.get(reverse("checkout:shipping-method"))
    response = client.post(reverse("checkout:payment-method"), {"payment_method": method})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].endswith(reverse("checkout:preview")), response["Location"]
    return client.get(reverse("checkout:preview"))


def place_cod(client):
    return client.post(reverse("checkout:preview"), {"action": "place_order"})


def basket_snapshot(items, user=None, email="guest@example.com", quantity=1):
    """A basket holding the products, and the checkout snapshot placing its order needs (no HTTP)."""
    from django.contrib.auth.models import AnonymousUser
    from oscar.apps.order.models import ShippingAddress
    from oscar.apps.shipping.repository import Repository

    from shop.basket.models import Basket
    from shop.checkout import placement
    from shop.partner.strategy import Selector

    user = user or AnonymousUser()
    basket = Basket.objects.create(owner=user if user.is_authenticated else None)
    basket.strategy = Selector().strategy(user=user)
    for item in items:
        basket.add_product(item, quantity)
    fields = {**ADDRESS, "country_id": shipping_country().pk}
    fields.pop("country")
    address = ShippingAddress(**fields)
    method = Repository().get_default_shipping_method(basket=basket, shipping_addr=address)
    data = placement.snapshot(
        basket=basket, user=user, email=email, shipping_address=address, shipping_method=method, language="fa"
    )
    return basket, data
