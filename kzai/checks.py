"""System checks: say at start-up, not at the first download, that PDFs cannot be made."""

from django.core.checks import Warning


def pdf_rendering_available(app_configs, **kwargs):
    from kzai.pdf.engine import UNAVAILABLE

    if not UNAVAILABLE:
        return []
    return [Warning(UNAVAILABLE, hint="Everything else works; PDF pages answer 503.", id="kzai.W001")]
