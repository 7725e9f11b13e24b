"""A new act from the header of its official text, for an act the knowledge base does not
hold yet; the user confirms it before it is created."""

from django.utils.text import slugify

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
    }


def create_act(fields: dict) -> Act:
    """Create the act the user confirmed (fields as `propose_act` gives them, edited)."""
    act = Act(confidence=Confidence.VERIFIED, **fields)
    act.full_clean()
    act.save()
    return act
