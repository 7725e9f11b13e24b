"""Filters of the list endpoints. A value that names nothing (an unknown act, version, duty
holder; a malformed date or FRBR URI) is a 400 naming the parameter, never an empty list
that looks like "no such provisions"."""

import django_filters
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from legal import selectors
from legal.models import (
    Act,
    ActKind,
    ActVersion,
    Confidence,
    DutyHolder,
    Obligation,
    ProhibitedPractice,
    Provision,
    ProvisionType,
    RiskLevel,
    Term,
)
from legal.versions import in_force_pks

from . import frbr


class IsoDateField(forms.CharField):
    """YYYY-MM-DD only (no locale formats), with the site's message."""

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return selectors.parse_as_of(value)
        except selectors.InvalidDate:
            raise forms.ValidationError(
                _("«%(value)s» — не дата. Укажите дату в виде ГГГГ-ММ-ДД, например 2026-01-18.")
                % {"value": value}
            ) from None


@extend_schema_field(OpenApiTypes.DATE)
class IsoDateFilter(django_filters.Filter):
    field_class = IsoDateField


class ActSlugFilter(django_filters.ModelChoiceFilter):
    """`?act=ai-law`: an act by its slug; an unknown slug is a 400."""

    def __init__(self, field_name, **kwargs):
        super().__init__(
            field_name=field_name,
            queryset=Act.objects.only("id", "slug"),
            to_field_name="slug",
            error_messages={"invalid_choice": gettext_lazy("Неизвестный акт «%(value)s».")},
            help_text="The act's slug, e.g. ai-law, criminal-code.",
            **kwargs,
        )


class DutyHolderFilter(django_filters.ModelChoiceFilter):
    def __init__(self, field_name, **kwargs):
        super().__init__(
            field_name=field_name,
            queryset=DutyHolder.objects.all(),
            error_messages={"invalid_choice": gettext_lazy("Неизвестный субъект обязанности «%(value)s».")},
            help_text="A duty holder's code, e.g. owner, developer.",
            **kwargs,
        )


class VersionFilters(django_filters.FilterSet):
    """`version` (a code) and `as_of` (versions in force that day) over `version_field`."""

    version_field = "version"

    version = django_filters.CharFilter(method="filter_version", help_text="A version code, e.g. 2025-11-17.")
    as_of = IsoDateFilter(method="filter_as_of", help_text="Only versions in force on this day (YYYY-MM-DD).")

    def filter_version(self, queryset, name, value):
        if not ActVersion.objects.filter(code=value).exists():
            raise ValidationError({"version": [_("Нет редакции «%(value)s».") % {"value": value}]})
        return queryset.filter(**{f"{self.version_field}__code": value})

    def filter_as_of(self, queryset, name, value):
        return queryset.filter(**{f"{self.version_field}__in": in_force_pks(value)})


class ProvisionFilter(VersionFilters):
    act = ActSlugFilter("version__act")
    eid = django_filters.CharFilter(help_text="Exact eid, e.g. art_17__para_3__subpara_6.")
    type = django_filters.ChoiceFilter(choices=ProvisionType.choices)
    num = django_filters.CharFilter(help_text="The unit's own number as printed, e.g. 17, 73-3.")
    duty_holder = DutyHolderFilter("duty_holders")
    confidence = django_filters.ChoiceFilter(choices=Confidence.choices)
    q = django_filters.CharFilter(
        method="filter_q",
        max_length=200,
        help_text="Words that must appear (case-insensitive) in the eid, number, titles or summaries. "
        "For ranked full-text search use /api/v1/search/.",
    )
    frbr_uri = django_filters.CharFilter(
        method="filter_frbr_uri", max_length=400, help_text="An FRBR URI of a provision (docs/api.md)."
    )

    class Meta:
        model = Provision
        fields = [
            "act",
            "version",
            "as_of",
            "eid",
            "type",
            "num",
            "duty_holder",
            "confidence",
            "q",
            "frbr_uri",
        ]

    def filter_q(self, queryset, name, value):
        for word in value.casefold().split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_frbr_uri(self, queryset, name, value):
        try:
            parsed = frbr.parse(value)
        except frbr.InvalidUri:
            raise ValidationError(
                {
                    "frbr_uri": [
                        _(
                            "Не FRBR URI положения: ожидается вида /akn/kz/act/law/2025/230/rus@2025-11-17/"
                            "!main~art_21__para_2."
                        )
                    ]
                }
            ) from None
        if parsed.eid is None:
            raise ValidationError({"frbr_uri": [_("В URI нет положения (!main~eid).")]})
        act = frbr.find_act(parsed)
        if act is None:
            return queryset.none()
        return queryset.filter(version__act=act, version__code=parsed.version, eid=parsed.eid)


class ActFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ActKind.choices)

    class Meta:
        model = Act
        fields = ["kind"]


class TermFilter(VersionFilters):
    version_field = "provision__version"

    act = ActSlugFilter("provision__version__act")

    class Meta:
        model = Term
        fields = ["act", "version", "as_of"]


class PracticeFilter(django_filters.FilterSet):
    confidence = django_filters.ChoiceFilter(choices=Confidence.choices)

    class Meta:
        model = ProhibitedPractice
        fields = ["confidence"]


class ObligationFilter(django_filters.FilterSet):
    duty_holder = DutyHolderFilter("duty_holders")
    risk_level = django_filters.ChoiceFilter(
        choices=RiskLevel.choices,
        method="filter_risk_level",
        help_text="Obligations for systems of this risk level.",
    )
    confidence = django_filters.ChoiceFilter(choices=Confidence.choices)

    class Meta:
        model = Obligation
        fields = ["duty_holder", "risk_level", "confidence"]

    def filter_risk_level(self, queryset, name, value):
        return queryset.for_risk_level(value)
