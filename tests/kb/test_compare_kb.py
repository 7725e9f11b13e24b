# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""The AI law's draft (January 2025) against the adopted text, from the knowledge base alone:
the draft's unnumbered units (unk_*) are paired by their recorded correspondences."""

import re

import pytest

from legal.selectors import compare as comparing
from tests.legal.factories import get  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

URL = "/acts/ai-law/compare/draft-2025-01/2025-11-17/"


def test_kb_draft_to_adopted_comparison_page(get):
    response = get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "сравниваются заголовки и неофициальные изложения" in page
    # the draft's risk classification is adopted art. 17 para. 1; its prohibited practices para. 3
    for draft, adopted in (
        ("unk_risk_classification", "art_17__para_1"),
        ("unk_prohibited_practices", "art_17__para_3"),
        ("unk_transparency", "art_21"),
        ("art_1__def_1", "art_1__def_3"),  # the draft's first term is the adopted third
    ):
        found = re.search(rf'id="moved-2025-11-17-{adopted}">.*?</header>', page, re.S)
        assert found, adopted
        assert f"/acts/ai-law/draft-2025-01/{draft}/" in found.group(0)
    # the draft's real-time biometric identification ban did not survive
    assert 'id="removed-draft-2025-01-unk_prohibited_practices__item_d"' in page
    # the adopted law's chapter 2 has no draft counterpart
    assert 'id="added-2025-11-17-chp_2"' in page


def test_kb_draft_to_adopted_pairs_every_correspondence():
    c = comparing.compare("ai-law", "draft-2025-01", "2025-11-17")
    pairs = {(row.old.eid, row.new.eid) for row in c.rows if row.old and row.new}
    assert ("unk_prohibited_practices__item_c", "art_17__para_3__subpara_6") in pairs
    assert ("unk_state_support", "art_28") in pairs
    # the adopted art_1__def_1 (data library) is not the draft's art_1__def_1 (AI)
    assert ("art_1__def_1", "art_1__def_1") not in pairs
    assert c.counts["removed"] == 2  # the preamble and item d
    assert sum(c.counts.values()) == len(c.rows)
    assert {row.new.eid for row in c.rows if row.kind == "added"} >= {"chp_2", "art_1__def_1", "art_31"}


def test_kb_draft_to_adopted_in_kazakh_and_english(get):
    for lang, words in (("kk", "Редакцияларды салыстыру"), ("en", "Compare versions")):
        page = get(URL, lang=lang).content.decode()
        assert words in page
