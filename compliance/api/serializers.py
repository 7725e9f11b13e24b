"""Serializers of the workspace endpoints: AI systems and case records, and the parts the
questionnaires' and assessments' serializers (serializers_assessments) share.

The organisation of a new record is named by its slug and must be one the caller may change
(compliance.access); the records' own invariants stay in the models (`full_clean`) and in
compliance.services.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from compliance import access
from compliance.models import (
    AISystem,
    CaseProvision,
    CaseRecord,
    CaseRelation,
    SystemRole,
)
from legal.api.fields import LocalizedField, absolute, translations
from legal.api.queries import IsoDate
from legal.api.serializers import ProvisionRefSerializer
from legal.models import ProhibitedPractice, Provision


def model_errors(exc: DjangoValidationError) -> serializers.ValidationError:
    """A model's ValidationError as DRF's (field → messages), for a 400 naming the fields."""
    if hasattr(exc, "error_dict"):
        return serializers.ValidationError(
            {field: list(messages) for field, messages in exc.message_dict.items()}
        )
    return serializers.ValidationError({"non_field_errors": exc.messages})


class OrganizationField(serializers.SlugRelatedField):
    """An organisation by slug, among the caller's (others do not exist for them); whether the
    caller may change its records is the view's check (403)."""

    default_error_messages = {
        "does_not_exist": gettext_lazy("Вы не состоите в организации «{value}»."),
        "invalid": gettext_lazy("Укажите идентификатор (slug) организации."),
    }

    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", read_only=False, **kwargs)

    def get_queryset(self):
        from compliance.models import Organization

        return Organization.objects.filter(pk__in=access.organization_ids(self.context["request"].user))


class CitedProvisionSerializer(ProvisionRefSerializer):
    """A cited provision: act, version, eid, its API and web URLs."""


# ------------------------------------------------------------------ AI systems


