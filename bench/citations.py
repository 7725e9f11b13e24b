"""Throughput of legal.citations.extract_citations on ~2 MB of realistic legal text.

    python bench/citations.py [--mb 2] [--repeat 3]

Runs inside Django (kzai.settings, the database of your environment: by default the dev
SQLite file var/kzai.sqlite3). The knowledge base must be loaded first:

    python manage.py migrate && python manage.py load_kb

The text is the knowledge base's own summaries (ru, kk, en) with citations mixed in: the
standard citation of provisions (legal.citations.formatter), short and relative forms, lists,
ranges, unknown acts and numbers that are not citations. It is measured twice: as one
document, and paragraph by paragraph (a call per provision-sized text, the usual use).
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kzai.settings")

import django  # noqa: E402

django.setup()

from legal.citations import extract_citations, format_citation, invalidate_citation_cache  # noqa: E402
from legal.models import Provision  # noqa: E402

EXTRA = [
    "в соответствии со ст. 21 Закона об ИИ",
    "предусмотренных пунктом 2 настоящей статьи",
    "подпунктов 2) и 3) части первой настоящего пункта",
    "по ч. 2 ст. 190 УК РК и ст.ст. 147, 174 УК",
    "статьи 143–145 ГК РК",
    "ст. 73-3 КоАП",
    "части второй статьи 190 Уголовного кодекса",
    "Закона Республики Казахстан «О персональных данных и их защите»",
    "ҚК 147-бабы",
    "Жасанды интеллект туралы Заңның 21-бабы",
    "17-баптың 3-тармағының 6) тармақшасы",
    "Article 17(3)(6) of the AI Law",
    "Articles 143 and 145 of the Civil Code",
    "ст. 5 Закона о пчеловодстве",
    "в 2025 году 21 человек обратились в суд, из них 3 — повторно",
    "ст. 9999 УК РК",
]


def build_corpus(target_bytes: int, seed: int = 7) -> list[str]:
    """Paragraphs of legal text, about `target_bytes` of UTF-8 in all."""
    rng = random.Random(seed)
    provisions = list(Provision.objects.select_related("version__act").order_by("version_id", "order"))
    if not provisions:
        sys.exit("The knowledge base is empty: run `python manage.py migrate && python manage.py load_kb`.")
    by_version: dict[int, list[Provision]] = {}
    for p in provisions:
        by_version.setdefault(p.version_id, []).append(p)
    ancestors = {}
    for p in provisions:
        chain, seen = [], {q.eid: q for q in by_version[p.version_id]}
        for eid in p.path.split("/") if p.path else []:
            if eid in seen:
                chain.append(seen[eid])
        ancestors[p.pk] = chain
    base = []
    for p in provisions:
        for lang in ("ru", "kk", "en"):
            summary = getattr(p, f"summary_{lang}") or getattr(p, f"title_{lang}")
            citation = format_citation(p, lang, ancestors=ancestors[p.pk])
            if summary or citation:
                base.append((summary, citation))
    paragraphs, size = [], 0
    while size < target_bytes:
        summary, citation = rng.choice(base)
        extra = rng.choice(EXTRA)
        paragraph = f"{summary} См. {citation}; также {extra}. {rng.choice(base)[0]}"
        paragraphs.append(paragraph)
        size += len(paragraph.encode())
    return paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the text in MB (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts")
    args = parser.parse_args()

    paragraphs = build_corpus(int(args.mb * 1_000_000))
    document = "\n\n".join(paragraphs)
    megabytes = len(document.encode()) / 1_000_000
    print(f"text: {megabytes:.2f} MB, {len(document):,} characters, {len(paragraphs):,} paragraphs")

    invalidate_citation_cache()
    started = time.perf_counter()
    extract_citations("ст. 1 УК")  # builds the grammar and loads the eids
    print(f"grammar built in {(time.perf_counter() - started) * 1000:.1f} ms")

    results = {}
    for label, run in (
        ("one document", lambda: len(extract_citations(document))),
        ("per paragraph", lambda: sum(len(extract_citations(p)) for p in paragraphs)),
    ):
        wall = cpu = None
        found = 0
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            found = run()
            elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
            wall = elapsed if wall is None else min(wall, elapsed)
            cpu = elapsed_cpu if cpu is None else min(cpu, elapsed_cpu)
        results[label] = megabytes / wall
        print(
            f"{label:>14}: {found:,} citations in {wall:.2f} s — {megabytes / wall:.2f} MB/s "
            f"(CPU time {cpu:.2f} s — {megabytes / cpu:.2f} MB/s)"
        )
    print(f"throughput: {min(results.values()):.2f} MB/s (wall clock, the slower of the two)")


if __name__ == "__main__":
    main()
