"""Citation check (`/check/`): paste a text or upload a .txt/.docx, pick a date, read every
citation's verdict; «Скачать PDF» posts the same form with `format=pdf`.

Thin: the verdicts come from legal.citation_check, the PDF from legal.check_print and the
kzai.pdf engine. POST, because a memo does not fit in a URL and should not land in logs.
"""

from django.shortcuts import render
from django.utils.translation import get_language, gettext

from kzai.i18n import normalize_language
from kzai.pdf.engine import RenderError, render_pdf
from kzai.pdf.http import pdf_response, render_failed
from legal import check_print, selectors
from legal.citation_check import (
    MAX_CITATIONS,
    MAX_UPLOAD_BYTES,
    InputError,
    check_text,
    read_upload,
    segments,
)

TEMPLATE = "legal/check.html"


def check(request):
    today = selectors.today()
    context = {"text": "", "as_of": today, "today": today, "max_citations": MAX_CITATIONS}
    if request.method != "POST":
        return render(request, TEMPLATE, context)
    text = request.POST.get("text", "")
    context["text"] = text
    try:
        as_of = selectors.parse_as_of(request.POST.get("as_of", "").strip()) or today
    except selectors.InvalidDate:
        return _error(request, context, _bad_date(request.POST.get("as_of", "")), 400)
    context["as_of"] = as_of
    language = normalize_language(get_language())
    try:
        upload = request.FILES.get("file")
        if upload is not None:
            text = read_upload(upload.name, upload.read(MAX_UPLOAD_BYTES + 1))
            context["text"] = text
        result = check_text(text, as_of, language=language)
    except InputError as error:
        return _error(request, context, str(error), error.status)
    if request.POST.get("format") == "pdf":
        try:
            rendered = render_pdf(check_print.document(result, text, printed_on=today))
        except RenderError as error:
            return render_failed(request, error)
        return pdf_response(rendered, f"citation-check-{as_of.isoformat()}-{language}.pdf")
    return render(request, TEMPLATE, {**context, "result": result, "segments": segments(text, result)})


def _error(request, context, message: str, status: int):
    return render(request, TEMPLATE, {**context, "error": message}, status=status)


def _bad_date(value: str) -> str:
    return gettext("«%(value)s» — не дата. Укажите дату в виде ГГГГ-ММ-ДД, например 2026-01-18.") % {
        "value": value[:20]
    }
