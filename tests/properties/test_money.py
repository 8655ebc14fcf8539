"""Properties of money: Stripe amounts, printed prices, order totals and refunds.

- shop.payments.gateway converts tomans to Stripe's integer amount (STRIPE_UNITS_PER_TOMAN units a
  toman, rounded half up) and back;
- shop.templatetags.money prints an amount with Persian digits and separators in Persian and Latin
  ones in English, rounded to cents, and reading the printed text back gives the amount;
- an order's total is the sum of its lines plus shipping (shop.checkout.placement);
- shop.payments.refunds never gives back more than the card paid, each line at most once.
"""

from contextlib import contextmanager
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from unittest import mock

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from shop.payments import gateway, refunds
from shop.templatetags.money import format_money
from tests.payments.fakes import FakeStripe

CENT = Decimal("0.01")
SETTINGS = settings(max_examples=200, deadline=None)

units_per_toman = st.sampled_from([1, 10, 100])
stripe_amounts = st.integers(min_value=0, max_value=10**15)
amounts_in_cents = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2)


# --- Stripe amounts ---------------------------------------------------------------------------------


@SETTINGS
@given(units_per_toman, stripe_amounts)
def test_a_stripe_amount_read_as_tomans_converts_back_to_itself(units, amount):
    with override_settings(STRIPE_UNITS_PER_TOMAN=units):
        assert gateway.to_stripe_amount(gateway.from_stripe_amount(amount)) == amount


@SETTINGS
@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=9))
def test_tomans_to_a_tenth_survive_the_round_trip_through_rials(whole, tenths):
    tomans = Decimal(whole) + Decimal(tenths) / 10
    with override_settings(STRIPE_UNITS_PER_TOMAN=10):
        assert gateway.from_stripe_amount(gateway.to_stripe_amount(tomans)) == tomans


@SETTINGS
@given(units_per_toman, st.decimals(min_value=0, max_value=Decimal("1e15"), places=2))
def test_any_amount_in_cents_is_charged_to_within_half_a_stripe_unit(units, tomans):
    with override_settings(STRIPE_UNITS_PER_TOMAN=units):
        charged = gateway.to_stripe_amount(tomans)
        assert isinstance(charged, int)
        assert abs(Decimal(charged) - tomans * units) <= Decimal("0.5")


@SETTINGS
@given(units_per_toman, st.decimals(min_value=0, max_value=Decimal("1e15"), places=2), st.sampled_from(["0.01", "1"]))
def test_a_larger_amount_is_never_charged_less(units, tomans, more):
    with override_settings(STRIPE_UNITS_PER_TOMAN=units):
        assert gateway.to_stripe_amount(tomans) <= gateway.to_stripe_amount(tomans + Decimal(more))


# --- Printed amounts --------------------------------------------------------------------------------

PERSIAN_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def read_back(printed, language):
    """The amount a reader sees in the printed text (stated independently of the formatter)."""
    if language == "fa":
        number, unit = printed.rsplit(" ", 1)
        assert unit == "تومان"
        assert not set(number) & set("0123456789"), printed  # Persian digits only
        number = number.translate(PERSIAN_TO_LATIN).replace("\u066c", "").replace("\u066b", ".")
    else:
        number, unit = printed.rsplit(" ", 1)
        assert unit == "toman"
        assert not set(number) & set("۰۱۲۳۴۵۶۷۸۹")
        number = number.replace(",", "")
    number = number.replace("\u200e", "").replace("\u2212", "-")
    return Decimal(number)


@SETTINGS
@given(amounts_in_cents, st.sampled_from(["fa", "en"]))
@example(Decimal("1250000"), "fa")
@example(Decimal("-0.50"), "fa")
def test_a_printed_amount_reads_back_as_the_same_amount(amount, language):
    with translation.override(language):
        assert read_back(format_money(amount), language) == amount


@SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e30"), max_value=Decimal("1e30")))
@example(Decimal("1e26"))  # raised InvalidOperation before: Babel rounded in a 28-digit context
@example(Decimal("123456789012345678901234567.99"))
def test_amounts_beyond_28_digits_are_printed_and_rounded_to_cents(amount):
    with localcontext() as context:
        context.prec = 60
        in_cents = amount.quantize(CENT, rounding=ROUND_HALF_EVEN)
        with translation.override("fa"):
            assert read_back(format_money(amount), "fa") == in_cents


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "sNaN", "1e999999999", "abc", None, "", [1]])
def test_what_is_no_amount_of_money_prints_nothing(value):
    for language in ("fa", "en"):
        with translation.override(language):
            assert format_money(value) == ""


