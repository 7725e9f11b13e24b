"""Citation check (legal.citation_check) on the real knowledge base: the issue's memo."""

import datetime

import pytest

from legal.citation_check import Verdict, check_text
from legal.models import Act

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2026, 6, 1)  # the AI law is in force from 2026-01-18


def test_a_memo_with_an_invented_article_a_real_one_and_an_unknown_act():
    memo = (
        "Ответственность — по ст. 999 УК РК. Маркировка обязательна (ч. 2 ст. 21 Закона об ИИ). "
        "См. также ст. 5 Закона о пчеловодстве."
    )
    found = {c.citation.text: c for c in check_text(memo, AS_OF, language="ru").citations}
    # The Criminal Code is held in part: a missing article may exist, kzai cannot tell.
    invented = (
        Verdict.NOT_HELD if Act.objects.get(slug="criminal-code").partial else Verdict.NO_SUCH_PROVISION
    )
    assert found["ст. 999 УК РК"].verdict == invented
    real = found["ч. 2 ст. 21 Закона об ИИ"]
    assert real.verdict == Verdict.IN_FORCE and real.citation.eid == "art_21__para_2"
    assert real.url and real.summary("ru")
    assert [c.verdict for t, c in found.items() if "пчеловод" in t] == [Verdict.UNKNOWN_ACT]


def test_an_invented_article_of_a_law_held_whole():
    checked = check_text("ст. 999 Закона об ИИ", AS_OF, language="ru").citations
    assert [c.verdict for c in checked] == [Verdict.NO_SUCH_PROVISION]
