"""Rank and cut in SQL, the same statement shape on both backends.

One statement returns a page of results and the counts:

1. `m` — the candidates: index rows that match and pass the filters, **the first
   `cap` in storage order** (FTS5: rowid; PostgreSQL: physical order, no ORDER BY so
   the scan stops after `cap` rows). This bounds the work of a broad query: at most
   `cap` rows are ranked, whatever the size of the corpus.
2. `g` — one row per result: a term is merged into the definition it belongs to (both
   have the definition's `provision_pk`), every other record is its own result; the
   rank of a result is the best rank of its rows.
3. the page (`ORDER BY rank DESC … LIMIT … OFFSET …`), with the number of results and
   of candidate rows beside it, so a short or empty page still knows the totals.

Each backend supplies the candidate SELECT (FTS5 `MATCH` or tsvector `@@`, with
`id`, `entity_type`, `object_id`, `provision_pk` and what its score needs) and the score
expression over `m` (bm25 or ts_rank).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

PROVISION = "provision"


@dataclass
class Page:
    total: int  # results among the candidates
    candidates: int  # candidate rows; == cap: there may be more matches
    rows: list[tuple[str, int, float]]  # (entity type, object id, rank), best first


def where(filters, contains: str) -> tuple[str, list]:
    """` AND …` conditions on index rows `e` for `filters`; `contains(column, value)` SQL."""
    sql, params = [], []
    if filters.version_ids is not None:
        marks = ", ".join(["%s"] * len(filters.version_ids)) or "NULL"
        versioned = f"e.version_id IN ({marks})"
        sql.append(f"({versioned} OR e.version_id IS NULL)" if filters.include_unversioned else versioned)
        params += list(filters.version_ids)
    if filters.act:
        sql.append("e.act_slug = %s")
        params.append(filters.act)
    if filters.unit_type:
        sql.append("e.unit_type = %s")
        params.append(filters.unit_type)
    if filters.duty_holder:
        sql.append(contains("e.duty_holders", "%s"))
        params.append(f"|{filters.duty_holder}|")
    if filters.language:
        sql.append("e.language = %s")
        params.append(filters.language)
    return "".join(f" AND {s}" for s in sql), params


def statement(candidates: str, score: str) -> str:
    return (
        f"WITH m AS MATERIALIZED ({candidates}), "
        "g AS ("
        f"SELECT CASE WHEN m.provision_pk IS NULL THEN m.entity_type ELSE '{PROVISION}' END AS kind, "
        f"COALESCE(m.provision_pk, m.object_id) AS object_key, MAX({score}) AS rank "
        "FROM m GROUP BY 1, 2), "
        "page AS (SELECT kind, object_key, rank FROM g "
        "ORDER BY rank DESC, kind, object_key LIMIT %s OFFSET %s) "
        "SELECT (SELECT COUNT(*) FROM g), (SELECT COUNT(*) FROM m), page.kind, page.object_key, page.rank "
        "FROM (SELECT 1 AS one) AS totals LEFT JOIN page ON 1 = 1 "
        "ORDER BY page.rank DESC, page.kind, page.object_key"
    )


def run(sql: str, params: list) -> Page:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    total, candidates = fetched[0][0], fetched[0][1]
    rows = [(kind, int(key), float(rank)) for _t, _c, kind, key, rank in fetched if kind is not None]
    return Page(total, candidates, rows)
