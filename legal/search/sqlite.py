"""SQLite backend: the FTS5 table `search_fts` over SearchEntry.stemmed, ranked by bm25."""

from __future__ import annotations

from . import ranking
from .query import Match


def _contains(column: str, value: str) -> str:
    return f"instr({column}, {value}) > 0"


def candidates(match: Match, filters, cap: int) -> tuple[str, list]:
    """The first `cap` matching rows in rowid order, with their bm25 score (FTS5 walks its
    doclists in rowid order, so this stops after `cap` rows)."""
    where, params = ranking.where(filters, _contains)
    sql = (
        "SELECT e.id, e.entity_type, e.object_id, e.provision_pk, -bm25(search_fts) AS score "
        "FROM search_fts JOIN legal_searchentry e ON e.id = search_fts.rowid "
        f"WHERE search_fts MATCH %s{where} ORDER BY search_fts.rowid LIMIT %s"
    )
    return sql, [match.fts5(), *params, cap]


def find(match: Match, filters, limit: int, offset: int, cap: int) -> ranking.Page:
    sql, params = candidates(match, filters, cap)
    return ranking.run(ranking.statement(sql, "m.score"), [*params, limit, offset])
