"""An assessment as plain JSON data, in a fixed order: what the results page, the PDF report
(which embeds it) and the API show. A final assessment's data is stored when it is
finalised (its snapshot), so it reads the same whatever changes later.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from compliance.models import SEVERITY_RANK, Answer, Assessment, Question, QuestionKind, Rule, Severity
from compliance.services import liability
from compliance.services.definition import Definition, Evaluation, evaluate
from kzai.i18n import LANGUAGE_CODES, values_of
from legal.citations import format_citation
from legal.models import DutyHolder, Provision

DATA_FORMAT = 2

def assessment_data(assessment: Assessment) -> dict:
    """The assessment as plain JSON data, in a fixed order (the PDF report embeds it).

    A final assessment returns what was stored when it was finalised, with its
    `content_hash`; a draft returns its current answers and a preview of the findings.
    """
    if assessment.is_final:
        return {**assessment.snapshot, "content_hash": assessment.content_hash}
    definition = Definition.of(assessment.questionnaire)
    return build_data(assessment, definition, evaluate(assessment, definition))


def summarize(findings: list[dict]) -> dict:
    """{"prohibited": [practices with the findings that establish them], "counts": {…}}."""
    practices: dict[str, dict] = {}
    for finding in findings:
        if finding["severity"] != Severity.PROHIBITED:
            continue
        for practice in finding.get("practices") or [{"slug": "", "name": finding["title"]}]:
            entry = practices.setdefault(practice["slug"] or finding["rule"], {**practice, "findings": []})
            entry["findings"].append(finding["rule"])
    counts = {severity: 0 for severity in sorted(Severity.values, key=SEVERITY_RANK.get)}
    for finding in findings:
        counts[finding["severity"]] += 1
    return {"prohibited": list(practices.values()), "counts": counts}


def summary_of(data: dict) -> dict:
    """The summary stored with the data, or (data from before it was stored) derived the same way."""
    return data.get("summary") or summarize(data["findings"])


def content_hash(data: dict) -> str:
    """SHA-256 of the canonical JSON of `data` (sorted keys, no whitespace, UTF-8)."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def build_data(assessment: Assessment, definition: Definition, evaluation: Evaluation) -> dict:
    system, questionnaire = assessment.ai_system, definition.questionnaire
    answers = {
        answer.question_id: answer
        for answer in assessment.answers.select_related("answered_by")
    }
    values = {q.code: answers[q.pk].value for q in definition.questions if q.pk in answers}
    shown = definition.visibility(values)
    rules = [r for r in (evaluation.risk_rule, evaluation.autonomy_rule, *evaluation.findings) if r]
    liabilities = {rule.pk: liability.rule_liabilities(rule) for rule in evaluation.findings}
    liable = [entry.provision for entries in liabilities.values() for entry in entries]
    calculator = liability.FineCalculator(liable, assessment.as_of)
    citations = _citation_index([
        *(p for rule in rules for p in rule.provisions.all()),
        *liable,
        *(part for provision in liable for part in calculator.provisions_used(provision)),
    ])
    reach = liability.reach_index(liable)
    roles_code = questionnaire.roles_question
    roles = values.get(roles_code) if roles_code and shown.get(roles_code) else None
    holder_order = list(DutyHolder.objects.values_list("code", flat=True))
    findings = [
        {
            "rule": rule.code,
            "severity": rule.severity,
            **rule_texts(rule, "title", "explanation", "actions", nested=True),
            "context_act": _link_act(rule),
            "duty_holders": _in_order(holder_order, {h.code for h in rule.duty_holders.all()}),
            "citations": [citations[p.pk] for p in _cited(rule)],
            "obligations": _obligations(rule),
            "practices": _practices(rule),
            "liability": liability.liability_data(
                liabilities[rule.pk], citations, reach, calculator, roles, holder_order
            ),
        }
        for rule in evaluation.findings
    ]
    category = assessment.organization.category
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
        "organization": {
            "slug": assessment.organization.slug,
            "name": assessment.organization.name,
            "category": category,
        },
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
        "findings": findings,
        "summary": summarize(findings),
        "exposure": liability.exposure_data(
            findings, category, liability.mrp_data(assessment.as_of.year, calculator.mrp)
        ),
    }


def _in_order(order: list[str], codes: set[str]) -> list[str]:
    return [code for code in order if code in codes]


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
        **rule_texts(rule, "title", "explanation", nested=True),
        "context_act": _link_act(rule),
        "citations": [citations[p.pk] for p in _cited(rule)],
    }


def _link_act(rule: Rule) -> str:
    """The act of the references in the rule's texts that name none (slug, or "")."""
    act = rule.link_act
    return act.slug if act else ""


def _cited(rule: Rule) -> list[Provision]:
    return sorted(rule.provisions.all(), key=lambda p: (p.version.act.order, p.version.act.slug, p.order))


def _citation_index(cited) -> dict[int, dict]:
    """provision pk → its citation data, for every provision the results cite (two queries)."""
    provisions = {p.pk: p for p in cited}
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
        {
            "slug": o.slug,
            "obligation": values_of(o, "obligation"),
            "recommendation": values_of(o, "recommendation"),
        }
        for o in sorted(rule.obligations.all(), key=lambda o: (o.order, o.slug))
    ]


def _practices(rule: Rule) -> list[dict]:
    return [
        {"slug": p.slug, "name": values_of(p, "name")}
        for p in sorted(rule.practices.all(), key=lambda p: (p.order, p.slug))
    ]


def rule_texts(rule: Rule, *names: str, nested: bool = False) -> dict:
    """The rule's texts: {"title": {ru, kk, en}, …} (nested) or {"title_ru": …} (model fields)."""
    if nested:
        return {name: values_of(rule, name) for name in names}
    return {f"{name}_{lang}": getattr(rule, f"{name}_{lang}") for name in names for lang in LANGUAGE_CODES}


def _username(user) -> str | None:
    return user.get_username() if user else None


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None
