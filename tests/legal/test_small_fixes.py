# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Small things a newcomer trips over on the law pages (issue #12, points 5 and 6): the
start page's search box, the search page's language filter, `?as_of=` on the acts list,
the favicon, and the draft law's header and unnumbered units."""

import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders

from tests.legal.factories import (
    fixed_today,  # noqa: F401 (autouse fixture)
    make_provision,
    make_synonym,
    sample,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.django_db


def form_of(body: str, marker: str) -> tuple[str, str]:
    """(action, the text input's name) of the form containing `marker`."""
    form = next(f for f in re.findall(r"<form\b.*?</form>", body, re.S) if marker in f)
    action = re.search(r'action="([^"]*)"', form).group(1)
    name = re.search(r'<input[^>]*type="(?:search|text)"[^>]*name="([^"]+)"', form).group(1)
    return action, name


def options(body: str, select_id: str) -> list[tuple[str, str]]:
    select = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', body, re.S).group(1)
    found = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    return [(unescape(value), unescape(text)) for value, text in found]


# -------------------------------------------------------- a. the start page's search box


def test_start_page_box_opens_a_cited_provision(client, sample):
    action, name = form_of(client.get("/").content.decode(), "search-note")
    response = client.get(action, {name: "ст. 190 УК РК"}, follow=True)
    assert response.status_code == 200
    final_url = response.redirect_chain[-1][0]
    assert final_url.startswith("/acts/t-criminal-code/") and final_url.rstrip("/").endswith("art_190")


def test_start_page_box_searches_a_word(client, sample):
    make_synonym("дипфейк", "синтетические результаты")
    action, name = form_of(client.get("/").content.decode(), "search-note")
    response = client.get(action, {name: "дипфейк"})
    assert response.status_code == 200
    assert response.context["results"] is not None and response.context["results"].total > 0


def test_start_page_no_longer_promises_search_later(client):
    body = client.get("/").content.decode()
    assert "появятся позже" not in body


# -------------------------------------------------------- b. the search language filter


def test_search_language_filter_shows_names_and_works(client):
    body = client.get("/search/", {"q": "дипфейк"}).content.decode()
    choices = options(body, "search-language")
    assert choices[0][0] == ""
    assert [value for value, _label in choices[1:]] == ["ru", "kk", "en"]
    labels = [label for _value, label in choices[1:]]
    assert all("(" not in label and label not in ("ru", "kk", "en") for label in labels), labels
    assert labels[0] == "Русский"
    for value, _label in choices[1:]:
        response = client.get("/search/", {"q": "дипфейк", "language": value})
        assert response.status_code == 200, value
        assert f'<option value="{value}" selected>' in response.content.decode()


# ------------------------------------------------------------- d. /acts/?as_of=


def test_acts_list_with_a_bad_date_is_a_400_page(client):
    response = client.get("/acts/", {"as_of": "xyz"})
    assert response.status_code == 400
    assert "«xyz» — не дата" in response.content.decode()


def test_acts_list_on_a_date_lists_the_versions_then_in_force(client, sample):
    response = client.get("/acts/", {"as_of": "2025-06-01"})
    assert response.status_code == 200
    assert "Редакции, действующие на 1 июня 2025" in re.sub(r"\s+", " ", response.content.decode())
    rows = {row.act.slug: row.version for row in response.context["rows"]}
    assert rows["t-ai-law"] is None  # the AI law was adopted on 17.11.2025
    assert rows["t-criminal-code"] == sample.criminal_current


# ---------------------------------------------------------------------- e. favicon


def test_pages_link_a_favicon_that_exists(client):
    body = client.get("/").content.decode()
    link = re.search(r'<link rel="icon" href="([^"]+)"', body)
    assert link and link.group(1) == "/static/favicon.svg"
    path = finders.find("favicon.svg")
    assert path and open(path, encoding="utf-8").read().lstrip().startswith("<svg")


# ------------------------------------------------- g. the draft law and its unnumbered units


def eyebrow(body: str) -> str:
    return re.sub(r"\s+", " ", re.search(r'<p class="eyebrow">(.*?)</p>', body, re.S).group(1))


def test_draft_version_header_does_not_show_the_adopted_law_number_and_date(client, sample):
    draft = eyebrow(client.get("/acts/t-ai-law/draft-2025-01/").content.decode())
    assert "230-VIII" not in draft and "17 ноября 2025" not in draft
    adopted = eyebrow(client.get("/acts/t-ai-law/2025-11-17/").content.decode())
    assert "№ 230-VIII" in adopted and "17 ноября 2025" in adopted


def test_unnumbered_draft_units_read_well(client, sample):
    practices = sample.p["draft:unk_prohibited_practices"]
    for letter, summary in (("b", "Социальный скоринг."), ("c", "Эксплуатация уязвимостей."),
                            ("e", "Анализ эмоций без согласия."), ("f", "Запрещённые результаты.")):
        make_provision(sample.draft, f"unk_prohibited_practices__item_{letter}", "subpara",
                       parent=practices, summary_ru=summary, confidence="secondary")
    body = client.get("/acts/t-ai-law/draft-2025-01/").content.decode()
    labels = [
        re.sub(r"<[^>]+>", "", inner).strip()
        for inner in re.findall(r'href="/acts/t-ai-law/draft-2025-01/unk_[^"]*"[^>]*>(.*?)</a>', body, re.S)
    ]
    assert labels and all(label and "номер не установлен" in label for label in labels)
    # The six unnumbered items of the prohibited practices are told apart by their summary.
    items = [label for label in labels if label.startswith("Подпункт")]
    assert len(items) == 6 and len(set(items)) == 6
    page = client.get("/acts/t-ai-law/draft-2025-01/unk_prohibited_practices__item_b/").content.decode()
    assert "<h1>Подпункт (номер не установлен)</h1>" in page
    assert "230-VIII" not in eyebrow(page)
