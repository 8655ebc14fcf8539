"""A basket waiting for its card payment, as the checkout leaves it after creating the PaymentIntent."""

from django.contrib.auth.models import AnonymousUser

from shop.checkout import placement
from shop.payments import gateway
from shop.payments.models import CardPayment
from tests.checkout.factories import basket_snapshot, product


def card_payment(items=None, intent_id=None, user=None):
    items = items or [product(num_in_stock=5)]
    basket, data = basket_snapshot(items, user=user)
    prepared = placement.prepared_basket(basket.pk, user or AnonymousUser())
    total, _method, _charge, _address = placement.total_of(prepared, user or AnonymousUser(), data)
    payment = CardPayment.objects.create(
        intent_id=intent_id or f"pi_basket_{basket.pk}",
        basket_id=basket.pk,
        amount=total.incl_tax,
        checkout=data,
    )
    return payment


def stripe_amount(payment):
    return gateway.to_stripe_amount(payment.amount)
