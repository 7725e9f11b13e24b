# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""The law pages, on small data built by tests/legal/factories.py.

"Today" is fixed at 2026-11-21 (fixture `fixed_today`); dates in the past are asked for
with `?as_of=`. The knowledge-base tests at the end use the real fixture.
"""

import datetime
import re
from html import unescape

import pytest
from django.utils import translation

from kzai.localized import format_date
from legal.models import Act
from tests.legal.factories import (  # noqa: F401 (fixtures)
    corresponds,
    fixed_today,
    get,
    make_act,
    make_provision,
    make_version,
    sample,
)

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page as plain text with collapsed whitespace (tags removed)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(span|a|strong|em|small|dfn|abbr)\b[^>]*>", "", html)  # inline: no space
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def html(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def links(response) -> dict[str, str]:
    """href → link text, for every <a> of the page."""
    found = {}
    for href, inner in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', response.content.decode(), re.S):
        found.setdefault(unescape(href), re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", inner))).strip())
    return found


def toc_links(response) -> dict[str, str]:
    body = response.content.decode()
    start = body.index('<div class="toc">')
    end = body.index("</section>", start)
    return links(type("R", (), {"content": body[start:end].encode()})())


# ---------------------------------------------------------------- every page


PAGES = [
    "/",
    "/acts/",
    "/acts/t-ai-law/2025-11-17/",
    "/acts/t-ai-law/draft-2025-01/",
    "/acts/t-ai-law/2025-11-17/art_21__para_2/",
    "/acts/t-ai-law/draft-2025-01/unk_risk_classification/",
    "/acts/t-admin-code/current/art_641-1/",
    "/practices/",
    "/practices/t-unlabelled-synthetic-content/",
    "/obligations/",
    "/obligations/t-machine-readable-marking/",
]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_accessibly_in_every_language(sample, get, url, lang):
    response = get(url, lang)
    assert response.status_code == 200
    page = html(response)
    assert f'<html lang="{lang}">' in page
    assert page.count("<h1") == 1
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in page
    assert 'class="skip-link" href="#main"' in page
    assert 'id="main"' in page
    # the language switcher, posting back to this very page
    assert '<form class="language-switcher" action="/i18n/setlang/" method="post">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert f'name="next" value="{url}"' in page
    for code in ("ru", "kk", "en"):
        pressed = "true" if code == lang else "false"
        assert re.search(rf'value="{code}"[^>]*aria-pressed="{pressed}"', page)
    assert "kzai" in text(response)


def test_switcher_keeps_the_query_string(sample, get):
    response = get("/obligations/", holder="owner", risk="high")
    assert 'name="next" value="/obligations/?holder=owner&amp;risk=high"' in html(response)


def test_set_language_switches_the_interface(sample, client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/acts/"})
    assert response.status_code == 302 and response["Location"] == "/acts/"
    page = client.get("/acts/")
    assert '<html lang="en">' in html(page)
    assert "Acts" in text(page)


@pytest.mark.parametrize(
    "lang, words",
    [
        ("ru", ["Акты", "Запрещённые практики", "Обязанности", "справочная система"]),
        ("kk", ["Актілер", "Тыйым салынған тәжірибелер", "Міндеттер", "анықтамалық жүйе"]),
        ("en", ["Acts", "Prohibited practices", "Obligations", "reference system"]),
    ],
)
def test_interface_is_translated(sample, get, lang, words):
    page = text(get("/", lang))
    for word in words:
        assert word in page


# ---------------------------------------------------------------------- home


def test_home_links_to_the_entry_points(sample, get):
    response = get("/")
    found = links(response)
    for url in ("/acts/ai-law/", "/acts/", "/practices/", "/obligations/"):
        assert url in found
    page = html(response)
    assert '<label for="q">' in page and 'id="q" name="q"' in page
    assert 'action="/search/"' in page


# ---------------------------------------------------------------- acts list


def test_acts_table(sample, get):
    make_act("t-bill", title_ru="Законопроект без принятой редакции", adopted=None)
    make_version(Act.objects.get(slug="t-bill"), "draft-1", "draft")
    response = get("/acts/")
    assert response.status_code == 200
    page = text(response)
    assert "Об искусственном интеллекте" in page
    assert "230-VIII" in page and "17 ноября 2025" in page
    assert "только относящиеся к делу статьи" in page  # the partial Administrative Code
    assert "/acts/t-ai-law/2025-11-17/" in links(response)
    row = re.search(r"Законопроект без принятой редакции.*?</tr>", html(response)).group(0)
    assert "нет действующей редакции" in row


# ------------------------------------------------------------- act redirect


def test_act_redirects_to_the_version_in_force_today(sample, get):
    response = get("/acts/t-ai-law/")
    assert response.status_code == 302
    assert response["Location"] == "/acts/t-ai-law/2025-11-17/"


def test_act_as_of_redirect_keeps_the_date(sample, get):
    response = get("/acts/t-ai-law/", as_of="2026-02-01")
    assert response.status_code == 302
    assert response["Location"] == "/acts/t-ai-law/2025-11-17/?as_of=2026-02-01"


def test_act_before_entry_into_force_has_nothing_in_force(sample, get):
    response = get("/acts/t-ai-law/", as_of="2025-12-01")
    assert response.status_code == 200
    page = text(response)
    assert "На 1 декабря 2025 ни одна редакция этого акта не действовала" in page
    assert "проект, не действует" in page
    assert "январь 2025" in page  # the draft's month-precision date
    assert "/acts/t-ai-law/draft-2025-01/?as_of=2025-12-01" in links(response)
    assert "/acts/t-ai-law/2025-11-17/?as_of=2025-12-01" in links(response)


@pytest.mark.parametrize("value", ["2025-13-01", "yesterday", "2025-1-1", "01.12.2025"])
def test_invalid_as_of_is_a_400_with_a_message(sample, get, value):
    for url in ("/acts/t-ai-law/", "/acts/t-ai-law/2025-11-17/", "/acts/t-ai-law/2025-11-17/art_17/"):
        response = get(url, as_of=value)
        assert response.status_code == 400
        assert f"«{value}» — не дата" in text(response)
        assert "ГГГГ-ММ-ДД" in text(response)


def test_unknown_addresses_are_404(sample, get):
    for url in (
        "/acts/nope/",
        "/acts/t-ai-law/1999-01-01/",
        "/acts/t-ai-law/2025-11-17/art_999/",
        "/acts/t-admin-code/2025-11-17/art_17/",  # a version of another act
        "/practices/nope/",
        "/obligations/nope/",
    ):
        assert get(url).status_code == 404, url


# --------------------------------------------------------------- version page


def test_version_page_in_force(sample, get):
    response = get("/acts/t-ai-law/2025-11-17/")
    page = html(response)
    assert '<div class="status-banner status-in_force"' in page
    assert "Действует с 18 января 2026" in text(response)
    assert "Официальный текст (Русский)" in text(response)
    assert "Законопроект принят 17 ноября 2025 года." in text(response)  # note on the whole act
    switcher = re.search(r'<nav class="version-switcher".*?</nav>', page).group(0)
    assert re.search(r'href="/acts/t-ai-law/2025-11-17/" aria-current="page"', switcher)
    assert 'href="/acts/t-ai-law/draft-2025-01/"' in switcher
    assert "проект, не действует" in switcher


def test_version_page_pending_before_entry_into_force(sample, get):
    response = get("/acts/t-ai-law/2025-11-17/", as_of="2025-12-01")
    assert '<div class="status-banner status-pending"' in html(response)
    assert "Принят 17 ноября 2025, вступает в силу 18 января 2026" in text(response)


def test_version_page_repealed(sample, get):
    act = make_act("t-old", title_ru="Старый закон", adopted=datetime.date(2010, 1, 1))
    make_version(
        act, "2010", "repealed", date=datetime.date(2010, 1, 1), in_force_from=datetime.date(2010, 2, 1),
        in_force_until=datetime.date(2020, 1, 1),
    )
    response = get("/acts/t-old/2010/")
    assert '<div class="status-banner status-repealed"' in html(response)
    assert "Утратил силу с 1 января 2020" in text(response)
    response = get("/acts/t-old/", as_of="2015-06-01")
    assert response["Location"] == "/acts/t-old/2010/?as_of=2015-06-01"
    assert get("/acts/t-old/").status_code == 200  # nothing in force today


def test_draft_version_page(sample, get):
    response = get("/acts/t-ai-law/draft-2025-01/")
    assert '<div class="status-banner status-draft"' in html(response)
    assert "Проект — не имеет юридической силы" in text(response)
    assert "Частичная реконструкция проекта." in text(response)  # the version's note
    toc = toc_links(response)
    assert toc["/acts/t-ai-law/draft-2025-01/unk_risk_classification/"].startswith(
        "Статья (номер не установлен). Классификация по степени риска"
    )


def test_consolidated_text_warns_for_an_earlier_date(sample, get):
    response = get("/acts/t-criminal-code/current/", as_of="2020-01-01")
    assert response.status_code == 200
    page = text(response)
    assert "положения сверены по тексту на 3 февраля 2026" in page
    assert "Формулировки на эту дату могли отличаться" in page
    assert "только относящиеся к делу статьи" in page
    assert "Формулировки на эту дату могли отличаться" not in text(get("/acts/t-criminal-code/current/"))
    # the provision pages say it too, and the TOC keeps the date
    assert "/acts/t-criminal-code/current/art_190/?as_of=2020-01-01" in toc_links(response)
    provision = get("/acts/t-criminal-code/current/art_190__para_2/", as_of="2020-01-01")
    assert "Формулировки на эту дату могли отличаться" in text(provision)


def test_toc_is_a_collapsible_tree(sample, get):
    response = get("/acts/t-ai-law/2025-11-17/")
    page = html(response)
    toc = toc_links(response)
    assert toc["/acts/t-ai-law/2025-11-17/chp_1/"] == "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ"
    assert toc["/acts/t-ai-law/2025-11-17/art_17/"].startswith("Статья 17. Правовой режим")
    assert toc["/acts/t-ai-law/2025-11-17/art_17__para_1/"].startswith("1.")
    assert toc["/acts/t-ai-law/2025-11-17/art_17__para_3__subpara_1/"].startswith("1)")
    assert toc["/acts/t-ai-law/2025-11-17/art_1__def_4/"] == (
        "4) синтетические результаты деятельности систем искусственного интеллекта"
    )
    assert "<details open><summary><a href=\"/acts/t-ai-law/2025-11-17/chp_1/\"" in page
    # articles sit inside their chapter: a nested list one level down
    assert re.search(
        r'<summary><a href="/acts/t-ai-law/2025-11-17/chp_3/">.*?</a></summary>'
        r'<ul class="toc-level toc-depth-1"><li class="toc-article"><details open>'
        r'<summary><a href="/acts/t-ai-law/2025-11-17/art_17/">',
        page,
    )
    art21 = '<li class="toc-article"><details open><summary><a href="/acts/t-ai-law/2025-11-17/art_21/"'
    assert art21 in page


@pytest.mark.parametrize(
    "lang, chapter, article",
    [
        ("ru", "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ", "Статья 17"),
        ("en", "Chapter 1. GENERAL PROVISIONS", "Article 17"),
        ("kk", "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР", "17-бап"),
    ],
)
def test_toc_labels_in_each_language(sample, get, lang, chapter, article):
    toc = toc_links(get("/acts/t-ai-law/2025-11-17/", lang))
    assert toc["/acts/t-ai-law/2025-11-17/chp_1/"] == chapter
    assert toc["/acts/t-ai-law/2025-11-17/art_17/"].startswith(article)


def test_missing_translation_is_marked_as_a_fallback(sample, get):
    response = get("/acts/t-ai-law/2025-11-17/", "kk")
    page = html(response)
    # art_17 has no Kazakh title: the Russian one is shown, marked
    assert re.search(
        r'<span lang="ru" class="fallback" title="[^"]+">'
        r"Правовой режим систем искусственного интеллекта</span>"
        r'<span class="fallback-note"> \(аударма жоқ\)</span>',
        page,
    )
    # chp_1 has its Kazakh title: no marker
    assert '<span lang="ru" class="fallback" title="' not in page.split("ЖАЛПЫ ЕРЕЖЕЛЕР")[0][-200:]
    provision = html(get("/acts/t-ai-law/2025-11-17/art_17__para_1/", "en"))
    assert '<div lang="ru" class="fallback"' in provision
    assert "(no translation)" in provision


# ------------------------------------------------------------- provision page


def test_provision_page(sample, get):
    response = get("/acts/t-ai-law/2025-11-17/art_21__para_2/")
    assert response.status_code == 200
    page, body, found = text(response), html(response), links(response)
    assert "Статья 21, пункт 2" in page
    # breadcrumbs: act › version › chapter › article › this
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', body).group(0)
    order = [crumbs.index(href) for href in (
        "/acts/t-ai-law/", "/acts/t-ai-law/2025-11-17/", "/acts/t-ai-law/2025-11-17/chp_3/",
        "/acts/t-ai-law/2025-11-17/art_21/", "/acts/t-ai-law/2025-11-17/art_21__para_2/",
    )]
    assert order == sorted(order)
    # the summary, labelled unofficial; no official text loaded
    summary = re.search(r'<section class="unofficial-summary".*?</section>', body).group(0)
    assert "Неофициальное изложение" in summary
    # (the defined term «синтетические результаты» is marked up: compare the text)
    assert "Синтетические результаты маркируются в машиночитаемой форме." in re.sub(r"<[^>]+>", "", summary)
    assert "Официальный текст этого положения в базу ещё не загружен" in page
    assert "проверено по тексту акта" in page
    assert "https://factcheck.kz/art-21" in found
    assert "собственник" in page  # duty holder
    # practice (with its role), obligation, and the liability the practice leads to
    assert "/practices/t-unlabelled-synthetic-content/" in found
    assert "правовое основание" in page
    assert "/obligations/t-machine-readable-marking/" in found
    assert "/acts/t-admin-code/current/art_641-1/" in found
    assert "Ответственность за нарушение" in page
    # the change note for this eid (art_21 → not this one)
    assert "Закон добавил маркировку" not in page
    # citation and permalink
    assert '<label for="citation-text">Ссылка для цитирования</label>' in body
    assert re.search(r'<textarea id="citation-text"[^>]*readonly>п\. 2 ст\. 21 Закона', body)
    assert 'value="http://testserver/acts/t-ai-law/2025-11-17/art_21__para_2/"' in body


def test_liability_provision_links_back_to_what_it_punishes(sample, get):
    response = get("/acts/t-admin-code/current/art_641-1/")
    page, found = text(response), links(response)
    assert "Ответственность установлена за нарушение" in page
    assert "/acts/t-ai-law/2025-11-17/art_21__para_2/" in found
    assert "Санкция" in page and "Штраф от 15 до 200 МРП." in page
    assert "Изложение санкции редакцией kzai" in page
    assert "ответственность" in page  # its role for the practice
    assert "Статья 641-1. Нарушение законодательства" in page


def test_version_notes_for_the_provision(sample, get):
    page = text(get("/acts/t-ai-law/2025-11-17/art_21/"))
    assert "Закон добавил маркировку синтетических результатов." in page
    assert "по вторичным источникам" in page


def _switcher(response):
    found = re.search(r'<nav class="version-switcher" aria-label="[^"]*редакциях".*?</nav>', html(response))
    return found.group(0)


def test_same_provision_in_other_versions(sample, get):
    # same eid
    switcher = _switcher(get("/acts/t-ai-law/2025-11-17/chp_1/"))
    assert 'href="/acts/t-ai-law/draft-2025-01/chp_1/"' in switcher
    assert 'href="/acts/t-ai-law/2025-11-17/chp_1/" aria-current="page"' in switcher
    # adopted art_17 ↔ draft units corresponding to its paragraphs (the items of a draft
    # article already listed are not repeated)
    switcher = _switcher(get("/acts/t-ai-law/2025-11-17/art_17/"))
    assert 'href="/acts/t-ai-law/draft-2025-01/unk_risk_classification/"' in switcher
    assert 'href="/acts/t-ai-law/draft-2025-01/unk_prohibited_practices/"' in switcher
    assert "unk_prohibited_practices__item_a" not in switcher
    # and back: draft unit → the adopted paragraph it corresponds to
    switcher = _switcher(get("/acts/t-ai-law/draft-2025-01/unk_risk_classification/"))
    assert 'href="/acts/t-ai-law/2025-11-17/art_17__para_1/"' in switcher
    # a paragraph whose article as a whole corresponds to a draft article
    switcher = _switcher(get("/acts/t-ai-law/2025-11-17/art_21__para_2/"))
    assert 'href="/acts/t-ai-law/draft-2025-01/unk_transparency/"' in switcher
    # nothing found: the other version's table of contents
    switcher = _switcher(get("/acts/t-ai-law/2025-11-17/art_1/"))
    assert re.search(r'href="/acts/t-ai-law/draft-2025-01/">\s*нет соответствующего положения', switcher)


def test_an_explicit_correspondence_beats_an_equal_eid(sample, get):
    """Draft art_1__def_1 is adopted art_1__def_3: the draft numbered its terms differently."""
    s = sample
    draft_art1 = make_provision(s.draft, "art_1", "article", "1", title_ru="Основные понятия")
    draft_def1 = make_provision(s.draft, "art_1__def_1", "def", "1", parent=draft_art1,
                                title_ru="искусственный интеллект")
    adopted_def1 = make_provision(s.adopted, "art_1__def_1", "def", "1", parent=s.p["adopted:art_1"],
                                  title_ru="библиотека данных")
    adopted_def3 = make_provision(s.adopted, "art_1__def_3", "def", "3", parent=s.p["adopted:art_1"],
                                  title_ru="искусственный интеллект")
    corresponds(draft_def1, adopted_def3)
    switcher = _switcher(get("/acts/t-ai-law/draft-2025-01/art_1__def_1/"))
    assert 'href="/acts/t-ai-law/2025-11-17/art_1__def_3/"' in switcher
    assert 'href="/acts/t-ai-law/2025-11-17/art_1__def_1/"' not in switcher
    switcher = _switcher(get("/acts/t-ai-law/2025-11-17/art_1__def_1/"))
    assert 'href="/acts/t-ai-law/draft-2025-01/art_1__def_1/"' not in switcher
    assert adopted_def1.pk


def test_draft_provision_page(sample, get):
    response = get("/acts/t-ai-law/draft-2025-01/unk_risk_classification/")
    assert '<div class="status-banner status-draft"' in html(response)
    page = text(response)
    assert "Проект — не имеет юридической силы" in page
    assert "Статья (номер не установлен). Классификация по степени риска" in page
    assert "по вторичным источникам" in page
    # no number, no citation: never invent one
    assert 'id="citation-text"' not in html(response)
    assert "Ссылку для цитирования составить нельзя" in page


def test_official_text_is_shown_with_its_source(sample, get):
    from django.utils import timezone

    from legal.models import OfficialText

    OfficialText.objects.create(
        provision=sample.p["adopted:art_21__para_2"], language="ru", text="2. Официальная формулировка.",
        source_url="https://adilet.zan.kz/rus/docs/Z2500000230", source_date=datetime.date(2025, 11, 18),
        imported_at=timezone.now(), checksum="0" * 64,
    )
    response = get("/acts/t-ai-law/2025-11-17/art_21__para_2/")
    body = html(response)
    assert '<blockquote lang="ru" cite="https://adilet.zan.kz/rus/docs/Z2500000230">' in body
    assert "Официальная формулировка." in text(response)
    assert "текст на 18 ноября 2025" in text(response)
    assert "импортирован" in text(response)


# --------------------------------------------------------------- practices


def test_practice_list_and_detail(sample, get):
    response = get("/practices/")
    page = text(response)
    assert "Синтетический контент без маркировки" in page
    assert "/acts/t-ai-law/2025-11-17/art_21__para_2/" in links(response)
    detail = get("/practices/t-unlabelled-synthetic-content/")
    page, found = text(detail), links(detail)
    assert "Правовое основание" in page and "/acts/t-ai-law/2025-11-17/art_21__para_2/" in found
    assert "Основание в проекте" in page and "/acts/t-ai-law/draft-2025-01/unk_transparency/" in found
    assert "Ответственность" in page and "/acts/t-admin-code/current/art_641-1/" in found
    assert "Штрафы за отсутствие маркировки." in page  # the reference's note
    assert "Примеры — наши иллюстрации." in page
    examples = re.search(r'<ul class="examples">(.*?)</ul>', html(detail)).group(1)
    assert examples.count("<li>") == 2
    assert "проверено по тексту акта" in page
    assert "предлагался в проекте" not in page


def test_draft_only_practice(sample, get):
    response = get("/practices/t-real-time-remote-biometric-identification/")
    page = text(response)
    assert "предлагался в проекте, в принятый Закон не вошёл" in page
    assert "/acts/t-ai-law/draft-2025-01/unk_prohibited_practices__item_d/" in links(response)
    listing = html(get("/practices/"))
    item = re.search(r"Дистанционная биометрическая идентификация.*?</li>", listing, re.S).group(0)
    assert "предлагался в проекте, в принятый Закон не вошёл" in item


# -------------------------------------------------------------- obligations


def test_obligation_filters(sample, get):
    response = get("/obligations/")
    assert "/obligations/t-machine-readable-marking/" in links(response)
    assert "/obligations/t-high-risk-security/" in links(response)
    only_user = links(get("/obligations/", holder="user"))
    assert "/obligations/t-high-risk-security/" in only_user
    assert "/obligations/t-machine-readable-marking/" not in only_user
    minimal = links(get("/obligations/", risk="minimal"))
    assert "/obligations/t-high-risk-security/" not in minimal
    assert "/obligations/t-machine-readable-marking/" in minimal
    both = get("/obligations/", holder="owner", risk="high")
    assert '<option value="owner" selected>' in html(both)
    assert '<option value="high" selected>' in html(both)
    assert "Сбросить" in text(both)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"holder": "nobody"}, "Неизвестный субъект обязанности «nobody»"),
        ({"risk": "extreme"}, "Неизвестный уровень риска «extreme»"),
    ],
)
def test_invalid_obligation_filters_are_400(sample, get, params, message):
    response = get("/obligations/", **params)
    assert response.status_code == 400
    assert message in text(response)


def test_obligation_detail(sample, get):
    response = get("/obligations/t-machine-readable-marking/")
    page, found = text(response), links(response)
    assert "Маркировать синтетические результаты в машиночитаемой форме." in page
    assert "Система создаёт синтетический контент." in page
    assert "Описание метода маркировки" in page and "Журнал проверок" in page
    assert "/acts/t-ai-law/2025-11-17/art_21__para_2/" in found
    assert "/acts/t-admin-code/current/art_641-1/" in found
    assert "минимальный" in page and "высокий" in page
    assert "по вторичным источникам" in page


# -------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "lang, day, month",
    [
        ("ru", "17 ноября 2025", "январь 2025"),
        ("en", "17 November 2025", "January 2025"),
        ("kk", "2025 жылғы 17 қараша", "2025 жылғы қаңтар"),
    ],
)
def test_dates_in_each_language(lang, day, month):
    with translation.override(lang):
        assert format_date(datetime.date(2025, 11, 17)) == day
        assert format_date(datetime.date(2025, 1, 1), "month") == month
        assert format_date(datetime.date(2025, 1, 1), "year") == "2025"
