"""Forms of references on the real knowledge base (issue #14): the AI law's sanction texts,
the Civil Code's two parts, colloquial names. tests/legal/test_citation_forms.py reads
every form on a catalogue in memory."""

import datetime

import pytest

from legal.citations import extract_citations
from legal.models import Provision

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2026, 6, 1)


@pytest.mark.parametrize("eid", ["art_15", "art_18"])
def test_a_chain_before_a_colon_is_the_next_references_not_the_context_acts(eid):
    provision = Provision.objects.get(version__act__slug="ai-law", version__code="2025-11-17", eid=eid)
    text = provision.sanction_ru
    assert "подп. 2) ч. 1: Ст. 641-1 КоАП" in text
    found = {
        c.text: c
        for c in extract_citations(text, act="ai-law", provision_eid=eid, version="2025-11-17", as_of=AS_OF)
    }
    chain = found["подп. 2) ч. 1"]
    assert (chain.act, chain.eid, chain.in_kb) == ("admin-code", "art_641-1__para_1__subpara_2", True)
    assert not any(c.act == "ai-law" and c.eid and c.eid.startswith(f"{eid}__") for c in found.values())


@pytest.mark.parametrize(
    ("context", "article", "part"),
    [
        ("civil-code", "917", "civil-code-special"),
        ("civil-code-special", "143", "civil-code"),
    ],
)
def test_this_code_is_the_part_that_holds_the_article(context, article, part):
    (citation,) = extract_citations(f"статья {article} настоящего Кодекса", act=context, as_of=AS_OF)
    assert (citation.act, citation.eid, citation.in_kb) == (part, f"art_{article}", True)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Закон о защите персональных данных", "personal-data-law"),
        ("закон о ИИ", "ai-law"),
        ("Закон от 21 мая 2013 года № 94-V", "personal-data-law"),
        ("Закон РК от 17.11.2025 № 230-VIII", "ai-law"),
    ],
)
def test_colloquial_names_and_acts_by_date_and_number(text, act):
    (citation,) = extract_citations(text, as_of=AS_OF)
    assert (citation.act, citation.eid, citation.in_kb) == (act, None, True)


def test_a_predecessor_is_never_linked():
    (citation,) = extract_citations("Уголовный кодекс Казахской ССР от 22 июля 1959 года", as_of=AS_OF)
    assert (citation.act, citation.reason_code) == (None, "other_act_version")
