"""`manage.py load_demo`: the demo market (idempotent; see shop/demo/loader.py)."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from shop.demo import loader


class Command(BaseCommand):
    help = "Load the demo data: regions, crafts, producers, products, accounts and home pages (safe to re-run)."

    def handle(self, *args, **options):
        started = time.monotonic()
        self.stdout.write("Loading the demo data…")
        with transaction.atomic():
            counts = loader.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))
        self._print_counts(counts)
        self._print_accounts()

    def _print_counts(self, counts):
        self.stdout.write("\nRows:")
        width = max(len(label) for label in counts)
        for label, count in counts.items():
            self.stdout.write(f"  {label:<{width}}  {count:>5}")

    def _print_accounts(self):
        rows = loader.demo_accounts()
        role_width = max(len("role"), *(len(role) for role, _email, _password in rows))
        email_width = max(len("email"), *(len(email) for _role, email, _password in rows))
        self.stdout.write("\nDemo accounts:")
        self.stdout.write(f"  {'role':<{role_width}}  {'email':<{email_width}}  password")
        for role, email, password in rows:
            self.stdout.write(f"  {role:<{role_width}}  {email:<{email_width}}  {password}")
        self.stdout.write(
            self.style.WARNING(
                "These passwords are for the demo only: never use them anywhere else, nor in production."
            )
        )
