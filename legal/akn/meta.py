"""<meta> of the export: FRBR identification, the official publication, the lifecycle
(the generation and one event a date of amendment), the references those point to and
the notes."""

from __future__ import annotations

from dataclasses import dataclass

from legal.models import Act

from . import frbr
from .notes import NO_TEXT_CONCEPT, NO_TEXT_LABEL, NoteIndex
from .xml import iso, paragraphs, shown, sub

LEGISLATOR = {"ru": "Законодатель Республики Казахстан", "kk": "Қазақстан Республикасының заң шығарушысы"}


@dataclass
class Event:
    eid: str
    date: object
    type: str
    source: str  # eId of a reference


def amending_uri(amendment) -> str | None:
    """The FRBR work of the amending law: the act in the knowledge base, else one built from
    the footnote's kind, number and date; None when the footnote does not say enough."""
    if amendment.amending_act is not None:
        return frbr.work_uri(amendment.amending_act)
    named = Act(kind=amendment.law_kind, number=amendment.law_number, adopted=amendment.law_date)
    return frbr.work_uri(named)


def passive_refs(source) -> dict[str, tuple[str, str]]:
    """href → (eId, showAs) of every amending law the footnotes name, first mention first."""
    refs: dict[str, tuple[str, str]] = {}
    for amendment in source.amendments:
        href = amending_uri(amendment)
        if href and href not in refs:
            shown_as = f"№ {amendment.law_number}"
            if amendment.law_date:
                shown_as += f" ({shown(amendment.law_date)})"
            refs[href] = (f"amendingLaw_{len(refs) + 1}", shown_as)
    return refs


def lifecycle_events(source, refs) -> list[Event]:
    """The generation, then one amendment event a date (the date it takes effect, else the
    amending law's date), its source the first amending law of that date."""
    version = source.version
    born = expression_date(version) if version.is_draft else version.act.adopted
    events = [Event("generation", born, "generation", "original")]
    by_date = {}
    for amendment in source.amendments:
        date = amendment.effective_from or amendment.law_date
        if date is None:
            continue
        href = amending_uri(amendment)
        known = by_date.get(date)
        if known is None or (known == "kzai" and href):
            by_date[date] = refs[href][0] if href else "kzai"
    for n, date in enumerate(sorted(by_date), start=1):
        events.append(Event(f"amendment_{n}", date, "amendment", by_date[date]))
    return events


def expression_date(version):
    return version.date or version.act.adopted


def build_meta(root, source, notes: NoteIndex, title: str):
    version, act, language = source.version, source.version.act, source.language
    work = frbr.work_uri(act)
    expression = frbr.expression_uri(act, version.code, language)
    meta = sub(root, "meta")
    ident = sub(meta, "identification", source="#kzai")
    w = sub(ident, "FRBRWork")
    sub(w, "FRBRthis", value=f"{work}/!main")
    sub(w, "FRBRuri", value=work)
    sub(w, "FRBRalias", value=act.slug, name="kzai")
    if act.adilet_id:
        sub(w, "FRBRalias", value=act.adilet_id, name="adilet")
    sub(w, "FRBRdate", date=iso(act.adopted), name="adoption")
    sub(w, "FRBRauthor", href="#legislator")
    sub(w, "FRBRcountry", value="kz")
    sub(w, "FRBRsubtype", value=frbr.SUBTYPES[act.kind])
    sub(w, "FRBRnumber", value=frbr.act_number(act), showAs=act.number)
    e = sub(ident, "FRBRExpression")
    sub(e, "FRBRthis", value=f"{expression}/!main")
    sub(e, "FRBRuri", value=expression)
    sub(e, "FRBRalias", value=version.code, name="kzai")
    sub(e, "FRBRdate", date=iso(expression_date(version)), name="draft" if version.is_draft else "version")
    sub(e, "FRBRauthor", href="#legislator")
    sub(e, "FRBRauthoritative", value="true" if source.document else "false")
    sub(e, "FRBRlanguage", language=frbr.LANGUAGE_CODES[language])
    m = sub(ident, "FRBRManifestation")
    sub(m, "FRBRthis", value=f"{expression}/!main.xml")
    sub(m, "FRBRuri", value=frbr.manifestation_uri(act, version.code, language))
    made = source.document.imported_at.date() if source.document else expression_date(version)
    sub(m, "FRBRdate", date=iso(made), name="transform")
    sub(m, "FRBRauthor", href="#kzai")
    sub(m, "FRBRformat", value="application/akn+xml")

    publication = act.publication or {}
    if publication.get("date") and not version.is_draft:
        names = publication.get("source") or {}
        name = names.get("ru") or names.get("en") or ""
        sub(
            meta,
            "publication",
            date=publication["date"],
            name="-".join(name.split()) or "publication",
            showAs=names.get(language) or name or publication["date"],
            number=publication.get("number") or None,
        )

    refs = passive_refs(source)
    lifecycle = sub(meta, "lifecycle", source="#kzai")
    for event in lifecycle_events(source, refs):
        sub(lifecycle, "eventRef", eId=event.eid, date=iso(event.date), source=f"#{event.source}",
            type=event.type)

    references = sub(meta, "references", source="#kzai")
    sub(references, "original", eId="original", href=f"{work}/!main", showAs=title or act.slug)
    for href, (eid, shown_as) in refs.items():
        sub(references, "passiveRef", eId=eid, href=href, showAs=shown_as)
    for n, url in enumerate(_sources(source), start=1):
        sub(references, "TLCReference", eId=f"source_{n}", href=url, showAs=url, name="source")
    sub(references, "TLCOrganization", eId="legislator", href="/ontology/organization/kz.legislator",
        showAs=LEGISLATOR[language])
    sub(references, "TLCOrganization", eId="kzai", href="/ontology/organization/kzai", showAs="kzai")
    if any(n.kind == NO_TEXT_CONCEPT for n in notes.notes):
        sub(references, "TLCConcept", eId=NO_TEXT_CONCEPT, href=f"/ontology/concept/kzai.{NO_TEXT_CONCEPT}",
            showAs=NO_TEXT_LABEL[language])

    if notes.notes:
        block = sub(meta, "notes", source="#kzai")
        for note in notes.notes:
            paragraphs(sub(block, "note", eId=note.eid, class_=note.kind), note.text)


def _sources(source) -> list[str]:
    """The official text's address, then the version's and the act's sources, once each."""
    urls = [source.document.source_url] if source.document else []
    urls += [*source.version.sources, *source.version.act.sources]
    return list(dict.fromkeys(url for url in urls if url))
