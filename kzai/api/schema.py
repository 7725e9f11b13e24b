"""OpenAPI: every operation documents its error responses (problem+json) and the language."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from .exceptions import PROBLEM_CONTENT_TYPE

ERROR_CODES = {
    "400": "Invalid request: an unknown, repeated, empty or invalid parameter (named in `errors`).",
    "401": "The token or session is invalid.",
    "403": "Not allowed (for a session: CSRF token missing or wrong).",
    "404": "No such resource.",
    "429": "Throttled: see the Retry-After header.",
}


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField(help_text="URN of the problem type, e.g. urn:kzai:problem:unknown-parameter")
    title = serializers.CharField(help_text="Short English summary of the problem type (stable).")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What went wrong here, in the response language.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages per parameter or field.",
    )


LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    OpenApiParameter.QUERY,
    enum=["ru", "kk", "en"],
    description="Language of titles, summaries and error details; overrides Accept-Language. Default ru.",
)
ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    str,
    OpenApiParameter.HEADER,
    description="Used when `lang` is absent: the first of ru, kk, en it prefers.",
)


class ProblemAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema plus the error responses and the language parameters."""

    extra_error_codes: dict[str, str] = {}

    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANG_PARAMETER, ACCEPT_LANGUAGE]

    def _get_parameters(self):
        """Query strings are never blank: `ApiMixin` rejects `?act=` and `?q=%20` (say so in the schema)."""
        parameters = super()._get_parameters()
        for parameter in parameters:
            schema = parameter.get("schema", {})
            if parameter["in"] == "query" and schema.get("type") == "string" and "enum" not in schema:
                schema.setdefault("minLength", 1)
                schema.setdefault("pattern", r"\S")
        return parameters

    def _get_request_body(self, direction="request"):
        """A view with `request_body_required = True` says so (drf-spectacular leaves it
        optional when the body has several media types)."""
        body = super()._get_request_body(direction)
        if body and getattr(self.view, "request_body_required", False):
            body["required"] = True
        return body

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = {**ERROR_CODES, **getattr(self.view, "error_responses", {})}
        for code, description in codes.items():
            if code not in responses:
                response = self._get_response_for_code(
                    ProblemSerializer, code, media_types=[PROBLEM_CONTENT_TYPE]
                )
                response["description"] = description
                responses[code] = response
        return responses
