"""`manage.py search_index --rebuild | --check`: rebuild the search indexes, or compare them with the catalogue.

--rebuild  rewrites the database backend's documents in batches (searches keep answering), and, when
           ELASTICSEARCH_URL is set, builds a new Elasticsearch index and swaps the alias onto it.
--check    counts documents against listable products; exits non-zero when they differ.
A progress bar goes to stderr.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from shop.progress import ProgressBar
from shop.search import conf
from shop.search.backends import database_backend, elasticsearch_backend


class Command(BaseCommand):
    help = "Rebuild the search indexes (--rebuild) or compare them with the listable products (--check)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="Rebuild the indexes (safe while the shop runs).")
        action.add_argument("--check", action="store_true", help="Exit non-zero if an index disagrees.")
        parser.add_argument(
            "--backend",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Which index (default: the database's, and Elasticsearch's when ELASTICSEARCH_URL is set).",
        )

    def backends(self, which):
        chosen = []
        if which in ("all", "database"):
            chosen.append(database_backend())
        if which in ("all", "elasticsearch"):
            fallback = elasticsearch_backend()
            if fallback is not None:
                chosen.append(fallback.primary)
            elif which == "elasticsearch":
                raise CommandError("ELASTICSEARCH_URL is not set.")
        return chosen

    def handle(self, *args, **options):
        backends = self.backends(options["backend"])
        if options["rebuild"]:
            self.rebuild(backends)
        else:
            self.check_counts(backends)

    def rebuild(self, backends):
        for backend in backends:
            started = time.monotonic()
            try:
                count = backend.rebuild(progress=ProgressBar(self.stderr, backend.name))
            except getattr(backend, "unavailable", ()) as error:
                raise CommandError(f"{backend.name}: {error}") from error
            self.stdout.write(
                f"{backend.name}: {count} listable products indexed in {time.monotonic() - started:.1f} s "
                f"(batches of {conf.get('SEARCH_INDEX_BATCH_SIZE')})."
            )

    def check_counts(self, backends):
        problems = []
        for backend in backends:
            try:
                counts = backend.counts()
            except getattr(backend, "unavailable", ()) as error:
                raise CommandError(f"{backend.name}: {error}") from error
            self.stdout.write(
                f"{backend.name}: {counts['indexed']} documents, {counts['listable']} listable products, "
                f"{counts['indexed_listable']} of them indexed."
            )
            if not (counts["indexed"] == counts["listable"] == counts["indexed_listable"]):
                problems.append(backend.name)
        if problems:
            raise CommandError(
                f"The index differs from the catalogue ({', '.join(problems)}): run `manage.py search_index --rebuild`."
            )
        self.stdout.write(self.style.SUCCESS("The search indexes agree with the catalogue."))
