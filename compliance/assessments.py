"""Writing flows of an assessment: start, answer as you go, preview, finalise, revise.

Plain functions for the wizard views, the API and the reports. They check the
assessment's own invariants (a final assessment never changes, answers fit their
questions); who may call them is the caller's business (compliance.access).

Answers are JSON values by question kind: yes/no → true/false; single choice → an option
code; multiple choice → a list of option codes; text → a string; date → "YYYY-MM-DD";
number → a number. `None` (or "" or []) clears an answer.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance import conditions
from compliance.models import (
    SEVERITY_RANK,
    AISystem,
    Answer,
    AnswerEvent,
    Assessment,
    AssessmentFinal,
    AssessmentStatus,
    Finding,
    Option,
    Question,
    QuestionKind,
    Questionnaire,
    Rule,
    RuleKind,
    Section,
)
from legal.citation_format import format_citation
from legal.i18n import LANGUAGE_CODES, values_of
from legal.models import Provision

#: The slug of the main questionnaire (fixtures/questionnaires/ai-compliance.json).
MAIN_QUESTIONNAIRE = "ai-compliance"
DATA_FORMAT = 1
MAX_TEXT_ANSWER = 5000


# --------------------------------------------------------------- definition


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
                .prefetch_related(provisions, "obligations", "practices")
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


# ----------------------------------------------------------------- writing


def start_assessment(
    ai_system: AISystem,
    questionnaire: Questionnaire | None = None,
    *,
    by,
    as_of: datetime.date | None = None,
) -> Assessment:
    """A new draft assessment of `ai_system` (by default against the current main questionnaire)."""
    questionnaire = questionnaire or Questionnaire.objects.current(MAIN_QUESTIONNAIRE)
    if questionnaire is None:
        raise ValidationError(_("Нет опубликованного опросника: загрузите его (load_questionnaires)."))
    assessment = Assessment(
        organization_id=ai_system.organization_id,
        ai_system=ai_system,
        questionnaire=questionnaire,
        as_of=as_of or timezone.localdate(),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    assessment.full_clean()
    assessment.save()
    return assessment


def save_answers(assessment: Assessment, answers: Mapping[str, Any], *, by) -> list[str]:
    """Save some answers (code → value) at once; returns the codes whose answer changed.

    All or nothing: an unknown code, a value that does not fit its question, or an answer
    to a question the answers do not show raises ValidationError {code: message} and
    saves nothing. Each change is logged with who and when (AnswerEvent).
    """
    if not isinstance(answers, Mapping):
        raise ValidationError(_("Ответы передаются объектом «код вопроса → ответ»."))
    with transaction.atomic():
        assessment = _locked_draft(assessment)
        definition = Definition.of(assessment.questionnaire)
        errors: dict[str, str] = {}
        cleaned: dict[str, Any] = {}
        for code, value in answers.items():
            question = definition.by_code.get(code)
            if question is None:
                errors[str(code)] = _("Нет такого вопроса в опроснике.")
                continue
            try:
                cleaned[code] = clean_value(question, value)
            except ValidationError as exc:
                errors[code] = " ".join(exc.messages)
        current = stored_answers(assessment)
        merged = {**current, **cleaned}
        merged = {code: value for code, value in merged.items() if value is not None}
        shown = definition.visibility(merged)
        for code, value in cleaned.items():
            if value is not None and not shown[code]:
                errors[code] = _("Этот вопрос не задаётся при данных ответах.")
        if errors:
            raise ValidationError(errors)

        now, user = timezone.now(), by if getattr(by, "is_authenticated", False) else None
        changed = [code for code, value in cleaned.items() if current.get(code) != value]
        for code in changed:
            question, value = definition.by_code[code], cleaned[code]
            if value is None:
                Answer.objects.filter(assessment=assessment, question=question).delete()
            else:
                Answer.objects.update_or_create(
                    assessment=assessment, question=question,
                    defaults={"value": value, "answered_by": user, "answered_at": now},
                )
            AnswerEvent.objects.create(
                assessment=assessment, question=question, value=value, user=user, at=now
            )
        if changed:
            assessment.save(update_fields=["updated_at"])
        return changed


def clean_value(question: Question, value: Any) -> Any:
    """The stored form of `value` as an answer to `question`, or ValidationError."""
    if not conditions.is_answered(value):
        return None
    kind = question.kind
    if kind == QuestionKind.YES_NO:
        if not isinstance(value, bool):
            raise ValidationError(_("Ответ «да» или «нет» (true или false)."))
        return value
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        codes = [option.code for option in question.options.all()]
        if kind == QuestionKind.SINGLE:
            if value not in codes:
                message = _("Выберите один из вариантов: %(options)s.") % {"options": ", ".join(codes)}
                raise ValidationError(message)
            return value
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(_("Ответ — список вариантов."))
        unknown = [item for item in value if item not in codes]
        if unknown:
            raise ValidationError(_("Нет такого варианта: %(option)s.") % {"option": unknown[0]})
        return [code for code in codes if code in value]  # options' order, no repeats
    if kind == QuestionKind.TEXT:
        if not isinstance(value, str):
            raise ValidationError(_("Ответ — текст."))
        value = value.strip()
        if len(value) > MAX_TEXT_ANSWER:
            raise ValidationError(_("Не длиннее %(n)d знаков.") % {"n": MAX_TEXT_ANSWER})
        return value or None
    if kind == QuestionKind.DATE:
        if not isinstance(value, str) or conditions._as_date(value) is None:
            raise ValidationError(_("Дата в виде ГГГГ-ММ-ДД."))
        return value
    if kind == QuestionKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValidationError(_("Ответ — число."))
        return value
    raise ValidationError(_("Неизвестный вид вопроса."))


def finalize(assessment: Assessment, *, by) -> Assessment:
    """Freeze the assessment: check required answers, store findings, results and a hash.

    Raises ValidationError {code: message} listing the required visible questions still
    unanswered. What was found is copied, so later changes of rules or of the knowledge
    base do not change a final assessment.
    """
    with transaction.atomic():
        assessment = _locked_draft(assessment)
        definition = Definition.of(assessment.questionnaire)
        missing = missing_required(assessment, definition)
        if missing:
            raise ValidationError({q.code: _("Обязательный вопрос без ответа.") for q in missing})
        evaluation = evaluate(assessment, definition)
        citations = _citation_index(evaluation)
        for order, rule in enumerate(evaluation.findings):
            Finding.objects.create(
                assessment=assessment,
                rule=rule,
                rule_code=rule.code,
                severity=rule.severity,
                order=order,
                citations=[citations[p.pk] for p in _cited(rule)],
                obligations=_obligations(rule),
                practices=_practices(rule),
                **_texts(rule, "title", "explanation", "actions"),
            )
        assessment.risk_level = evaluation.risk_level
        assessment.autonomy_level = evaluation.autonomy_level
        assessment.finalized_by = by if getattr(by, "is_authenticated", False) else None
        assessment.finalized_at = timezone.now()
        assessment.status = AssessmentStatus.FINAL
        data = _data(assessment, definition, evaluation, citations)
        assessment.snapshot = data
        assessment.content_hash = content_hash(data)
        assessment.save()
        return assessment


def revise(
    assessment: Assessment,
    *,
    by,
    questionnaire: Questionnaire | None = None,
    as_of: datetime.date | None = None,
) -> Assessment:
    """A new draft revision of a final assessment, with the answers that counted copied.

    With `questionnaire` (a later version of the same questionnaire), answers are carried
    over by question code where they still fit; the others are left for the user.
    """
    with transaction.atomic():
        previous = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if not previous.is_final:
            raise ValidationError(_("Новая редакция создаётся только из окончательной оценки."), code="draft")
        if Assessment.objects.filter(previous=previous).exists():
            raise ValidationError(_("У этой оценки уже есть следующая редакция."), code="revised")
        questionnaire = questionnaire or previous.questionnaire
        if questionnaire.slug != previous.questionnaire.slug:
            raise ValidationError(_("Редакция оценки — по тому же опроснику."), code="questionnaire")
        revision = Assessment(
            organization_id=previous.organization_id,
            ai_system_id=previous.ai_system_id,
            questionnaire=questionnaire,
            as_of=as_of or max(timezone.localdate(), questionnaire.as_of),
            revision=previous.revision + 1,
            previous=previous,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        revision.full_clean()
        revision.save()
        definition = Definition.of(questionnaire)
        counted = Definition.of(previous.questionnaire).effective_answers(stored_answers(previous))
        copied = []
        for answer in previous.answers.select_related("question"):
            question = definition.by_code.get(answer.question.code)
            if question is None or answer.question.code not in counted:
                continue
            try:
                value = clean_value(question, answer.value)
            except ValidationError:
                continue
            copied.append(Answer(
                assessment=revision, question=question, value=value,
                answered_by_id=answer.answered_by_id, answered_at=answer.answered_at,
            ))
        Answer.objects.bulk_create(copied)
        return revision


def _locked_draft(assessment: Assessment) -> Assessment:
    locked = Assessment.objects.select_for_update().select_related("questionnaire").get(pk=assessment.pk)
    if locked.is_final:
        raise AssessmentFinal()
    return locked


# -------------------------------------------------------------- serialising


def assessment_data(assessment: Assessment) -> dict:
    """The assessment as plain JSON data, in a fixed order (the PDF report embeds it).

    A final assessment returns what was stored when it was finalised, with its
    `content_hash`; a draft returns its current answers and a preview of the findings.
    """
    if assessment.is_final:
        return {**assessment.snapshot, "content_hash": assessment.content_hash}
    definition = Definition.of(assessment.questionnaire)
    evaluation = evaluate(assessment, definition)
    return _data(assessment, definition, evaluation, _citation_index(evaluation))


def content_hash(data: dict) -> str:
    """SHA-256 of the canonical JSON of `data` (sorted keys, no whitespace, UTF-8)."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _data(assessment: Assessment, definition: Definition, evaluation: Evaluation, citations: dict) -> dict:
    system, questionnaire = assessment.ai_system, definition.questionnaire
    answers = {
        answer.question_id: answer
        for answer in assessment.answers.select_related("answered_by")
    }
    values = {q.code: answers[q.pk].value for q in definition.questions if q.pk in answers}
    shown = definition.visibility(values)
    return {
        "format": DATA_FORMAT,
        "assessment": {
            "id": assessment.pk,
            "revision": assessment.revision,
            "previous": assessment.previous_id,
            "status": assessment.status,
            "as_of": assessment.as_of.isoformat(),
            "created_at": _iso(assessment.created_at),
            "finalized_at": _iso(assessment.finalized_at),
            "finalized_by": _username(assessment.finalized_by),
        },
        "organization": {"slug": assessment.organization.slug, "name": assessment.organization.name},
        "ai_system": {
            "id": system.pk,
            "name": system.name,
            "description": system.description,
            "purpose": system.purpose,
            "sector": system.sector,
            "roles": list(system.roles),
            "deployment_mode": system.deployment_mode,
            "produces_synthetic_content": system.produces_synthetic_content,
        },
        "questionnaire": {
            "slug": questionnaire.slug,
            "version": questionnaire.version,
            "as_of": questionnaire.as_of.isoformat(),
            "title": values_of(questionnaire, "title"),
        },
        "answers": [
            _answer_data(question, answers[question.pk])
            for question in definition.questions
            if question.pk in answers and shown[question.code]
        ],
        "risk": _classification(evaluation.risk_rule, citations),
        "autonomy": _classification(evaluation.autonomy_rule, citations),
        "findings": [
            {
                "rule": rule.code,
                "severity": rule.severity,
                **_texts(rule, "title", "explanation", "actions", nested=True),
                "context_act": _link_act(rule),
                "citations": [citations[p.pk] for p in _cited(rule)],
                "obligations": _obligations(rule),
                "practices": _practices(rule),
            }
            for rule in evaluation.findings
        ],
    }


