"""The standard citation lawyers copy from a provision page."""

import pytest

from legal.citations import format_citation
from legal.models import Provision

pytestmark = pytest.mark.django_db

AI = "Закона Республики Казахстан от 17 ноября 2025 года № 230-VIII «Об искусственном интеллекте»"
AI_EN = "the Law of the Republic of Kazakhstan No. 230-VIII of 17 November 2025 “On Artificial Intelligence”"
AI_KK = "Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII «Жасанды интеллект туралы» Заңының"
UK = "Уголовного кодекса Республики Казахстан от 3 июля 2014 года № 226-V"


def provision(act, version, eid):
    return Provision.objects.select_related("version__act").get(
        version__act__slug=act, version__code=version, eid=eid
    )


@pytest.mark.parametrize(
    "act, version, eid, lang, expected",
    [
        ("ai-law", "2025-11-17", "art_21__para_2", "ru", f"п. 2 ст. 21 {AI}"),
        ("ai-law", "2025-11-17", "art_21", "ru", f"ст. 21 {AI}"),
        ("ai-law", "2025-11-17", "art_17__para_3__subpara_6", "ru", f"пп. 6) п. 3 ст. 17 {AI}"),
        ("ai-law", "2025-11-17", "art_1__def_4", "ru", f"пп. 4) ст. 1 {AI}"),
        ("ai-law", "2025-11-17", "chp_4", "ru", f"гл. 4 {AI}"),
        ("ai-law", "2025-11-17", "art_21__para_2", "en", f"Article 21(2) of {AI_EN}"),
        ("ai-law", "2025-11-17", "art_17__para_3__subpara_6", "en", f"Article 17(3)(6) of {AI_EN}"),
        ("ai-law", "2025-11-17", "art_21__para_2", "kk", f"{AI_KK} 21-бабының 2-тармағы"),
        (
            "ai-law",
            "2025-11-17",
            "art_17__para_3__subpara_6",
            "kk",
            f"{AI_KK} 17-бабының 3-тармағының 6) тармақшасы",
        ),
        # In codes the «1.» unit is a part and the «1)» unit a point.
        ("criminal-code", "current", "art_190__para_2", "ru", f"ч. 2 ст. 190 {UK}"),
        (
            "criminal-code",
            "current",
            "art_190__para_2",
            "kk",
            "Қазақстан Республикасы Қылмыстық кодексінің 190-бабының 2-бөлігі",
        ),
        (
            "admin-code",
            "current",
            "art_641-1__para_1__subpara_1",
            "ru",
            "п. 1) ч. 1 ст. 641-1 Кодекса Республики Казахстан об административных правонарушениях"
            " от 5 июля 2014 года № 235-V",
        ),
        (
            "criminal-code",
            "current",
            "art_190__para_2",
            "en",
            "Article 190(2) of the Criminal Code of the Republic of Kazakhstan No. 226-V of 3 July 2014",
        ),
    ],
)
def test_citation(act, version, eid, lang, expected):
    assert format_citation(provision(act, version, eid), lang) == expected


def test_the_civil_code_numbers_its_paragraphs_as_punkty():
    text = format_citation(provision("civil-code", "current", "art_143__para_1"), "ru")
    assert text.startswith("п. 1 ст. 143 Гражданского кодекса Республики Казахстан (Общая часть)")


def test_a_draft_is_not_cited_with_the_adopted_number():
    text = format_citation(provision("ai-law", "draft-2025-01", "art_3"), "ru")
    assert text.startswith("ст. 3 проекта Закона Республики Казахстан «Об искусственном интеллекте»")
    assert "230-VIII" not in text and "17 ноября 2025" not in text


def test_no_citation_for_a_unit_whose_number_is_not_established():
    assert format_citation(provision("ai-law", "draft-2025-01", "unk_transparency"), "ru") == ""
    assert (
        format_citation(provision("ai-law", "draft-2025-01", "unk_prohibited_practices__item_a"), "en") == ""
    )


def test_missing_language_falls_back_to_russian_whole():
    # The amending law has no Kazakh title: its Kazakh citation is the Russian one, not a mix.
    p = provision("ai-amendments-2025", "current", "art_1")
    assert format_citation(p, "kk") == format_citation(p, "ru")
