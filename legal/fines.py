"""What a liability provision fines, in МРП and in tenge, for one category of offender.

A link may point at the unit that sets the fines (КоАП 641-1 ч. 1), at a unit inside it
(ч. 1 п. 1) or at the whole article (КоАП 79, whose parts fine differently): the schedules
that apply are the unit's own or its nearest enclosing unit's, else those of the units it
contains (a part that punishes the repeat of another is shown as that part's repeat).
Tenge is МРП × the МРП of the year; a year without a value has no tenge amount.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from legal.models import FineSchedule, Mrp, Provision


def schedules_by_version(version_ids: Iterable[int]) -> dict[int, dict[str, FineSchedule]]:
    """version id → {eid: schedule} of every fine schedule in those versions (one query)."""
    found: dict[int, dict[str, FineSchedule]] = {}
    rows = FineSchedule.objects.filter(provision__version_id__in=set(version_ids)).select_related(
        "provision__version__act", "repeat__version__act"
    )
    for schedule in rows.order_by("provision__order"):
        found.setdefault(schedule.provision.version_id, {})[schedule.provision.eid] = schedule
    return found


def schedules_near(provision: Provision) -> dict[str, FineSchedule]:
    """eid → schedule of the provision, its enclosing units and the units inside it: all
    `schedules_for` may pick from, for one provision (one query)."""
    full = f"{provision.path}/{provision.eid}" if provision.path else provision.eid
    rows = (
        FineSchedule.objects.filter(provision__version_id=provision.version_id)
        .filter(
            Q(provision=provision)
            | Q(provision__eid__in=[eid for eid in provision.path.split("/") if eid])
            | Q(provision__path=full)
            | Q(provision__path__startswith=f"{full}/")
        )
        .select_related("provision", "repeat__version__act")
        .order_by("provision__order")
    )
    return {schedule.provision.eid: schedule for schedule in rows}


def schedules_for(
    provision: Provision, schedules: dict[str, FineSchedule], *, with_repeats: bool = False
) -> list[FineSchedule]:
    """The schedules that fine what `provision` describes, in document order. A part that
    punishes the repeat of another is left to that part's `repeat` unless `with_repeats`
    (the provision page shows it as a column of its own)."""
    parts = provision.eid.split("__")
    while parts:
        own = schedules.get("__".join(parts))
        if own:
            return [own]
        parts.pop()
    prefix = provision.eid + "__"
    inside = [schedule for eid, schedule in schedules.items() if eid.startswith(prefix)]
    if with_repeats:
        return inside
    repeats = {schedule.repeat_id for schedule in inside if schedule.repeat_id}
    return [schedule for schedule in inside if schedule.provision_id not in repeats]


def mrp_of(year: int) -> Mrp | None:
    return Mrp.objects.filter(year=year).first()


def tenge(amount_mrp: int | None, mrp: Mrp | None) -> int | None:
    if amount_mrp is None or mrp is None:
        return None
    return amount_mrp * mrp.tenge
