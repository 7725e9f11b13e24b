# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""The compare page (/acts/<slug>/compare/<v1>/<v2>/) and the ru/kk page: what a lawyer
sees changed between two editions, with factories only (tests/kb checks the real AI law)."""

import re

import pytest

from legal.models import Provision
from tests.legal.factories import (  # noqa: F401 (fixtures)
    fixed_today,
    get,
    make_act,
    make_provision,
    make_version,
    sample,
)
from tests.legal.official_factories import make_document, make_official

pytestmark = pytest.mark.django_db

DRAFT_TO_ADOPTED = "/acts/t-ai-law/compare/draft-2025-01/2025-11-17/"


def body(response) -> str:
    return response.content.decode()


def row(page: str, kind: str, eid: str, code: str) -> str:
    """The HTML of one row of the comparison (its id is kind-version-eid)."""
    pattern = rf'<section class="compare-row[^"]*" id="{kind}-{code}-{eid}">.*?</section>'
    found = re.search(pattern, page, re.S)
    assert found, f"no {kind} row for {eid}"
    return found.group(0)


def counts(page: str) -> dict[str, int]:
    return {
        kind: int(n)
        for kind, n in re.findall(r'compare-count--(\w+)">[^<]*<strong>(\d+)</strong>', page)
    }


# ------------------------------------------------------------------ titles and summaries


def test_draft_to_adopted_pairs_units_by_correspondence_and_eid(get, sample):
    response = get(DRAFT_TO_ADOPTED)
    assert response.status_code == 200
    page = body(response)
    assert "сравниваются заголовки и неофициальные изложения" in page
    # the draft's unnumbered article became art. 17 para. 1: paired by the recorded link, moved
    moved = row(page, "moved", "art_17__para_1", "2025-11-17")
    assert "/acts/t-ai-law/draft-2025-01/unk_risk_classification/" in moved
    assert "/acts/t-ai-law/2025-11-17/art_17__para_1/" in moved
    assert "<del>" in moved and "<ins>" in moved
    # same eid, same place, other title: changed
    assert "ОБЩИЕ ПОЛОЖЕНИЯ" in row(page, "unchanged", "chp_1", "2025-11-17")
    # only in the adopted text
    assert "<ins>" in row(page, "added", "art_1__def_4", "2025-11-17")
    # only in the draft: removed, with where its enclosing article went
    removed = row(page, "removed", "unk_prohibited_practices__item_d", "draft-2025-01")
    assert "<del>Биометрическая идентификация в реальном времени.</del>" in removed
    assert "Ср. в новой редакции:" in removed
    assert "/acts/t-ai-law/2025-11-17/art_17__para_3/" in removed
    assert counts(page) == {"added": 5, "removed": 1, "changed": 0, "moved": 4, "unchanged": 1}


def test_unchanged_units_are_folded(get, sample):
    page = body(get(DRAFT_TO_ADOPTED))
    folded = re.search(r'<details class="compare-folded">.*?</details>', page, re.S).group(0)
    assert "Положения без изменений: 1" in folded
    assert 'id="unchanged-2025-11-17-chp_1"' in folded


def test_side_by_side_and_inline(get, sample):
    side = row(body(get(DRAFT_TO_ADOPTED)), "moved", "art_21", "2025-11-17")
    old_column = re.search(r'compare-text--old">(.*?)</div>', side, re.S).group(1)
    new_column = re.search(r'compare-text--new">(.*?)</div>', side, re.S).group(1)
    assert "Прозрачность" in old_column and "<ins>" not in old_column
    assert "Прозрачность <ins>систем ИИ</ins>" in new_column and "<del>" not in new_column
    removed = row(body(get(DRAFT_TO_ADOPTED)), "moved", "art_17__para_3__subpara_1", "2025-11-17")
    old_column = re.search(r'compare-text--old">(.*?)</div>', removed, re.S).group(1)
    assert "Манипуляции <del>(проект)</del>." in old_column
    inline = body(get(DRAFT_TO_ADOPTED, view="inline"))
    assert "compare-text--old" not in inline
    one = row(inline, "moved", "art_17__para_3__subpara_1", "2025-11-17")
    assert "Манипуляции<del> (проект)</del>." in one
    assert 'href="?view=side' in inline


def test_the_reverse_comparison(get, sample):
    page = body(get("/acts/t-ai-law/compare/2025-11-17/draft-2025-01/"))
    assert counts(page) == {"added": 1, "removed": 5, "changed": 0, "moved": 4, "unchanged": 1}
    assert 'id="moved-draft-2025-01-unk_risk_classification"' in page


def test_the_page_is_translated(get, sample):
    page = body(get(DRAFT_TO_ADOPTED, lang="kk"))
    assert "Редакцияларды салыстыру" in page and "Сравнение редакций" not in page
    page = body(get(DRAFT_TO_ADOPTED, lang="en"))
    assert "Compare versions" in page and "titles and kzai's unofficial summaries are compared" in page


# ------------------------------------------------------------------ official texts


@pytest.fixture
def two_editions(db):
    """An act in two editions with official Russian texts: art. 1 amended, art. 2 the
    same, art. 3 excluded, art. 4 added, art. 2 para. 1 moved into art. 1."""
    act = make_act("t-code", kind="law", title_ru="О тестовом законе")
    old = make_version(act, "2020-01-01", "repealed")
    new = make_version(act, "2024-01-01", "in_force")
    units = {}
    for version, eids in ((old, ["art_1", "art_2", "art_2__para_1", "art_3"]),
                          (new, ["art_1", "art_2__para_1", "art_2", "art_4"])):
        make_document(version, "ru")
        parents = {"art_2__para_1": "art_2"} if version == old else {"art_2__para_1": "art_1"}
        for order, eid in enumerate(eids):
            parent = units.get((version.code, parents.get(eid)))
            kind = "para" if "para" in eid else "article"
            units[(version.code, eid)] = make_provision(
                version, eid, kind, eid.rsplit("_", 1)[-1], parent=parent, order=order,
                title_ru=f"Заголовок {eid}",
            )
    texts = {
        "art_1": ("Статья 1. Цели", "Закон действует с 2020 года.", "Закон действует с 2024 года."),
        "art_2": ("Статья 2. Сфера", "Закон применяется ко всем.", "Закон применяется  ко всем."),
        "art_2__para_1": ("", "1. Отдельный пункт.", "1. Отдельный пункт."),
        "art_3": ("Статья 3. Исключена", "Старая норма.", None),
        "art_4": ("Статья 4. Новая", None, "Новая норма."),
    }
    for eid, (heading, before, after) in texts.items():
        for version, text in ((old, before), (new, after)):
            if text is not None:
                make_official(units[(version.code, eid)], "ru", heading=heading, text=text)
    return act, old, new


def test_official_texts_are_compared_word_by_word(get, two_editions):
    page = body(get("/acts/t-code/compare/2020-01-01/2024-01-01/"))
    assert "Сравниваются официальные тексты обеих редакций (Русский)" in page
    assert "неофициальные изложения" not in page
    changed = row(page, "changed", "art_1", "2024-01-01")
    assert "Закон действует с <del>2020 </del>" in changed
    assert "Закон действует с <ins>2024 </ins>" in changed
    # whitespace only: unchanged, folded
    assert 'id="unchanged-2024-01-01-art_2"' in re.search(r"<details.*?</details>", page, re.S).group(0)
    assert "<del>Старая норма.</del>" in row(page, "removed", "art_3", "2020-01-01")
    assert "<ins>Новая норма.</ins>" in row(page, "added", "art_4", "2024-01-01")
    # the same eid under another parent: moved, though its words did not change
    moved = row(page, "moved", "art_2__para_1", "2024-01-01")
    assert "<ins>" not in moved and "<del>" not in moved
    assert counts(page) == {"added": 1, "removed": 1, "changed": 1, "moved": 1, "unchanged": 1}


def test_summaries_when_only_one_edition_has_an_official_text(get, two_editions):
    _act, old, _new = two_editions
    old.official_documents.all().delete()
    page = body(get("/acts/t-code/compare/2020-01-01/2024-01-01/"))
    assert "сравниваются заголовки и неофициальные изложения" in page


def test_the_language_of_the_official_texts(get, two_editions):
    _act, old, new = two_editions
    for version in (old, new):
        make_document(version, "kk")
        make_official(Provision.objects.get(version=version, eid="art_1"), "kk", text=f"Заң {version.code}.")
    url = "/acts/t-code/compare/2020-01-01/2024-01-01/"
    page = body(get(url))
    assert "Сравнить тексты на языке: Қазақша" in page
    kazakh = body(get(f"{url}?lang=kk"))
    assert "(Қазақша)" in kazakh
    assert "Заң <del>2020-01-01</del>" in row(kazakh, "changed", "art_1", "2024-01-01")
    # a Kazakh interface compares the Kazakh texts by default
    assert "Заң <ins>2024-01-01</ins>" in row(body(get(url, lang="kk")), "changed", "art_1", "2024-01-01")


# ------------------------------------------------------------------ bad input, links


def test_unknown_versions_and_another_acts_versions_are_not_found(get, sample):
    assert get("/acts/t-ai-law/compare/draft-2025-01/no-such/").status_code == 404
    assert get("/acts/t-ai-law/compare/no-such/2025-11-17/").status_code == 404
    assert get("/acts/no-such-act/compare/a/b/").status_code == 404
    # t-admin-code's version "current" is not a version of the AI law
    assert get("/acts/t-ai-law/compare/current/2025-11-17/").status_code == 404
    assert get("/acts/t-ai-law/compare/2025-11-17/current/").status_code == 404


def test_the_same_version_twice_says_so(get, sample):
    response = get("/acts/t-ai-law/compare/2025-11-17/2025-11-17/")
    assert response.status_code == 400
    page = body(response)
    assert "Выбрана одна и та же редакция дважды" in page
    assert 'class="compare-picker"' in page


def test_the_picker_leads_to_the_comparison(get, sample):
    response = get("/acts/t-ai-law/compare/", old="draft-2025-01", new="2025-11-17", view="inline")
    assert response["Location"] == "/acts/t-ai-law/compare/draft-2025-01/2025-11-17/?view=inline"
    # from a version page: that version against the one before it
    assert get("/acts/t-ai-law/compare/", new="2025-11-17")["Location"] == DRAFT_TO_ADOPTED
    assert get("/acts/t-ai-law/compare/")["Location"] == DRAFT_TO_ADOPTED
    # one version: nothing to compare
    assert get("/acts/t-criminal-code/compare/").status_code == 404


def test_version_pages_link_to_the_comparison_when_there_are_two_versions(get, sample):
    page = body(get("/acts/t-ai-law/2025-11-17/"))
    assert 'href="/acts/t-ai-law/compare/?new=2025-11-17">Сравнить редакции' in page
    assert "Сравнить редакции" not in body(get("/acts/t-criminal-code/current/"))
    page = body(get("/acts/t-ai-law/", as_of="2025-06-01"))  # nothing in force: the act page
    assert 'href="/acts/t-ai-law/compare/">Сравнить редакции' in page


# ------------------------------------------------------------------ ru/kk


def test_the_russian_and_kazakh_texts_side_by_side(get, two_editions, django_assert_num_queries):
    _act, _old, new = two_editions
    make_document(new, "kk")
    article = Provision.objects.get(version=new, eid="art_1")
    make_official(article, "kk", heading="1-бап. Мақсаттар", text="Заң 2024 жылдан бастап қолданылады.")
    get("/acts/t-code/2024-01-01/bilingual/")
    # the version with its act, its imported documents, its official texts, its units
    with django_assert_num_queries(4):
        response = get("/acts/t-code/2024-01-01/bilingual/")
    assert response.status_code == 200
    page = body(response)
    unit = re.search(r'class="compare-row bilingual-row" id="art_1">.*?</section>', page, re.S).group(0)
    ru = re.search(r'<div class="compare-text" lang="ru">(.*?)</div>', unit, re.S).group(1)
    kk = re.search(r'<div class="compare-text" lang="kk">(.*?)</div>', unit, re.S).group(1)
    assert "Статья 1. Цели" in ru and "Закон действует с 2024 года." in ru
    assert "1-бап. Мақсаттар" in kk and "Заң 2024 жылдан бастап қолданылады." in kk
    # a unit without its Kazakh text says so
    other = re.search(r'id="art_4">.*?</section>', page, re.S).group(0)
    assert "Текста этого положения на этом языке нет." in other
    # the compare page offers it for the version that has both
    compared = body(get("/acts/t-code/compare/2020-01-01/2024-01-01/"))
    assert 'href="/acts/t-code/2024-01-01/bilingual/"' in compared


def test_the_ru_kk_page_names_the_missing_language(get, two_editions):
    page = body(get("/acts/t-code/2024-01-01/bilingual/"))
    assert "Не загружен:" in page and "Қазақша" in page
    assert 'class="bilingual"' not in page
    assert get("/acts/t-code/no-such/bilingual/").status_code == 404
