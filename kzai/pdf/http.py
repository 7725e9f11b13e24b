"""What the PDF views share: the `?lang=` parameter, the PDF response, the 503 page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext

from kzai.i18n import LANGUAGE_CODES, normalize_language

from .engine import Rendered, RenderError


class InvalidLanguage(ValueError):
    pass


def report_language(request) -> str:
    """`?lang=ru|kk|en`, else the page's language; InvalidLanguage for anything else."""
    raw = request.GET.get("lang")
    if raw is None or raw == "":
        return normalize_language(get_language())
    if raw not in LANGUAGE_CODES:
        raise InvalidLanguage(
            gettext("Язык отчёта «%(value)s» не поддерживается: допустимы ru, kk, en.") % {"value": raw[:20]}
        )
    return raw


def pdf_response(rendered: Rendered, filename: str) -> HttpResponse:
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Length"] = str(len(rendered.pdf))
    response["ETag"] = f'"{rendered.sha256}"'
    response["Cache-Control"] = "private, no-cache"
    return response


def render_failed(request, error: RenderError):
    """503: the PDF could not be made now (too slow, renderer failure); say so plainly."""
    return render(request, "reports/unavailable.html", {"message": str(error)}, status=503)
