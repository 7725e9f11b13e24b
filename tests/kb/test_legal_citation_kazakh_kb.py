"""Kazakh references against the real knowledge base: the Kazakh names of the real acts
(«ҚР ҚК», «ӘҚБтК», «Жасанды интеллект туралы Заң»). The grammar itself is tested without a
database in tests/legal/test_citation_kazakh.py."""

import datetime

import pytest

from legal.citations import extract_citations

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2026, 6, 1)
AI, UK, KOAP = "ai-law", "criminal-code", "admin-code"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ҚР ҚК 190 бабының 2 бөлігі", [(UK, "art_190__para_2")]),
        ("Қылмыстық кодексiнiң 190-бабының 2-бөлiгi", [(UK, "art_190__para_2")]),
        ("ӘҚБтК 73-3-б. 2-т.", [(KOAP, "art_73-3__para_2")]),
        ("ӘҚБтК-нің 73-3-бабының 2-бөлігі", [(KOAP, "art_73-3__para_2")]),
        ("Жасанды интеллект туралы Заңның 21-бабының 2-тармағы", [(AI, "art_21__para_2")]),
        ("Жасанды интеллект туралы Заң", [(AI, None)]),
        (
            "Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII «Жасанды интеллект туралы» Заңы",
            [(AI, None)],
        ),
        (
            '"Жасанды интеллект туралы" Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII '
            "Заңының 17-бабының 3-тармағының 6) тармақшасы",
            [(AI, "art_17__para_3__subpara_6")],
        ),
    ],
)
def test_real_acts_by_their_kazakh_names(text, expected):
    found = extract_citations(text, as_of=AS_OF)
    assert [(c.act, c.eid) for c in found] == expected
    assert all(c.in_kb and c.text == text for c in found)


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("Ресей Федерациясының Қылмыстық кодексінің 190-бабы", ["unknown_act"]),
        ("ҚК 190-б. 2-б.", ["malformed"]),
        ("Қазақстан Республикасы Парламентінің Жаршысы, 2014 ж., № 13, 83-құжат", []),
    ],
)
def test_foreign_ambiguous_and_not_references(text, reasons):
    assert [c.reason_code for c in extract_citations(text, as_of=AS_OF)] == reasons
