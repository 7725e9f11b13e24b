"""SQLite backend: the FTS5 table `search_fts` over SearchEntry.stemmed, ranked by bm25."""

from __future__ import annotations

from django.db import connection

from .query import Match


def _where(filters) -> tuple[str, list]:
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
        sql.append("instr(e.duty_holders, %s) > 0")
        params.append(f"|{filters.duty_holder}|")
    if filters.language:
        sql.append("e.language = %s")
        params.append(filters.language)
    return "".join(f" AND {s}" for s in sql), params


def find(match: Match, filters, limit: int, offset: int) -> tuple[int, list[tuple[str, int, float]]]:
    where, params = _where(filters)
    matched = "SELECT rowid, -bm25(search_fts) AS score FROM search_fts WHERE search_fts MATCH %s"
    # MATERIALIZED: bm25() only works in the FTS query itself, not once it is flattened.
    grouped = (
        f"WITH m AS MATERIALIZED ({matched}) "
        "SELECT e.entity_type, e.object_id, MAX(m.score) AS rank "
        "FROM m JOIN legal_searchentry e ON e.id = m.rowid "
        f"WHERE 1 = 1{where} GROUP BY e.entity_type, e.object_id"
    )
    counted = (
        "SELECT COUNT(*) FROM (SELECT DISTINCT e.entity_type, e.object_id FROM search_fts "
        "JOIN legal_searchentry e ON e.id = search_fts.rowid "
        f"WHERE search_fts MATCH %s{where})"
    )
    args = [match.fts5(), *params]
    with connection.cursor() as cursor:
        cursor.execute(counted, args)
        total = cursor.fetchone()[0]
        cursor.execute(
            f"{grouped} ORDER BY rank DESC, e.entity_type, e.object_id LIMIT %s OFFSET %s",
            [*args, limit, offset],
        )
        rows = [(t, int(i), float(r)) for t, i, r in cursor.fetchall()]
    return total, rows
