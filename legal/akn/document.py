"""The Akoma Ntoso 3.0 document of one version in one official language (ru or kk)."""

from __future__ import annotations

from lxml import etree

from . import frbr
from .body import build_preface, build_text
from .meta import build_meta
from .notes import index_notes
from .xml import AKN_NS


class NoWorkUri(ValueError):
    """The act has no number or date of adoption, so no FRBR work URI to export under."""


def document_title(source) -> str:
    """The title the imported text gives, else the knowledge base's title in that language."""
    if source.document and source.document.title.strip():
        return source.document.title.strip()
    return getattr(source.version.act, f"title_{source.language}", "").strip()


def build_akn(source) -> bytes:
    """The XML of `source` (legal.selectors.akn.AknSource): the same bytes for the same data."""
    act = source.version.act
    if frbr.work_uri(act) is None:
        raise NoWorkUri(act.slug)
    title = document_title(source)
    root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS})
    doc = etree.SubElement(root, f"{{{AKN_NS}}}act", name=frbr.SUBTYPES[act.kind])
    notes = index_notes(source)
    build_meta(doc, source, notes, title)
    build_preface(doc, source, title)
    build_text(doc, source, notes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
