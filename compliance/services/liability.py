"""A finding's liability and the fines it exposes the organisation to.

Liability is never typed into a rule: it is the knowledge base's `liability` links of the
obligations the finding is about, each with its note (the link's conditions: thresholds,
who is punished) and its reach (the duty holders the liability provision names, see
legal.reach). Fines come from the provisions' fine schedules and the МРП of the
assessment's as-of year. Everything here is computed when an assessment is evaluated and
copied into a final assessment's snapshot, so a final report reads the same later.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from kzai.i18n import values_of
from legal import fines
from legal.models import (
    FineSchedule,
    Obligation,
    ObligationProvision,
    OffenderCategory,
    Provision,
    ReferenceRole,
)
from legal.reach import liability_reach


def obligations_prefetch() -> Prefetch:
    """A rule's obligations with their liability links (for Definition.of: no query per rule)."""
    links = ObligationProvision.objects.filter(role=ReferenceRole.LIABILITY).select_related(
        "provision__version__act"
    ).order_by("order", "pk")
    return Prefetch(
        "obligations",
        queryset=Obligation.objects.prefetch_related(
            Prefetch("references", queryset=links, to_attr="liability_links")
        ),
    )


@dataclass
class Liability:
    """One liability provision a finding exposes to, from one or more obligations' links."""

    provision: Provision
    obligations: list[str] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)


def rule_liabilities(rule) -> list[Liability]:
    """The liability links of `rule`'s obligations, one per provision, in the codes' order.

    An `info` finding records a duty that is met: it exposes to no liability."""
    found: dict[int, Liability] = {}
    if rule.severity == "info":
        return []
    for obligation in sorted(rule.obligations.all(), key=lambda o: (o.order, o.slug)):
        for link in getattr(obligation, "liability_links", None) or _links(obligation):
            entry = found.setdefault(link.provision_id, Liability(link.provision))
            if obligation.slug not in entry.obligations:
                entry.obligations.append(obligation.slug)
            note = {lang: text for lang, text in values_of(link, "note").items() if text}
            if note and note not in entry.notes:
                entry.notes.append(note)
    return sorted(found.values(), key=lambda e: _document_key(e.provision))


def _links(obligation) -> list[ObligationProvision]:
    return list(
        obligation.references.filter(role=ReferenceRole.LIABILITY)
        .select_related("provision__version__act").order_by("order", "pk")
    )


def _document_key(provision: Provision) -> tuple:
    act = provision.version.act
    return (act.order, act.slug, provision.order)


def reach_index(provisions: Iterable[Provision]) -> dict[int, frozenset[str]]:
    """provision pk → the duty holders it reaches (its own or an enclosing unit's; one query)."""
    provisions = list(provisions)
    wanted: dict[int, set[str]] = {}
    for provision in provisions:
        parts = provision.eid.split("__")
        wanted.setdefault(provision.version_id, set()).update(
            "__".join(parts[:n]) for n in range(1, len(parts) + 1)
        )
    holders: dict[int, dict[str, list[str]]] = {}
    if wanted:
        rows = Provision.duty_holders.through.objects.filter(
            provision__version_id__in=wanted,
            provision__eid__in={eid for eids in wanted.values() for eid in eids},
        ).values_list("provision__version_id", "provision__eid", "dutyholder_id")
        for version_id, eid, code in rows:
            holders.setdefault(version_id, {}).setdefault(eid, []).append(code)
    return {p.pk: liability_reach(holders.get(p.version_id, {}), p.eid) for p in provisions}


def mrp_data(year: int, mrp) -> dict:
    """The МРП of the as-of year, with its sources; `tenge` None where the year has none."""
    if mrp is None:
        return {"year": year, "tenge": None}
    return {
        "year": mrp.year,
        "tenge": mrp.tenge,
        "confidence": mrp.confidence,
        "sources": list(mrp.sources),
        "note": {lang: text for lang, text in values_of(mrp, "note").items() if text},
    }


class FineCalculator:
    """Fine schedules of the liability provisions, and their amounts in МРП and tenge."""

    def __init__(self, provisions: Iterable[Provision], as_of: datetime.date):
        provisions = list(provisions)
        self.schedules = fines.schedules_by_version({p.version_id for p in provisions})
        self.mrp = fines.mrp_of(as_of.year)

    def parts(self, provision: Provision) -> list[FineSchedule]:
        return fines.schedules_for(provision, self.schedules.get(provision.version_id, {}))

    def repeat_of(self, schedule: FineSchedule) -> FineSchedule | None:
        if schedule.repeat_id is None:
            return None
        return self.schedules.get(schedule.repeat.version_id, {}).get(schedule.repeat.eid)

    def amounts(self, schedule: FineSchedule | None) -> dict[str, dict] | None:
        """{category: {"mrp": n, "tenge": n or None}} for the categories the unit fines."""
        if schedule is None:
            return None
        out = {}
        for category in OffenderCategory.values:
            amount = schedule.amount_for(category)
            if amount is not None:
                out[category] = {"mrp": amount, "tenge": fines.tenge(amount, self.mrp)}
        return out

    def provisions_used(self, provision: Provision) -> list[Provision]:
        """The units whose citations the fines of `provision` show (parts and repeat parts)."""
        used = []
        for schedule in self.parts(provision):
            used.append(schedule.provision)
            if schedule.repeat_id:
                used.append(schedule.repeat)
        return used


def liability_data(
    liabilities: list[Liability],
    citations: dict[int, dict],
    reach: dict[int, frozenset[str]],
    calculator: FineCalculator,
    roles: list[str] | None,
    holder_order: list[str],
) -> list[dict]:
    """A finding's liability as plain data: each provision with its conditions, whom it
    reaches, whether that includes the organisation's roles, and its fines."""
    out = []
    for entry in liabilities:
        provision = entry.provision
        reached = reach.get(provision.pk, frozenset())
        applies = None if roles is None else (not reached or bool(reached & set(roles)))
        out.append({
            **_cite(citations, provision),
            "obligations": entry.obligations,
            "notes": entry.notes,
            "reach": [code for code in holder_order if code in reached],
            "applies": applies,
            "fines": [
                {
                    **_cite(citations, schedule.provision, short=True),
                    "amounts": calculator.amounts(schedule),
                    "note": {lang: text for lang, text in values_of(schedule, "note").items() if text},
                    "repeat": schedule.repeat_id and {
                        **_cite(citations, schedule.repeat, short=True),
                        "amounts": calculator.amounts(calculator.repeat_of(schedule)),
                    } or None,
                }
                for schedule in calculator.parts(provision)
            ],
        })
    return out


def _cite(citations: dict[int, dict], provision: Provision, short: bool = False) -> dict:
    data = citations[provision.pk]
    keys = ("act", "version", "eid", "citation", "url") if short else tuple(data)
    return {key: data[key] for key in keys}


def exposure_data(findings: list[dict], category: str, mrp: dict) -> dict:
    """Every liability provision the findings expose to, once, with the findings behind it."""
    rows: dict[tuple, dict] = {}
    for finding in findings:
        for entry in finding.get("liability", []):
            key = (entry["act"], entry["version"], entry["eid"])
            row = rows.setdefault(key, {**entry, "findings": [], "notes": []})
            row["findings"].append(finding["rule"])
            row["notes"] += [note for note in entry["notes"] if note not in row["notes"]]
    return {"category": category, "mrp": mrp, "rows": list(rows.values())}
