from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from compliance.demo import DEFAULT_PATH, DemoError, load_demo, read_demo


class Command(BaseCommand):
    help = (
        "Load the demo organisations and users (fixtures/demo.json) and print their logins. "
        "Local use only: refuses to run with DEBUG off. Run load_kb first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEFAULT_PATH, help="default: %(default)s")

    def handle(self, *args, file: Path, verbosity: int, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo creates users with published passwords: it runs only with DEBUG on "
                "(never in production)."
            )
        try:
            logins = load_demo(read_demo(file))
        except (DemoError, ValidationError) as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS("Demo logins (local only) at /accounts/login/:"))
            width = max(len(username) for username, _, _ in logins)
            for username, password, roles in logins:
                self.stdout.write(f"  {username:<{width}}  {password:<18}  {roles}")
