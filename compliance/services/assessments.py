"""Writing flows of an assessment: start, answer as you go, finalise, revise.

Plain functions for the wizard views, the API and the reports. They check the
assessment's own invariants (a final assessment never changes, answers fit their
questions); who may call them is the caller's business (compliance.access). This module
is also the face of the assessment services: reading a questionnaire's definition and
evaluating answers (services.definition) and the assessment as data
(services.assessment_data) are imported from here.

Answers are JSON values by question kind: yes/no → true/false; single choice → an option
code; multiple choice → a list of option codes; text → a string; date → "YYYY-MM-DD";
number → a number. `None` (or "" or []) clears an answer.

Hidden answers, one rule for the wizard and the API: an answer to a question that the
answers (stored and submitted together) do not ask is not stored, and is reported back as
ignored. A form is posted whole, so refusing would make a person empty a field the same
submission just hid; ignoring it, and saying so, loses nothing that counted.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
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
    Question,
    QuestionKind,
    Questionnaire,
)
from compliance.services.assessment_data import (
    DATA_FORMAT,
    assessment_data,
    build_data,
    content_hash,
    rule_texts,
)
from compliance.services.definition import (
    LINK_ACTS,
    Definition,
    Evaluation,
    answer_state,
    evaluate,
    evaluate_answers,
    missing_required,
    resume_section,
    stored_answers,
    visible_questions,
)
from legal.models import OffenderCategory

__all__ = [
    "DATA_FORMAT",
    "LINK_ACTS",
    "MAIN_QUESTIONNAIRE",
    "SEVERITY_RANK",
    "Definition",
    "Evaluation",
    "Saved",
    "assessment_data",
    "clean_value",
    "content_hash",
    "answer_state",
    "default_as_of",
    "default_questionnaire",
    "evaluate",
    "evaluate_answers",
    "finalize",
    "missing_required",
    "resume_section",
    "revise",
    "save_answers",
    "set_organization_category",
    "start_assessment",
    "stored_answers",
    "visible_questions",
]

#: The slug of the main questionnaire (fixtures/questionnaires/ai-compliance.json).
MAIN_QUESTIONNAIRE = "ai-compliance"
MAX_TEXT_ANSWER = 5000


# ----------------------------------------------------------------- writing


def default_questionnaire() -> Questionnaire | None:
    """The questionnaire an assessment uses when none is chosen: the latest published
    version of the main one. The one rule for the start form, start_assessment() and the API."""
    return Questionnaire.objects.current(MAIN_QUESTIONNAIRE)


def default_as_of(questionnaire: Questionnaire) -> datetime.date:
    """The as-of date of an assessment when none is given: today in Kazakhstan (settings'
    TIME_ZONE, Asia/Almaty), but never before the date of the law the questionnaire applies.

    The one rule for start_assessment() and revise(), which the start form and the API call."""
    return max(timezone.localdate(), questionnaire.as_of)


def start_assessment(
    ai_system: AISystem,
    questionnaire: Questionnaire | None = None,
    *,
    by,
    as_of: datetime.date | None = None,
    category: str = "",
) -> Assessment:
    """A new draft assessment of `ai_system` (by default against default_questionnaire(),
    at default_as_of()).

    `category` (an OffenderCategory) is the organisation's, for the fines: asked once, it is
    kept on the organisation for its later assessments.
    """
    questionnaire = questionnaire or default_questionnaire()
    if questionnaire is None:
        raise ValidationError(_("Нет опубликованного опросника: загрузите его (load_questionnaires)."))
    if category:
        set_organization_category(ai_system.organization, category)
    assessment = Assessment(
        organization_id=ai_system.organization_id,
        ai_system=ai_system,
        questionnaire=questionnaire,
        as_of=as_of or default_as_of(questionnaire),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    assessment.full_clean()
    assessment.save()
    return assessment


def set_organization_category(organization, category: str) -> None:
    """Record the organisation's category (individual, small, medium, large, non-profit)."""
    if category not in OffenderCategory.values:
        raise ValidationError({"category": _("Неизвестная категория организации.")})
    if organization.category != category:
        organization.category = category
        organization.save(update_fields=["category"])


