from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from compliance.case_loader import DEFAULT_PATH, load_cases, read_cases
from legal.kb_loader import KnowledgeBaseError


class Command(BaseCommand):
    help = (
        "Load or update the public case records from fixtures/cases.json (after load_kb). Safe to "
        "re-run: it updates what changed and never touches records users entered; any error changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", type=Path, default=DEFAULT_PATH, help="fixture to load (default: %(default)s)"
        )

    def handle(self, *args, file: Path, verbosity: int, **options):
        def progress(message: str) -> None:
            if verbosity >= 2:
                self.stdout.write(message)

        try:
            data = read_cases(file)
            if verbosity >= 1:
                self.stdout.write(f"Loading case records from {file} …")
            counts = load_cases(data, progress)
        except KnowledgeBaseError as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        if verbosity >= 1:
            summary = (
                ", ".join(f"{count} {what}" for what, count in sorted(counts.items())) or "already up to date"
            )
            self.stdout.write(self.style.SUCCESS(f"Case records loaded: {summary}."))
