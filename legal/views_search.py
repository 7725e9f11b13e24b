"""The search page: /search/?q=… with filters, results grouped by act, pagination.

A query that is itself a citation («ст. 21 Закона об ИИ») goes to the quick-cite page,
unless `nocite=1` (the quick-cite page's own "search the words instead" link).
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from kzai.i18n import LANGUAGE_CODES
from legal import selectors
from legal.citations import extract_citations
from legal.models import Act, DutyHolder, ProvisionType
from legal.search import CANDIDATES, InvalidSearch, search
from legal.view_helpers import bad_request, invalid_date

PAGE_SIZE = 20
MAX_PAGE = 500
COVERAGE = 0.8  # citations covering this share of the query's letters make it a citation


def _cite_url(q: str) -> str | None:
    """/cite/?q=… when the whole query is a resolvable citation, else None."""
    try:
        url = reverse("legal:cite")
    except NoReverseMatch:
        return None
    citations = [c for c in extract_citations(q) if c.resolved]
    if not citations:
        return None
    covered = sum(len(c.text.strip()) for c in citations)
    letters = len("".join(q.split()))
    if (
        letters
        and covered / letters < COVERAGE
        and sum(c.end - c.start for c in citations) < COVERAGE * len(q.strip())
    ):
        return None
    return f"{url}?{urlencode({'q': q})}"


_MESSAGES = {
    "act": "Неизвестный акт «%(value)s».",
    "version": "Нет редакции «%(value)s».",
    "unit_type": "Неизвестный вид положения «%(value)s».",
    "duty_holder": "Неизвестный субъект обязанности «%(value)s».",
    "language": "Неизвестный язык «%(value)s»: допустимы ru, kk, en.",
    "page": "Номер страницы «%(value)s» — не число от 1 до 500.",
}


def search_page(request):
    q = request.GET.get("q", "").strip()[:300]
    params = {
        key: request.GET.get(key, "").strip()
        for key in ("act", "version", "unit_type", "duty_holder", "language")
    }
    raw_as_of = request.GET.get("as_of", "")
    try:
        as_of = selectors.parse_as_of(raw_as_of)
    except selectors.InvalidDate:
        return invalid_date(request, raw_as_of)
    raw_page = request.GET.get("page", "1")
    if not raw_page.isdigit() or not 1 <= int(raw_page) <= MAX_PAGE:
        return bad_request(request, gettext(_MESSAGES["page"]) % {"value": raw_page})
    page = int(raw_page)

    if q and page == 1 and not any(params.values()) and not as_of and not request.GET.get("nocite"):
        cite = _cite_url(q)
        if cite:
            return redirect(cite)

    results = None
    if q:
        try:
            results = search(
                q,
                as_of=as_of,
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
                **{key: value or None for key, value in params.items()},
            )
        except InvalidSearch as error:
            return bad_request(request, gettext(_MESSAGES[error.field]) % {"value": error.value})

    base = {key: value for key, value in {"q": q, **params, "as_of": raw_as_of}.items() if value}
    return render(
        request,
        "legal/search.html",
        {
            "q": q,
            "params": params,
            "as_of": raw_as_of,
            "results": results,
            "page": page,
            "candidates": CANDIDATES,
            "previous_url": f"?{urlencode({**base, 'page': page - 1})}"
            if results and results.has_previous
            else "",
            "next_url": f"?{urlencode({**base, 'page': page + 1})}" if results and results.has_next else "",
            "acts": Act.objects.only(
                "slug", "short_name_ru", "short_name_kk", "short_name_en", "title_ru", "title_kk", "title_en"
            ),
            "holders": DutyHolder.objects.all(),
            "unit_types": ProvisionType.choices,
            # Not "languages": base.html's language switcher sets that name for the whole page.
            "content_languages": [
                (code, name) for code, name in settings.LANGUAGES if code in LANGUAGE_CODES
            ],
        },
    )
