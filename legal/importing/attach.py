"""Attach one official text to one version: each unit of the text finds its provision by
eid (kzai's summaries, links and cases stay on it) or is created in its place; the
official wording, the amendment history, the publisher's notes and the defined terms are
stored. Whole-version bulk writes: the number of queries does not grow with the text."""

import datetime
import re
from dataclasses import dataclass, field

from legal.models import (
    Act,
    Amendment,
    Confidence,
    EditorialNote,
    OfficialDocument,
    OfficialText,
    Origin,
    Provision,
    Term,
)
from legal.official.types import WARNING, Document, Problem, Unit

from . import rows
from .ordering import document_order

_CUT = 1000  # CharField length of titles and terms


@dataclass
class Attached:
    """What attaching wrote: the text's provisions by eid and their new official checksums."""

    provisions: dict[str, Provision] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    attached: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    document: OfficialDocument | None = None


@dataclass
class Source:
    """Where the text comes from, stamped on every row it gives."""

    url: str
    date: datetime.date | None
    imported_at: datetime.datetime
    filename: str = ""


def unit_checksum(unit: Unit) -> str:
    return rows.checksum(unit.heading, unit.text, unit.wrap_up)


def _walk(units: list[Unit], parent: str | None = None, depth: int = 0):
    for unit in units:
        yield unit, parent, depth
        yield from _walk(unit.children, unit.eid, depth + 1)


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def attach(version, document: Document, source: Source) -> Attached:
    lang = document.language
    title = f"title_{lang}"
    existing = {p.eid: p for p in Provision.objects.filter(version=version).order_by("order")}
    out = Attached()
    placed: list[tuple[Unit, str | None, int]] = []
    fresh: list[tuple[Provision, str | None, int]] = []
    edited: list[Provision] = []
    for unit, parent, depth in _walk(document.units):
        if unit.eid in out.provisions:
            out.problems.append(Problem(WARNING, "duplicate_eid", f"{unit.eid}: повтор, пропущен", unit.line))
            continue
        placed.append((unit, parent, depth))
        provision = existing.get(unit.eid)
        if provision is None:
            provision = Provision(
                version=version,
                eid=unit.eid,
                type=unit.type,
                num=unit.num,
                origin=Origin.IMPORT,
                confidence=Confidence.VERIFIED,
                sources=[source.url],
                repealed=unit.repealed,
                **{title: unit.heading[:_CUT]},
            )
            fresh.append((provision, parent, depth))
            out.created.append(unit.eid)
        else:
            out.attached.append(unit.eid)
            if _fill(provision, unit, title, out.problems):
                edited.append(provision)
        out.provisions[unit.eid] = provision
        out.checksums[unit.eid] = unit_checksum(unit)
    out.missing = [eid for eid in existing if eid not in out.provisions]
    moved = _renumber(existing, out.provisions, [(u.eid, parent) for u, parent, _ in placed])
    _create_provisions(fresh, out.provisions)
    rows.update(Provision, moved, ["order"], history=False)
    rows.update(Provision, edited, [title, "repealed", "search_text"])
    out.document = _document(version, document, source)
    _official_texts(out.provisions, placed, lang, out.document, source)
    _history(version, document, out.provisions, lang)
    _terms(placed, out.provisions, lang)
    return out


def _fill(provision: Provision, unit: Unit, title: str, problems: list[Problem]) -> bool:
    """Fill an empty title from the official heading (a different one is reported, never
    overwritten) and take the repealed mark from the text. True when something changed."""
    changed = False
    ours = getattr(provision, title)
    if unit.heading and not ours:
        setattr(provision, title, unit.heading[:_CUT])
        changed = True
    elif unit.heading and not _same_title(ours, unit.heading):
        problems.append(
            Problem(
                WARNING,
                "title_differs",
                f"{unit.eid}: заголовок в базе знаний «{ours}» отличается от официального «{unit.heading}» "
                "(оставлен заголовок базы знаний)",
                unit.line,
            )
        )
    if provision.repealed != unit.repealed:
        provision.repealed = unit.repealed
        changed = True
    if changed:
        provision.refresh_search_text()
    return changed


def _create_provisions(fresh, provisions: dict[str, Provision]) -> None:
    """New units, level by level, so each parent has its pk before its children."""
    for level in sorted({depth for _, _, depth in fresh}):
        batch = []
        for provision, parent_eid, depth in fresh:
            if depth != level:
                continue
            parent = provisions.get(parent_eid) if parent_eid else None
            provision.parent = parent
            provision.path, provision.depth = Provision.position_under(parent)
            provision.refresh_search_text()
            batch.append(provision)
        rows.create(Provision, batch)


