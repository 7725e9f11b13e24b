"""The language of an API response: `?lang=` if given, else Accept-Language, else Russian.

Unlike the HTML pages (kzai/middleware.py keeps them Russian unless the reader picks a
language), the API honours Accept-Language: a program asks for what it wants.
"""

from django.utils.translation.trans_real import parse_accept_lang_header

from kzai.i18n import LANGUAGE_CODES

DEFAULT_LANGUAGE = "ru"


def from_accept_language(header: str) -> str:
    """The first of ru/kk/en in the header's order of preference; Russian if none."""
    for code, _quality in parse_accept_lang_header(header or ""):
        base = code.split("-")[0].lower()
        if base in LANGUAGE_CODES:
            return base
    return DEFAULT_LANGUAGE


def negotiate(request) -> tuple[str, str | None]:
    """(language, the invalid `?lang=` value or None): an invalid value is reported as a 400
    by the view, in the language the client would otherwise get."""
    fallback = from_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    if "lang" not in request.GET:
        return fallback, None
    asked = request.GET.get("lang", "")
    if asked in LANGUAGE_CODES:
        return asked, None
    return fallback, asked
