"""The search service: one API, two backends with the same results (the package's
`__init__` re-exports its public part).

    from legal.search import search
    results = search("дипфейк", as_of=date(2026, 2, 1), language="ru")
    for group in results.groups:          # by act, in order of the best hit
        for hit in group.hits:            # hit.provision / hit.obj, hit.rank, hit.snippet
            ...

Matching (words, stems, synonyms) is decided in Python (`text`, `query`), so SQLite
(FTS5, `sqlite.py`) and PostgreSQL (tsvector + GIN, `postgres.py`) return the same result
sets; only the rank formula differs (bm25 vs ts_rank). Ranking and the page cut happen
in SQL over at most `CANDIDATES` matching index rows (`ranking`), so a broad query costs
bounded work; beyond that the count is a lower bound (`SearchResults.capped`).
See docs/search.md.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

from kzai.i18n import LANGUAGE_CODES, normalize_language
from legal import selectors
from legal.freshness import KnowledgeBaseMemo
from legal.models import (
    Act,
    ActVersion,
    DutyHolder,
    EntityType,
    Obligation,
    ProhibitedPractice,
    Provision,
    ProvisionType,
    SearchEntry,
    Synonym,
    Term,
)
from legal.versions import version_ids_in_force

from . import query as matching
from . import text

MAX_LIMIT = 100
# Index rows ranked per query at most (the first in storage order): bounds a broad query's
# work. Below it results and counts are exact; at it, `capped` and the count is "at least".
CANDIDATES = 1000


class InvalidSearch(ValueError):
    """A filter value that names nothing: `.field` says which, `.value` what was given."""

    def __init__(self, field_name: str, value):
        super().__init__(f"{field_name}={value!r}")
        self.field = field_name
        self.value = value


@dataclass
class Filters:
    version_ids: list[int] | None = None  # None: any version
    include_unversioned: bool = True  # practices and obligations
    act: str = ""
    unit_type: str = ""
    duty_holder: str = ""
    language: str = ""


@dataclass
class Crumb:
    label: str
    url: str


@dataclass
class Hit:
    entity_type: str
    obj: object  # Provision, Term, ProhibitedPractice, Obligation
    rank: float
    snippet: SafeString
    title: str
    url: str
    provision: Provision | None = None
    breadcrumbs: list[Crumb] = field(default_factory=list)
    language: str = ""
    term: Term | None = None  # the term a definition defines: one result for both


@dataclass
class Group:
    act: Act | None  # None: editorial records (practices, obligations)
    version: ActVersion | None
    hits: list[Hit] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    total: int = 0  # exact unless `capped`: then at least this many
    capped: bool = False  # more rows matched than were ranked (CANDIDATES)
    limit: int = 20
    offset: int = 0
    groups: list[Group] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    on: datetime.date | None = None  # the point in time, unless a version was chosen

    @property
    def hits(self) -> list[Hit]:
        return [hit for group in self.groups for hit in group.hits]

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


def backend():
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite


def build_filters(*, act=None, version=None, as_of=None, unit_type=None, duty_holder=None, language=None):
    """Validate the filters (InvalidSearch) and turn them into a Filters (few queries)."""
    filters = Filters()
    if act:
        if not Act.objects.filter(slug=act).exists():
            raise InvalidSearch("act", act)
        filters.act = act
    on = None
    if version:
        versions = ActVersion.objects.filter(code=version)
        if act:
            versions = versions.filter(act__slug=act)
        filters.version_ids = list(versions.values_list("pk", flat=True))
        if not filters.version_ids:
            raise InvalidSearch("version", version)
        filters.include_unversioned = False
    else:
        if as_of is not None and not isinstance(as_of, datetime.date):
            raise InvalidSearch("as_of", as_of)
        on = as_of or selectors.today()
        filters.version_ids = list(_versions_in_force.get(on))
    if unit_type:
        if unit_type not in ProvisionType.values:
            raise InvalidSearch("unit_type", unit_type)
        filters.unit_type = unit_type
    if duty_holder:
        if not DutyHolder.objects.filter(code=duty_holder).exists():
            raise InvalidSearch("duty_holder", duty_holder)
        filters.duty_holder = duty_holder
    if language:
        if language not in LANGUAGE_CODES:
            raise InvalidSearch("language", language)
        filters.language = language
    if filters.act or filters.unit_type:
        filters.include_unversioned = False
    return filters, on


# Every search reads these; they change only with the knowledge base (legal.freshness).
_versions_in_force = KnowledgeBaseMemo(version_ids_in_force)
_synonym_rules = KnowledgeBaseMemo(lambda: matching.rules_from(Synonym.objects.all()))


def parse(q: str) -> matching.Match:
    return matching.parse(q, _synonym_rules.get())


def search(
    query: str,
    *,
    act: str | None = None,
    version: str | None = None,
    as_of: datetime.date | None = None,
    unit_type: str | None = None,
    duty_holder: str | None = None,
    language: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Search the knowledge base. Raises InvalidSearch for a filter that names nothing."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    filters, on = build_filters(
        act=act, version=version, as_of=as_of, unit_type=unit_type, duty_holder=duty_holder, language=language
    )
    results = SearchResults(query=query, limit=limit, offset=offset, on=on)
    match = parse(query)
    if not match:
        return results
    results.expansions = match.expansions()
    page = backend().find(match, filters, limit, offset, CANDIDATES)
    results.total, results.capped = page.total, page.candidates >= CANDIDATES
    if page.rows:
        results.groups = _load_hits(page.rows, match, filters.language or None)
    return results


def result_keys(query: str, **filters) -> set[tuple[str, int]]:
    """Every (entity type, id) a query finds (a term counts as its definition, a
    provision): to compare backends and in tests."""
    found: set[tuple[str, int]] = set()
    offset = 0
    while True:
        results = search(query, limit=MAX_LIMIT, offset=offset, **filters)
        found |= {(h.entity_type, h.obj.pk) for h in results.hits}
        offset += MAX_LIMIT
        if offset >= results.total:
            return found


# ------------------------------------------------------------------ loading hits


def _unit_label(p: Provision) -> str:
    kind = ProvisionType(p.type).label if p.type in ProvisionType.values else p.type
    name = f"{kind} {p.num}".strip() if p.num else str(kind)
    title = str(p.title or "")
    return (
        f"{name}. {title}"
        if title and p.type in ("article", "chapter", "section", "part", "paragraph")
        else (title or name)
    )


def _crumb_label(obj) -> str:
    if isinstance(obj, Provision):
        return _unit_label(obj)
    if isinstance(obj, ActVersion):
        return str(obj.label or obj.code)
    return str(obj)


def _load_hits(rows, match: matching.Match, language: str | None) -> list[Group]:
    """Objects, breadcrumbs and snippets for one page of hits: at most five queries (index
    rows, provisions, their ancestors, practices, obligations), whatever the page size; a
    kind of record the page does not hold costs none.

    `rows` are (kind, id, rank) from `ranking`: kind "provision" covers a provision and
    the term its definition defines (one result; the snippet comes from whichever of
    their index rows matches best)."""
    stems = match.stems()
    wanted = normalize_language(language) if language else normalize_language(None)
    keys: dict[str, list[int]] = {}
    for kind, object_id, _rank in rows:
        keys.setdefault(kind, []).append(object_id)
    entry_q = Q(provision_pk__in=keys.get(EntityType.PROVISION, []))
    for kind in (EntityType.PRACTICE, EntityType.OBLIGATION):
        if kind in keys:
            entry_q |= Q(entity_type=kind, object_id__in=keys[kind])
    entries: dict[tuple[str, int], list[SearchEntry]] = {}
    for entry in SearchEntry.objects.filter(entry_q).only(
        "entity_type", "object_id", "provision_pk", "language", "text"
    ):
        if entry.provision_pk:
            key = (EntityType.PROVISION, entry.provision_pk)
        else:
            key = (entry.entity_type, entry.object_id)
        entries.setdefault(key, []).append(entry)

    provisions = {}
    if EntityType.PROVISION in keys:
        provisions = {
            p.pk: p
            for p in Provision.objects.filter(pk__in=keys[EntityType.PROVISION]).select_related(
                "version__act", "term"
            )
        }
    ancestors = _ancestors(provisions.values())
    objects: dict[tuple[str, int], object] = {(EntityType.PROVISION, pk): p for pk, p in provisions.items()}
    for kind, model in (
        (EntityType.PRACTICE, ProhibitedPractice),
        (EntityType.OBLIGATION, Obligation),
    ):
        if kind in keys:
            for o in model.objects.filter(pk__in=keys[kind]):
                objects[(kind, o.pk)] = o
    groups: dict[object, Group] = {}
    crumbs_of: dict[tuple[type, int], Crumb] = {}  # hits of a page share acts and ancestors

    def crumb(obj) -> Crumb:
        key = (type(obj), obj.pk)
        if key not in crumbs_of:
            crumbs_of[key] = Crumb(_crumb_label(obj), obj.get_absolute_url())
        return crumbs_of[key]

    for kind, object_id, rank in rows:
        obj = objects.get((kind, object_id))
        mine = entries.get((kind, object_id), [])
        if obj is None or not mine:
            continue  # deleted between the two queries
        marked = _best_entry(mine, stems, wanted)
        term = None
        if isinstance(obj, Provision):
            provision = obj
            term = provision.defined_term
            crumbs = [
                crumb(provision.version.act),
                crumb(provision.version),
                *[crumb(a) for a in ancestors.get(provision.pk, [])],
            ]
            title = str(term) if term is not None else _unit_label(provision)
            url = provision.get_absolute_url()
            key = provision.version_id
            group = groups.get(key) or groups.setdefault(key, Group(provision.version.act, provision.version))
        else:
            provision = None
            crumbs = []
            title = str(obj.name) if kind == EntityType.PRACTICE else text_words(obj.obligation, 20)
            url = obj.get_absolute_url()
            group = groups.get(None) or groups.setdefault(None, Group(None, None))
        snippet = mark_safe(text.snippet(marked))  # noqa: S308 (escaped)
        group.hits.append(Hit(kind, obj, rank, snippet, title, url, provision, crumbs, marked.language, term))
    return list(groups.values())


def text_words(value, count: int) -> str:
    parts = str(value or "").split()
    return " ".join(parts[:count]) + ("…" if len(parts) > count else "")



def _best_entry(entries: list[SearchEntry], stems: set[str], wanted: str) -> text.Marked:
    """The index row to cut the snippet from: one that matches, in the wanted language, with
    the most matching words."""
    # The wanted language's rows first: the others are read only when none of those match.
    ordered = sorted(entries, key=lambda entry: entry.language != wanted)
    best = None
    for entry in ordered:
        if best is not None and best.hits and entry.language != wanted:
            break
        marked = text.mark(entry.text, entry.language, stems)
        if best is None or len(marked.hits) > len(best.hits):
            best = marked
    return best


def _ancestors(provisions) -> dict[int, list[Provision]]:
    """The enclosing units of every provision, outermost first (one query)."""
    wanted: dict[int, set[str]] = {}
    for p in provisions:
        eids = [e for e in p.path.split("/") if e]
        if eids:
            wanted.setdefault(p.version_id, set()).update(eids)
    if not wanted:
        return {}
    q = Q()
    for version_id, eids in wanted.items():
        q |= Q(version_id=version_id, eid__in=sorted(eids))
    found = {
        (a.version_id, a.eid): a
        for a in Provision.objects.filter(q)
        .select_related("version__act")
        .only(
            "id",
            "version_id",
            "eid",
            "type",
            "num",
            "title_ru",
            "title_kk",
            "title_en",
            "version__id",
            "version__code",
            "version__act__id",
            "version__act__slug",
        )
    }
    return {
        p.pk: [found[(p.version_id, e)] for e in p.path.split("/") if (p.version_id, e) in found]
        for p in provisions
    }
