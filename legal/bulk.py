"""Plain INSERTs for bulk jobs (the importer, the search index): Django's bulk_create
prepares every value of every field through the query compiler, which was most of an
import's time (tens of thousands of units of some forty columns, as many history rows and
index rows). The objects given here hold values of their columns' Python types, so only
dates, times and JSON need the backend's adaptation, once per distinct value in a row.
Like bulk_create: no signals, no `save()`.
"""

from django.db import connection, models
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone

BATCH = 1000
# Values that the database driver takes as they are.
_AS_IS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)
# Columns a history row adds to the tracked ones.
_HISTORY_OWN = {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}


def _columns(model) -> list:
    return [f for f in model._meta.concrete_fields if not isinstance(f, AutoFieldMixin)]


class _Adapt:
    """A column's value as the backend takes it; the same value as the row before is
    adapted once (the importer stamps one source, date and time on every row)."""

    def __init__(self, field):
        self.field, self.last, self.adapted = field, "", None

    def __call__(self, value):
        if value is None:
            return None
        said = repr(value)  # not ==: [1] == [True], but their JSON differs
        if said != self.last:
            self.last, self.adapted = said, self.field.get_db_prep_save(value, connection)
        return self.adapted


def _values(objs, fields, given=None) -> list[list]:
    """Each object's column values; `given` computes a column by name instead of reading
    the object's attribute (a history row's own columns)."""
    given = given or {}
    columns = [
        (f.attname, None if isinstance(f, _AS_IS) else _Adapt(f), given.get(f.attname)) for f in fields
    ]
    rows = []
    for obj in objs:
        row = []
        for name, adapt, compute in columns:
            value = compute(obj) if compute else getattr(obj, name)
            row.append(value if adapt is None else adapt(value))
        rows.append(row)
    return rows


def _execute(model, fields, rows: list[list], returning: bool) -> list[int]:
    """INSERT `rows`; with `returning`, several rows a statement and their new pks, in order."""
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    one = f"({', '.join(['%s'] * len(fields))})"
    pks: list[int] = []
    with connection.cursor() as cursor:
        if not returning:
            sql = f"INSERT INTO {table} ({names}) VALUES {one}"  # noqa: S608 (names from the model)
            for start in range(0, len(rows), BATCH):
                cursor.executemany(sql, rows[start : start + BATCH])
            return pks
        size = max(1, min(BATCH, (connection.features.max_query_params or 30000) // len(fields)))
        pk = quote(model._meta.pk.column)
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))} RETURNING {pk}"  # noqa: S608
            cursor.execute(sql, [value for row in chunk for value in row])
            pks += [pk for (pk,) in cursor.fetchall()]
    return pks


def insert(model, objs: list, returning: bool = False) -> list:
    """Insert `objs`; with `returning` their pks are set (the objects are then saved ones)."""
    if not objs:
        return objs
    fields = _columns(model)
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                field.pre_save(obj, add=True)
    pks = _execute(model, fields, _values(objs, fields), returning)
    for obj, pk in zip(objs, pks, strict=False):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    return objs


def insert_history(model, objs: list) -> None:
    """One history row ('+', created) per saved object, as simple_history's
    bulk_create_with_history writes them: one time for all, the request's user if any."""
    if not objs:
        return
    history = model.history.model
    fields = _columns(history)
    unknown = {f.attname for f in fields} - {f.attname for f in history.tracked_fields} - _HISTORY_OWN
    if unknown:
        raise NotImplementedError(f"{history.__name__}: history columns {sorted(unknown)}")
    when, user = timezone.now(), history.get_default_history_user(objs[0])
    own = {
        "history_date": lambda obj: when,
        "history_change_reason": lambda obj: None,
        "history_type": lambda obj: "+",
        "history_user_id": lambda obj: getattr(user, "pk", None),
    }
    _execute(history, fields, _values(objs, fields, own), returning=False)