@SETTINGS
@given(st.decimals(min_value=0, max_value=Decimal("1e15"), places=2))
def test_thousands_are_grouped_by_three_in_both_languages(amount):
    with translation.override("en"):
        whole = format_money(amount).split(" ")[0].split(".")[0]
    groups = whole.split(",")
    assert all(len(group) == 3 for group in groups[1:]) and 1 <= len(groups[0]) <= 3
    with translation.override("fa"):
        assert format_money(amount).split(" ")[0].split("\u066b")[0].count("\u066c") == len(groups) - 1


# --- Order totals and refunds (database) -------------------------------------------------------------


@contextmanager
def rolled_back():
    """Each Hypothesis example in its own savepoint, so examples never see each other's rows."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextmanager
def stripe_answering_refunds():
    fake = FakeStripe()
    fake.answer("post", "/v1/refunds", (200, {"id": "re_fake", "object": "refund"}))
    with (
        mock.patch.object(gateway, "http_client", fake),
        override_settings(
            STRIPE_SECRET_KEY="sk_test_fake",
            STRIPE_PUBLISHABLE_KEY="pk_test_fake",
            STRIPE_API_BASE="https://stripe.invalid",
        ),
    ):
        yield fake


prices = st.decimals(min_value=Decimal("1000"), max_value=Decimal("50000000"), places=2)
refund_requests = st.lists(st.none() | st.sets(st.integers(min_value=0, max_value=3), max_size=4), max_size=4)


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    line_prices=st.lists(prices, min_size=1, max_size=3),
    quantity=st.integers(min_value=1, max_value=3),
    debited_share=st.sampled_from([Decimal("1"), Decimal("0.5"), Decimal("0")]),
    requests=refund_requests,
)
def test_refunds_never_give_back_more_than_the_card_paid_and_each_line_once(
    line_prices, quantity, debited_share, requests
):
    from shop.checkout import placement
    from tests.checkout.factories import basket_snapshot, product
    from tests.factories import UserFactory

    with rolled_back(), stripe_answering_refunds() as fake:
        items = [product(price=str(price), num_in_stock=10) for price in line_prices]
        _basket, data = basket_snapshot(items, quantity=quantity)
        order, _created = placement.place(data, method=placement.STRIPE, amount_debited=None, reference="pi_paid")
        lines = list(order.lines.order_by("pk"))

        # The order's total is the sum of its lines and the shipping.
        assert order.total_incl_tax == sum(line.line_price_incl_tax for line in lines) + order.shipping_incl_tax
        assert all(line.line_price_incl_tax == line.unit_price_incl_tax * quantity for line in lines)

        source = order.sources.get()
        source.amount_debited = (order.total_incl_tax * debited_share).quantize(CENT)
        source.save()
        staff = UserFactory(is_staff=True)
        refunded_lines = []
        for request in requests:
            chosen = None if request is None else [lines[i] for i in sorted(request) if i < len(lines)]
            assume(chosen != [])
            before = (len(fake.requests), order.payment_events.count())
            try:
                event = refunds.refund(order, staff, lines=chosen)
            except refunds.RefundRefused:
                assert (len(fake.requests), order.payment_events.count()) == before  # refused: nothing happened
                continue
            event_lines = [quantity_row.line_id for quantity_row in event.line_quantities.all()]
            refunded_lines += event_lines
            if event.amount:
                [call] = fake.requests[before[0] :]
                assert call["data"]["amount"] == [str(gateway.to_stripe_amount(event.amount))]

            source.refresh_from_db()
            assert source.amount_refunded <= source.amount_debited
            assert source.amount_refunded == sum(e.amount for e in order.payment_events.all())
            assert len(refunded_lines) == len(set(refunded_lines)) <= len(lines)

        if debited_share == 1 and len(set(refunded_lines)) == len(lines):
            assert source.amount_refunded == order.total_incl_tax
