"""Query parameters (and bodies) that are not queryset filters, validated by serializers.
`ApiMixin` reads their field names for the strict parameter check."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kzai.i18n import LANGUAGE_CODES
from legal import selectors
from legal.api.fields import TextField
from legal.models import ProvisionType


@extend_schema_field(OpenApiTypes.DATE)
class IsoDate(serializers.Field):
    """YYYY-MM-DD only, with the site's message."""

    def to_internal_value(self, data):
        """An empty value is not a date either: leave the field out for the default."""
        try:
            if not isinstance(data, str) or not data:
                raise selectors.InvalidDate(data)
            return selectors.parse_as_of(data)
        except selectors.InvalidDate:
            raise serializers.ValidationError(
                _("«%(value)s» — не дата. Укажите дату в виде ГГГГ-ММ-ДД, например 2026-01-18.")
                % {"value": data}
            ) from None

    def to_representation(self, value):
        return value.isoformat()


def as_of_field():
    return IsoDate(
        required=False, help_text="The day to read the law on, YYYY-MM-DD (default: today in Almaty)."
    )


class AsOfQuery(serializers.Serializer):
    as_of = as_of_field()


class SearchQuery(serializers.Serializer):
    q = serializers.RegexField(
        r"\S", max_length=300, help_text="Words to find (synonyms apply: «дипфейк» …); not only spaces."
    )
    act = serializers.SlugField(required=False, max_length=60)
    version = serializers.SlugField(required=False, max_length=40)
    as_of = as_of_field()
    unit_type = serializers.ChoiceField(choices=ProvisionType.choices, required=False)
    duty_holder = serializers.SlugField(required=False, max_length=30)
    language = serializers.ChoiceField(
        choices=[(c, c) for c in LANGUAGE_CODES], required=False, help_text="Only text in this language."
    )
    page = serializers.IntegerField(required=False, min_value=1, max_value=500)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=100)


class ResolveContext(serializers.Serializer):
    """Where the text sits (for «настоящей статьи», a bare «ст. 21») and the day to read it on."""

    as_of = as_of_field()
    act = serializers.SlugField(required=False, max_length=60, help_text="The act the text is in.")
    version = serializers.SlugField(required=False, max_length=40, help_text="Its version code.")
    provision = serializers.RegexField(
        r"^[a-z][A-Za-z0-9_-]*$",
        required=False,
        max_length=200,
        help_text="The eid of the provision it is in.",
    )


class ResolveQuery(ResolveContext):
    cite = serializers.CharField(
        max_length=2000, help_text="A citation or a short text, e.g. ч. 2 ст. 190 УК РК."
    )


class ResolveBody(ResolveContext):
    text = TextField(
        max_length=100 * 1024, help_text="The text to read (at most 100 KB).", trim_whitespace=False
    )