def _answer_data(question: Question, answer: Answer) -> dict:
    labels = {option.code: values_of(option, "label") for option in question.options.all()}
    value = answer.value
    if question.kind == QuestionKind.SINGLE:
        shown = labels.get(value)
    elif question.kind == QuestionKind.MULTIPLE:
        shown = [labels.get(code) for code in value]
    else:
        shown = None
    return {
        "section": question.section.code,
        "question": question.code,
        "kind": question.kind,
        "text": values_of(question, "text"),
        "value": value,
        "labels": shown,
        "answered_by": _username(answer.answered_by),
        "answered_at": _iso(answer.answered_at),
    }


def _classification(rule: Rule | None, citations: dict) -> dict | None:
    if rule is None:
        return None
    return {
        "level": rule.outcome,
        "rule": rule.code,
        **_texts(rule, "title", "explanation", nested=True),
        "context_act": _link_act(rule),
        "citations": [citations[p.pk] for p in _cited(rule)],
    }


def _link_act(rule: Rule) -> str:
    """The act of the references in the rule's texts that name none (slug, or "")."""
    act = rule.link_act
    return act.slug if act else ""


def _cited(rule: Rule) -> list[Provision]:
    return sorted(rule.provisions.all(), key=lambda p: (p.version.act.order, p.version.act.slug, p.order))