@dataclass
class Saved:
    """What save_answers() did: the codes whose answer changed, the codes of answers ignored
    because the answers do not ask their question, and the stored answers and visibility after."""

    changed: list[str]
    ignored: list[str]
    answers: dict[str, Any]
    shown: dict[str, bool]


def save_answers(assessment: Assessment, answers: Mapping[str, Any], *, by) -> Saved:
    """Save some answers (code → value) at once, for the wizard's section form and the API.

    All or nothing: an unknown code or a value that does not fit its question raises
    ValidationError {code: message} and saves nothing. An answer to a question the answers
    (stored and submitted together) do not ask is not stored: it is listed in `ignored`
    (the module's rule for hidden answers); clearing one (None) is applied.
    Each change is logged with who and when (AnswerEvent).
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
        if errors:
            raise ValidationError(errors)
        current = stored_answers(assessment)
        # An answer to a hidden question never decides another's visibility, so one pass does.
        shown = definition.visibility(
            {code: value for code, value in {**current, **cleaned}.items() if value is not None}
        )
        ignored = [code for code, value in cleaned.items() if value is not None and not shown[code]]
        cleaned = {code: value for code, value in cleaned.items() if code not in ignored}

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
        after = {code: value for code, value in {**current, **cleaned}.items() if value is not None}
        return Saved(changed=changed, ignored=ignored, answers=after, shown=shown)


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

    Idempotent: an assessment that is already final is returned as it is (a double click,
    a retried request). Concurrent calls are serialised by the row lock (select_for_update
    on PostgreSQL; on SQLite the write lock that `BEGIN IMMEDIATE` takes, see the
    `transaction_mode` in kzai/settings.py): exactly one stores findings and the snapshot,
    the others wait for it and return its result.
    """
    with transaction.atomic():
        assessment = _locked(assessment)
        if assessment.is_final:
            return assessment
        definition = Definition.of(assessment.questionnaire)
        missing = missing_required(assessment, definition)
        if missing:
            raise ValidationError({q.code: _("Обязательный вопрос без ответа.") for q in missing})
        evaluation = evaluate(assessment, definition)
        assessment.risk_level = evaluation.risk_level
        assessment.autonomy_level = evaluation.autonomy_level
        assessment.finalized_by = by if getattr(by, "is_authenticated", False) else None
        assessment.finalized_at = timezone.now()
        assessment.status = AssessmentStatus.FINAL
        data = build_data(assessment, definition, evaluation)
        for order, (rule, entry) in enumerate(zip(evaluation.findings, data["findings"], strict=True)):
            Finding.objects.create(
                assessment=assessment,
                rule=rule,
                rule_code=rule.code,
                severity=rule.severity,
                order=order,
                citations=entry["citations"],
                obligations=entry["obligations"],
                practices=entry["practices"],
                liability=entry["liability"],
                **rule_texts(rule, "title", "explanation", "actions"),
            )
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
            as_of=as_of or default_as_of(questionnaire),
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


def _locked(assessment: Assessment) -> Assessment:
    """The assessment read again under a lock held until the end of the transaction.

    Call it inside transaction.atomic(). PostgreSQL locks the row (SELECT … FOR UPDATE), so
    a concurrent writer waits and then reads the committed row; SQLite ignores FOR UPDATE,
    but with `transaction_mode` IMMEDIATE the transaction already holds the database's write
    lock, so the same holds there.
    """
    return Assessment.objects.select_for_update().select_related("questionnaire").get(pk=assessment.pk)


def _locked_draft(assessment: Assessment) -> Assessment:
    locked = _locked(assessment)
    if locked.is_final:
        raise AssessmentFinal()
    return locked
