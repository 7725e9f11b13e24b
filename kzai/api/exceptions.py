"""Errors as problem+json (RFC 9457): `type`, `title`, `status`, `detail`, sometimes `errors`.

`type` is a URN naming the problem (`urn:kzai:problem:unknown-parameter`; `about:blank` for
plain HTTP ones): programs rely on it. `title` is a fixed phrase per problem type in the
language of the response (ru, kk, en; RFC 9457 allows localised titles), like `detail`.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import csrf, defaults
from rest_framework import exceptions
from rest_framework.views import set_rollback

logger = logging.getLogger("kzai.api")

PROBLEM_CONTENT_TYPE = "application/problem+json"

# status → (type, title) for the plain HTTP problems
HTTP_PROBLEMS = {
    400: ("urn:kzai:problem:invalid-request", "Invalid request"),
    401: ("urn:kzai:problem:not-authenticated", "Not authenticated"),
    403: ("urn:kzai:problem:forbidden", "Forbidden"),
    404: ("urn:kzai:problem:not-found", "Not found"),
    405: ("urn:kzai:problem:method-not-allowed", "Method not allowed"),
    406: ("urn:kzai:problem:not-acceptable", "Not acceptable"),
    413: ("urn:kzai:problem:payload-too-large", "Payload too large"),
    415: ("urn:kzai:problem:unsupported-media-type", "Unsupported media type"),
    429: ("urn:kzai:problem:throttled", "Too many requests"),
    500: ("urn:kzai:problem:server-error", "Server error"),
}


#: code → the title in the response's language (en: the English phrases above and in the
#: callers of ApiError). A problem type without an entry keeps the title it is given.
PROBLEM_TITLES = {
    "invalid-request": gettext_lazy("Некорректный запрос"),
    "not-authenticated": gettext_lazy("Нужен вход"),
    "forbidden": gettext_lazy("Запрещено"),
    "not-found": gettext_lazy("Не найдено"),
    "method-not-allowed": gettext_lazy("Метод не разрешён"),
    "not-acceptable": gettext_lazy("Формат ответа не поддерживается"),
    "payload-too-large": gettext_lazy("Слишком большой запрос"),
    "unsupported-media-type": gettext_lazy("Тип содержимого не поддерживается"),
    "throttled": gettext_lazy("Слишком много запросов"),
    "server-error": gettext_lazy("Ошибка сервера"),
    "invalid-parameter": gettext_lazy("Неверный параметр"),
    "unknown-parameter": gettext_lazy("Неизвестный параметр"),
    "invalid-body": gettext_lazy("Неверное тело запроса"),
    "protected": gettext_lazy("Запись защищена"),
    "assessment-final": gettext_lazy("Оценка окончательная"),
    "missing-answers": gettext_lazy("Нет обязательных ответов"),
    "not-revisable": gettext_lazy("Новую редакцию создать нельзя"),
    "render-failed": gettext_lazy("PDF не создан"),
}
PROBLEM_PREFIX = "urn:kzai:problem:"


def problem_title(type_: str, title: str) -> str:
    """The title of a problem type in the active language (`title` when it has none)."""
    code = type_.removeprefix(PROBLEM_PREFIX) if type_.startswith(PROBLEM_PREFIX) else ""
    translated = PROBLEM_TITLES.get(code)
    return str(translated) if translated is not None else title


class ApiError(exceptions.APIException):
    """An API error with its own problem type: `ApiError(400, "unknown-parameter", …)`."""

    def __init__(self, status: int, code: str, title: str, detail: str, errors: dict | None = None):
        super().__init__(detail=detail, code=code)
        self.status_code = status
        self.problem_type = f"urn:kzai:problem:{code}"
        self.title = title
        self.errors = errors


class PayloadTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "payload_too_large"


def problem(status: int, detail: str, *, type_: str = "", title: str = "", errors=None, headers=None):
    default_type, default_title = HTTP_PROBLEMS.get(status, ("about:blank", "Error"))
    type_ = type_ or default_type
    body = {
        "type": type_,
        "title": problem_title(type_, title or default_title),
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = JsonResponse(
        body, status=status, content_type=PROBLEM_CONTENT_TYPE, json_dumps_params={"ensure_ascii": False}
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _flatten(detail) -> dict | list | str:
    """DRF's ErrorDetail tree → plain strings, keeping its shape ({field: [messages]})."""
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(value) for value in detail]
    return str(detail)


def _summary(errors) -> str:
    """One sentence for `detail` from a validation error tree: the first message, with its field."""
    if isinstance(errors, dict):
        for key, value in errors.items():
            first = _summary(value)
            return first if key == "non_field_errors" or first.startswith(f"{key}:") else f"{key}: {first}"
    if isinstance(errors, list) and errors:
        return _summary(errors[0])
    return str(errors)


def problem_exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every exception becomes problem+json, a crash a logged 500."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Такого ресурса нет."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        set_rollback()
        request = context.get("request")
        logger.error("API error on %s", getattr(request, "path", "?"), exc_info=exc)
        return problem(500, _("Внутренняя ошибка сервера. Мы уже знаем о ней."))

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    set_rollback()
    if isinstance(exc, ApiError):
        return problem(
            exc.status_code,
            str(exc.detail),
            type_=exc.problem_type,
            title=exc.title,
            errors=exc.errors,
            headers=headers,
        )
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        if not isinstance(errors, dict):
            errors = {"non_field_errors": errors if isinstance(errors, list) else [errors]}
        return problem(
            400,
            _summary(errors),
            type_="urn:kzai:problem:invalid-parameter",
            title="Invalid parameter",
            errors=errors,
            headers=headers,
        )
    detail = exc.detail
    if isinstance(exc, exceptions.Throttled):
        detail = _("Слишком много запросов. Повторите через %(seconds)s с.") % {"seconds": int(exc.wait or 1)}
    return problem(exc.status_code, str(_flatten(detail)), headers=headers)


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception):
    """handler404: problem+json under /api/, Django's page elsewhere."""
    if is_api(request):
        return problem(404, _("Такого адреса в API нет: %(path)s") % {"path": request.path})
    return defaults.page_not_found(request, exception)


def server_error(request):
    """handler500: problem+json under /api/ (no traceback ever), Django's page elsewhere."""
    if is_api(request):
        return problem(500, _("Внутренняя ошибка сервера. Мы уже знаем о ней."))
    return defaults.server_error(request)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: problem+json under /api/ (a session POST without its token)."""
    if is_api(request):
        return problem(403, _("Нет CSRF-токена или он неверен: передайте его в заголовке X-CSRFToken."))
    return csrf.csrf_failure(request, reason)
