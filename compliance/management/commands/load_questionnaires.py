from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from compliance.questionnaire_loader import (
    DEFAULT_DIR,
    QuestionnaireError,
    definition_files,
    load_questionnaires,
    read_definitions,
)


class Command(BaseCommand):
    help = (
        "Load or update the questionnaires from fixtures/questionnaires/*.json. Safe to re-run: an "
        "unchanged file changes nothing, a published version is never altered, any error changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", type=Path, help=f"definition files (default: every *.json in {DEFAULT_DIR})"
        )

    def handle(self, *args, files: list[Path], verbosity: int, **options):
        def progress(message: str) -> None:
            if verbosity >= 2:
                self.stdout.write(message)

        try:
            definitions = read_definitions(files or definition_files())
            counts = load_questionnaires(definitions, progress)
        except QuestionnaireError as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        if verbosity >= 1:
            summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "already up to date"
            self.stdout.write(self.style.SUCCESS(f"Questionnaires loaded: {summary}."))
