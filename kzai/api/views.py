"""What every API view shares: `ApiMixin` (put it first in the bases of an APIView)."""

from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from rest_framework.response import Response

from . import language, response_cache
from .conditional import conditional_response
from .exceptions import ApiError, problem


class ApiMixin:
    """Strict query parameters, the response language, ETag/Last-Modified.

    - Every query parameter must be known: the filterset's filters, the paginator's
      parameters, the fields of `query_serializer_class`, `lang` and `extra_query_parameters`.
      An unknown one, a repeated one or an empty one is a 400 naming it.
    - The language (`?lang=`, else Accept-Language, else ru) is active while the view runs
      and renders; `Content-Language` says which, `Vary: Accept-Language`.
    - A successful GET gets an ETag (hash of the body) and, if `last_modified()` returns a
      time, Last-Modified; a matching If-None-Match / If-Modified-Since gets a 304.
    - With `cache_responses = True` and a `last_modified()`, a GET's rendered body is cached
      (response_cache.py), keyed by that time: any change to the data makes new keys.
    """

    query_serializer_class = None
    extra_query_parameters: tuple[str, ...] = ()
    cache_responses = False
    metadata_class = None  # OPTIONS is a 405: the schema (/api/schema/) describes every operation

    def allowed_query_parameters(self) -> set[str]:
        names = {"lang", *self.extra_query_parameters}
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            names.update(filterset_class.base_filters)
        paginator = getattr(self, "paginator", None)
        if paginator is not None:
            names.update(getattr(paginator, "query_parameters", ()))
        if self.query_serializer_class is not None:
            names.update(self.query_serializer_class().fields)
        return names

    def check_query_parameters(self, request):
        if self.invalid_language is not None:
            raise ApiError(
                400,
                "invalid-parameter",
                "Invalid parameter",
                _("Неизвестный язык «%(value)s»: допустимы ru, kk, en.") % {"value": self.invalid_language},
                errors={"lang": [_("Допустимы ru, kk, en.")]},
            )
        allowed = self.allowed_query_parameters()
        for name in request.query_params:
            if name not in allowed:
                raise ApiError(
                    400,
                    "unknown-parameter",
                    "Unknown parameter",
                    _("Неизвестный параметр «%(name)s». Допустимые: %(allowed)s.")
                    % {"name": name, "allowed": ", ".join(sorted(allowed))},
                    errors={name: [_("Неизвестный параметр.")]},
                )
            values = request.query_params.getlist(name)
            if len(values) > 1:
                raise ApiError(
                    400,
                    "invalid-parameter",
                    "Invalid parameter",
                    _("Параметр «%(name)s» указан больше одного раза.") % {"name": name},
                    errors={name: [_("Укажите один раз.")]},
                )
            if values[0].strip() == "":
                raise ApiError(
                    400,
                    "invalid-parameter",
                    "Invalid parameter",
                    _("Параметр «%(name)s» пуст: укажите значение или уберите его.") % {"name": name},
                    errors={name: [_("Пустое значение.")]},
                )

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_query_parameters(request)
        self.response_cache_key = response_cache.key(self, request)
        if self.response_cache_key:
            cached = response_cache.get(self.response_cache_key)
            if cached is not None:
                raise response_cache.Hit(cached)

    def handle_exception(self, exc):
        if isinstance(exc, response_cache.Hit):
            return exc.response
        return super().handle_exception(exc)

    def query(self) -> dict:
        """The validated query parameters of `query_serializer_class`."""
        serializer = self.query_serializer_class(data=self.request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def last_modified(self):
        """When the data this view shows last changed (None: no Last-Modified)."""
        return None

    def dispatch(self, request, *args, **kwargs):
        self.language, self.invalid_language = language.negotiate(request)
        with translation.override(self.language):
            response = super().dispatch(request, *args, **kwargs)
            if isinstance(response, Response):
                response.render()
                if getattr(self, "response_cache_key", None) and response.status_code == 200:
                    response_cache.store(self.response_cache_key, response)
            if request.method in ("GET", "HEAD") and response.status_code == 200:
                response = conditional_response(request, response, self.last_modified())
        response["Content-Language"] = self.language
        patch_vary_headers(response, ("Accept-Language",))
        return response


def not_found(request, rest=""):
    """Any /api/ URL nothing else matched: a problem+json 404 (a missing slash: 308 to it)."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            location = request.path + "/" + (f"?{query}" if query else "")
            return JsonResponse({"location": location}, status=308, headers={"Location": location})
    with translation.override(language.negotiate(request)[0]):
        return problem(404, _("Такого адреса в API нет: %(path)s") % {"path": request.path})


def floor(request):
    """The benchmark's floor: constant JSON through the same middleware (KZAI_API_FLOOR=true only)."""
    return JsonResponse({"ok": True})
