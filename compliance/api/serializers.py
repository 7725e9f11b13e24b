"""Serializers of the workspace endpoints: AI systems, case records, questionnaires, assessments.

The organisation of a new record is named by its slug and must be one the caller may change
(compliance.access); the records' own invariants stay in the models (`full_clean`) and in
compliance.assessments.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance import access
from compliance.models import (
    AISystem,
    Assessment,
    CaseProvision,
    CaseRecord,
    CaseRelation,
    Option,
    Question,
    Questionnaire,
    Rule,
    Section,
    SystemRole,
)
from legal.api.fields import LocalizedField, absolute, translations
from legal.api.queries import IsoDate
from legal.api.serializers import ProvisionRefSerializer
from legal.models import OffenderCategory, ProhibitedPractice, Provision


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


# -------------------------------------------------------------- questionnaires


class OptionSerializer(serializers.ModelSerializer):
    label = LocalizedField()
    translations = translations("label")

    class Meta:
        model = Option
        fields = ["code", "label", "translations"]


class QuestionSerializer(serializers.ModelSerializer):
    text = LocalizedField()
    help = LocalizedField()
    translations = translations("text", "help")
    section = serializers.CharField(source="section.code")
    options = OptionSerializer(many=True)
    provisions = CitedProvisionSerializer(many=True)
    visible_if = serializers.JSONField(help_text="A condition (docs/compliance.md); null: always asked.")

    class Meta:
        model = Question
        fields = [
            "code",
            "section",
            "kind",
            "required",
            "text",
            "help",
            "translations",
            "visible_if",
            "options",
            "provisions",
        ]


def link_act_field():
    return serializers.SlugRelatedField(
        source="link_act", slug_field="slug", read_only=True, allow_null=True,
        help_text="The act (slug) that references naming none in these texts («п. 4 ст. 17») belong to; "
        "null: such references are unresolved.",
    )


class SectionSerializer(serializers.ModelSerializer):
    title = LocalizedField()
    intro = LocalizedField()
    translations = translations("title", "intro")
    context_act = link_act_field()
    questions = serializers.SerializerMethodField()

    class Meta:
        model = Section
        fields = ["code", "title", "intro", "translations", "context_act", "questions"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_questions(self, section) -> list[str]:
        return [q.code for q in self.context["questions_by_section"].get(section.pk, [])]


class RuleSerializer(serializers.ModelSerializer):
    title = LocalizedField()
    explanation = LocalizedField()
    actions = LocalizedField()
    translations = translations("title", "explanation", "actions")
    condition = serializers.JSONField(help_text="A condition over the answers; null: always.")
    provisions = CitedProvisionSerializer(many=True)
    obligations = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    practices = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    context_act = link_act_field()

    class Meta:
        model = Rule
        fields = [
            "code",
            "kind",
            "severity",
            "outcome",
            "priority",
            "condition",
            "title",
            "explanation",
            "actions",
            "translations",
            "context_act",
            "provisions",
            "obligations",
            "practices",
        ]


class QuestionnaireSerializer(serializers.ModelSerializer):
    title = LocalizedField()
    description = LocalizedField()
    translations = translations("title", "description")
    url = serializers.SerializerMethodField()
    context_act = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True,
        help_text="The act (slug) that references naming none in the questionnaire's texts belong to, "
        "unless a section or rule names its own.",
    )

    class Meta:
        model = Questionnaire
        fields = [
            "id",
            "url",
            "slug",
            "version",
            "as_of",
            "status",
            "published_at",
            "title",
            "description",
            "translations",
            "context_act",
        ]

    def get_url(self, questionnaire) -> str:
        from django.urls import reverse

        return absolute(
            self.context.get("request"), reverse("api:questionnaire-detail", args=[questionnaire.pk])
        )


class QuestionnaireDetailSerializer(QuestionnaireSerializer):
    sections = SectionSerializer(many=True)
    questions = QuestionSerializer(many=True)
    rules = RuleSerializer(many=True)

    class Meta(QuestionnaireSerializer.Meta):
        fields = [*QuestionnaireSerializer.Meta.fields, "sections", "questions", "rules"]


# ----------------------------------------------------------------- assessments


class AssessmentSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.slug", read_only=True)
    ai_system = serializers.PrimaryKeyRelatedField(
        queryset=AISystem.objects.none(), help_text="Id of an AI system of one of your organisations."
    )
    questionnaire = serializers.PrimaryKeyRelatedField(
        queryset=Questionnaire.objects.published(),
        required=False,
        help_text="Id of a published questionnaire (default: the current main one).",
    )
    as_of = IsoDate(
        required=False,
        help_text="Date of the law (default: today in Asia/Almaty, not before the questionnaire's as_of).",
    )
    organization_category = serializers.ChoiceField(
        source="organization.category", choices=OffenderCategory.choices, required=False,
        help_text="The organisation's category for the fines (asked once, kept for the organisation).",
    )
    created_by = serializers.CharField(source="created_by.username", read_only=True, default=None)
    finalized_by = serializers.CharField(source="finalized_by.username", read_only=True, default=None)
    url = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "id",
            "url",
            "web_url",
            "organization",
            "organization_category",
            "ai_system",
            "questionnaire",
            "as_of",
            "status",
            "revision",
            "previous",
            "risk_level",
            "autonomy_level",
            "created_by",
            "created_at",
            "updated_at",
            "finalized_by",
            "finalized_at",
        ]
        read_only_fields = [
            "status",
            "revision",
            "previous",
            "risk_level",
            "autonomy_level",
            "created_at",
            "updated_at",
            "finalized_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "ai_system" in self.fields:
            self.fields["ai_system"].queryset = AISystem.objects.filter(
                organization_id__in=access.organization_ids(request.user)
            ).select_related("organization")

    def get_url(self, assessment) -> str:
        from django.urls import reverse

        return absolute(self.context.get("request"), reverse("api:assessment-detail", args=[assessment.pk]))

    def get_web_url(self, assessment) -> str:
        return absolute(self.context.get("request"), assessment.get_absolute_url())


class AssessmentStateSerializer(AssessmentSerializer):
    """An assessment with its answers (those that count) and what the wizard needs next."""

    answers = serializers.SerializerMethodField()
    visible = serializers.SerializerMethodField()
    missing_required = serializers.SerializerMethodField()

    class Meta(AssessmentSerializer.Meta):
        fields = [*AssessmentSerializer.Meta.fields, "answers", "visible", "missing_required"]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_answers(self, assessment) -> dict:
        return self.context["state"]["answers"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_visible(self, assessment) -> list[str]:
        return self.context["state"]["visible"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_missing_required(self, assessment) -> list[str]:
        return self.context["state"]["missing_required"]


class AnswersResultSerializer(serializers.Serializer):
    """The response of PUT …/answers/."""

    changed = serializers.ListField(child=serializers.CharField(), help_text="Codes whose answer changed.")
    answers = serializers.DictField(help_text="code → value of every answer that counts.")
    visible = serializers.ListField(
        child=serializers.CharField(), help_text="Codes of the questions asked now."
    )
    missing_required = serializers.ListField(child=serializers.CharField())


class FindingsSerializer(serializers.Serializer):
    """What the rules found (assessment_data() layout, docs/compliance.md)."""

    assessment = serializers.IntegerField()
    status = serializers.CharField()
    preview = serializers.BooleanField(help_text="true for a draft: the findings may still change.")
    as_of = serializers.DateField()
    risk = serializers.JSONField(allow_null=True)
    autonomy = serializers.JSONField(allow_null=True)
    findings = serializers.ListField(
        child=serializers.JSONField(),
        help_text="Each with its citations, obligations, practices and `liability`: the knowledge "
        "base's liability links of its obligations, each with its conditions (`notes`), whom it "
        "reaches (`reach`), whether that includes the organisation's roles (`applies`) and its "
        "fines in МРП and tenge (`fines`).",
    )
    summary = serializers.JSONField(
        help_text="The prohibited practices the 'prohibited' findings establish, and counts by severity."
    )
    exposure = serializers.JSONField(
        allow_null=True,
        help_text="Every liability provision once, with the fines for the organisation's `category` "
        "and the МРП of the as-of year (`mrp.tenge` null where the knowledge base has no value for it); "
        "null for assessments finalised before it was recorded.",
    )
    content_hash = serializers.CharField(allow_null=True, help_text="SHA-256 of a final assessment's data.")