def _citation_index(evaluation: Evaluation) -> dict[int, dict]:
    """provision pk → its citation data, for every provision the results cite (two queries)."""
    rules = [r for r in (evaluation.risk_rule, evaluation.autonomy_rule, *evaluation.findings) if r]
    provisions = {p.pk: p for rule in rules for p in rule.provisions.all()}
    wanted = {(p.version_id, eid) for p in provisions.values() for eid in p.path.split("/") if p.path}
    ancestors: dict[tuple[int, str], Provision] = {}
    if wanted:
        version_ids = {version_id for version_id, _eid in wanted}
        eids = {eid for _version_id, eid in wanted}
        for ancestor in Provision.objects.filter(version_id__in=version_ids, eid__in=eids).select_related(
            "version__act"
        ):
            ancestors[(ancestor.version_id, ancestor.eid)] = ancestor
    index = {}
    for pk, provision in provisions.items():
        chain = [
            ancestors[(provision.version_id, eid)]
            for eid in (provision.path.split("/") if provision.path else [])
            if (provision.version_id, eid) in ancestors
        ]
        index[pk] = {
            "act": provision.version.act.slug,
            "version": provision.version.code,
            "eid": provision.eid,
            "citation": {lang: format_citation(provision, lang, chain) for lang in LANGUAGE_CODES},
            "url": provision.get_absolute_url(),
            "confidence": provision.confidence,
        }
    return index


def _obligations(rule: Rule) -> list[dict]:
    return [
        {"slug": o.slug, "obligation": values_of(o, "obligation")}
        for o in sorted(rule.obligations.all(), key=lambda o: (o.order, o.slug))
    ]


def _practices(rule: Rule) -> list[dict]:
    return [
        {"slug": p.slug, "name": values_of(p, "name")}
        for p in sorted(rule.practices.all(), key=lambda p: (p.order, p.slug))
    ]


def _texts(rule: Rule, *names: str, nested: bool = False) -> dict:
    """The rule's texts: {"title": {ru, kk, en}, …} (nested) or {"title_ru": …} (model fields)."""
    if nested:
        return {name: values_of(rule, name) for name in names}
    return {f"{name}_{lang}": getattr(rule, f"{name}_{lang}") for name in names for lang in LANGUAGE_CODES}


def _username(user) -> str | None:
    return user.get_username() if user else None


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None
