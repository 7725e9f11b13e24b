"""Latency of legal.search.search() for typical queries, beside the raw-SQL floor.

    python manage.py generate_corpus --provisions 100000
    python bench/search.py [--repeat 30] [--markdown]

Runs inside Django against the database of your environment (DATABASE_URL, KZAI_VAR_DIR;
by default var/kzai.sqlite3). For each query, in the same run:

- service: `search(q)` end to end — synonyms read and applied, filters for the versions in
  force today, the ranked page of 20 with its counts (one SQL statement), objects,
  breadcrumbs and snippets;
- floor: the same ranked top-20 statement in raw SQL (`legal.search.ranking.statement`
  over the backend's candidates: first CANDIDATES matching rows, ranked by bm25 /
  ts_rank, grouped by record, ORDER BY rank LIMIT 20, counts), with the match expression
  and the filter values prepared beforehand — what the service cannot avoid;
- exact: the same statement without the candidate cap (every matching row ranked), to
  show what the cap saves; timed `--exact-repeat` times (it is slow on broad queries).

"matches" is the number of index rows that match (counted once, not timed).
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kzai.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from legal import search as service  # noqa: E402
from legal.models import SearchEntry  # noqa: E402

QUERIES = [
    "клеветы",
    "персональных данных",
    "биометрических",
    "дипфейк",
    "ИИ",
    "маркировка синтетических результатов",
    "уполномоченный орган",
    "штраф",
    "согласие субъекта персональных данных",
    "ответственность собственника системы",
]
PAGE = 20
UNBOUNDED = 2**62


def ranked_top(match, filters, cap: int):
    """The floor: the service's ranking statement, run directly."""
    return service.backend().find(match, filters, PAGE, 0, cap)


def matching_rows(match, filters) -> int:
    backend = service.backend()
    sql, params = backend.candidates(match, filters, UNBOUNDED)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS c", params)
        return cursor.fetchone()[0]


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm up
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--exact-repeat", type=int, default=5)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    print(
        f"backend: {connection.vendor}; index rows: {SearchEntry.objects.count()}; "
        f"candidates: {service.CANDIDATES}; repeat {args.repeat} (exact {args.exact_repeat})"
    )
    header = (
        "query",
        "matches",
        "results",
        "p50",
        "p95",
        "floor p50",
        "floor p95",
        "p95/floor",
        "exact p50",
        "exact p95",
    )
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|" + "---:|" * (len(header) - 1))
    else:
        print(f"{header[0]:40} " + " ".join(f"{h:>10}" for h in header[1:]))
    worst = 0.0
    for q in QUERIES:
        match = service.parse(q)
        filters, _on = service.build_filters()
        results = service.search(q)
        shown = f"≥{results.total}" if results.capped else str(results.total)
        rows = matching_rows(match, filters)
        svc = timed(lambda q=q: service.search(q), args.repeat)
        floor = timed(lambda m=match, f=filters: ranked_top(m, f, service.CANDIDATES), args.repeat)
        exact = timed(lambda m=match, f=filters: ranked_top(m, f, UNBOUNDED), args.exact_repeat)
        worst = max(worst, pct(svc, 95))
        cells = [
            f"{rows:,}",
            shown,
            *(f"{v:.1f}" for v in (pct(svc, 50), pct(svc, 95), pct(floor, 50), pct(floor, 95))),
            f"{pct(svc, 95) / pct(floor, 95):.2f}",
            *(f"{v:.1f}" for v in (pct(exact, 50), pct(exact, 95))),
        ]
        if args.markdown:
            print(f"| {q} | " + " | ".join(cells) + " |")
        else:
            print(f"{q:40} " + " ".join(f"{c:>10}" for c in cells))
    print(f"worst service p95: {worst:.1f} ms")


if __name__ == "__main__":
    main()
