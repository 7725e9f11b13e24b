from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Законодательство")

    def ready(self):
        """Every signal receiver of the app is connected here and only here."""
        from legal import freshness
        from legal.search import signals

        freshness.connect()
        signals.connect()
