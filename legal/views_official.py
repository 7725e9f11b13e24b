"""The official text of a version as imported: the whole text to read, and the stored
file to download («Скачать»). Thin views over legal.selectors.official."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext

from legal import selectors
from legal.selectors import official
from legal.view_helpers import bad_request


def _language(request):
    """`?lang=ru|kk`; by default the page's language when it is an official one, else
    Russian (the text page then shows the other language if that one is missing). None
    for anything else."""
    raw = request.GET.get("lang")
    if raw is None:
        return get_language() if get_language() in official.OFFICIAL_LANGUAGES else "ru"
    return raw if raw in official.OFFICIAL_LANGUAGES else None


def _unknown_language(request):
    return bad_request(
        request,
        gettext("Неизвестный язык «%(value)s»: официальные тексты бывают на ru и kk.")
        % {"value": request.GET.get("lang")},
    )


def _missing(request, version, language, languages):
    return render(
        request,
        "legal/official_text_missing.html",
        {"act": version.act, "version": version, "language": language, "official_languages": languages},
        status=404,
    )


def official_text(request, slug, version):
    """The whole official text of a version in one language, with its structure."""
    language = _language(request)
    if language is None:
        return _unknown_language(request)
    version = selectors.get_version(slug, version)
    page = official.version_text(version, language, fallback="lang" not in request.GET)
    if page.document is None:
        return _missing(request, version, language, page.languages)
    return render(
        request,
        "legal/official_text.html",
        {"act": version.act, "version": version, "page": page, "version_base": version.get_absolute_url()},
    )


def official_text_download(request, slug, version):
    """The stored official text as it was read (text/plain, UTF-8, as a file)."""
    language = _language(request)
    if language is None:
        return _unknown_language(request)
    version = selectors.get_version(slug, version)
    document = official.find_document(version, language)
    if document is None:
        return _missing(request, version, language, official.document_languages(version))
    response = HttpResponse(document.text, content_type="text/plain; charset=utf-8")
    filename = f"{version.act.slug}-{version.code}-{language}.txt"
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    return response
