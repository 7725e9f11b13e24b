"""/acts/<slug>/<version>.xml: the version as an Akoma Ntoso 3.0 document (docs/akn.md).
`?lang=ru|kk` picks the official language (default ru); there is no official English."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from legal.akn import CONTENT_TYPE, LANGUAGES, NoWorkUri, build_akn
from legal.selectors.akn import akn_source
from legal.view_helpers import bad_request


def akn_response(xml: bytes, slug: str, code: str, language: str) -> HttpResponse:
    response = HttpResponse(xml, content_type=CONTENT_TYPE)
    response["Content-Language"] = language
    response["Content-Disposition"] = f'inline; filename="{slug}-{code}-{language}.xml"'
    return response


def no_work_uri() -> Http404:
    return Http404(gettext("У акта нет номера или даты принятия: для Akoma Ntoso нет идентификатора."))


@require_GET
def version_akn(request, slug, version):
    language = request.GET.get("lang") or "ru"
    if language not in LANGUAGES:
        return bad_request(
            request,
            gettext("Официальный текст есть только на языках ru и kk, а не «%(value)s».")
            % {"value": language[:20]},
        )
    source = akn_source(slug, version, language)
    try:
        xml = build_akn(source)
    except NoWorkUri:
        raise no_work_uri() from None
    return akn_response(xml, slug, version, language)
