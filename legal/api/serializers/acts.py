"""Acts and their versions."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from legal.models import Act, ActVersion
from legal.publication import official_urls, translation_urls

from .. import frbr
from ..fields import LocalizedField, absolute, act_api_path, translations
from .links import Links


class VersionSerializer(Links, serializers.ModelSerializer):
    label = LocalizedField()
    note = LocalizedField()
    state = serializers.SerializerMethodField(
        help_text="On the day asked (`as_of`, default today): draft, pending, in_force or repealed."
    )
    frbr_uri = serializers.SerializerMethodField()
    toc_url = serializers.SerializerMethodField()
    translations = translations("label", "note")

    class Meta:
        model = ActVersion
        fields = [
            "code",
            "status",
            "state",
            "label",
            "date",
            "date_precision",
            "in_force_from",
            "in_force_until",
            "consolidated_as_of",
            "note",
            "sources",
            "frbr_uri",
            "url",
            "api_url",
            "toc_url",
            "translations",
        ]

    def get_state(self, version) -> str:
        return version.state_on(self.context["on"])

    def get_frbr_uri(self, version) -> str | None:
        return frbr.expression_uri(version.act, version.code)

    def api_path(self, version):
        return reverse("api:version-list", args=[version.act.slug])

    def get_toc_url(self, version) -> str:
        return absolute(
            self.context.get("request"), reverse("api:toc", args=[version.act.slug, version.code])
        )


@extend_schema_field({"type": "object", "additionalProperties": {"type": "string", "format": "uri"}})
class _UrlsByLanguage(serializers.Field):
    def __init__(self, read, **kwargs):
        self.read = read
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, act):
        return self.read(act)


class ActSerializer(Links, serializers.ModelSerializer):
    title = LocalizedField()
    short_name = LocalizedField()
    citation_name = LocalizedField()
    official_urls = _UrlsByLanguage(
        official_urls, help_text="{language: URL} of the official texts (Russian and Kazakh only)."
    )
    translation_urls = _UrlsByLanguage(
        translation_urls,
        help_text="{language: URL} of UNOFFICIAL translations (e.g. the English text on Adilet): "
        "never the official text of the act.",
    )
    frbr_uri = serializers.SerializerMethodField()
    in_force = serializers.SerializerMethodField(
        help_text="The code of the version in force on the day asked (`as_of`, default today), or null."
    )
    versions_url = serializers.SerializerMethodField()
    translations = translations("title", "short_name", "citation_name")

    class Meta:
        model = Act
        fields = [
            "slug",
            "kind",
            "number",
            "adopted",
            "title",
            "short_name",
            "citation_name",
            "partial",
            "confidence",
            "sources",
            "official_urls",
            "translation_urls",
            "frbr_uri",
            "in_force",
            "url",
            "api_url",
            "versions_url",
            "translations",
        ]

    def get_frbr_uri(self, act) -> str | None:
        return frbr.work_uri(act)

    def get_in_force(self, act) -> str | None:
        version = self.context["in_force"].get(act.pk)
        return version.code if version else None

    def api_path(self, act):
        return act_api_path(act.slug)

    def get_versions_url(self, act) -> str:
        return absolute(self.context.get("request"), reverse("api:version-list", args=[act.slug]))


class ActDetailSerializer(ActSerializer):
    versions = serializers.SerializerMethodField()

    class Meta(ActSerializer.Meta):
        fields = [*ActSerializer.Meta.fields, "versions"]

    @extend_schema_field(VersionSerializer(many=True))
    def get_versions(self, act):
        return VersionSerializer(self.context["versions"], many=True, context=self.context).data
