"""`manage.py create_api_token USER`: print the API token of USER (made if missing).

The token goes in `Authorization: Token <key>` (docs/api.md). `--rotate` replaces an
existing token, which stops the old one working at once.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Print the REST API token of a user, creating it if needed (--rotate: a new one)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--rotate", action="store_true", help="Replace the existing token.")

    @transaction.atomic
    def handle(self, username, rotate, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(
                f"No user {username!r}: create it first (manage.py createsuperuser)."
            ) from None
        if not user.is_active:
            raise CommandError(f"User {username!r} is inactive: a token would not work.")
        if rotate:
            Token.objects.filter(user=user).delete()
        token, _created = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
