"""The Akoma Ntoso 3.0 namespace and small lxml helpers the export's modules share."""

from __future__ import annotations

import datetime

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CONTENT_TYPE = "application/akn+xml; charset=utf-8"


def sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    """A child element in the AKN namespace; attributes with a None value are left out."""
    element = etree.SubElement(parent, f"{{{AKN_NS}}}{tag}")
    for name, value in attrs.items():
        if value is not None:
            element.set(name.rstrip("_"), str(value))
    if text:
        element.text = text
    return element


def paragraphs(parent, text: str) -> int:
    """One <p> per non-empty line of `text`; how many were written."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines:
        sub(parent, "p", line)
    return len(lines)


def iso(date: datetime.date) -> str:
    return date.isoformat()


def shown(date: datetime.date) -> str:
    return date.strftime("%d.%m.%Y")
