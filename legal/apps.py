from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Законодательство")

    def ready(self):
        from legal import freshness  # noqa: F401 (connects its receiver)
        from legal.search import signals

        signals.connect()
