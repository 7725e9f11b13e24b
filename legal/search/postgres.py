"""PostgreSQL backend: SearchEntry.search_vector (trigger-maintained, GIN index)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Max, Q

from legal.models import SearchEntry

from .query import Match


def _q(filters) -> Q:
    q = Q()
    if filters.version_ids is not None:
        versioned = Q(version_id__in=list(filters.version_ids))
        q &= versioned | Q(version__isnull=True) if filters.include_unversioned else versioned
    if filters.act:
        q &= Q(act_slug=filters.act)
    if filters.unit_type:
        q &= Q(unit_type=filters.unit_type)
    if filters.duty_holder:
        q &= Q(duty_holders__contains=f"|{filters.duty_holder}|")
    if filters.language:
        q &= Q(language=filters.language)
    return q


def find(match: Match, filters, limit: int, offset: int) -> tuple[int, list[tuple[str, int, float]]]:
    query = SearchQuery(match.tsquery(), config="simple", search_type="raw")
    grouped = (
        SearchEntry.objects.filter(_q(filters), search_vector=query)
        .values("entity_type", "object_id")
        .annotate(rank=Max(SearchRank(F("search_vector"), query)))
    )
    total = grouped.count()
    rows = grouped.order_by("-rank", "entity_type", "object_id")[offset : offset + limit]
    return total, [(r["entity_type"], r["object_id"], float(r["rank"])) for r in rows]
