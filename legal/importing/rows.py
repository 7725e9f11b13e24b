"""Bulk writes that keep the history: every row the importer creates or changes gets its
history entry (the knowledge base's change time, `legal.freshness`, is read from history).

`create` writes plain INSERTs: Django's bulk_create prepares every value of every field
through the query compiler, which was most of an import's time (tens of thousands of
units of some forty columns, and as many history rows). The objects here are built by
the importer with values of their columns' Python types, so only dates, times and JSON
need the backend's adaptation. No signals, as with bulk_create.
"""

import hashlib

from django.db import connection, models
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

BATCH = 1000
# Values that the database driver takes as they are.
_AS_IS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)
# Columns a history row adds to the tracked ones.
_HISTORY_OWN = {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}


def checksum(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _has_history(model) -> bool:
    return hasattr(model, "history")


def _columns(model) -> list:
    return [f for f in model._meta.concrete_fields if not isinstance(f, AutoFieldMixin)]


def _prepare(field):
    if isinstance(field, _AS_IS):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _values(objs, fields, source=None) -> list[list]:
    """Each object's column values, adapted where the column needs it. `source` gives the
    value of a column by name instead of the object's attribute (history rows)."""
    source = source or {}
    prepared = [(f.attname, _prepare(f), source.get(f.attname)) for f in fields]
    rows = []
    for obj in objs:
        row = []
        for name, prep, given in prepared:
            value = given(obj) if given else getattr(obj, name)
            row.append(value if prep is None or value is None else prep(value))
        rows.append(row)
    return rows


def _insert(model, fields, rows: list[list], returning: bool) -> list[int]:
    """INSERT `rows`; with `returning`, several rows a statement and their new pks, in order."""
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    one = f"({', '.join(['%s'] * len(fields))})"
    with connection.cursor() as cursor:
        if not returning:
            for start in range(0, len(rows), BATCH):
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES {one}", rows[start : start + BATCH])  # noqa: S608
            return []
        pks = []
        size = max(1, min(BATCH, (connection.features.max_query_params or 30000) // len(fields)))
        pk = quote(model._meta.pk.column)
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))} RETURNING {pk}"  # noqa: S608
            cursor.execute(sql, [value for row in chunk for value in row])
            pks += [pk for (pk,) in cursor.fetchall()]
        return pks


def _history(model, objs: list) -> None:
    """One history row ('+', created) per object, as simple_history's bulk_create_with_history
    writes them: one time for all, the user of the request if there is one."""
    history = model.history.model
    fields = _columns(history)
    unknown = {f.attname for f in fields} - {f.attname for f in history.tracked_fields} - _HISTORY_OWN
    if unknown:
        raise NotImplementedError(f"{history.__name__}: history columns {sorted(unknown)}")
    when, user = timezone.now(), history.get_default_history_user(objs[0])
    constant = {
        "history_date": lambda obj: when,
        "history_change_reason": lambda obj: None,
        "history_type": lambda obj: "+",
        "history_user_id": lambda obj: getattr(user, "pk", None),
    }
    _insert(history, fields, _values(objs, fields, constant), returning=False)


def create(model, objs: list) -> list:
    """Insert `objs` (their pks set) with their history rows where the model keeps one."""
    if not objs:
        return []
    fields = _columns(model)
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                field.pre_save(obj, add=True)
    pks = _insert(model, fields, _values(objs, fields), returning=True)
    for obj, pk in zip(objs, pks, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    if _has_history(model):
        _history(model, objs)
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
