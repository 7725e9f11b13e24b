"""Properties of the engine on any text (hypothesis): spans are the text, ordered and
disjoint; no exception on arbitrary unicode; text appended after a sentence does not change
the citations before it; resolved citations in the knowledge base link to
/acts/<act>/<version>/<eid>/. The pure engine on the in-memory catalogue of
test_citation_core (no database)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from legal.citations.resolver import extract
from tests.legal.test_citation_core import CATALOGUE, TODAY

PIECES = [
    "ст. 21",
    "п. 3 ст. 17 Закона об ИИ",
    "пп. 3) п. 1 ст. 17 Закона об ИИ",
    "ч. 2 ст. 190 УК РК",
    "ст.ст. 147, 174 УК",
    "статьи 143–145 ГК",
    "настоящей статьи",
    "настоящего Закона",
    "ҚК 147-бабы",
    "17-баптың 3-тармағының 2) тармақшасы",
    "Art. 21(2) of the AI Law",
    "Criminal Code art. 147",
    "ст. 5 Закона о пчеловодстве",
    "ст. 5 УК РФ",
    "(п. 1)",
    "в 2025 году 21 человек",
    "№ 13",
    " и ",
    ", ",
    " — ",
    "; ",
    "\n",
    " ",
    "«",
    "»",
]
legal_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=12).map("".join)
CONTEXTS = st.sampled_from(
    [{}, {"act": "ai-law"}, {"act": "ai-law", "provision_eid": "art_17__para_3"}, {"act": "criminal-code"}]
)
PERMALINK_RE = re.compile(r"/acts/[\w-]+/[\w-]+/[\w-]+/\Z")


def _read(text, context):
    return extract(CATALOGUE, text, as_of=TODAY, **context)


@settings(max_examples=100, deadline=None)
@given(legal_text, CONTEXTS)
def test_spans_are_the_text_in_order_without_overlap(text, context):
    citations = _read(text, context)
    for citation in citations:
        assert 0 <= citation.start < citation.end <= len(text)
        assert text[citation.start : citation.end] == citation.text
    for before, after in zip(citations, citations[1:], strict=False):
        assert before.start <= after.start
        assert before.end <= after.start or (before.start, before.end) == (after.start, after.end)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), CONTEXTS)
def test_arbitrary_unicode_never_raises(text, context):
    for citation in _read(text, context):
        assert text[citation.start : citation.end] == citation.text


@settings(max_examples=100, deadline=None)
@given(legal_text, st.sampled_from(PIECES), legal_text, CONTEXTS)
def test_appending_text_keeps_earlier_citations(head, piece, tail, context):
    """After a full stop and a new paragraph, what follows cannot change what came before."""
    head = f"{head} {piece}."
    first = _read(head, context)
    longer = [c for c in _read(f"{head}\n\n{tail}", context) if c.end <= len(head)]
    assert longer == first


@settings(max_examples=100, deadline=None)
@given(legal_text, CONTEXTS)
def test_in_kb_provisions_link_to_their_page(text, context):
    for citation in _read(text, context):
        if citation.in_kb and citation.eid:
            assert citation.resolved
            assert citation.permalink == f"/acts/{citation.act}/{citation.version}/{citation.eid}/"
            assert PERMALINK_RE.search(citation.permalink)
