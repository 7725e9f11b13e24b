# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
""""Print this act": /acts/<slug>/<version>/print.pdf, read back with pypdf (the factories'
AI-law-shaped sample)."""

import re

import pytest
from django.utils import timezone

from legal import act_print
from legal.models import OfficialText, Provision
from tests.compliance.report_helpers import json_attachment, reader, text_of, xmp_of
from tests.legal.factories import (
    fixed_today,  # noqa: F401 (autouse fixture)
    make_provision,
    sample,  # noqa: F401 (fixture)
)
from tests.pdf_subsetters import font_subsetter  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

URL = "/acts/t-ai-law/2025-11-17/print.pdf"


@pytest.fixture(autouse=True)
def _act(sample):
    """The sample's AI law, with an article after the two the tests print."""
    make_provision(sample.adopted, "art_18", "article", "18", parent=sample.p["adopted:chp_3"],
                   title_ru="Статья после выбранных")
    return sample


def ai_law_provision(eid: str) -> Provision:
    return Provision.objects.get(version__act__slug="t-ai-law", version__code="2025-11-17", eid=eid)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def get_pdf(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def test_selected_articles_with_everything_under_them(client):
    pdf = get_pdf(client, "?eids=art_21,art_17")
    data = json_attachment(pdf, "provisions.json")
    eids = [item["eid"] for item in data["provisions"]]
    assert eids[0] == "art_17" and "art_21" in eids
    assert "art_17__para_3__subpara_1" in eids and "art_21__para_2" in eids
    assert not any(eid.startswith("art_18") for eid in eids)
    expected = list(
        Provision.objects.filter(version__act__slug="t-ai-law", version__code="2025-11-17", eid__in=eids)
        .order_by("order")
        .values_list("eid", flat=True)
    )
    assert eids == expected  # document order, each once
    assert data["eids"] == ["art_17", "art_21"]

    text = flat(text_of(pdf))
    assert "Статья 17. Правовой режим систем искусственного интеллекта" in text
    assert "Статья 21. Прозрачность систем ИИ" in text
    assert "Статья 18." not in text
    assert "НЕОФИЦИАЛЬНОЕ ИЗЛОЖЕНИЕ KZAI — НЕ ТЕКСТ АКТА" in text
    assert "проверено по тексту акта" in text  # confidence
    assert "Редакция: Закон от 17.11.2025" in text
    assert all(url in text.replace(" ", "") for url in ai_law_provision("art_17").sources)
    assert re.search(r"Стр\. 1 из (\d+)", text).group(1) == str(len(reader(pdf).pages))
    assert 'pdfaid:part="3"' in xmp_of(pdf)


def test_official_text_is_printed_instead_of_the_summary_with_its_source(client):
    provision = ai_law_provision("art_21__para_2")
    OfficialText.objects.create(
        provision=provision,
        language="ru",
        text="Официальная формулировка пункта второго.",
        source_url="https://adilet.zan.kz/rus/docs/Z2500000230",
        source_date=timezone.localdate().replace(year=2025, month=11, day=30),
        imported_at=timezone.now(),
        checksum="0" * 64,
    )
    pdf = get_pdf(client, "?eids=art_21__para_2")
    text = flat(text_of(pdf))
    assert "Официальная формулировка пункта второго." in text
    assert "Источник: https://adilet.zan.kz/rus/docs/Z2500000230; текст на 30 ноября 2025" in text
    assert "НЕОФИЦИАЛЬНОЕ ИЗЛОЖЕНИЕ" not in text.split("Положения")[1]
    record = json_attachment(pdf, "provisions.json")["provisions"][0]
    assert record["official_text"]["source_url"] == "https://adilet.zan.kz/rus/docs/Z2500000230"
    assert "unofficial_summary" not in record


def test_kazakh_print_has_kazakh_interface_and_marks_russian_fallbacks(client, sample):
    sample.ai_law.title_kk = "Жасанды интеллект туралы"
    sample.ai_law.save()
    article = sample.p["adopted:art_17"]
    article.title_kk = "Жасанды интеллект жүйелерінің құқықтық режимі"
    article.our_translations = ["title_kk"]
    article.save()
    pdf = get_pdf(client, "?eids=art_17&lang=kk")
    text = flat(text_of(pdf))
    assert "Жасанды интеллект туралы" in text
    assert "17-бап" in text
    assert "біздің аудармамыз" in text  # the article's Kazakh title is ours: labelled so
    assert reader(pdf).trailer["/Root"]["/Lang"] == "kk"


def test_same_request_same_bytes(client, font_subsetter):  # noqa: F811
    assert get_pdf(client, "?eids=art_17") == get_pdf(client, "?eids=art_17")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?eids=art_999", "В этой редакции нет положений: art_999."),
        ("?eids=art_17,<script>", "«&lt;script&gt;» — не идентификатор положения."),
        ("?lang=de", "Язык отчёта «de» не поддерживается"),
        ("?eids=" + ",".join(f"art_{n}" for n in range(1, 120)), "Можно выбрать не больше 100 положений."),
    ],
)
def test_bad_selection_is_a_400_with_a_message(client, query, message):
    response = client.get(URL + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_unknown_version_is_a_404(client):
    assert client.get("/acts/t-ai-law/1999-01-01/print.pdf").status_code == 404


def test_rendering_too_slow_is_a_503_with_a_message(client, settings):
    settings.REPORT_RENDER_TIMEOUT = 0.001
    response = client.get(URL + "?eids=art_17")
    assert response.status_code == 503
    assert "PDF rendering took longer than 0.001 s" in response.content.decode()


def test_without_pango_the_pdf_is_a_503_that_says_what_to_install_and_check_warns(client, monkeypatch):
    from kzai.checks import pdf_rendering_available
    from kzai.pdf import engine

    assert pdf_rendering_available(None) == []
    monkeypatch.setattr(engine, "UNAVAILABLE", "PDF rendering needs the Pango library")
    response = client.get(URL + "?eids=art_17")
    assert response.status_code == 503
    assert "PDF rendering needs the Pango library" in response.content.decode()
    assert [warning.id for warning in pdf_rendering_available(None)] == ["kzai.W001"]


def test_selection_takes_the_same_queries_for_one_or_many_articles(django_assert_num_queries):
    # version, the chosen units, the units under them, their official texts
    with django_assert_num_queries(4):
        one = act_print.select("t-ai-law", "2025-11-17", ["art_17"])
    with django_assert_num_queries(4):
        many = act_print.select("t-ai-law", "2025-11-17", ["art_1", "art_17", "art_21"])
    with django_assert_num_queries(3):
        whole = act_print.select("t-ai-law", "2025-11-17", [])
    assert len(one.provisions) < len(many.provisions) < len(whole.provisions)


def test_version_page_links_to_its_pdf(client):
    body = client.get("/acts/t-ai-law/2025-11-17/").content.decode()
    assert f'href="{URL}"' in body