class AISystemSerializer(serializers.ModelSerializer):
    organization = OrganizationField(help_text="Slug of one of your organisations (owner or lawyer).")
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=SystemRole.choices),
        min_length=1,
        help_text="The organisation's roles towards the system (AI Law art. 1).",
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = AISystem
        fields = [
            "id",
            "url",
            "organization",
            "name",
            "description",
            "purpose",
            "sector",
            "roles",
            "deployment_mode",
            "produces_synthetic_content",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        validators = []  # the unique name per organisation is checked in validate() with a message

    def get_url(self, system) -> str:
        return absolute(self.context.get("request"), system.get_absolute_url())

    def validate(self, attrs):
        organization = attrs.get("organization") or getattr(self.instance, "organization", None)
        if (
            self.instance is not None
            and "organization" in attrs
            and attrs["organization"] != self.instance.organization
        ):
            raise serializers.ValidationError(
                {"organization": [_("Систему нельзя перенести в другую организацию.")]}
            )
        name = attrs.get("name", getattr(self.instance, "name", "")).strip()
        attrs["name"] = name
        duplicate = AISystem.objects.filter(organization=organization, name=name)
        if self.instance is not None:
            duplicate = duplicate.exclude(pk=self.instance.pk)
        if duplicate.exists():
            raise serializers.ValidationError(
                {"name": [_("В организации уже есть система с таким названием.")]}
            )
        instance = AISystem(**{**self._current(), **attrs})
        try:
            instance.full_clean(exclude=["organization"])
        except DjangoValidationError as exc:
            raise model_errors(exc) from None
        return attrs

    def _current(self) -> dict:
        if self.instance is None:
            return {}
        return {
            field: getattr(self.instance, field)
            for field in self.Meta.fields
            if hasattr(AISystem, field) and field not in ("id", "url", "created_at", "updated_at")
        }


# ---------------------------------------------------------------------- cases


class CaseProvisionSerializer(serializers.Serializer):
    act = serializers.SlugField(help_text="The act's slug, e.g. ai-law.")
    version = serializers.SlugField(help_text="The version code, e.g. 2025-11-17.")
    eid = serializers.RegexField(r"^[a-z][A-Za-z0-9_-]*$", max_length=200)
    relation = serializers.ChoiceField(choices=CaseRelation.choices)
    url = serializers.CharField(read_only=True)

    def to_representation(self, link):
        provision = link.provision
        return {
            "act": provision.version.act.slug,
            "version": provision.version.code,
            "eid": provision.eid,
            "relation": link.relation,
            "url": absolute(self.context.get("request"), provision.get_absolute_url()),
        }


class CaseSerializer(serializers.ModelSerializer):
    """A case record; `organization` null is a public record of kzai's knowledge base."""

    organization = OrganizationField(
        required=True,
        allow_null=True,  # in answers: null for a public record; a write must name an organisation
        help_text="Slug of the organisation the private record belongs to (null: a public record).",
    )
    title = LocalizedField()
    translations = translations("title", "body", "outcome")
    date = IsoDate(help_text="YYYY-MM-DD; for a month or a year, its first day (see date_precision).")
    provisions = CaseProvisionSerializer(many=True, required=False, source="provision_links")
    practices = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=ProhibitedPractice.objects.all()
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = CaseRecord
        fields = [
            "slug",
            "url",
            "organization",
            "kind",
            "date",
            "date_precision",
            "technique",
            "title",
            "title_ru",
            "title_kk",
            "title_en",
            "body_ru",
            "body_kk",
            "body_en",
            "outcome_ru",
            "outcome_kk",
            "outcome_en",
            "translations",
            "confidence",
            "sources",
            "provisions",
            "practices",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["slug", "created_at", "updated_at"]
        extra_kwargs = {
            f"{name}_{lang}": {"write_only": True, "required": False}
            for name in ("title", "body", "outcome")
            for lang in ("ru", "kk", "en")
        }

    def get_url(self, case) -> str:
        return absolute(self.context.get("request"), case.get_absolute_url())

    def to_representation(self, case):
        data = super().to_representation(case)
        data["organization"] = case.organization.slug if case.organization_id else None
        return data

    def validate_organization(self, organization):
        if organization is None:
            raise serializers.ValidationError(
                _("Укажите организацию: публичные записи ведёт редакция kzai.")
            )
        return organization

    def validate(self, attrs):
        links = attrs.pop("provision_links", None)
        practices = attrs.pop("practices", None)
        if (
            self.instance is not None
            and "organization" in attrs
            and attrs["organization"] != self.instance.organization
        ):
            raise serializers.ValidationError(
                {"organization": [_("Запись нельзя перенести в другую организацию.")]}
            )
        record = CaseRecord(**{**self._current(), **attrs})
        if self.instance is None:
            record.slug = CaseRecord.new_private_slug(attrs["organization"])
        try:
            record.full_clean(exclude=["organization", "slug"], validate_unique=False)
        except DjangoValidationError as exc:
            raise model_errors(exc) from None
        if links is not None:
            attrs["provision_links"] = self._resolve(links)
        if practices is not None:
            attrs["practices"] = practices
        return attrs

    def _current(self) -> dict:
        if self.instance is None:
            return {}
        names = [f.attname for f in CaseRecord._meta.concrete_fields if f.name not in ("id",)]
        return {name: getattr(self.instance, name) for name in names}

    def _resolve(self, links: list[dict]) -> list[tuple[Provision, str]]:
        resolved, errors = [], {}
        for index, link in enumerate(links):
            provision = (
                Provision.objects.select_related("version__act")
                .filter(version__act__slug=link["act"], version__code=link["version"], eid=link["eid"])
                .first()
            )
            if provision is None:
                errors[str(index)] = [_("Нет положения %(act)s/%(version)s/%(eid)s.") % link]
            else:
                resolved.append((provision, link["relation"]))
        if errors:
            raise serializers.ValidationError({"provisions": errors})
        if len(set((p.pk, r) for p, r in resolved)) != len(resolved):
            raise serializers.ValidationError(
                {"provisions": [_("Положение с той же связью указано дважды.")]}
            )
        return resolved

    @transaction.atomic
    def create(self, validated_data):
        links = validated_data.pop("provision_links", [])
        practices = validated_data.pop("practices", [])
        record = CaseRecord.objects.create(
            slug=CaseRecord.new_private_slug(validated_data["organization"]), **validated_data
        )
        self._save_relations(record, links, practices)
        return record

    @transaction.atomic
    def update(self, record, validated_data):
        links = validated_data.pop("provision_links", None)
        practices = validated_data.pop("practices", None)
        for name, value in validated_data.items():
            setattr(record, name, value)
        record.save()
        self._save_relations(record, links, practices)
        return record

    @staticmethod
    def _save_relations(record, links, practices):
        if links is not None:
            record.provision_links.all().delete()
            CaseProvision.objects.bulk_create(
                CaseProvision(case=record, provision=provision, relation=relation, order=order)
                for order, (provision, relation) in enumerate(links)
            )
        if practices is not None:
            record.practices.set(practices)
