"""The workspace's read queries: AI systems, questionnaires, assessments, answers.

Pages and API endpoints read through these, so both see the same rows with the same joins
(a fixed number of queries per page). Scoping to the caller's organisations is
compliance.access's; the case records' queries are compliance.case_selectors'.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from compliance import access
from compliance.models import (
    AISystem,
    Answer,
    AnswerEvent,
    Assessment,
    Option,
    Question,
    Questionnaire,
    Rule,
    Section,
)
from compliance.services.definition import LINK_ACTS, Definition
from legal.models import Provision


def systems() -> QuerySet[AISystem]:
    """AI systems with their organisation (scope them with access.scoped_or_404)."""
    return AISystem.objects.select_related("organization")


def systems_of(user) -> QuerySet[AISystem]:
    """The AI systems of `user`'s organisations."""
    return systems().filter(organization_id__in=access.organization_ids(user))


def organization_systems(organization) -> QuerySet[AISystem]:
    """One organisation's AI systems, by name."""
    return AISystem.objects.filter(organization=organization).order_by("name", "pk")


def published_questionnaires() -> QuerySet[Questionnaire]:
    """Published questionnaires, each slug's newest version first."""
    return Questionnaire.objects.published().order_by("slug", "-version")


def questionnaire_definitions() -> QuerySet[Questionnaire]:
    """Published questionnaires with everything their definition shows prefetched."""
    def provisions():
        return Prefetch("provisions", queryset=Provision.objects.select_related("version__act"))

    return Questionnaire.objects.published().select_related("context_act").prefetch_related(
        Prefetch("sections", queryset=Section.objects.select_related(*LINK_ACTS)),
        Prefetch(
            "questions",
            queryset=Question.objects.select_related("section")
            .prefetch_related(
                Prefetch("options", queryset=Option.objects.order_by("order", "pk")), provisions()
            )
            .order_by("section__order", "order", "pk"),
        ),
        Prefetch(
            "rules",
            queryset=Rule.objects.select_related(*LINK_ACTS)
            .prefetch_related(provisions(), "obligations", "practices")
            .order_by("kind", "order", "pk"),
        ),
    )


def assessments() -> QuerySet[Assessment]:
    """Assessments with what their pages name (scope them with access.scoped_or_404)."""
    return Assessment.objects.select_related(
        "organization", "ai_system", "questionnaire", "created_by", "finalized_by", "next_revision"
    )


def assessments_of(user) -> QuerySet[Assessment]:
    """The assessments of `user`'s organisations."""
    return Assessment.objects.filter(organization_id__in=access.organization_ids(user)).select_related(
        "organization", "questionnaire", "created_by", "finalized_by"
    )


def organization_assessments(organization, system: AISystem | None = None) -> QuerySet[Assessment]:
    """An organisation's assessments (or one AI system's), newest first."""
    queryset = (
        Assessment.objects.filter(organization=organization)
        .select_related("ai_system", "questionnaire", "created_by")
        .order_by("-created_at", "-pk")
    )
    return queryset if system is None else queryset.filter(ai_system=system)


def answer_rows(assessment: Assessment, definition: Definition) -> tuple[dict, dict]:
    """(code → Answer with who answered, code → value) of every stored answer (one query)."""
    codes = {question.pk: question.code for question in definition.questions}
    rows = {
        codes[answer.question_id]: answer
        for answer in Answer.objects.filter(assessment=assessment).select_related("answered_by")
    }
    return rows, {code: answer.value for code, answer in rows.items()}


def answer_history(assessment: Assessment) -> QuerySet[AnswerEvent]:
    """Every change of an answer, newest first, with who and the question."""
    return (
        AnswerEvent.objects.filter(assessment=assessment)
        .select_related("user", "question__section")
        .prefetch_related("question__options")
        .order_by("-at", "-pk")
    )
