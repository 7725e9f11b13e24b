"""A new act from the header of its official text, for an act the knowledge base does not
hold yet; the user confirms it before it is created."""

import re

from django.utils import translation
from django.utils.text import slugify

from kzai.localized import format_date
from legal.models import Act, ActKind, Confidence
from legal.official.types import Document

_KINDS = {kind.value for kind in ActKind}


def propose_act(document: Document) -> dict:
    """The fields of a new act as the header gives them: slug, kind, number, adopted and
    the title in the text's language. Nothing is written."""
    header = document.header
    kind = header.kind if header.kind in _KINDS else ActKind.LAW
    base = slugify(f"{kind.replace('_', '-')}-{header.number}") if header.number else slugify(kind)
    slug, n = base[:60], 1
    while Act.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:55]}-{n}"
    return {
        "slug": slug,
        "kind": kind,
        "number": header.number,
        "adopted": header.date,
        f"title_{document.language}": header.title,
        f"citation_name_{document.language}": citation_name(document, kind),
    }


# «Уголовный кодекс» → «Уголовного кодекса»: the adjectives and the noun of a code's title.
_ADJECTIVE = re.compile(r"^(\w+?)(?:ый|ий|ой)$")


def citation_name(document: Document, kind: str) -> str:
    """How a citation names the act after its units, in the text's language, as the
    knowledge base writes it: «… Закона Республики Казахстан от 17 ноября 2025 года
    № 230-VIII «Об искусственном интеллекте»»; "" where it cannot be built from the header
    (the editor writes it)."""
    header = document.header
    if not (header.title and header.date and header.number):
        return ""
    if document.language == "kk":
        if kind == ActKind.CODE:
            return ""
        line = document.text.splitlines()[header.line - 1] if header.line else ""
        written = re.search(r"(\d{4}\s+жылғы\s+\d{1,2}\s+\S+)\s*[№N]", line)
        word = "Конституциялық заңының" if kind == ActKind.CONSTITUTIONAL_LAW else "Заңының"
        return (
            f"Қазақстан Республикасының {written[1]} № {header.number} «{header.title}» {word}"
            if written
            else ""
        )
    with translation.override("ru"):
        date = f"от {format_date(header.date)} года № {header.number}"
    if kind == ActKind.CODE:
        words = header.title.split()
        if words and words[0].casefold() == "кодекс":
            return f"Кодекса {' '.join(words[1:])} {date}"
        adjective = _ADJECTIVE.match(words[0]) if len(words) > 1 else None
        if adjective and words[1].casefold() == "кодекс":
            return f"{adjective[1]}ого кодекса {' '.join(words[2:])} {date}".replace("  ", " ")
        return ""
    word = "Конституционного закона" if kind == ActKind.CONSTITUTIONAL_LAW else "Закона"
    return f"{word} Республики Казахстан {date} «{header.title}»"


def create_act(fields: dict) -> Act:
    """Create the act the user confirmed (fields as `propose_act` gives them, edited)."""
    act = Act(confidence=Confidence.VERIFIED, **fields)
    act.full_clean()
    act.save()
    return act
