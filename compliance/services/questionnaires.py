"""Questionnaire workflows: the checks a questionnaire must pass, and publishing it.

Publishing is a workflow, not a model method: it runs these checks, which read rules,
liability and the knowledge base, so the model stays free of them (no import circle).
Conditions must read only the questionnaire's own questions with values of the right type,
visibility must not go round in circles, and every cited provision must be the unit of the
act's version in force on the questionnaire's as-of date.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from compliance import conditions
from compliance.models import CHOICE_KINDS, Option, Questionnaire, QuestionnaireStatus
from compliance.services import liability
from legal.models import ActKind, ActVersion, DutyHolder
from legal.reach import reach_problem
from legal.versions import versions_in_force


def publish(questionnaire: Questionnaire) -> None:
    """Check the whole definition, then freeze it; ValidationError lists the problems."""
    found = problems(questionnaire)
    if found:
        raise ValidationError(found)
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        status=QuestionnaireStatus.PUBLISHED, published_at=timezone.now()
    )
    questionnaire.refresh_from_db(fields=["status", "published_at"])


def problems(questionnaire: Questionnaire) -> list[str]:
    """Everything that stops `questionnaire` from being published, as messages."""
    found: list[str] = []
    specs = questionnaire.question_specs()
    questions = list(questionnaire.questions.prefetch_related("provisions__version__act"))
    option_counts: dict[int, int] = {}
    for question_id in Option.objects.filter(question__questionnaire=questionnaire).values_list(
        "question_id", flat=True
    ):
        option_counts[question_id] = option_counts.get(question_id, 0) + 1

    for question in questions:
        count = option_counts.get(question.pk, 0)
        if question.kind in CHOICE_KINDS and count < 2:
            found.append(f"question {question.code!r}: a choice question needs at least two options")
        if question.kind not in CHOICE_KINDS and count:
            found.append(f"question {question.code!r}: only choice questions have options")
    try:
        conditions.validate_visibility({q.code: q.visible_if for q in questions}, specs)
    except conditions.ConditionError as exc:
        found.append(str(exc))

    rules = list(questionnaire.rules.prefetch_related(
        "provisions__version__act", liability.obligations_prefetch(), "practices", "duty_holders"
    ))
    for rule in rules:
        try:
            conditions.validate_condition(rule.condition, specs)
        except conditions.ConditionError as exc:
            found.append(f"rule {rule.code!r}: {exc}")
    found += roles_question_problems(questionnaire, questions)
    found += prohibited_problems(rules)
    found += reach_problems(rules)

    in_force = versions_in_force(questionnaire.as_of)
    cited = [(f"question {q.code!r}", q.provisions.all()) for q in questions]
    cited += [(f"rule {r.code!r}", r.provisions.all()) for r in rules]
    for where, provisions in cited:
        for provision in provisions:
            problem = provision_version_problem(provision, in_force, questionnaire.as_of)
            if problem:
                found.append(f"{where}: {problem}")
    return found


def provision_version_problem(provision, in_force: dict[int, ActVersion], as_of: datetime.date) -> str:
    """Why `provision` is not the unit in force on `as_of`, or ''."""
    act = provision.version.act
    version = in_force.get(act.pk)
    if version is None:
        return f"{act.slug}/{provision.eid}: no version of {act.slug} is in force on {as_of.isoformat()}"
    if provision.version_id != version.pk:
        return (
            f"{act.slug}/{provision.eid} is cited in version {provision.version.code}, "
            f"but the version in force on {as_of.isoformat()} is {version.code}"
        )
    return ""


def roles_question_problems(questionnaire, questions) -> list[str]:
    """The roles question, if named, is a multiple choice of duty holder codes."""
    code = questionnaire.roles_question
    if not code:
        return []
    question = next((q for q in questions if q.code == code), None)
    if question is None or question.kind != "multiple":
        return [f"roles_question {code!r}: not a multiple-choice question of this questionnaire"]
    holders = set(DutyHolder.objects.values_list("code", flat=True))
    unknown = sorted(set(question.options.values_list("code", flat=True)) - holders)
    if unknown:
        return [f"roles_question {code!r}: options {unknown} are not duty holder codes"]
    return []


def prohibited_problems(rules) -> list[str]:
    """A finding names the practices it establishes exactly when it says 'prohibited'."""
    problems = []
    for rule in rules:
        names_practice = bool(list(rule.practices.all()))
        if rule.kind == "finding" and names_practice != (rule.severity == "prohibited"):
            problems.append(
                f"rule {rule.code!r}: severity {rule.severity!r} but "
                + ("it names prohibited practices" if names_practice else "it names no prohibited practice")
                + ": a finding establishes a practice exactly when its severity is 'prohibited'"
            )
    return problems


def reach_problems(rules) -> list[str]:
    """Every liability a finding cites or derives reaches a duty holder the finding names."""
    problems = []
    for rule in rules:
        if rule.kind != "finding":
            continue
        holders = {h.code for h in rule.duty_holders.all()}
        derived = [entry.provision for entry in liability.rule_liabilities(rule)]
        cited = [p for p in rule.provisions.all() if p.version.act.kind == ActKind.CODE]
        reach = liability.reach_index([*derived, *cited])
        if derived and not holders:
            problems.append(f"rule {rule.code!r}: it has liability but names no duty holder")
            continue
        for provision in [*derived, *cited]:
            problem = reach_problem(
                f"rule {rule.code!r}", holders, f"{provision.version.act.slug}/{provision.eid}",
                reach[provision.pk],
            )
            if problem:
                problems.append(problem)
    return problems
