"""When the knowledge base last changed: the Last-Modified of every legal API response, and
the stamp of the values kept per process (`KnowledgeBaseMemo`).

Every save or delete through the ORM writes a history row (django-simple-history), so the
newest `history_date` over the legal history tables is the time of the last change. It is
cached (one query when the cache is cold) and the cache entry is dropped by any save or
delete of a legal model, so a change shows at once in this process and, with a shared
cache (KZAI_CACHE_URL), in every worker.
"""

import datetime
import threading
from collections.abc import Callable, Hashable

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
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


@receiver([post_save, post_delete, m2m_changed], dispatch_uid="kzai-api-freshness")
def forget(sender, **kwargs):
    """Any write to a legal model: the next response reads the time again (and once more
    after the commit, in case another request read the old time in between)."""
    if sender._meta.app_label == "legal":
        cache.delete(CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(CACHE_KEY), using=kwargs.get("using"))


class KnowledgeBaseMemo:
    """Values computed from the knowledge base, kept in this process while it is unchanged.

    `get(*key)` builds `build(*key)` once per key and knowledge-base change time
    (`kb_last_modified()`, a cache read): a change made in this process shows at once, one
    made in another within CACHE_SECONDS (at once with a shared KZAI_CACHE_URL). For small,
    hot reads such as the synonyms or the versions in force on a date; at most `size` keys.
    """

    def __init__(self, build: Callable, size: int = 64):
        self._build = build
        self._size = size
        self._stamp = None
        self._values: dict[Hashable, object] = {}
        self._lock = threading.Lock()

    def get(self, *key):
        stamp = kb_last_modified()
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._values = stamp, {}
            if key in self._values:
                return self._values[key]
        value = self._build(*key)
        with self._lock:
            if stamp == self._stamp and len(self._values) < self._size:
                self._values[key] = value
        return value
