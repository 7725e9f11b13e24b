"""Keeps SearchEntry in step with the knowledge base.

One entry per record and language with text. A new entity type (court cases, later)
needs an `EntityType` value, a `_<type>_entries(objects)` builder and an `index_<type>`
function here, signal hooks in `signals.py` and a branch in `legal.search.service._load_hits`.
"""

from __future__ import annotations

import contextlib
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction

from kzai.i18n import LANGUAGE_CODES
from legal import bulk
from legal.models import (
    EntityType,
    Obligation,
    OfficialText,
    ProhibitedPractice,
    Provision,
    SearchEntry,
    Term,
)

from . import text as T

_state = threading.local()
BATCH = 2000


def is_paused() -> bool:
    return getattr(_state, "paused", False)


@contextlib.contextmanager
def paused():
    """Signals do not index inside this block (bulk jobs index or reindex themselves)."""
    before = is_paused()
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = before


def _entry(entity_type, obj_id, language, parts, **where) -> SearchEntry | None:
    body = "\n".join(p.strip() for p in parts if p and p.strip())
    if not body:
        return None
    tokens = T.words(body)
    return SearchEntry(
        entity_type=entity_type,
        object_id=obj_id,
        language=language,
        text=body,
        words=" ".join(tokens),
        stemmed=" ".join(T.indexed_stems(tokens, language)),
        **where,
    )


def _provision_where(provision: Provision, holders: str = "") -> dict:
    return {
        "provision_pk": provision.pk,
        "version_id": provision.version_id,
        "act_slug": provision.version.act.slug,
        "eid": provision.eid,
        "unit_type": provision.type,
        "duty_holders": holders,
    }


def _holder_codes(codes) -> str:
    codes = sorted(codes)
    return f"|{'|'.join(codes)}|" if codes else ""


def _holders(obj) -> str:
    return _holder_codes(h.code for h in obj.duty_holders.all())


# A provision's own words in the index, in this order, then its official text.
_PROVISION_PARTS = ("title", "summary", "sanction", "status_note")
_PROVISION_COLUMNS = [f"{name}_{lang}" for lang in LANGUAGE_CODES for name in _PROVISION_PARTS]


def _provision_entries(pk, value: Callable[[str], str], where: dict, official: dict[str, str]):
    entries = [
        _entry(
            EntityType.PROVISION,
            pk,
            lang,
            [*(value(f"{name}_{lang}") for name in _PROVISION_PARTS), official.get(lang, "")],
            **where,
        )
        for lang in LANGUAGE_CODES
    ]
    return [e for e in entries if e]


def provision_entries(provision: Provision, official: dict[str, str] | None = None) -> list[SearchEntry]:
    where = _provision_where(provision, _holders(provision))
    return _provision_entries(provision.pk, lambda name: getattr(provision, name), where, official or {})


def term_entries(term: Term) -> list[SearchEntry]:
    where = _provision_where(term.provision)
    entries = [
        _entry(EntityType.TERM, term.pk, lang, [getattr(term, f"term_{lang}")], **where)
        for lang in LANGUAGE_CODES
    ]
    return [e for e in entries if e]


def practice_entries(practice: ProhibitedPractice) -> list[SearchEntry]:
    entries = [
        _entry(
            EntityType.PRACTICE,
            practice.pk,
            lang,
            [
                getattr(practice, f"{name}_{lang}")
                for name in ("name", "description", "examples", "examples_note")
            ],
        )
        for lang in LANGUAGE_CODES
    ]
    return [e for e in entries if e]


def obligation_entries(obligation: Obligation) -> list[SearchEntry]:
    holders = _holders(obligation)
    entries = [
        _entry(
            EntityType.OBLIGATION,
            obligation.pk,
            lang,
            [getattr(obligation, f"{name}_{lang}") for name in ("obligation", "trigger", "evidence", "note")],
            duty_holders=holders,
        )
        for lang in LANGUAGE_CODES
    ]
    return [e for e in entries if e]


def _replace(entity_type: str, ids: list[int], entries: Iterable[SearchEntry]) -> int:
    entries = list(entries)
    with transaction.atomic():
        SearchEntry.objects.filter(entity_type=entity_type, object_id__in=ids).delete()
        bulk.insert(SearchEntry, entries)
    return len(entries)


def index_provisions(ids: list[int]) -> int:
    """Columns, not model instances: an import indexes tens of thousands of provisions."""
    official: dict[int, dict[str, str]] = defaultdict(dict)
    for pk, lang, *words in OfficialText.objects.filter(provision__in=ids).values_list(
        "provision_id", "language", "heading", "text", "wrap_up"
    ):
        official[pk][lang] = "\n".join(words)
    holders = defaultdict(list)
    through = Provision.duty_holders.through
    for pk, code in through.objects.filter(provision__in=ids).values_list("provision_id", "dutyholder__code"):
        holders[pk].append(code)
    rows = Provision.objects.filter(pk__in=ids).values(
        "pk", "version_id", "version__act__slug", "eid", "type", *_PROVISION_COLUMNS
    )
    entries = []
    for row in rows:
        pk = row["pk"]
        where = {
            "provision_pk": pk,
            "version_id": row["version_id"],
            "act_slug": row["version__act__slug"],
            "eid": row["eid"],
            "unit_type": row["type"],
            "duty_holders": _holder_codes(holders[pk]),
        }
        entries += _provision_entries(pk, row.__getitem__, where, official[pk])
    return _replace(EntityType.PROVISION, ids, entries)


def index_terms(ids: list[int]) -> int:
    terms = Term.objects.filter(pk__in=ids).select_related("provision__version__act")
    return _replace(EntityType.TERM, ids, [e for t in terms for e in term_entries(t)])


def index_practices(ids: list[int]) -> int:
    practices = ProhibitedPractice.objects.filter(pk__in=ids)
    return _replace(EntityType.PRACTICE, ids, [e for p in practices for e in practice_entries(p)])


def index_obligations(ids: list[int]) -> int:
    obligations = Obligation.objects.filter(pk__in=ids).prefetch_related("duty_holders")
    return _replace(EntityType.OBLIGATION, ids, [e for o in obligations for e in obligation_entries(o)])


def remove(entity_type: str, ids: list[int]) -> None:
    SearchEntry.objects.filter(entity_type=entity_type, object_id__in=ids).delete()


INDEXERS: dict[str, tuple] = {
    EntityType.PROVISION: (Provision, index_provisions),
    EntityType.TERM: (Term, index_terms),
    EntityType.PRACTICE: (ProhibitedPractice, index_practices),
    EntityType.OBLIGATION: (Obligation, index_obligations),
}


def reindex_all(progress: Callable[[str], None] | None = None, batch: int = BATCH) -> int:
    """Rebuild every entry, `batch` records at a time. Returns the number of entries."""
    progress = progress or (lambda message: None)
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for entity_type, (model, index) in INDEXERS.items():
            ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), batch):
                chunk = ids[start : start + batch]
                with paused():
                    total += index(chunk)
                progress(f"  {entity_type}: {min(start + batch, len(ids))}/{len(ids)}")
    return total
