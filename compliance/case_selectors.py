"""Read-side queries for the case pages and the case lists of provision and practice pages.

Who sees what: public records to everyone, private records to the members of their
organisation (`CaseRecord.objects.visible_to`). Every function runs a fixed number of
queries whatever the number of cases.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from legal.models import Act, ProhibitedPractice, Provision
from legal.models.provision import EID_RE
from legal.selectors import InvalidDate, parse_as_of

from .models import CaseKind, CaseProvision, CaseRecord, Technique


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
