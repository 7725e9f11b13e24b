"""The workspace's read queries: AI systems, questionnaires, assessments, answers, and case
records (the case pages and the case lists of provision and practice pages).

Pages and API endpoints read through these, so both see the same rows with the same joins
(a fixed number of queries per page, whatever the number of rows). Scoping to the caller's
organisations is compliance.access's; case records are public to everyone and private ones
to the members of their organisation (`CaseRecord.objects.visible_to`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from compliance import access
from compliance.models import (
    AISystem,
    Answer,
    AnswerEvent,
    Assessment,
    CaseKind,
    CaseProvision,
    CaseRecord,
    Option,
    Question,
    Questionnaire,
    Rule,
    Section,
    Technique,
)
from compliance.services.definition import LINK_ACTS, Definition
from legal.models import Act, ProhibitedPractice, Provision
from legal.models.provision import EID_RE
from legal.selectors import InvalidDate, parse_as_of


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


# ---------------------------------------------------------------- case records


class InvalidCaseFilter(ValueError):
    """A filter value that names nothing; the message says what is wrong (for the 400 page),
    `parameter` which query parameter (for the API's `errors`)."""

    def __init__(self, message: str, parameter: str):
        super().__init__(message)
        self.parameter = parameter


@dataclass
class CaseFilter:
    kind: str = ""
    technique: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    act: Act | None = None
    provision: str = ""  # an eid of `act`; its sub-units count too
    practice: ProhibitedPractice | None = None

    @property
    def active(self) -> bool:
        return any(
            (self.kind, self.technique, self.date_from, self.date_to, self.act, self.provision, self.practice)
        )


def filter_choices() -> tuple[list[Act], list[ProhibitedPractice]]:
    """The acts and practices the filter form offers (two queries)."""
    acts = list(Act.objects.order_by("order", "slug"))
    return acts, list(ProhibitedPractice.objects.order_by("order", "slug"))


def _date(params, name: str) -> datetime.date | None:
    raw = params.get(name, "")
    try:
        return parse_as_of(raw)
    except InvalidDate:
        raise InvalidCaseFilter(
            _("«%(value)s» — не дата. Укажите дату в виде ГГГГ-ММ-ДД, например 2025-11-17.") % {"value": raw},
            name,
        ) from None


def case_filter(params, acts: list[Act], practices: list[ProhibitedPractice]) -> CaseFilter:
    """Validate the query string of /cases/; InvalidCaseFilter says what is wrong.

    An unknown provision costs one query (only when `provision` is given)."""
    chosen = CaseFilter()
    kind = params.get("kind", "")
    if kind:
        if kind not in CaseKind.values:
            raise InvalidCaseFilter(
                _("Неизвестный вид дела «%(value)s»: допустимы %(values)s.")
                % {"value": kind, "values": ", ".join(CaseKind.values)},
                "kind",
            )
        chosen.kind = kind
    technique = params.get("technique", "")
    if technique:
        if technique not in Technique.values:
            raise InvalidCaseFilter(
                _("Неизвестная техника «%(value)s»: допустимы %(values)s.")
                % {"value": technique, "values": ", ".join(Technique.values)},
                "technique",
            )
        chosen.technique = technique
    chosen.date_from = _date(params, "date_from")
    chosen.date_to = _date(params, "date_to")
    if chosen.date_from and chosen.date_to and chosen.date_from > chosen.date_to:
        raise InvalidCaseFilter(_("Начало периода позже его конца."), "date_from")
    act = params.get("act", "")
    if act:
        by_slug = {a.slug: a for a in acts}
        if act not in by_slug:
            raise InvalidCaseFilter(_("Неизвестный акт «%(value)s».") % {"value": act}, "act")
        chosen.act = by_slug[act]
    provision = params.get("provision", "")
    if provision:
        if chosen.act is None:
            raise InvalidCaseFilter(_("Положение ищется в акте: укажите и акт (act=…)."), "act")
        if not EID_RE.match(provision) or not Provision.objects.filter(
            version__act=chosen.act, eid=provision
        ).exists():
            raise InvalidCaseFilter(
                _("В акте «%(act)s» нет положения «%(value)s».")
                % {"act": chosen.act.slug, "value": provision},
                "provision",
            )
        chosen.provision = provision
    practice = params.get("practice", "")
    if practice:
        by_slug = {p.slug: p for p in practices}
        if practice not in by_slug:
            raise InvalidCaseFilter(
                _("Неизвестная запрещённая практика «%(value)s».") % {"value": practice}, "practice"
            )
        chosen.practice = by_slug[practice]
    return chosen


def _with_links(queryset, practices: bool = False):
    """The records with their provision links (provision, version, act), and practices if
    asked: one or two queries for any number of records."""
    queryset = queryset.select_related("organization").prefetch_related(
        Prefetch(
            "provision_links",
            queryset=CaseProvision.objects.select_related("provision__version__act").order_by("order", "pk"),
        )
    )
    if practices:
        queryset = queryset.prefetch_related(
            Prefetch("practices", queryset=ProhibitedPractice.objects.order_by("order", "slug"))
        )
    return queryset


def _under(eid: str, prefix: str = "") -> Q:
    """The unit `eid` and the units inside it (art_21 → art_21__para_2 …)."""
    return Q(**{f"{prefix}eid": eid}) | Q(**{f"{prefix}eid__startswith": f"{eid}__"})


def cases(user, chosen: CaseFilter | None = None):
    """Visible records, filtered and newest first (evaluate lazily: the paginator slices it)."""
    queryset = CaseRecord.objects.visible_to(user)
    if chosen:
        if chosen.kind:
            queryset = queryset.filter(kind=chosen.kind)
        if chosen.technique:
            queryset = queryset.filter(technique=chosen.technique)
        if chosen.date_from:
            queryset = queryset.from_date(chosen.date_from)
        if chosen.date_to:
            queryset = queryset.until_date(chosen.date_to)
        if chosen.act:
            links = CaseProvision.objects.filter(provision__version__act=chosen.act)
            if chosen.provision:
                links = links.filter(_under(chosen.provision, "provision__"))
            queryset = queryset.filter(pk__in=links.values("case_id"))
        if chosen.practice:
            queryset = queryset.filter(practices=chosen.practice)
    return _with_links(queryset.order_by("-date", "slug"))


def visible_case(user, slug: str) -> CaseRecord | None:
    """The record `slug` if the user may read it (three queries), else None."""
    return _with_links(CaseRecord.objects.visible_to(user).filter(slug=slug), practices=True).first()


def cases_of_provision(user, provision: Provision) -> list[CaseRecord]:
    """Visible records linked to the provision or a unit inside it, with how (one query:
    `case.relations` lists the (provision, relation) pairs that brought the record here)."""
    links = (
        CaseProvision.objects.filter(provision__version_id=provision.version_id)
        .filter(_under(provision.eid, "provision__"))
        .filter(case__in=CaseRecord.objects.visible_to(user))
        .select_related("case__organization", "provision")
        .order_by("-case__date", "case__slug", "order", "pk")
    )
    by_case: dict[int, CaseRecord] = {}
    for link in links:
        case = by_case.setdefault(link.case_id, link.case)
        case.__dict__.setdefault("relations", []).append(link)
    return list(by_case.values())


def cases_of_practice(user, practice: ProhibitedPractice) -> list[CaseRecord]:
    """Visible records involving the practice (one query)."""
    return list(
        CaseRecord.objects.visible_to(user)
        .filter(practices=practice)
        .select_related("organization")
        .order_by("-date", "slug")
    )
