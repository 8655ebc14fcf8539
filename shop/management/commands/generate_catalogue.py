"""`manage.py generate_catalogue --products N --producers M`: a large certified catalogue for benchmarks.

See shop/demo/bulk.py for what is generated. Runs on top of (or without) the demo data,
adds only what is missing to reach the sizes asked for, and rebuilds the search index.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from shop.demo.bulk import CatalogueGenerator
from shop.progress import ProgressBar


class Command(BaseCommand):
    help = "Generate a large catalogue of certified products (bilingual, with attributes, stock, pictures and orders)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, required=True, help="Generated products to reach.")
        parser.add_argument("--producers", type=int, default=None, help="Generated producers (default: products/50).")
        parser.add_argument("--orders", type=int, default=None, help="Generated orders (default: products/20).")
        parser.add_argument("--pictures", type=int, default=4, help="Pictures drawn per craft, shared by its products.")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1404)
        parser.add_argument("--no-index", action="store_true", help="Leave the search index alone.")

    def handle(self, *args, products, producers, orders, pictures, batch_size, seed, no_index, **options):
        if products < 0 or (producers is not None and producers < 1) or batch_size < 1:
            raise CommandError("--products must be ≥ 0, --producers and --batch-size ≥ 1.")
        bars = {}

        def progress(label, done, total):
            bars.setdefault(label, ProgressBar(self.stderr, label))(done, total)

        started = time.monotonic()
        generator = CatalogueGenerator(
            products=products,
            producers=producers if producers is not None else max(products // 50, 1),
            orders=orders,
            pictures=pictures,
            seed=seed,
            batch_size=batch_size,
            progress=progress,
        )
        totals = generator.run()
        built = time.monotonic() - started
        self.stdout.write(
            f"Generated: {totals['producers']} producers, {totals['products']} products, "
            f"{totals['orders']} orders ({built:.0f} s)."
        )
        if not no_index:
            call_command("search_index", "--rebuild", stdout=self.stdout._out, stderr=self.stderr._out)
