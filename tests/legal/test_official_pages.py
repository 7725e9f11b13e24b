# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Reading imported official texts: the provision page's official wording, the act's whole
official text and its download, the API's official fields and search over official text.
The wording is invented test data (tests/legal/official_factories.py)."""

import datetime
import re

import pytest

from legal.models import LinkKind, ProvisionLink
from tests.legal.factories import (  # noqa: F401 (fixtures)
    fixed_today,
    get,
    make_act,
    make_provision,
    make_version,
)
from tests.legal.official_factories import make_amendment, make_document, make_editorial_note, make_official
from tests.legal.test_views import html, links, text

pytestmark = pytest.mark.django_db

BASE = "/acts/t-law/2025-11-17/"


@pytest.fixture
def law():
    """An article with a heading, two points (the second with two subpoints and a wrap-up)
    and a note that is law, in Russian and Kazakh; a repealed article; the footnotes and a
    publisher's note of the official text."""
    act = make_act("t-law", short_name_ru="Закон о тесте", official_urls={"ru": "https://adilet.zan.kz/rus/x"})
    version = make_version(act, label_ru="Редакция от 17 ноября 2025")
    chapter = make_provision(version, "chp_1", "chapter", "1", title_ru="Общие положения")
    art = make_provision(version, "art_5", "article", "5", parent=chapter, title_ru="Маркировка",
                         summary_ru="Наше изложение статьи пять.")
    p1 = make_provision(version, "art_5__para_1", "para", "1", parent=art)
    p2 = make_provision(version, "art_5__para_2", "para", "2", parent=art)
    s1 = make_provision(version, "art_5__para_2__subpara_1", "subpara", "1", parent=p2)
    s2 = make_provision(version, "art_5__para_2__subpara_2", "subpara", "2", parent=p2)
    note = make_provision(version, "art_5__note_1", "note", "", parent=art)
    gone = make_provision(version, "art_6", "article", "6", parent=chapter, repealed=True)
    ru = make_document(
        version, "ru", text="ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nО тесте\nСтатья 5. Маркировка ...",
        title="О тесте", header="Закон Республики Казахстан от 17 ноября 2025 года № 230-VIII ЗРК",
        preamble="Настоящий Закон регулирует тестовые отношения.",
        signature="Президент\nРеспублики Казахстан",
    )
    kk = make_document(version, "kk", text="ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ", title="Тест туралы")
    make_official(chapter, "ru", heading="ОБЩИЕ ПОЛОЖЕНИЯ")
    make_official(art, "ru", heading="Маркировка синтетических результатов")
    make_official(p1, "ru", text="Синтетические результаты маркируются водяным знаком.")
    make_official(
        p2, "ru", text="Владелец обязан:", wrap_up="Порядок маркировки устанавливает уполномоченный орган."
    )
    make_official(s1, "ru", text="указывать происхождение;")
    make_official(s2, "ru", text="хранить журнал.")
    make_official(note, "ru", text="Требования настоящей статьи не распространяются на научные работы.")
    make_official(gone, "ru", heading="Исключена Законом РК от 10.01.2026 № 999-VIII")
    make_official(chapter, "kk", heading="ЖАЛПЫ ЕРЕЖЕЛЕР")
    make_official(art, "kk", heading="Синтетикалық нәтижелерді таңбалау")
    make_official(p1, "kk", text="Синтетикалық нәтижелер су белгісімен таңбаланады.")
    make_amendment(version, art, "amended", order=1, law_number="999-VIII",
                   text="Сноска. Статья 5 с изменениями, внесенными Законом РК от 10.01.2026 № 999-VIII.")
    make_amendment(version, p2, "new_wording", order=2, law_number="1000-VIII",
                   text="Сноска. Пункт 2 в редакции Закона РК от 10.01.2026 № 1000-VIII.")
    make_amendment(version, gone, "excluded", order=3, text="Сноска. Статья 6 исключена.")
    make_amendment(version, None, "amended", order=0, text="Сноска. По всему тексту слова заменены.")
    make_editorial_note(version, art, text="Примечание ИЗПИ! Статья 5 применяется с 01.07.2026.")
    return {"act": act, "version": version, "art": art, "p2": p2, "gone": gone, "ru": ru, "kk": kk}


def _section(body: str, cls: str) -> str:
    return re.search(rf'<section class="{cls}".*?</section>', body).group(0)


