"""Serializers of the questionnaire and assessment endpoints.

A questionnaire is shown whole (sections, questions, rules, citations); an assessment with
its state (the answers that count, the questions asked, the required ones missing), computed
by compliance.services, never here.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compliance import selectors
from compliance.models import AISystem, Assessment, Option, Question, Questionnaire, Rule, Section
from legal.api.fields import LocalizedField, absolute, translations
from legal.api.queries import IsoDate
from legal.models import OffenderCategory

from .serializers import CitedProvisionSerializer

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
            self.fields["ai_system"].queryset = selectors.systems_of(request.user)

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
    ignored = serializers.ListField(
        child=serializers.CharField(),
        help_text="Codes of answers not stored because the answers do not ask their question "
        "(the wizard says the same in a message).",
    )
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
