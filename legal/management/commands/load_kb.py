from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from legal.kb_loader import DEFAULT_PATH, KnowledgeBaseError, load_knowledge_base, read_fixture


class Command(BaseCommand):
    help = (
        "Load or update the knowledge base from fixtures/kb.json. Safe to re-run: it updates what "
        "changed and never touches what editors or users entered; any error changes nothing."
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
            data = read_fixture(file)
            if verbosity >= 1:
                self.stdout.write(f"Loading the knowledge base from {file} …")
            counts = load_knowledge_base(data, progress)
        except KnowledgeBaseError as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        if verbosity >= 1:
            summary = (
                ", ".join(f"{count} {what}" for what, count in sorted(counts.items())) or "already up to date"
            )
            self.stdout.write(self.style.SUCCESS(f"Knowledge base loaded: {summary}."))