def test_article_page_shows_its_official_wording_with_its_parts_above_our_summary(law, get):
    response = get(BASE + "art_5/")
    assert response.status_code == 200
    body = html(response)
    official = _section(body, "official-text")
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", official))
    ordered = [
        "Статья 5. Маркировка синтетических результатов",
        "1. Синтетические результаты маркируются водяным знаком.",
        "2. Владелец обязан:", "1) указывать происхождение;", "2) хранить журнал.",
        "Порядок маркировки устанавливает уполномоченный орган.",
        "Примечание. Требования настоящей статьи не распространяются на научные работы.",
    ]
    positions = [words.index(part) for part in ordered]
    assert positions == sorted(positions)
    assert body.index('class="official-text"') < body.index('class="unofficial-summary"')
    # the source, the edition, the text's date and the import date
    assert "https://adilet.zan.kz/rus/docs/T0000000001" in links(response)
    assert "редакция: Редакция от 17 ноября 2025 (2025-11-17)" in words
    assert "текст на 1 марта 2026" in words and "импортирован 2 марта 2026" in words
    # the other official language is there, folded, after the page's
    assert words.index("Синтетические результаты маркируются") < words.index("Синтетикалық нәтижелер")
    assert re.search(r'<details class="official-wording__other">.*?lang="kk"', official)
    # the link to the whole text at the article
    assert f"{BASE}text/?lang=ru#art_5" in links(response)


def test_page_in_kazakh_shows_the_kazakh_wording_first(law, get):
    words = text(get(BASE + "art_5/", lang="kk"))
    assert words.index("5-бап. Синтетикалық нәтижелерді таңбалау") < words.index("Статья 5. Маркировка")


def test_publishers_notes_are_apart_and_amendments_are_listed(law, get):
    body = html(get(BASE + "art_5/"))
    official = _section(body, "official-text")
    quoted = re.search(r"<blockquote.*?</blockquote>", official).group(0)
    assert "Примечание ИЗПИ" not in quoted  # not part of the law's words
    notes = re.search(r'<aside class="editorial-notes".*?</aside>', official).group(0)
    assert "не текст закона" in notes and "Статья 5 применяется с 01.07.2026." in notes
    history = official[official.index("История изменений"):]
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", history))
    assert "Изменено — актом № 999-VIII от 10 января 2026; действует с 1 марта 2026" in plain
    assert "Сноска. Статья 5 с изменениями" in plain
    # the point's history, under its number
    assert "Изложено в новой редакции — актом № 1000-VIII" in plain
    assert plain.index("2.") < plain.index("1000-VIII")


def test_repealed_unit_and_outdated_summary_are_marked(law, get):
    page = text(get(BASE + "art_6/"))
    assert "Статья исключена — так сказано в официальном тексте." in page
    assert "Исключена Законом РК от 10.01.2026 № 999-VIII" in page
    law["art"].summary_outdated = True
    law["art"].save()
    summary = _section(html(get(BASE + "art_5/")), "unofficial-summary")
    assert "Изложение может быть устаревшим: официальный текст изменился." in summary


def test_chapter_page_shows_its_heading_only(law, get):
    official = _section(html(get(BASE + "chp_1/")), "official-text")
    assert "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ" in re.sub(r"<[^>]+>", "", official)
    assert "водяным знаком" not in official


def test_refers_to_and_referred_to_by_grouped_by_act(law, get):
    other_act = make_act("t-other", number="1", short_name_ru="Другой закон", title_ru="Другой")
    other = make_provision(make_version(other_act), "art_2", "article", "2", title_ru="Отсылки")
    for source, target in ((law["art"], other), (law["p2"], law["art"])):
        ProvisionLink.objects.create(source=source, target=target, kind=LinkKind.REFERS_TO)
    related = _section(html(get(BASE + "art_5/")), "related")
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", related))
    assert re.search(r"Ссылается на Другой закон Статья 2", plain)
    assert re.search(r"На это положение ссылаются Закон о тесте Статья 5, пункт 2", plain)
    assert "/acts/t-other/2025-11-17/art_2/" in related


