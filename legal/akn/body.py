"""The text of the export: preface, preamble, body and conclusions.

Each kzai unit becomes the AKN element of its kind with kzai's eid; its <num>, its official
<heading> and its words before (<intro>), without (<content>) and after (<wrapUp>) its
children come from the official text in the expression's language only. A unit with no
official text in that language keeps its number and an empty <content><p/></content>, and
refers to the concept «no official text»: our summaries are not law and are never exported.
"""

from __future__ import annotations

from legal.models import ProvisionType, build_tree

from .notes import NO_TEXT_CONCEPT, NoteIndex
from .xml import iso, paragraphs, shown, sub

ELEMENTS = {
    ProvisionType.PART: "part",
    ProvisionType.SECTION: "section",
    ProvisionType.CHAPTER: "chapter",
    ProvisionType.PARAGRAPH: "subchapter",  # параграф, inside a chapter of a code
    ProvisionType.ARTICLE: "article",
    ProvisionType.PARA: "paragraph",  # пункт / часть статьи
    ProvisionType.SUBPARA: "point",  # подпункт
    ProvisionType.DEF: "point",  # a definition of article 1
    ProvisionType.NOTE: "hcontainer",  # «Примечание.» that is law
}
NUM_FORMATS = {ProvisionType.PARA: "{}.", ProvisionType.SUBPARA: "{})", ProvisionType.DEF: "{})"}
PREAMBLE_EID = "preamble"


def build_preface(root, source, title: str):
    act, version = source.version.act, source.version
    if not title:
        return
    preface = sub(root, "preface")
    sub(sub(preface, "p", class_="title"), "docTitle", title)
    if not version.is_draft:  # a draft has no number or date of adoption
        sub(sub(preface, "p", class_="number"), "docNumber", f"№ {act.number}")
        sub(sub(preface, "p", class_="date"), "docDate", shown(act.adopted), date=iso(act.adopted))


def build_text(root, source, notes: NoteIndex):
    """<preamble>, <body> and <conclusions>, in that order."""
    tree = build_tree(source.provisions)
    preamble = next((n for n in tree if n.provision.eid == PREAMBLE_EID and not n.children), None)
    if preamble is not None:
        tree.remove(preamble)
    _preamble(root, source, preamble)
    body = sub(root, "body")
    for node in tree:
        _unit(body, node, source, notes)
    if not tree:  # the schema wants a unit; this version has none in kzai
        sub(sub(sub(body, "hcontainer", name="noUnits", refersTo=f"#{NO_TEXT_CONCEPT}"), "content"), "p")
    if source.document and source.document.signature.strip():
        conclusions = sub(root, "conclusions")
        for line in source.document.signature.splitlines():
            if line.strip():
                sub(sub(conclusions, "p", class_="signature"), "signature", line.strip())


def _preamble(root, source, node):
    text = source.texts.get(node.provision.pk) if node else None
    words = text.text if text else (source.document.preamble if source.document else "")
    if node is None and not words.strip():
        return
    element = sub(root, "preamble", eId=PREAMBLE_EID if node else None)
    if not paragraphs(element, words):
        element.set("refersTo", f"#{NO_TEXT_CONCEPT}")
        sub(element, "p")


def _unit(parent, node, source, notes: NoteIndex):
    provision = node.provision
    text = source.texts.get(provision.pk)
    element = sub(
        parent,
        ELEMENTS[provision.type],
        eId=provision.eid,
        name="note" if provision.type == ProvisionType.NOTE else None,
        status="removed" if provision.repealed else None,
        refersTo=None if text else f"#{NO_TEXT_CONCEPT}",
    )
    if provision.num:
        sub(element, "num", NUM_FORMATS.get(provision.type, "{}").format(provision.num))
    if text and text.heading.strip():
        sub(element, "heading", text.heading.strip())
    if node.children:
        if text and text.text.strip():
            paragraphs(sub(element, "intro"), text.text)
        for child in node.children:
            _unit(element, child, source, notes)
        if text and text.wrap_up.strip():
            paragraphs(sub(element, "wrapUp"), text.wrap_up)
    else:
        content = sub(element, "content")
        written = paragraphs(content, text.text) + paragraphs(content, text.wrap_up) if text else 0
        if not written:
            sub(content, "p")
    _note_refs(element, notes.by_provision.get(provision.pk, ()))


def _note_refs(element, eids):
    """Point to the unit's notes from its heading, else its number, else its first words."""
    if not eids:
        return
    anchor = element.find("{*}heading")
    if anchor is None:
        anchor = element.find("{*}num")
    if anchor is None:
        anchor = element.find("{*}intro/{*}p")
    if anchor is None:
        anchor = element.find("{*}content/{*}p")
    if anchor is None:  # a unit of children only, no number, no heading: an empty intro
        intro = sub(element, "intro")
        element.insert(0, intro)
        anchor = sub(intro, "p")
    for eid in eids:
        sub(anchor, "noteRef", href=f"#{eid}", class_="note")
