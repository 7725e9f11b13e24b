from django.apps import AppConfig
from django.core import checks


class KzaiConfig(AppConfig):
    """The kernel below both apps: languages, the PDF engine, the API's shared parts. It has
    no models; as an app it registers its system checks and receivers in one place."""

    name = "kzai"
    verbose_name = "kzai"

    def ready(self):
        from kzai.checks import pdf_rendering_available

        checks.register(pdf_rendering_available)
