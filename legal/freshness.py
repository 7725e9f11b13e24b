"""When the knowledge base last changed: the Last-Modified of every legal API response.

Every save or delete through the ORM writes a history row (django-simple-history), so the
newest `history_date` over the legal history tables is the time of the last change. It is
cached (one query when the cache is cold) and the cache entry is dropped by any save or
delete of a legal model, so a change shows at once in this process and, with a shared
cache (KZAI_CACHE_URL), in every worker.
"""

import datetime

from django.apps import apps
from django.core.cache import cache
from django.db import connection
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
    """Any write to a legal model: the next response reads the time again."""
    if sender._meta.app_label == "legal":
        cache.delete(CACHE_KEY)
