"""A synthetic act with N provisions of Russian legal vocabulary, for measuring search.

Words are drawn from `legal/search/corpus_vocabulary.txt` (the Russian words of the
knowledge base's own texts, most frequent first) with Zipf's law: the word of rank r is
drawn with a probability proportional to 1/r. Common words («ии», «данных») then occur in
most provisions and rare ones («клеветы») in a few, as in real legislation, and the same
`--seed` gives the same corpus. The text is not grammatical; only word frequencies matter.

Provisions and their index rows are written with bulk inserts, `--batch` rows at a time
(a progress line each), all in one transaction; the full-text index is filled by the
database (FTS5 triggers, the tsvector trigger and GIN index); on SQLite the FTS5 index
is then merged into one segment (`optimize`); on PostgreSQL run `VACUUM ANALYZE` after.
`search_text` (the admin's casefolded search column) is left empty: the synthetic act is
not for the admin. The index rows are exactly those `legal.search.indexer` writes for
these provisions (tested), so `manage.py reindex` gives the same index.
"""

import datetime
import itertools
import random
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from legal.models import Act, ActVersion, EntityType, Provision, SearchEntry
from legal.search import text as T

SLUG = "synthetic-corpus"
VOCABULARY = Path(__file__).resolve().parents[2] / "search" / "corpus_vocabulary.txt"
ZIPF_EXPONENT = 1.0
TITLE_WORDS = (3, 8)
SUMMARY_WORDS = (20, 60)
SANCTION_WORDS = (8, 16)
SANCTION_SHARE = 0.2
SQLITE_CACHE_KIB = 512 * 1024


