"""Latency of legal.search.search() for typical queries, beside a raw-SQL floor.

    python manage.py generate_corpus --provisions 100000
    python bench/search.py [--repeat 30]

Runs inside Django against the database of your environment (DATABASE_URL; by default
var/kzai.sqlite3). For each query it times the whole service (parse with synonyms,
filters for the versions in force today, count, ranked page of 20, objects, breadcrumbs
and snippets) and, as the floor, the bare full-text match of the same expression in raw
SQL (count of matching index rows: FTS5 MATCH on SQLite, `@@` on PostgreSQL).
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

from legal.models import SearchEntry  # noqa: E402
from legal.search import parse, search  # noqa: E402

QUERIES = [
    "клеветы",
    "персональных данных",
    "биометрических",
    "дипфейк",
    "ИИ",
    "маркировка синтетических результатов",
    "уполномоченный орган",
    "штраф",
]


def floor(q: str) -> int:
    match = parse(q)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM legal_searchentry WHERE search_vector @@ to_tsquery('simple', %s)",
                [match.tsquery()],
            )
        else:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [match.fts5()])
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
    args = parser.parse_args()
    print(f"backend: {connection.vendor}; index rows: {SearchEntry.objects.count()}; repeat {args.repeat}")
    header = ("query", "hits", "p50 ms", "p95 ms", "floor rows", "floor p50", "floor p95")
    print(f"{header[0]:40} " + " ".join(f"{h:>10}" for h in header[1:]))
    for q in QUERIES:
        total = search(q).total
        service = timed(lambda q=q: search(q), args.repeat)
        raw_rows = floor(q)
        raw = timed(lambda q=q: floor(q), args.repeat)
        print(
            f"{q:40} {total:>10} {pct(service, 50):>10.1f} {pct(service, 95):>10.1f} "
            f"{raw_rows:>10} {pct(raw, 50):>10.1f} {pct(raw, 95):>10.1f}"
        )


if __name__ == "__main__":
    main()
