import time

from django.core.management.base import BaseCommand

from legal.models import SearchEntry
from legal.search import indexer


class Command(BaseCommand):
    help = "Rebuild the full-text search index (legal.search) from the knowledge base."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="only when the index is empty")
        parser.add_argument("--batch", type=int, default=indexer.BATCH)

    def handle(self, *args, if_empty: bool, batch: int, verbosity: int, **options):
        if if_empty and SearchEntry.objects.exists():
            if verbosity >= 1:
                self.stdout.write("The search index is already built.")
            return
        started = time.monotonic()
        progress = self.stdout.write if verbosity >= 1 else None
        total = indexer.reindex_all(progress, batch=batch)
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Search index rebuilt: {total} entries in {time.monotonic() - started:.1f} s."
                )
            )
