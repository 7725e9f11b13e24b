"""A questionnaire's definition read once, and what its rules say about a set of answers.

Pure reading: which questions are asked for given answers (hidden answers do not count),
which required ones are missing, where the wizard resumes, and the rules that match.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from compliance import conditions
from compliance.models import (
    SEVERITY_RANK,
    Assessment,
    Option,
    Question,
    Questionnaire,
    Rule,
    RuleKind,
    Section,
)
from compliance.services import liability
from legal.models import Provision

# A section's or rule's `link_act` reads these: joined, so it costs no query of its own.
LINK_ACTS = ("context_act", "questionnaire__context_act")


@dataclass
class Definition:
    """A questionnaire's questions and rules, loaded once (a fixed number of queries)."""

    questionnaire: Questionnaire
    sections: list[Section]
    questions: list[Question]
    rules: list[Rule]
    by_code: dict[str, Question] = field(init=False)

    def __post_init__(self):
        self.by_code = {q.code: q for q in self.questions}

    @classmethod
    def of(cls, questionnaire: Questionnaire) -> Definition:
        provisions = Prefetch("provisions", queryset=Provision.objects.select_related("version__act"))
        return cls(
            questionnaire=questionnaire,
            sections=list(
                questionnaire.sections.select_related(*LINK_ACTS).order_by("order", "pk")
            ),
            questions=list(
                questionnaire.questions.select_related("section")
                .prefetch_related(Prefetch("options", queryset=Option.objects.order_by("order", "pk")))
                .order_by("section__order", "order", "pk")
            ),
            rules=list(
                questionnaire.rules.select_related(*LINK_ACTS)
                .prefetch_related(provisions, liability.obligations_prefetch(), "practices", "duty_holders")
                .order_by("order", "pk")
            ),
        )

    def visibility(self, answers: Mapping[str, Any]) -> dict[str, bool]:
        """code → whether the question is asked, given `answers` (hidden answers do not count)."""
        memo: dict[str, bool] = {}

        def visible(code: str) -> bool:
            if code not in memo:
                question = self.by_code[code]
                known = {
                    dep: answers[dep]
                    for dep in conditions.dependencies(question.visible_if)
                    if dep in answers and dep in self.by_code and visible(dep)
                }
                memo[code] = conditions.evaluate(question.visible_if, known)
            return memo[code]

        return {q.code: visible(q.code) for q in self.questions}

    def effective_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers that count: those of visible questions."""
        shown = self.visibility(answers)
        return {code: value for code, value in answers.items() if shown.get(code)}


def stored_answers(assessment: Assessment) -> dict[str, Any]:
    """code → value of every stored answer, visible or not (one query)."""
    return dict(assessment.answers.values_list("question__code", "value"))


# ----------------------------------------------------------------- reading


def visible_questions(assessment: Assessment, definition: Definition | None = None) -> list[Question]:
    """The questions asked for the current answers, in questionnaire order."""
    definition = definition or Definition.of(assessment.questionnaire)
    shown = definition.visibility(stored_answers(assessment))
    return [q for q in definition.questions if shown[q.code]]


def answer_state(assessment: Assessment, definition: Definition | None = None) -> dict:
    """The answers that count, the questions asked, the required ones missing (fixed queries)."""
    definition = definition or Definition.of(assessment.questionnaire)
    stored = stored_answers(assessment)
    shown = definition.visibility(stored)
    answered = {q.code: stored[q.code] for q in definition.questions if shown[q.code] and q.code in stored}
    return {
        "answers": answered,
        "visible": [q.code for q in definition.questions if shown[q.code]],
        "missing_required": [
            q.code for q in definition.questions if q.required and shown[q.code] and q.code not in answered
        ],
    }


def missing_required(assessment: Assessment, definition: Definition | None = None) -> list[Question]:
    """Required visible questions without an answer: finalising waits for them."""
    definition = definition or Definition.of(assessment.questionnaire)
    answers = stored_answers(assessment)
    shown = definition.visibility(answers)
    return [
        q for q in definition.questions
        if q.required and shown[q.code] and not conditions.is_answered(answers.get(q.code))
    ]


def resume_section(assessment: Assessment, definition: Definition | None = None) -> Section | None:
    """Where the wizard continues: the first section with a visible unanswered question."""
    definition = definition or Definition.of(assessment.questionnaire)
    answers = stored_answers(assessment)
    shown = definition.visibility(answers)
    for question in definition.questions:
        if shown[question.code] and not conditions.is_answered(answers.get(question.code)):
            return question.section
    return None


@dataclass
class Evaluation:
    """What the rules say about a set of answers."""

    risk_rule: Rule | None
    autonomy_rule: Rule | None
    findings: list[Rule]

    @property
    def risk_level(self) -> str:
        return self.risk_rule.outcome if self.risk_rule else ""

    @property
    def autonomy_level(self) -> str:
        return self.autonomy_rule.outcome if self.autonomy_rule else ""


def evaluate(assessment: Assessment, definition: Definition | None = None) -> Evaluation:
    """Apply the questionnaire's rules to the answers that count (a preview for a draft).

    A final assessment keeps what was found when it was finalised: read
    `assessment.findings` or `assessment_data()` instead.
    """
    definition = definition or Definition.of(assessment.questionnaire)
    return evaluate_answers(definition, stored_answers(assessment))


def evaluate_answers(definition: Definition, answers: Mapping[str, Any]) -> Evaluation:
    effective = definition.effective_answers(answers)
    matched = [rule for rule in definition.rules if conditions.evaluate(rule.condition, effective)]

    def top(kind: str) -> Rule | None:
        candidates = [rule for rule in matched if rule.kind == kind]
        return max(candidates, key=lambda rule: rule.priority) if candidates else None

    findings = sorted(
        (rule for rule in matched if rule.kind == RuleKind.FINDING),
        key=lambda rule: (SEVERITY_RANK[rule.severity], rule.order, rule.pk),
    )
    return Evaluation(risk_rule=top(RuleKind.RISK), autonomy_rule=top(RuleKind.AUTONOMY), findings=findings)
