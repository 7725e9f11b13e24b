"""The version of an act in force on a date: one rule for every reader.

A version is in force on a day when it took effect on or before it and had not stopped
(`legal.models.act.in_force_between`, and `ActVersionQuerySet.in_force_on` in SQL); when
several are (a consolidated text and a later amendment), the most recent wins: latest
start, then latest date, then the newest row. The pages, the API, search, the citation
engine and the compliance workspace all ask here, so they never disagree about which text
applies.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Protocol, TypeVar

from django.db.models import OuterRef, QuerySet, Subquery

from legal.models import Act, ActVersion
from legal.models.act import in_force_between


class Dated(Protocol):
    """What the rule reads of a version: an ActVersion, or the citation engine's copy."""

    pk: int
    date: datetime.date | None

    @property
    def starts_on(self) -> datetime.date | None: ...

    @property
    def in_force_until(self) -> datetime.date | None: ...


V = TypeVar("V", bound=Dated)


def recency(version: Dated) -> tuple:
    """The order among versions in force together: the same as `in_force_on`'s SQL."""
    return (version.starts_on, version.date or datetime.date.min, version.pk)


def in_force_among(versions: Iterable[V], on: datetime.date) -> V | None:
    """The version in force on `on` among versions already loaded (no query)."""
    live = [v for v in versions if in_force_between(v.starts_on, v.in_force_until, on)]
    return max(live, key=recency, default=None)


def version_in_force(act: Act, on: datetime.date) -> ActVersion | None:
    """The act's version in force on `on`, with `act` loaded (one query)."""
    return act.versions.in_force_on(on).select_related("act").first()


def versions_in_force(on: datetime.date) -> dict[int, ActVersion]:
    """act id → its version in force on `on`, for every act that has one (one query)."""
    in_force: dict[int, ActVersion] = {}
    for version in ActVersion.objects.in_force_on(on).select_related("act"):
        in_force.setdefault(version.act_id, version)  # the most recent comes first
    return in_force


def in_force_pks(on: datetime.date) -> QuerySet:
    """The pks of `versions_in_force(on)` as a subquery (no query of its own), for filters
    over many rows such as the API's `as_of`: one version per act, the same as above."""
    first = ActVersion.objects.in_force_on(on).filter(act=OuterRef("act")).values("pk")[:1]
    return ActVersion.objects.filter(pk=Subquery(first)).values("pk")


def version_ids_in_force(on: datetime.date) -> tuple[int, ...]:
    """The ids of `versions_in_force(on)`, without loading the rows (one query)."""
    in_force: dict[int, int] = {}
    for act_id, pk in ActVersion.objects.in_force_on(on).values_list("act_id", "pk"):
        in_force.setdefault(act_id, pk)
    return tuple(in_force.values())
