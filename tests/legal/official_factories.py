"""Factories for imported official texts, for tests of the pages, compare and export that
need official wording without running the importer. Wording here is invented test data."""

import datetime
import hashlib

from legal.models import Amendment, EditorialNote, OfficialDocument, OfficialText

SOURCE = {
    "ru": "https://adilet.zan.kz/rus/docs/T0000000001",
    "kk": "https://adilet.zan.kz/kaz/docs/T0000000001",
}
IMPORTED_AT = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


def _sha(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def make_document(version, language="ru", text="", **fields) -> OfficialDocument:
    defaults = {
        "format": "txt",
        "filename": f"act-{language}.txt",
        "source_url": SOURCE[language],
        "source_date": datetime.date(2026, 3, 1),
        "imported_at": IMPORTED_AT,
        "checksum": _sha(text),
        "text": text,
    }
    defaults.update(fields)
    return OfficialDocument.objects.create(version=version, language=language, **defaults)


def make_official(provision, language="ru", text="", heading="", wrap_up="", document=None, **fields):
    """The official wording of `provision`; attached to the version's document in that
    language when there is one."""
    if document is None:
        document = OfficialDocument.objects.filter(version=provision.version, language=language).first()
    defaults = {
        "source_url": document.source_url if document else SOURCE[language],
        "source_date": document.source_date if document else datetime.date(2026, 3, 1),
        "imported_at": document.imported_at if document else IMPORTED_AT,
        "checksum": _sha(heading, text, wrap_up),
    }
    defaults.update(fields)
    return OfficialText.objects.create(
        provision=provision,
        document=document,
        language=language,
        heading=heading,
        text=text,
        wrap_up=wrap_up,
        **defaults,
    )


def make_amendment(version, provision=None, action="amended", order=0, language="ru", **fields) -> Amendment:
    defaults = {
        "law_kind": "law",
        "law_number": "999-VIII",
        "law_date": datetime.date(2026, 1, 10),
        "effective_from": datetime.date(2026, 3, 1),
        "text": "Сноска. Статья с изменениями, внесенными Законом РК от 10.01.2026 № 999-VIII.",
    }
    defaults.update(fields)
    return Amendment.objects.create(
        version=version, provision=provision, action=action, order=order, language=language, **defaults
    )


def make_editorial_note(
    version, provision=None, kind="izpi", text="Примечание ИЗПИ! Тестовое примечание.", language="ru", order=0
) -> EditorialNote:
    return EditorialNote.objects.create(
        version=version, provision=provision, kind=kind, text=text, language=language, order=order
    )
