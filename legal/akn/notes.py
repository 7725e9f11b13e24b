"""The notes of an export: the publisher's notes and the amendment footnotes of the official
text (neither is law), and the one note that says a unit has no official text. They are
listed in <meta><notes>; a unit points to its notes with <noteRef>."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

NO_TEXT_EID = "no_official_text"
NO_TEXT_CONCEPT = "noOfficialText"

# In the language of the expression: the export's own words, not law.
NO_TEXT = {
    "ru": (
        "Официальный текст единиц, отмеченных refersTo=\"#noOfficialText\", на русском языке "
        "в kzai не загружен: они показаны только с номером. Неофициальные изложения kzai "
        "текстом закона не являются и в экспорт не входят."
    ),
    "kk": (
        "refersTo=\"#noOfficialText\" белгісі бар бөліктердің қазақ тіліндегі ресми мәтіні "
        "kzai-ға жүктелмеген: олар тек нөмірімен көрсетілген. kzai-дың ресми емес "
        "баяндаулары заң мәтіні емес және экспортқа кірмейді."
    ),
}
NO_TEXT_LABEL = {"ru": "Официальный текст не загружен", "kk": "Ресми мәтін жүктелмеген"}


@dataclass(frozen=True)
class ExportNote:
    eid: str
    kind: str  # the note's class: izpi, constitutional_court, editorial, footnote, noOfficialText
    text: str


@dataclass
class NoteIndex:
    notes: list[ExportNote]  # in the order <meta><notes> lists them
    by_provision: dict[int, list[str]]  # provision id → eIds of the notes on it


def index_notes(source) -> NoteIndex:
    """Number the notes in document order: the act's own first, then each unit's."""
    position = {p.pk: p.order for p in source.provisions}
    entries = [
        (note.provision_id, note.order, note.pk, "enote", note.kind, note.text) for note in source.notes
    ]
    entries += [
        (a.provision_id, a.order, a.pk, "fnote", "footnote", a.text)
        for a in source.amendments
        if a.language == source.language and a.text
    ]
    entries.sort(key=lambda e: (position.get(e[0], -1) if e[0] else -1, e[3], e[1], e[2]))
    notes, by_provision, counters = [], defaultdict(list), defaultdict(int)
    if not source.provisions or any(p.pk not in source.texts for p in source.provisions):
        notes.append(ExportNote(NO_TEXT_EID, NO_TEXT_CONCEPT, NO_TEXT[source.language]))
    for provision_id, _order, _pk, prefix, kind, text in entries:
        counters[prefix] += 1
        eid = f"{prefix}_{counters[prefix]}"
        notes.append(ExportNote(eid, kind, text))
        if provision_id in position:
            by_provision[provision_id].append(eid)
    return NoteIndex(notes, dict(by_provision))
