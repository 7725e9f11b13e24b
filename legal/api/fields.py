"""Serializer fields for the knowledge base's ru/kk/en content and its links."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kzai.i18n import LANGUAGE_CODES, pick, values_of

LANGUAGES_SCHEMA = {
    "type": "object",
    "properties": {lang: {"type": "string"} for lang in LANGUAGE_CODES},
    "required": list(LANGUAGE_CODES),
}


@extend_schema_field({"type": "string"})
class LocalizedField(serializers.Field):
    """The text of a ru/kk/en field in the response language, falling back to ru, en, kk."""

    def __init__(self, name=None, **kwargs):
        self.content_name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.content_name = self.content_name or field_name

    def to_representation(self, obj):
        return str(pick(values_of(obj, self.content_name)))


class TranslationsField(serializers.Field):
    """Every language of the given ru/kk/en fields: {"title": {"ru": …, "kk": …, "en": …}, …}."""

    def __init__(self, *names, **kwargs):
        self.names = names
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return {name: values_of(obj, name) for name in self.names}


def translations_schema(*names) -> dict:
    return {
        "type": "object",
        "description": "Every language of the translated fields (empty where a language is missing).",
        "properties": {name: LANGUAGES_SCHEMA for name in names},
        "required": list(names),
    }


def translations(*names, **kwargs) -> TranslationsField:
    """A TranslationsField whose schema lists `names` (a subclass each: the schema is per class)."""
    field_class = extend_schema_field(translations_schema(*names))(
        type("Translations", (TranslationsField,), {})
    )
    return field_class(*names, **kwargs)


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def provision_api_path(slug: str, code: str, eid: str) -> str:
    return reverse("api:provision-detail", args=[slug, code, eid])


def act_api_path(slug: str) -> str:
    return reverse("api:act-detail", args=[slug])


class TextField(serializers.CharField):
    """A text sent in a JSON body: a JSON string only. DRF's CharField would take `0` or
    `true` as the text "0" or "True"; the schema says string, so anything else is a 400."""

    default_error_messages = {"invalid": _("Нужна строка текста.")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)