def test_whole_official_text_page(law, get):
    response = get(BASE + "text/", lang="ru")
    assert response.status_code == 200
    body, words = html(response), text(response)
    assert "Закон Республики Казахстан от 17 ноября 2025 года № 230-VIII ЗРК" in words
    assert "Настоящий Закон регулирует тестовые отношения." in words
    # structure with anchors by eid, in document order, wrap-up after the subpoints, signature last
    for eid in ("chp_1", "art_5", "art_5__para_2__subpara_2", "art_5__note_1", "art_6"):
        assert f'id="{eid}"' in body
    document = words[words.index("Настоящий Закон регулирует"):]
    order = [document.index(part) for part in (
        "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ", "Статья 5. Маркировка", "2) хранить журнал.",
        "Порядок маркировки устанавливает", "Примечание. Требования", "Статья 6. Исключена", "Президент",
    )]
    assert order == sorted(order)
    # a table of contents linking to the anchors
    toc = re.search(r'<nav class="official-toc".*?</nav>', body).group(0)
    assert 'href="#art_5"' in toc and 'href="#chp_1"' in toc and "art_5__para_1" not in toc
    # per-unit amendment history, folded; the act's own; the publisher's note apart
    assert re.search(r'<details class="official-unit__history"> <summary>История изменений \(1\)', body)
    assert "История изменений акта (1)" in words and "По всему тексту слова заменены." in words
    assert "Примечание ИЗПИ! Статья 5 применяется" in words
    # source, dates, the download and the other language
    assert "текст на 1 марта 2026" in words and "импортирован 2 марта 2026" in words
    found = links(response)
    assert found[f"{BASE}text.txt?lang=ru"] == "Скачать"
    assert f"{BASE}text/?lang=kk" in found
    assert f"{BASE}art_5__para_2/" in found  # numbers link to the provision pages


def test_whole_text_in_kazakh_and_default_language(law, get):
    kazakh = text(get(BASE + "text/?lang=kk"))
    assert "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР" in kazakh and "Маркировка синтетических" not in kazakh
    assert "5-бап. Синтетикалық" in text(get(BASE + "text/", lang="kk"))  # the page's language by default
    assert "Статья 5. Маркировка" in text(get(BASE + "text/", lang="en"))  # else Russian


def test_no_official_text_in_that_language_is_a_clear_404(law, get):
    law["kk"].delete()
    response = get(BASE + "text/?lang=kk")
    assert response.status_code == 404
    page = text(response)
    assert (
        "Официальный текст этой редакции (Редакция от 17 ноября 2025) на языке «Қазақша» в базу не загружен."
        in page
    )
    assert f"{BASE}text/?lang=ru" in links(response)
    assert get(BASE + "text.txt?lang=kk").status_code == 404
    assert get(BASE + "text/?lang=en").status_code == 400
    assert get("/acts/t-law/no-such/text/").status_code == 404
    # without ?lang=, a Kazakh page shows the Russian text there is
    assert "Статья 5. Маркировка" in text(get(BASE + "text/", lang="kk"))


def test_download_is_the_stored_text(law, client):
    response = client.get(BASE + "text.txt", {"lang": "ru"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="t-law-2025-11-17-ru.txt"'
    assert response.content.decode("utf-8") == law["ru"].text


def test_version_page_links_to_the_official_text_only_when_imported(law, get):
    found = links(get(BASE))
    assert f"{BASE}text/?lang=ru" in found and f"{BASE}text/?lang=kk" in found
    assert f"{BASE}text.txt?lang=ru" in found
    bare = make_act("t-bare")
    make_version(bare)
    assert "/acts/t-bare/2025-11-17/text/?lang=ru" not in links(get("/acts/t-bare/2025-11-17/"))


def test_api_gives_the_official_fields(law, client):
    law["art"].summary_outdated = True
    law["art"].save()
    body = client.get("/api/v1/acts/t-law/versions/2025-11-17/provisions/art_5/").json()
    assert body["repealed"] is False and body["summary_outdated"] is True
    ru = next(t for t in body["official_texts"] if t["language"] == "ru")
    assert ru["heading"] == "Маркировка синтетических результатов"
    assert ru["document"]["edition"] == "2025-11-17"
    assert ru["document"]["imported_at"].startswith("2026-03-02T")
    assert [a["law_number"] for a in body["amendments"]] == ["999-VIII"]
    assert body["amendments"][0]["action"] == "amended"
    para = client.get("/api/v1/acts/t-law/versions/2025-11-17/provisions/art_5__para_2/").json()
    assert para["official_texts"][0]["wrap_up"].startswith("Порядок маркировки")
    assert client.get("/api/v1/acts/t-law/versions/2025-11-17/provisions/art_6/").json()["repealed"] is True


@pytest.mark.parametrize("word", ["уполномоченный", "синтетических"])  # in a wrap-up; in a heading
def test_search_finds_a_word_only_in_the_official_text(law, get, word):
    found = links(get("/search/", q=word))
    eid = "art_5__para_2" if word == "уполномоченный" else "art_5"
    assert any(href.startswith(f"{BASE}{eid}/") for href in found), found


def test_dates_in_the_source_line(law, get):
    law["ru"].source_date = datetime.date(2026, 2, 14)
    law["ru"].save()
    words = text(get(BASE + "text/"))
    assert "текст на 14 февраля 2026" in words
