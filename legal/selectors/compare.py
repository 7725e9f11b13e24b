"""Two versions of one act side by side: which units were added, removed, changed, moved
or left alone, with a word-level redline of each (legal.redline); and one version's
Russian and Kazakh official texts aligned by eid.

Units are paired the way the provision page finds a unit's counterparts
(`provisions._counterparts`): a recorded `corresponds_to` link wins over an equal eid. The
official texts are compared where both versions have one in the language asked for;
otherwise the titles and our unofficial summaries, and the page says so.

A fixed number of queries whatever the size of the act: the versions, the act's versions,
the imported documents, both versions' units (one query), the links between them, and the
official texts in the language compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.shortcuts import get_object_or_404

from legal.models import ActVersion, LinkKind, OfficialDocument, OfficialText, Provision, ProvisionLink
from legal.redline import Piece, inline, redline, same_words

from .acts import TOC_FIELDS, get_version, versions_of
from .provisions import _counterparts

ADDED, REMOVED, CHANGED, MOVED, UNCHANGED = "added", "removed", "changed", "moved", "unchanged"
KINDS = (ADDED, REMOVED, CHANGED, MOVED, UNCHANGED)

OFFICIAL, SUMMARIES = "official", "summaries"
OFFICIAL_FIELDS = ("heading", "text", "wrap_up")
SUMMARY_FIELDS = ("title", "summary")
UNIT_FIELDS = (*TOC_FIELDS, "version_id", "path")


class SameVersion(ValueError):
    """Both sides of a comparison are the same version."""


@dataclass
class FieldDiff:
    name: str  # heading, text, wrap_up (official) or title, summary (ours)
    pieces: list[Piece]
    changed: bool

    @property
    def inline(self) -> list[Piece]:
        return inline(self.pieces)


@dataclass
class Row:
    """One unit in both versions (or in one of them), with how it changed."""

    kind: str
    old: Provision | None
    new: Provision | None
    fields: list[FieldDiff] = field(default_factory=list)
    changed: bool = False  # the wording differs (a moved unit may be changed too)
    see_also: list[Provision] = field(default_factory=list)  # where a removed unit's whole went
    without_official: str = ""  # "old"/"new": that side has no official text of the unit

    @property
    def unit(self) -> Provision:
        return self.new or self.old

    @property
    def renamed(self) -> bool:
        return bool(self.old and self.new and self.old.eid != self.new.eid)


@dataclass
class Group:
    """Rows shown together: a run of unchanged rows is folded."""

    folded: bool
    rows: list[Row]


@dataclass
class Comparison:
    act: object
    old: ActVersion
    new: ActVersion
    versions: list[ActVersion]
    basis: str  # OFFICIAL or SUMMARIES
    language: str  # the official texts' language ("" when comparing summaries)
    languages: list[str]  # languages both versions have an official text in
    bilingual: list[ActVersion]  # the two versions, where both ru and kk texts are imported
    rows: list[Row]
    counts: dict[str, int]

    @property
    def groups(self) -> list[Group]:
        groups: list[Group] = []
        for row in self.rows:
            folded = row.kind == UNCHANGED
            if groups and groups[-1].folded and folded:
                groups[-1].rows.append(row)
            else:
                groups.append(Group(folded, [row]))
        return groups

    @property
    def changes(self) -> int:
        return sum(n for kind, n in self.counts.items() if kind != UNCHANGED)


def compare(slug: str, old_code: str, new_code: str, language: str | None = None) -> Comparison:
    """The comparison of two versions of the act `slug` (404 for an unknown version)."""
    old = get_version(slug, old_code)
    new = get_object_or_404(ActVersion, act_id=old.act_id, code=new_code)
    if old.pk == new.pk:
        raise SameVersion(old_code)
    new.act = old.act
    versions = versions_of(old.act)
    imported = _imported_languages(old, new)
    languages = sorted(imported[old.pk] & imported[new.pk], key=lambda code: (code != "ru", code))
    both = [v for v in (old, new) if {"ru", "kk"} <= imported[v.pk]]
    basis, chosen = (OFFICIAL, _choose(language, languages)) if languages else (SUMMARIES, "")

    units = list(
        Provision.objects.filter(version__in=(old, new)).order_by("version_id", "order").only(*UNIT_FIELDS)
    )
    olds = [p for p in units if p.version_id == old.pk]
    news = [p for p in units if p.version_id == new.pk]
    for unit in units:
        unit.version = old if unit.version_id == old.pk else new
    links = list(
        ProvisionLink.objects.filter(kind=LinkKind.CORRESPONDS_TO)
        .filter(
            Q(source__version=old, target__version=new) | Q(source__version=new, target__version=old)
        )
        .select_related("source", "target")
    )
    texts = {}
    if basis == OFFICIAL:
        texts = {
            t.provision_id: t
            for t in OfficialText.objects.filter(provision__version__in=(old, new), language=chosen).only(
                "provision_id", "heading", "text", "wrap_up"
            )
        }
    rows = _rows(olds, news, new, links, lambda row: _diff(row, basis, texts))
    counts = dict.fromkeys(KINDS, 0)
    for row in rows:
        counts[row.kind] += 1
    return Comparison(old.act, old, new, versions, basis, chosen, languages, both, rows, counts)


def _imported_languages(old: ActVersion, new: ActVersion) -> dict[int, set[str]]:
    """{version id: languages of its imported official texts}."""
    found: dict[int, set[str]] = {old.pk: set(), new.pk: set()}
    for version_id, language in OfficialDocument.objects.filter(version__in=(old, new)).values_list(
        "version_id", "language"
    ):
        found[version_id].add(language)
    return found


def _choose(language: str | None, languages: list[str]) -> str:
    return language if language in languages else languages[0]


def _rows(olds, news, new_version, links, diff) -> list[Row]:
    """Pair the units, then list them in the new version's order; a removed unit comes
    after the row of the old unit before it."""
    news_by_pk = {p.pk: p for p in news}
    news_by_eid = {p.eid: p for p in news}
    paired: dict[int, list[Provision]] = {}
    hints: dict[int, list[Provision]] = {}
    for unit in olds:
        same = news_by_eid.get(unit.eid)
        found = _counterparts(unit, [new_version], links, {new_version.pk: same} if same else {})[0]
        mine = [news_by_pk[p.pk] for p in found.provisions if p.pk in news_by_pk]
        if found.how in ("corresponds", "same"):
            paired[unit.pk] = mine
        else:
            hints[unit.pk] = mine

    old_of: dict[int, list[Provision]] = {}
    for unit in olds:
        for counterpart in paired.get(unit.pk, []):
            old_of.setdefault(counterpart.pk, []).append(unit)

    rows: list[Row] = []
    row_of_old: dict[int, int] = {}
    for unit in news:
        for before in old_of.get(unit.pk, []):
            row_of_old.setdefault(before.pk, len(rows))
            rows.append(_paired_row(before, unit, paired))
        if unit.pk not in old_of:
            rows.append(Row(ADDED, None, unit))

    after: dict[int, list[Row]] = {}
    anchor = -1
    for unit in olds:
        if unit.pk in row_of_old:
            anchor = row_of_old[unit.pk]
        elif not paired.get(unit.pk):
            after.setdefault(anchor, []).append(Row(REMOVED, unit, None, see_also=hints.get(unit.pk, [])))

    ordered = list(after.get(-1, []))
    for index, row in enumerate(rows):
        ordered.append(row)
        ordered.extend(after.get(index, []))
    for row in ordered:
        diff(row)
    return ordered


def _paired_row(old: Provision, new: Provision, paired) -> Row:
    """A unit in both versions: moved when its eid changed or it sits under a unit that
    is not its old parent's counterpart."""
    if old.parent_id is None:
        same_place = new.parent_id is None
    else:
        same_place = any(p.pk == new.parent_id for p in paired.get(old.parent_id, []))
    moved = old.eid != new.eid or not same_place
    return Row(MOVED if moved else UNCHANGED, old, new)


