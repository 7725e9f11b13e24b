import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from legal.models import Synonym

DEFAULT_PATH = Path(settings.BASE_DIR) / "fixtures" / "synonyms.json"


class Command(BaseCommand):
    help = (
        "Load the search synonyms from fixtures/synonyms.json. Adds new terms and fills in the "
        "shipped ones; synonyms edited in the admin are left as they are unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEFAULT_PATH)
        parser.add_argument("--replace", action="store_true", help="overwrite terms edited in the admin")

    def handle(self, *args, file: Path, replace: bool, verbosity: int, **options):
        try:
            rows = json.loads(file.read_text(encoding="utf-8"))["synonyms"]
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"{file}: not a synonyms fixture ({exc})") from exc
        created = updated = 0
        with transaction.atomic():
            for row in rows:
                values = {
                    "replacements": "\n".join(row["replacements"]),
                    "two_way": row.get("two_way", False),
                }
                synonym = Synonym.objects.filter(language=row["language"], term=row["term"]).first()
                if synonym is None:
                    Synonym.objects.create(language=row["language"], term=row["term"], **values)
                    created += 1
                elif replace and any(getattr(synonym, k) != v for k, v in values.items()):
                    for key, value in values.items():
                        setattr(synonym, key, value)
                    synonym.save()
                    updated += 1
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Synonyms: {created} created, {updated} updated."))
