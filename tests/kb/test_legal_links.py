"""Citations in rendered text become links; quick cite (/cite/); the glossary; hover definitions.

Uses the knowledge base the test database is loaded with (tests/kb/conftest.py)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.template import Context, Template

from kzai.i18n import LocalizedText
from legal import linking
from legal.citations import invalidate_citation_cache
from legal.linking import LinkContext, link_html
from tests.legal.factories import fixed_today  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db

AI = "/acts/ai-law/2025-11-17/"
ADILET_UK = "https://adilet.zan.kz/rus/docs/K1400000226"

# /cite/ and glossary pages, with the citation grammar and terms cached (see legal/linking.py)
CITE_REDIRECT_QUERIES = 0  # the grammar knows every eid: no query
CITE_CHOICES_QUERIES = 1  # the cited provisions with version and act
CITE_NOT_IN_KB_QUERIES = 1  # the cited act
CITE_UNRESOLVED_QUERIES = 0
CITE_FORM_QUERIES = 0
TERMS_PAGE_QUERIES = 2  # version+act; terms with their def provisions


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts from the database it sees, not a cache built in another test."""
    invalidate_citation_cache()
    linking.invalidate_term_cache()
    yield
    invalidate_citation_cache()
    linking.invalidate_term_cache()


def anchors(html: str) -> dict[str, str]:
    """{link text (tags stripped): the whole opening tag} of the citation links and spans."""
    found = {}
    for m in re.finditer(r'(<(?:a|span) [^>]*class="cite[^"]*"[^>]*>)(.*?)</(?:a|span)>', html):
        found[re.sub(r"<[^>]+>", "", m.group(2))] = m.group(1)
    return found


# ------------------------------------------------------------------------------ linkify


def test_in_kb_external_and_unresolved_citations():
    html = link_html("по ч. 2 ст. 190 УК РК, ст. 9999 УК РК и ст. 5 Закона о пчеловодстве")
    found = anchors(html)
    uk_190 = '<a href="/acts/criminal-code/current/art_190__para_2/" class="cite">'
    assert found["ч. 2 ст. 190 УК РК"] == uk_190
    external = found["ст. 9999 УК РК"]
    assert f'href="{ADILET_UK}"' in external
    assert 'class="cite cite-external"' in external and 'rel="noopener"' in external
    assert "нет в базе знаний kzai" in external
    unresolved = found["ст. 5 Закона о пчеловодстве"]
    assert unresolved.startswith('<span class="cite cite-unresolved" title="Такого акта нет в базе знаний')
    assert 'data-reason="unknown_act"' in unresolved
    assert html.startswith("по <a ")


def test_text_is_escaped_before_links_are_inserted():
    html = link_html('<script>alert("x")</script> ст. 190 УК РК & <b>жирный</b> «ст. 1» <img src=x>')
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp; &lt;b&gt;жирный&lt;/b&gt;" in html
    assert '<a href="/acts/criminal-code/current/art_190/" class="cite">ст. 190 УК РК</a>' in html


def test_injection_through_a_template_is_escaped_too():
    rendered = Template("{% load kzai_links %}{{ text|linkify_block }}").render(
        Context({"text": 'ст. 147 УК "><script>x()</script>\n\nвторой абзац'})
    )
    assert "<script>" not in rendered
    assert rendered.count("<p>") == 2
    assert 'href="/acts/criminal-code/current/art_147/"' in rendered


def test_relative_and_bare_references_resolve_with_the_page_context():
    context = LinkContext(act="ai-law", version="2025-11-17", eid="art_21__para_1")
    found = anchors(link_html("см. п. 2 настоящей статьи, ст. 30 и ст. 17 настоящего Закона", context))
    assert found["п. 2 настоящей статьи"] == f'<a href="{AI}art_21__para_2/" class="cite">'
    assert found["ст. 30"] == f'<a href="{AI}art_30/" class="cite">'
    assert found["ст. 17 настоящего Закона"] == f'<a href="{AI}art_17/" class="cite">'
    # without the context the same text cannot be resolved
    found = anchors(link_html("п. 2 настоящей статьи и ст. 30"))
    assert all("cite-unresolved" in tag for tag in found.values())


def test_fallback_text_is_still_marked():
    value = LocalizedText("Article 190 of the Criminal Code", "en", "ru")
    rendered = Template("{% load kzai_links %}{{ v|linkify }}").render(Context({"v": value}))
    assert 'class="fallback"' in rendered and 'lang="en"' in rendered
    assert 'href="/acts/criminal-code/current/art_190/"' in rendered


def test_ai_law_article_21_page_links_its_references(client):
    response = client.get(f"{AI}art_21/")
    assert response.status_code == 200
    body = response.content.decode()
    sanction = re.search(r'<section class="sanction".*?</section>', body, re.S).group(0)
    found = anchors(sanction)
    # «Сам Закон санкций не содержит (ст. 30 отсылает к другим законам)…»
    assert found["ст. 30"] == f'<a href="{AI}art_30/" class="cite">'
    assert found["Ст. 641-1 КоАП"] == '<a href="/acts/admin-code/current/art_641-1/" class="cite">'
    # «по подп. 1) ч. 1: Ст. 641-1 КоАП» names the Code only after the units: they stay
    # unresolved (shown as such), never guessed to be the AI Law's own art. 21.
    assert "cite-unresolved" in found["подп. 1) ч. 1"]
    assert '<link rel="stylesheet" href="/static/css/links.css">' in body


# ----------------------------------------------------------------------- hover definitions