def read_vocabulary(path: Path = VOCABULARY) -> list[str]:
    words = [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not words:
        raise CommandError(f"{path}: no words")
    return words


def write_vocabulary_file(path: Path) -> int:
    """The Russian words of the knowledge base's index rows (not the synthetic act), most
    frequent first, with their counts: the source of `VOCABULARY`."""
    counts: Counter[str] = Counter()
    rows = SearchEntry.objects.filter(language="ru").exclude(act_slug=SLUG).values_list("words", flat=True)
    for words in rows.iterator():
        counts.update(w for w in words.split() if len(w) > 1 and w.isalpha() and not T.is_stop(w))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    path.write_text("".join(f"{word} {count}\n" for word, count in ranked), encoding="utf-8")
    return len(ranked)


class Prose:
    """Zipf-distributed words, with their index stems computed once per word."""

    def __init__(self, vocabulary: list[str], rng: random.Random):
        self.words = vocabulary
        self.stems = [T.stem(w, "ru") for w in vocabulary]
        self.cum_weights = list(
            itertools.accumulate(1 / rank**ZIPF_EXPONENT for rank in range(1, len(vocabulary) + 1))
        )
        self.ranks = range(len(vocabulary))
        self.rng = rng

    def draw(self, bounds: tuple[int, int]) -> list[int]:
        return self.rng.choices(self.ranks, cum_weights=self.cum_weights, k=self.rng.randint(*bounds))

    def phrase(self, ranks: list[int]) -> str:
        text = " ".join(self.words[r] for r in ranks)
        return text[:1].upper() + text[1:]


def _remove(say, started) -> None:
    """The previous corpus, in SQL: it has no terms, texts, links or history to cascade to."""
    old = Act.objects.filter(slug=SLUG).first()
    if old is None:
        return
    version_ids = list(ActVersion.objects.filter(act=old).values_list("pk", flat=True))
    with connection.cursor() as cursor:
        for version_id in version_ids:
            cursor.execute(f"DELETE FROM {SearchEntry._meta.db_table} WHERE version_id = %s", [version_id])
            cursor.execute(f"DELETE FROM {Provision._meta.db_table} WHERE version_id = %s", [version_id])
    old.delete()
    say(f"Removed the previous {SLUG} ({time.monotonic() - started:.1f} s)")


class Command(BaseCommand):
    help = f"(Re)create the synthetic act «{SLUG}» with N provisions of legal vocabulary, indexed for search."

    def add_arguments(self, parser):
        parser.add_argument("--provisions", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=10_000, help="rows per insert and progress line")
        parser.add_argument(
            "--write-vocabulary",
            type=Path,
            metavar="PATH",
            help="write the knowledge base's word list (the source of the vocabulary) and stop",
        )

    def handle(self, *args, provisions, seed, batch, write_vocabulary, verbosity, **options):
        def say(message: str) -> None:
            if verbosity >= 1:
                self.stdout.write(message)
                self.stdout.flush()  # progress shows as it happens, even into a file

        if write_vocabulary:
            say(f"{write_vocabulary}: {write_vocabulary_file(write_vocabulary)} words")
            return
        started = time.monotonic()
        prose = Prose(read_vocabulary(), random.Random(seed))
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:  # this connection only: fewer page spills
                cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        with transaction.atomic():
            self._generate(prose, provisions, batch, say, started)
        say(self.style.SUCCESS(f"{SLUG}: {provisions} provisions in {time.monotonic() - started:.1f} s."))

    def _generate(self, prose, provisions, batch, say, started) -> None:
        _remove(say, started)
        act = Act.objects.create(
            slug=SLUG,
            kind="law",
            title_ru="Синтетический корпус для измерения поиска",
            short_name_ru="Синтетический корпус",
            adopted=datetime.date(2020, 1, 1),
            order=999,
        )
        version = ActVersion.objects.create(
            act=act, code="current", status="in_force", in_force_from=datetime.date(2020, 1, 1)
        )
        done = 0
        while done < provisions:
            n = min(batch, provisions - done)
            self._insert(prose, version, done, n)
            done += n
            say(f"  {done}/{provisions} provisions ({time.monotonic() - started:.1f} s)")
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:  # one segment per term: bulk loads leave many
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            say(f"  FTS5 index optimized ({time.monotonic() - started:.1f} s)")

    @staticmethod
    def _insert(prose: Prose, version: ActVersion, start: int, n: int) -> None:
        rows, parts = [], []
        for i in range(start, start + n):
            title = prose.draw(TITLE_WORDS)
            summary = prose.draw(SUMMARY_WORDS)
            sanction = prose.draw(SANCTION_WORDS) if prose.rng.random() < SANCTION_SHARE else []
            texts = (
                prose.phrase(title),
                prose.phrase(summary) + ".",
                prose.phrase(sanction) if sanction else "",
            )
            rows.append((version.pk, f"art_{i + 1}", "article", str(i + 1), i, *texts, "unverified"))
            parts.append((texts, title + summary + sanction))
        insert_rows(
            Provision,
            [
                "version_id",
                "eid",
                "type",
                "num",
                "order",
                "title_ru",
                "summary_ru",
                "sanction_ru",
                "confidence",
            ],
            rows,
        )
        ids = dict(
            Provision.objects.filter(version=version, order__gte=start, order__lt=start + n).values_list(
                "order", "pk"
            )
        )
        insert_rows(
            SearchEntry,
            [
                "entity_type",
                "object_id",
                "provision_pk",
                "version_id",
                "act_slug",
                "eid",
                "unit_type",
                "language",
            ]
            + ["text", "words", "stemmed"],
            [
                (
                    EntityType.PROVISION.value,
                    ids[i],
                    ids[i],
                    version.pk,
                    SLUG,
                    f"art_{i + 1}",
                    "article",
                    "ru",
                    "\n".join(t for t in texts if t),
                    " ".join(prose.words[r] for r in ranks),
                    " ".join(prose.stems[r] for r in ranks),
                )
                for i, (texts, ranks) in enumerate(parts, start)
            ],
        )


def insert_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """Insert `rows` (values of `fields`, by attname) with every other column at its
    model default: executemany on SQLite, COPY on PostgreSQL. No signals, no history."""
    meta = model._meta
    others = [f for f in meta.concrete_fields if not f.primary_key and f.attname not in fields]
    defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in others)
    columns = ", ".join(
        connection.ops.quote_name(c)
        for c in [meta.get_field(f).column for f in fields] + [f.column for f in others]
    )
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row + defaults)
        else:
            marks = ", ".join(["%s"] * (len(fields) + len(others)))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", [row + defaults for row in rows]
            )
