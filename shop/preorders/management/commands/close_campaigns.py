from django.core.management.base import BaseCommand

from shop.preorders import rules


class Command(BaseCommand):
    help = (
        "Close the pre-order campaigns that are due (target reached or deadline passed), place the orders of "
        "succeeded ones and tell the customers of failed ones. Meant for cron; safe to run twice or concurrently."
    )

    def handle(self, *args, **options):
        counts = rules.close_due()
        self.stdout.write(" ".join(f"{name}={count}" for name, count in counts.items()))
