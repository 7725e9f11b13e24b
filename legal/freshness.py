"""When the knowledge base last changed: the Last-Modified of every legal API response, and
the stamp of the values kept per process (`KnowledgeBaseMemo`, the one cache of
knowledge-base-derived data).

Every save or delete through the ORM writes a history row (django-simple-history), so the
newest `history_date` over the legal history tables is the time of the last change. It is
cached (one query when the cache is cold) and the cache entry is dropped by any save or
delete of a legal model, so a change shows at once in this process and, with a shared
cache (KZAI_CACHE_URL), in every worker.
"""

import datetime
import threading
import time
from collections.abc import Callable, Hashable

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

CACHE_KEY = "kzai:api:kb-last-modified"
CACHE_SECONDS = 60


def _history_tables() -> list[str]:
    return [
        model._meta.db_table
        for model in apps.get_app_config("legal").get_models()
        if model.__name__.startswith("Historical")
    ]


def kb_last_modified():
    value = cache.get(CACHE_KEY)
    if value is None:
        parts = " UNION ALL ".join(
            f"SELECT MAX(history_date) AS changed FROM {connection.ops.quote_name(table)}"
            for table in _history_tables()
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(changed) FROM ({parts}) AS history")  # noqa: S608 (table names)
            (value,) = cursor.fetchone()
        if value is None:
            value = timezone.now()
        elif isinstance(value, str):  # SQLite returns the text of the column
            value = datetime.datetime.fromisoformat(value)
        if timezone.is_naive(value):
            value = value.replace(tzinfo=datetime.UTC)
        cache.set(CACHE_KEY, value, CACHE_SECONDS)
    return value


_generation = 0  # bumped by every change this process sees (and by `invalidate()`)
# The change time as this process last read it: (clock(), value). A memo asks for it on every
# call (the citation engine once per text linked), and reading the shared cache each time
# was half the cost of linking a paragraph; another process's change waits LOCAL_SECONDS more.
LOCAL_SECONDS = 0.5
clock = time.monotonic
_read: tuple[float, datetime.datetime] | None = None


def invalidate(**kwargs) -> None:
    """Forget the change time and every `KnowledgeBaseMemo`'s values: the next read
    rebuilds them. The signals call it; call it yourself after changes that send none
    (queryset.update(), bulk_create, raw SQL, a rolled-back transaction that had rebuilt a
    value from rows that are now gone)."""
    global _generation, _read
    _generation += 1
    _read = None
    cache.delete(CACHE_KEY)


def _changed(sender, **kwargs) -> None:
    """Any write to a legal model; once more after the commit, because another thread
    may rebuild from the old rows before the transaction commits."""
    if sender._meta.app_label == "legal":
        invalidate()
        transaction.on_commit(invalidate, using=kwargs.get("using"))


def connect() -> None:
    """Called from LegalConfig.ready()."""
    for name, signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
        signal.connect(_changed, dispatch_uid=f"legal.freshness.{name}")


def stamp() -> tuple:
    """What a value kept per process was built from: this process's invalidations and
    the knowledge base's change time (which also shows other processes' changes), read
    again after LOCAL_SECONDS."""
    global _read
    now, read = clock(), _read
    if read is None or now - read[0] >= LOCAL_SECONDS:
        read = _read = (now, kb_last_modified())
    return (_generation, read[1])


class KnowledgeBaseMemo:
    """Values computed from the knowledge base, kept in this process while it is unchanged:
    the one cache for knowledge-base-derived data (the citation grammar, the defined
    terms, the synonyms, the versions in force on a date).

    `get(*key)` builds `build(*key)` once per key and `stamp()`: a change made in this
    process shows at once, one made in another within CACHE_SECONDS + LOCAL_SECONDS (within
    LOCAL_SECONDS with a shared KZAI_CACHE_URL). At most `size` keys; a value built while the
    knowledge base changed is returned but not kept.
    """

    def __init__(self, build: Callable, size: int = 64):
        self._build = build
        self._size = size
        self._stamp = None
        self._values: dict[Hashable, object] = {}
        self._lock = threading.Lock()

    def get(self, *key):
        built_from = stamp()
        with self._lock:
            if built_from != self._stamp:
                self._stamp, self._values = built_from, {}
            if key in self._values:
                return self._values[key]
        value = self._build(*key)
        with self._lock:
            unchanged = built_from == self._stamp and built_from[0] == _generation
            if unchanged and len(self._values) < self._size:
                self._values[key] = value
        return value
