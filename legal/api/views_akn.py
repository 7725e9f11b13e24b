"""GET /api/v1/acts/<slug>/versions/<code>/akn/: the version as Akoma Ntoso 3.0 XML, the
same bytes as the page /acts/<slug>/<code>.xml. `lang` (ru or kk, else Accept-Language,
else ru) picks the official language; `lang=en` is a 400: there is no official English."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from kzai.api.exceptions import ApiError
from kzai.api.schema import LANG_PARAMETER, ProblemAutoSchema
from legal.akn import LANGUAGES, NoWorkUri, build_akn
from legal.selectors.akn import akn_source
from legal.views_akn import akn_response

from .views import LegalView

OFFICIAL_LANG = OpenApiParameter(
    "lang",
    str,
    OpenApiParameter.QUERY,
    enum=list(LANGUAGES),
    description="The official text's language, ru or kk (`en` is a 400); overrides Accept-Language. "
    "Default ru.",
)


class AknSchema(ProblemAutoSchema):
    """The `lang` of this operation: only the official languages."""

    def get_override_parameters(self):
        return [OFFICIAL_LANG if p is LANG_PARAMETER else p for p in super().get_override_parameters()]


@extend_schema(
    tags=["acts"],
    responses={
        (200, "application/akn+xml"): OpenApiResponse(
            OpenApiTypes.STR, description="Akoma Ntoso 3.0 (docs/akn.md)"
        )
    },
)
class VersionAkn(LegalView):
    """One version of an act as an Akoma Ntoso 3.0 document in Russian or Kazakh."""

    schema = AknSchema()
    pagination_class = None
    cache_responses = False  # not a DRF Response: nothing to cache
    error_responses = {"400": "`lang=en`: there is no official English text."}

    def get(self, request, slug, version):
        if self.language not in LANGUAGES and "lang" not in request.query_params:
            self.language = "ru"  # English asked by Accept-Language only: the default text
        if self.language not in LANGUAGES:
            raise ApiError(
                400,
                "invalid-parameter",
                "Invalid parameter",
                _("Официальный текст есть только на языках ru и kk, а не «%(value)s».")
                % {"value": self.language},
                errors={"lang": [_("Допустимы ru, kk.")]},
            )
        source = akn_source(slug, version, self.language)
        try:
            xml = build_akn(source)
        except NoWorkUri:
            raise ApiError(
                404,
                "not-found",
                "Not found",
                _("У акта нет номера или даты принятия: для Akoma Ntoso нет идентификатора."),
            ) from None
        return akn_response(xml, slug, version, self.language)
