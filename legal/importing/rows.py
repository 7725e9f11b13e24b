"""Bulk writes that keep the history: every row the importer creates or changes gets its
history entry (the knowledge base's change time, `legal.freshness`, is read from history).
Rows are created with plain INSERTs (`legal.bulk`)."""

import hashlib

from simple_history.utils import bulk_update_with_history

from legal import bulk

BATCH = 1000


def checksum(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _has_history(model) -> bool:
    return hasattr(model, "history")


def create(model, objs: list) -> list:
    """Insert `objs` (their pks set) with their history rows where the model keeps one."""
    bulk.insert(model, objs, returning=True)
    if _has_history(model):
        bulk.insert_history(model, objs)
    return objs


def update(model, objs: list, fields: list[str], history: bool = True) -> None:
    """Save `fields` of `objs`; `history=False` for positions (a unit inserted before
    another is not an edit of it, as the knowledge-base loader does too)."""
    if not objs:
        return
    if history and _has_history(model):
        bulk_update_with_history(objs, model, fields, batch_size=BATCH)
    else:
        model.objects.bulk_update(objs, fields, batch_size=BATCH)
