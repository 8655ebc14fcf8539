"""`reconcile_payments`: Stripe's PaymentIntents and refunds against the orders, every mismatch reported,
and with --fix repaired where a rule of the shop can repair it (never an order cancelled behind staff's back)."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from oscar.apps.order.models import Order, PaymentEvent, PaymentEventType
from oscar.apps.partner.models import StockRecord

from shop.payments import reconciliation, services
from shop.payments.models import CardPayment
from tests.payments.factories import card_payment, stripe_amount
from tests.payments.fakes import TIMEOUT, charge, listing, payment_intent, refund_object

pytestmark = pytest.mark.django_db

INTENTS, REFUNDS = "/v1/payment_intents", "/v1/refunds"


def stripe_lists(fake, intents=(), refunds=()):
    """What Stripe lists for the range: these intents (their charges expanded) and these refunds."""
    fake.answer("get", INTENTS, (200, listing(INTENTS, *intents)))
    fake.answer("get", REFUNDS, (200, listing(REFUNDS, *refunds)))


def intent_of(payment, status="succeeded", refunded=0, **extra):
    metadata = {"basket": payment.basket_id, "card_payment": payment.pk}
    return charge(
        payment_intent(status, amount=stripe_amount(payment), intent_id=payment.intent_id, metadata=metadata, **extra),
        refunded,
    )


def paid_order():
    """A card payment Stripe took and the shop turned into its order."""
    payment = card_payment()
    services.settle(intent_of(payment))
    payment.refresh_from_db()
    assert payment.order is not None
    return payment


def run(fix=False):
    now = timezone.now()
    return reconciliation.reconcile(now - timezone.timedelta(days=1), now + timezone.timedelta(minutes=1), fix=fix)


def kinds(report):
    return [mismatch.kind for mismatch in report.mismatches]


def test_a_paid_order_matching_stripe_is_no_mismatch(fake_stripe):
    payment = paid_order()
    stripe_lists(fake_stripe, [intent_of(payment)])
    report = run()
    assert (report.intents, report.mismatches) == (1, [])


def test_stripe_is_asked_for_the_range_with_the_charges_expanded(fake_stripe):
    stripe_lists(fake_stripe)
    start = timezone.now() - timezone.timedelta(days=2)
    reconciliation.reconcile(start, start + timezone.timedelta(days=1))
    (intents,) = fake_stripe.calls("get", INTENTS)
    assert intents["query"]["created[gte]"] == [str(int(start.timestamp()))]
    assert intents["query"]["created[lt]"] == [str(int(start.timestamp()) + 86400)]
    assert intents["query"]["expand[0]"] == ["data.latest_charge"]
    (refunds,) = fake_stripe.calls("get", REFUNDS)
    assert refunds["query"]["created[gte]"] == [str(int(start.timestamp()))]


def test_paid_without_an_order_is_reported_and_fixed_by_placing_the_order(fake_stripe):
    payment = card_payment()  # the browser never came back and the webhook was lost
    stripe_lists(fake_stripe, [intent_of(payment)])
    report = run()
    assert kinds(report) == [reconciliation.PAID_WITHOUT_ORDER]
    assert report.mismatches[0].stripe_amount == payment.amount and report.unresolved
    assert not Order.objects.exists()  # reporting changes nothing

    fixed = run(fix=True)
    assert fixed.mismatches[0].fixed == "order placed" and not fixed.unresolved
    payment.refresh_from_db()
    assert payment.order.sources.get().amount_debited == payment.amount
    assert run().mismatches == []  # and the next run finds nothing


def test_a_lost_answer_is_found_through_the_metadata_and_placed(fake_stripe):
    """Stripe charged, but its answer never reached us: our row has no PaymentIntent id yet."""
    payment = card_payment()
    intent = intent_of(payment)
    CardPayment.objects.filter(pk=payment.pk).update(intent_id=None)
    stripe_lists(fake_stripe, [intent])
    report = run(fix=True)
    assert kinds(report) == [reconciliation.PAID_WITHOUT_ORDER] and report.mismatches[0].fixed == "order placed"
    payment.refresh_from_db()
    assert payment.intent_id == intent["id"] and payment.order is not None


def test_paid_without_an_order_that_cannot_be_placed_is_refunded(fake_stripe):
    payment = card_payment()
    StockRecord.objects.update(num_in_stock=0)  # sold out since
    intent = intent_of(payment)
    stripe_lists(fake_stripe, [intent])
    fake_stripe.answer("post", REFUNDS, (200, refund_object(intent["id"], intent["amount"])))
    fake_stripe.answer("get", f"{INTENTS}/{intent['id']}", (200, charge(intent, refunded=intent["amount"])))
    report = run(fix=True)
    assert report.mismatches[0].fixed == "refunded" and not report.unresolved
    (refund,) = fake_stripe.calls("post", REFUNDS)
    assert refund["data"]["amount"] == [str(intent["amount"])]
    assert not Order.objects.exists()
    assert CardPayment.objects.get().status == CardPayment.Status.REFUNDED_UNPLACEABLE


def test_a_payment_refunded_in_full_without_an_order_is_settled(fake_stripe):
    payment = card_payment()
    stripe_lists(fake_stripe, [intent_of(payment, refunded=stripe_amount(payment))])
    assert run().mismatches == []


def test_an_order_whose_payment_failed_at_stripe_is_reported_and_with_fix_cancelled(fake_stripe):
    payment = paid_order()
    order = payment.order
    stock = order.lines.get().stockrecord
    assert stock.num_allocated == 1
    stripe_lists(fake_stripe, [intent_of(payment, status="requires_payment_method")])
    report = run()
    assert kinds(report) == [reconciliation.ORDER_WITHOUT_PAYMENT] and report.unresolved
    assert report.mismatches[0].order_number == order.number

    with translation.override("en"):  # the order's note is written in the active language
        fixed = run(fix=True)
    assert fixed.mismatches[0].fixed == "order cancelled, its stock released" and not fixed.unresolved
    assert order.lines.get().status == "Cancelled"
    stock.refresh_from_db()
    assert stock.num_allocated == 0
    assert "never completed" in order.notes.get().message


def test_an_unpaid_order_whose_lines_left_the_producer_stays_for_staff(fake_stripe):
    payment = paid_order()
    line = payment.order.lines.get()
    type(line).objects.filter(pk=line.pk).update(status="Dispatched")  # it has left the producer
    stripe_lists(fake_stripe, [intent_of(payment, status="canceled")])
    report = run(fix=True)
    assert report.unresolved and "already dispatched" in report.mismatches[0].detail
    line.refresh_from_db()
    assert line.status == "Dispatched"


def test_an_order_whose_payment_is_still_in_progress_is_reported_not_cancelled(fake_stripe):
    payment = paid_order()
    stripe_lists(fake_stripe, [intent_of(payment, status="requires_action")])
    report = run(fix=True)
    assert kinds(report) == [reconciliation.ORDER_WITHOUT_PAYMENT] and report.unresolved
    assert payment.order.lines.get().status != "Cancelled"


def test_an_order_whose_payment_stripe_does_not_list_is_asked_for_and_reported_when_unknown(fake_stripe):
    payment = paid_order()
    stripe_lists(fake_stripe)  # created before the range, or not at all
    fake_stripe.answer(
        "get",
        f"{INTENTS}/{payment.intent_id}",
        (404, {"error": {"type": "invalid_request_error", "message": "No such payment_intent"}}),
    )
    report = run()
    assert kinds(report) == [reconciliation.ORDER_WITHOUT_PAYMENT]
    assert "No such payment_intent" in report.mismatches[0].detail


def test_an_amount_that_differs_is_reported(fake_stripe):
    payment = paid_order()
    intent = intent_of(payment)
    intent["amount_received"] = intent["amount"] - 10
    stripe_lists(fake_stripe, [intent])
    report = run(fix=True)
    assert kinds(report) == [reconciliation.AMOUNT_DIFFERS] and report.unresolved  # staff settle it
    assert report.mismatches[0].shop_amount == payment.amount
    assert not fake_stripe.calls("post", REFUNDS)


def test_a_refund_made_in_stripe_is_brought_into_the_order_and_its_refund_trail(fake_stripe):
    payment = paid_order()
    half = stripe_amount(payment) // 2
    intent = intent_of(payment, refunded=half)
    stripe_lists(fake_stripe, [intent], [refund_object(intent["id"], half, "re_dashboard")])
    assert sorted(kinds(run())) == [reconciliation.REFUND_BEHIND, reconciliation.REFUND_UNRECORDED]

    report = run(fix=True)
    assert not report.unresolved
    source = payment.order.sources.get()
    assert source.amount_refunded == payment.amount / 2
    event = PaymentEvent.objects.get(order=payment.order, reference="re_dashboard")
    assert event.amount == payment.amount / 2 and not event.line_quantities.exists()
    assert run(fix=True).mismatches == []  # recorded once: the next run finds nothing


def test_a_refund_the_shop_made_is_matched_by_its_event(fake_stripe):
    payment = paid_order()
    order = payment.order
    source = order.sources.get()
    source.refund(payment.amount, reference="re_shop")
    event_type, _ = PaymentEventType.objects.get_or_create(code="refunded", defaults={"name": "Refunded"})
    PaymentEvent.objects.create(order=order, event_type=event_type, amount=payment.amount, reference="re_shop")
    intent = intent_of(payment, refunded=stripe_amount(payment))
    stripe_lists(fake_stripe, [intent], [refund_object(intent["id"], stripe_amount(payment), "re_shop")])
    report = run()
    assert report.mismatches == [] and report.refunds == 1


def test_a_refund_the_shop_shows_but_stripe_never_made_is_made_with_fix(fake_stripe):
    payment = paid_order()
    payment.order.sources.update(amount_refunded=Decimal("1000"))
    intent = intent_of(payment)
    stripe_lists(fake_stripe, [intent])
    assert kinds(run()) == [reconciliation.REFUND_AHEAD]
    fake_stripe.answer("post", REFUNDS, (200, refund_object(intent["id"], 10_000, "re_owed")))
    report = run(fix=True)
    assert not report.unresolved
    (made,) = fake_stripe.calls("post", REFUNDS)
    assert made["data"]["amount"] == ["10000"] and made["data"]["payment_intent"] == [intent["id"]]
    assert PaymentEvent.objects.get(reference="re_owed").amount == Decimal("1000")


def test_a_row_still_waiting_for_a_failed_payment_follows_stripe(fake_stripe):
    payment = card_payment()
    stripe_lists(fake_stripe, [intent_of(payment, status="requires_payment_method")])
    report = run(fix=True)
    assert kinds(report) == [reconciliation.RECORD_BEHIND] and not report.unresolved
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.FAILED


def test_payment_intents_of_other_integrations_are_counted_and_ignored(fake_stripe):
    stripe_lists(fake_stripe, [charge(payment_intent("succeeded", intent_id="pi_someone_else"))])
    report = run(fix=True)
    assert (report.foreign, report.intents, report.mismatches) == (1, 0, [])
    assert not fake_stripe.calls("post", REFUNDS)


class TestCommand:
    def test_prints_the_table_and_fails_while_mismatches_remain(self, fake_stripe):
        card_payment()
        stripe_lists(fake_stripe, [intent_of(CardPayment.objects.get())])
        out = io.StringIO()
        with pytest.raises(CommandError, match="1 mismatches left"):
            call_command("reconcile_payments", stdout=out)
        assert "paid_without_order" in out.getvalue()

    def test_with_fix_it_repairs_and_succeeds(self, fake_stripe):
        card_payment()
        stripe_lists(fake_stripe, [intent_of(CardPayment.objects.get())])
        out = io.StringIO()
        call_command("reconcile_payments", "--fix", stdout=out)
        assert "order placed" in out.getvalue() and Order.objects.count() == 1

    def test_a_clean_range_says_so(self, fake_stripe):
        stripe_lists(fake_stripe)
        out = io.StringIO()
        call_command("reconcile_payments", "--since", "2026-01-01", "--until", "2026-01-31", stdout=out)
        assert "0 mismatches" in out.getvalue()

    def test_an_unreachable_stripe_is_a_clear_error(self, fake_stripe):
        fake_stripe.answer("get", INTENTS, TIMEOUT)
        with pytest.raises(CommandError, match="Stripe could not be asked"):
            call_command("reconcile_payments", stdout=io.StringIO())

    @pytest.mark.parametrize("args", [["--since", "yesterday"], ["--since", "2026-02-02", "--until", "2026-02-01"]])
    def test_bad_dates_are_refused(self, fake_stripe, args):
        with pytest.raises(CommandError):
            call_command("reconcile_payments", *args, stdout=io.StringIO())

    def test_without_stripe_keys_it_says_so(self, settings):
        settings.STRIPE_SECRET_KEY = ""
        with pytest.raises(CommandError, match="not configured"):
            call_command("reconcile_payments", stdout=io.StringIO())
