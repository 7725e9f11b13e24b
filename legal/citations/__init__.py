"""Legal citations: read them in Russian, Kazakh and English text, and write them.

    «пп. 3) п. 1 ст. 17 Закона об ИИ»          → ai-law, art_17__para_1__subpara_3
    «части второй статьи 190 Уголовного кодекса» → criminal-code, art_190__para_2
    «Жасанды интеллект туралы Заңның 21-бабы»   → ai-law, art_21
    «Art. 21(2) of the AI Law»                   → ai-law, art_21__para_2

This is the package's face: import from here. Inside, a pure core (text, vocabulary,
catalogue, chains, parser, resolver, types: no database) and the two parts that touch the
knowledge base: `catalogue_db` (the catalogue built from it and cached) and `formatter`
(the standard citation of a provision). docs/citations.md describes the grammar.
"""

from __future__ import annotations

import datetime

from legal.citations.catalogue_db import get_catalogue, invalidate_citation_cache
from legal.citations.formatter import format_citation
from legal.citations.resolver import extract
from legal.citations.text import token_key
from legal.citations.types import REASON_MESSAGES, Citation, reason_message

__all__ = [
    "REASON_MESSAGES",
    "Citation",
    "extract_citations",
    "format_citation",
    "invalidate_citation_cache",
    "reason_message",
    "token_key",
]


def extract_citations(
    text: str,
    *,
    act: str | None = None,
    provision_eid: str | None = None,
    version: str | None = None,
    as_of: datetime.date | None = None,
    jurisdiction: str = "kz",
) -> list[Citation]:
    """Every citation in `text`, in order, lists and ranges expanded, resolved against the
    knowledge base.

    `act`, `provision_eid` and `version` say where the text sits (for «настоящей статьи»,
    «настоящего Закона» and a bare «ст. 21»); `as_of` (default today) picks the version of
    each act: the one in force that day, else the latest adopted one. `jurisdiction` (default
    "kz") is the state the text is about: in another («ru»), «УК» or «Гражданского кодекса»
    is that state's act (`unknown_act`) unless the reference says Kazakhstan."""
    if not text or not isinstance(text, str):
        return []
    return extract(
        get_catalogue(),
        text,
        act=act,
        provision_eid=provision_eid,
        version=version,
        as_of=as_of,
        jurisdiction=jurisdiction,
    )