def _renumber(existing: dict[str, Provision], provisions: dict[str, Provision], placed) -> list[Provision]:
    """Document order for the whole version: the text's units as in the text, kzai's own
    units that the text lacks after the unit they followed. Sets `order` on every unit;
    returns the existing ones that moved (a position is not an edit: saved without history)."""
    by_pk = {p.pk: p.eid for p in existing.values()}
    ours = [(eid, by_pk.get(p.parent_id)) for eid, p in existing.items()]
    moved = []
    everything = {**existing, **provisions}
    for position, eid in enumerate(document_order(placed, ours), start=1):
        provision = everything[eid]
        if provision.order != position:
            provision.order = position
            if provision.pk:
                moved.append(provision)
    return moved


def _document(version, document: Document, source: Source) -> OfficialDocument:
    header = document.text.splitlines()[document.header.line - 1] if document.header.line else ""
    return OfficialDocument.objects.create(
        version=version,
        language=document.language,
        format=document.format,
        filename=source.filename[:255],
        source_url=source.url,
        source_date=source.date,
        imported_at=source.imported_at,
        checksum=rows.checksum(document.text),
        text=document.text,
        title=document.header.title[:500],
        header=header.strip()[:500],
        preamble=document.preamble,
        signature=document.signature,
    )


def _official_texts(provisions, placed, lang, document_row, source: Source) -> None:
    OfficialText.objects.filter(provision__version=document_row.version, language=lang).delete()
    texts = [
        OfficialText(
            provision=provisions[unit.eid],
            document=document_row,
            language=lang,
            heading=unit.heading[:_CUT],
            text=unit.text,
            wrap_up=unit.wrap_up,
            source_url=source.url,
            source_date=source.date,
            imported_at=source.imported_at,
            checksum=unit_checksum(unit),
        )
        for unit, _, _ in placed
    ]
    rows.create(OfficialText, texts)


def _history(version, document: Document, provisions, lang) -> None:
    """The amendment history and the publisher's notes of this language, replacing those
    of an earlier import."""
    Amendment.objects.filter(version=version, language=lang).delete()
    EditorialNote.objects.filter(version=version, language=lang).delete()
    owners = [(None, document.amendments, document.notes)]
    owners += [(provisions[u.eid], u.amendments, u.notes) for u in document.walk() if u.eid in provisions]
    numbers = {a.law_number for _, amendments, _ in owners for a in amendments if a.law_number}
    acts = _acts_by_number(numbers)
    amendments, notes = [], []
    for provision, unit_amendments, unit_notes in owners:
        for a in unit_amendments:
            amendments.append(
                Amendment(
                    version=version,
                    provision=provision,
                    language=lang,
                    action=a.action,
                    law_kind=a.law_kind,
                    law_number=a.law_number,
                    law_date=a.law_date,
                    amending_act=acts.get(_key(a.law_number)),
                    effective_from=a.effective_from,
                    effective_note=a.effective_note,
                    text=a.text,
                    order=len(amendments),
                )
            )
        for n in unit_notes:
            notes.append(
                EditorialNote(
                    version=version,
                    provision=provision,
                    language=lang,
                    kind=n.kind,
                    text=n.text,
                    order=len(notes),
                )
            )
    rows.create(Amendment, amendments)
    rows.create(EditorialNote, notes)


def _key(number: str) -> str:
    return number.replace("№", "").replace(" ", "").casefold()


def _acts_by_number(numbers: set[str]) -> dict:
    if not numbers:
        return {}
    keys = {_key(n) for n in numbers}
    return {_key(act.number): act for act in Act.objects.exclude(number="") if _key(act.number) in keys}


# «образец – текст, …»: the defined words are those before the dash.
_DEFINED = re.compile(r"^\s*(?:\d+(?:-\d+)?\)\s*)?(?P<term>.+?)(?:\s*[–—]\s*|\s+-\s+)")


def defined_words(text: str) -> str:
    match = _DEFINED.match(text or "")
    if not match:
        return ""
    return match.group("term").strip(" «»\"'")[:_CUT]


def _terms(placed, provisions, lang) -> None:
    """Each definition's Term gets the defined words in this language."""
    field_name = f"term_{lang}"
    definitions = {u.eid: defined_words(u.text) for u, _, _ in placed if u.type == "def"}
    definitions = {eid: words for eid, words in definitions.items() if words}
    if not definitions:
        return
    pks = [provisions[eid].pk for eid in definitions]
    terms = {t.provision_id: t for t in Term.objects.filter(provision_id__in=pks)}
    new, changed = [], []
    for eid, words in definitions.items():
        provision = provisions[eid]
        term = terms.get(provision.pk)
        if term is None:
            new.append(Term(provision=provision, **{field_name: words}))
        elif getattr(term, field_name) != words:
            setattr(term, field_name, words)
            changed.append(term)
    rows.create(Term, new)
    rows.update(Term, changed, [field_name])