def test_defined_term_gets_a_hover_definition():
    context = LinkContext(act="ai-law", version="2025-11-17", eid="art_21")
    html = link_html(
        "Маркировать синтетических результатов деятельности систем искусственного интеллекта "
        "и снова синтетических результатов деятельности систем искусственного интеллекта.",
        context,
    )
    marked = re.findall(r'<span class="term" tabindex="0" data-definition="[^"]+"[^>]*>([^<]+)</span>', html)
    # inflected form matched, first occurrence only (the shorter terms inside it are not re-marked)
    assert marked[0] == "синтетических результатов деятельности систем искусственного интеллекта"
    assert html.count("синтетических результатов деятельности систем искусственного интеллекта</span>") == 1
    tip = re.search(r'aria-describedby="([^"]+)"', html).group(1)
    assert f'id="{tip}" hidden>Определение (неофициальное изложение kzai):' in html


def test_terms_are_not_marked_inside_citation_links():
    context = LinkContext(act="ai-law", version="2025-11-17", eid="art_21")
    html = link_html("ст. 17 Закона об искусственном интеллекте", context)
    assert 'class="term"' not in html


def test_page_whose_text_uses_a_defined_term_has_the_markup(client):
    body = client.get(f"{AI}chp_4/").content.decode()  # «… в машиночитаемой форме …»
    assert re.search(r'<span class="term" tabindex="0" data-definition="[^"]+" data-label="[^"]+" '
                     r'aria-describedby="term-def-\d+">машиночитаем', body)


# --------------------------------------------------------------------------- quick cite


def warm(client):
    assert client.get("/cite/", {"q": "ч. 2 ст. 190 УК РК"}).status_code == 302


def test_cite_redirects_to_the_single_provision(client, django_assert_num_queries):
    warm(client)
    with django_assert_num_queries(CITE_REDIRECT_QUERIES):
        response = client.get("/cite/", {"q": "ч. 2 ст. 190 УК РК"})
    assert response.status_code == 302
    assert response["Location"] == "/acts/criminal-code/current/art_190__para_2/"
    response = client.get("/cite/", {"q": "ч. 2 ст. 190 УК РК", "as_of": "2026-01-01"})
    assert response["Location"] == "/acts/criminal-code/current/art_190__para_2/?as_of=2026-01-01"


def test_cite_lists_the_choices(client, django_assert_num_queries):
    warm(client)
    with django_assert_num_queries(CITE_CHOICES_QUERIES):
        response = client.get("/cite/", {"q": "ст.ст. 147, 174 УК"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="/acts/criminal-code/current/art_147/"' in body
    assert 'href="/acts/criminal-code/current/art_174/"' in body
    assert "«ст.ст. 147»" in body and "«174 УК»" in body
    assert "УК" in body


def test_cite_not_in_the_knowledge_base(client, django_assert_num_queries):
    warm(client)
    with django_assert_num_queries(CITE_NOT_IN_KB_QUERIES):
        response = client.get("/cite/", {"q": "ст. 9999 УК РК"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Этого положения нет в базе kzai" in body
    assert f'href="{ADILET_UK}"' in body


def test_cite_unresolved_gives_the_reason_and_a_search_link(client, django_assert_num_queries):
    warm(client)
    with django_assert_num_queries(CITE_UNRESOLVED_QUERIES):
        response = client.get("/cite/", {"q": "ст. 5 Закона о пчеловодстве"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ссылка не распознана" in body
    assert "unknown_act" in body
    href = re.search(r'<a href="(/search/\?[^"]+)">', body).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(href).query) == {"q": ["ст. 5 Закона о пчеловодстве"], "nocite": ["1"]}


def test_cite_empty_query_shows_the_form_with_examples(client, django_assert_num_queries):
    warm(client)
    with django_assert_num_queries(CITE_FORM_QUERIES):
        response = client.get("/cite/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<label for="cite-q">' in body
    assert "ч. 2 ст. 190 УК РК" in body
    assert client.get("/cite/", {"q": "x", "as_of": "nope"}).status_code == 400


def test_quick_cite_box_on_every_page(client):
    body = client.get("/").content.decode()
    assert 'action="/cite/"' in body and '<label class="cite-box__label" for="cite-box-q">' in body


# ------------------------------------------------------------------------------ glossary


def test_glossary_of_the_ai_law(client, django_assert_num_queries):
    client.get(f"{AI}terms/")
    with django_assert_num_queries(TERMS_PAGE_QUERIES):
        response = client.get(f"{AI}terms/")
    assert response.status_code == 200
    body = response.content.decode()
    terms = re.findall(r"<dt id=\"(art_1__def_\d+)\"><dfn>([^<]+)</dfn>", body)
    assert len(terms) == 15
    assert [eid for eid, _ in terms] == [f"art_1__def_{n}" for n in range(1, 16)]
    assert ("art_1__def_3", "искусственный интеллект") in terms
    assert f'href="{AI}art_1__def_3/"' in body
    assert "неофициальное изложение" in body


def test_glossary_404_and_empty(client):
    assert client.get("/acts/no-such-act/v1/terms/").status_code == 404
    assert client.get("/acts/ai-law/no-such-version/terms/").status_code == 404
    response = client.get("/acts/criminal-code/current/terms/")
    assert response.status_code == 200
    assert "нет определяемых терминов" in response.content.decode()


def test_version_page_links_the_glossary_only_when_it_has_terms(client):
    assert f'href="{AI}terms/"' in client.get(AI).content.decode()
    assert "/terms/" not in client.get("/acts/criminal-code/current/").content.decode()