def _diff(row: Row, basis: str, texts: dict) -> None:
    """Fill in the row's field diffs and settle changed/unchanged."""
    if basis == OFFICIAL:
        old_text, new_text = texts.get(getattr(row.old, "pk", None)), texts.get(getattr(row.new, "pk", None))
        if row.old and row.new and (old_text is None) != (new_text is None):
            row.without_official = "old" if old_text is None else "new"
        sides, names = (old_text, new_text), OFFICIAL_FIELDS
    else:
        sides, names = (row.old, row.new), SUMMARY_FIELDS
    for name in names:
        before = str(getattr(sides[0], name, "") or "")
        after = str(getattr(sides[1], name, "") or "")
        if not before and not after:
            continue
        changed = not same_words(before, after)
        row.fields.append(FieldDiff(name, redline(before, after), changed))
        row.changed = row.changed or changed
    row.changed = row.changed or bool(row.without_official)
    if row.kind == UNCHANGED and row.changed:
        row.kind = CHANGED


# ------------------------------------------------------------------ bilingual


@dataclass
class BilingualRow:
    unit: Provision
    ru: OfficialText | None
    kk: OfficialText | None

    @property
    def pairs(self):
        return ((self.ru, "ru"), (self.kk, "kk"))


@dataclass
class Bilingual:
    act: object
    version: ActVersion
    missing: list[str]  # the official languages not imported for this version
    rows: list[BilingualRow]


def bilingual(slug: str, code: str) -> Bilingual:
    """The version's Russian and Kazakh official texts, unit by unit in document order."""
    version = get_version(slug, code)
    present = set(OfficialDocument.objects.filter(version=version).values_list("language", flat=True))
    missing = [language for language in ("ru", "kk") if language not in present]
    if missing:
        return Bilingual(version.act, version, missing, [])
    texts: dict[tuple[int, str], OfficialText] = {
        (t.provision_id, t.language): t
        for t in OfficialText.objects.filter(provision__version=version).only(
            "provision_id", "language", "heading", "text", "wrap_up"
        )
    }
    units = Provision.objects.filter(version=version).order_by("order").only(*UNIT_FIELDS)
    rows = []
    for unit in units:
        unit.version = version
        ru, kk = texts.get((unit.pk, "ru")), texts.get((unit.pk, "kk"))
        if ru or kk:
            rows.append(BilingualRow(unit, ru, kk))
    return Bilingual(version.act, version, [], rows)
