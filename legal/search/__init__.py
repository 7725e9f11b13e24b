"""Full-text search over the knowledge base (docs/search.md): the service lives in
`service`, the index in `indexer` and `signals`, matching in `query` and `text`, ranking in
`ranking` and the two backends (`sqlite`, `postgres`). This face re-exports what callers use.

    from legal.search import search
    results = search("дипфейк", as_of=date(2026, 2, 1), language="ru")
"""

from .service import (
    CANDIDATES,
    MAX_LIMIT,
    Crumb,
    Filters,
    Group,
    Hit,
    InvalidSearch,
    SearchResults,
    backend,
    build_filters,
    parse,
    result_keys,
    search,
)

__all__ = [
    "CANDIDATES",
    "MAX_LIMIT",
    "Crumb",
    "Filters",
    "Group",
    "Hit",
    "InvalidSearch",
    "SearchResults",
    "backend",
    "build_filters",
    "parse",
    "result_keys",
    "search",
]
