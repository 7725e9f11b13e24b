"""The shape every `load_*` command shares: read a fixture, load it in one transaction, and
report what changed, or say that nothing was changed."""

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from legal.fixture_files import KnowledgeBaseError


class FixtureLoadCommand(BaseCommand):
    #: Filled in by each command.
    what = ""  # "the knowledge base", "case records" …
    loaded = ""  # "Knowledge base loaded" …
    default_path: Path

    def read(self, path: Path) -> dict:
        raise NotImplementedError

    def load(self, data: dict, progress: Callable[[str], None]) -> Counter:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", type=Path, default=self.default_path, help="fixture to load (default: %(default)s)"
        )

    def handle(self, *args, file: Path, verbosity: int, **options):
        def progress(message: str) -> None:
            if verbosity >= 2:
                self.stdout.write(message)

        try:
            data = self.read(file)
            if verbosity >= 1:
                self.stdout.write(f"Loading {self.what} from {file} …")
            counts = self.load(data, progress)
        except KnowledgeBaseError as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        if verbosity >= 1:
            summary = (
                ", ".join(f"{count} {what}" for what, count in sorted(counts.items())) or "already up to date"
            )
            self.stdout.write(self.style.SUCCESS(f"{self.loaded}: {summary}."))
