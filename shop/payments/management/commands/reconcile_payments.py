"""Compare Stripe's PaymentIntents and refunds with the shop's orders for a date range; --fix repairs."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from shop.payments import gateway
from shop.payments.reconciliation import reconcile


def _day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = (
        "Compare the PaymentIntents and refunds Stripe created between --since and --until (inclusive days, "
        "default: yesterday and today) with the orders; print every mismatch. With --fix, place or refund "
        "payments without an order and bring refunded amounts in line. Exits with an error while mismatches "
        "remain (meant for cron)."
    )

    def add_arguments(self, parser):
        today = timezone.localdate()
        parser.add_argument("--since", type=_day, default=today - datetime.timedelta(days=1))
        parser.add_argument("--until", type=_day, default=today)
        parser.add_argument("--fix", action="store_true", help="repair what can be repaired")

    def handle(self, *args, since, until, fix, **options):
        if until < since:
            raise CommandError("--until is before --since")
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(since, datetime.time.min, tzinfo=zone)
        end = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        if not gateway.is_configured():
            raise CommandError("Stripe is not configured (STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY)")
        try:
            report = reconcile(start, end, fix=fix)
        except gateway.PaymentError as error:
            raise CommandError(f"Stripe could not be asked: {error}") from error
        self.stdout.write(
            f"{since} – {until}: {report.intents} payments of ours, {report.refunds} refunds on orders, "
            f"{report.foreign} other PaymentIntents ignored; {len(report.mismatches)} mismatches"
        )
        if report.mismatches:
            header = ("kind", "PaymentIntent", "order", "Stripe", "shop", "detail", "fixed")
            rows = [
                (m.kind, m.intent_id, m.order_number, m.stripe_amount, m.shop_amount, m.detail, m.fixed or "-")
                for m in report.mismatches
            ]
            for row in [header, *rows]:
                self.stdout.write(" | ".join("" if value is None else str(value) for value in row))
        if report.unresolved:
            raise CommandError(f"{len(report.unresolved)} mismatches left (see above)")
