"""Citation check (legal.citation_check) on the real knowledge base: the issue's memo."""

import datetime

import pytest

from legal.citation_check import Verdict, check_text
from legal.freshness import invalidate
from legal.models import Act, ActVersion
from tests.compliance.report_helpers import json_attachment, text_of

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2026, 6, 1)  # the AI law is in force from 2026-01-18


def test_a_memo_with_an_invented_article_a_real_one_and_an_unknown_act():
    memo = (
        "Ответственность — по ст. 999 УК РК. Маркировка обязательна (ч. 2 ст. 21 Закона об ИИ). "
        "См. также ст. 5 Закона о пчеловодстве."
    )
    found = {c.citation.text: c for c in check_text(memo, AS_OF, language="ru").citations}
    # The Criminal Code is held in part: a missing article may exist, kzai cannot tell, and
    # says so rather than calling it invented.
    assert Act.objects.get(slug="criminal-code").partial
    assert found["ст. 999 УК РК"].verdict == Verdict.NOT_HELD
    real = found["ч. 2 ст. 21 Закона об ИИ"]
    assert real.verdict == Verdict.IN_FORCE and real.citation.eid == "art_21__para_2"
    assert real.url and real.summary("ru")
    assert [c.verdict for t, c in found.items() if "пчеловод" in t] == [Verdict.UNKNOWN_ACT]


def test_an_invented_article_of_a_law_held_whole():
    checked = check_text("ст. 999 Закона об ИИ", AS_OF, language="ru").citations
    assert [c.verdict for c in checked] == [Verdict.NO_SUCH_PROVISION]


@pytest.fixture
def admin_code_repealed():
    """The Administrative Code's version marked repealed (an update sends no signal: the
    knowledge base's caches are dropped by hand, before and after)."""
    ActVersion.objects.filter(act__slug="admin-code").update(
        status="repealed", in_force_until=datetime.date(2026, 3, 1)
    )
    invalidate()
    yield
    invalidate()


def test_the_done_when_memo_on_the_page_and_in_the_pdf(client, admin_code_repealed):
    """The issue's check: an invented article, a wrong title and a repealed article in a
    pasted memo are flagged on the page, and the report exports. Nothing in the knowledge
    base is repealed, so the test marks the Administrative Code's version repealed first."""
    memo = (
        "1. Ответственность за дипфейк — ст. 999 Закона об ИИ.\n"
        "2. Маркировка: статья 21 «Права граждан» Закона об ИИ.\n"
        "3. Штраф: ст. 641-1 КоАП РК.\n"
        "4. Правовой режим: ст. 17 Закона об ИИ."
    )
    response = client.post("/check/", {"text": memo, "as_of": AS_OF.isoformat()})
    assert response.status_code == 200
    page = response.content.decode()
    for verdict in ("no_such_provision", "title_mismatch", "repealed", "in_force"):
        assert f'data-verdict="{verdict}"' in page, verdict

    pdf = client.post("/check/", {"text": memo, "as_of": AS_OF.isoformat(), "format": "pdf"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    data = json_attachment(pdf.content, "citation-check.json")
    assert [c["verdict"] for c in data["citations"]] == [
        "no_such_provision", "title_mismatch", "repealed", "in_force",
    ]
    text = text_of(pdf.content)
    for label in ("Такого положения в акте нет", "Заголовок не совпадает со статьёй", "Утратило силу"):
        assert label in text
