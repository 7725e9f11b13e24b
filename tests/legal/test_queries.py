"""The pages run a fixed number of SQL queries, whatever the size of the act.

A generated act of 1,000 articles (10 chapters, 2 paragraphs an article, 2 subparagraphs a
paragraph: 7,010 units) is created with bulk_create, one tree level at a time, with
`path`/`depth` from `Provision.position_under(parent)`, as Provision.save() would set them.
"""

import pytest

from legal.models import Act, ActVersion, Amendment, EditorialNote, FineSchedule, OfficialText, Provision
from tests.legal.factories import (
    build_sample,
    fixed_today,  # noqa: F401 (autouse fixture)
    make_act,
    make_provision,
    make_version,
)
from tests.legal.official_factories import make_document

pytestmark = pytest.mark.django_db

# Exact counts (see legal/selectors.py):
# version page: version+act, versions of the act, the whole TOC, notes on the whole act,
# the languages of its imported official text.
VERSION_PAGE_QUERIES = 5
# provision page: provision+version+act+term, its duty holders, ancestors, its parts (all
# of an article's, a chapter's children), official texts of the unit and those parts with
# their documents, their amendment history, their publisher's notes, versions of the act,
# links, same eid elsewhere, version notes, fine schedules (of the unit, the units
# enclosing it and its parts), practice references, obligation references, case records
# on it (compliance.selectors).
PROVISION_PAGE_QUERIES = 15
# Rendered texts are linkified (legal/linking.py): the citation grammar and the defined
# terms are built once into an in-memory cache, so each test first warms it with one request.
ACT_LIST_QUERIES = 2  # acts; versions in force today (with their act)
PRACTICE_LIST_QUERIES = 2  # practices; their references with provision, version, act
OBLIGATION_LIST_QUERIES = 3  # duty holders (filter form); obligations; their duty holders


def bulk_act(slug: str, chapters: int, articles_per_chapter: int) -> ActVersion:
    """An act whose units are numbered in document order, created one level at a time."""
    act = make_act(slug, title_ru=f"Большой акт {slug}", partial=False)
    version = make_version(act, "2025-11-17", "in_force")

    # (eid, type, num, title, parent eid) in document order
    units, article = [], 0
    for c in range(1, chapters + 1):
        units.append((f"chp_{c}", "chapter", str(c), f"ГЛАВА {c}", None))
        for _ in range(articles_per_chapter):
            article += 1
            art = f"art_{article}"
            units.append((art, "article", str(article), f"Статья номер {article}", f"chp_{c}"))
            for p in (1, 2):
                para = f"{art}__para_{p}"
                units.append((para, "para", str(p), "", art))
                for s in (1, 2):
                    units.append((f"{para}__subpara_{s}", "subpara", str(s), "", para))
    order = {eid: n for n, (eid, *_rest) in enumerate(units, start=1)}

    created: dict[str, Provision] = {}
    for level_type in ("chapter", "article", "para", "subpara"):
        rows = []
        for eid, type_, num, title, parent_eid in units:
            if type_ != level_type:
                continue
            parent = created.get(parent_eid)
            path, depth = Provision.position_under(parent)
            rows.append(Provision(
                version=version, parent=parent, eid=eid, type=type_, num=num, order=order[eid],
                path=path, depth=depth, title_ru=title, summary_ru=f"Изложение {eid}.",
                confidence="verified", search_text=f"{eid} {num} {title}".casefold(),
            ))
        for provision in Provision.objects.bulk_create(rows):
            created[provision.eid] = provision
    return version


@pytest.fixture
def big_version():
    version = bulk_act("t-big", chapters=10, articles_per_chapter=100)
    assert Provision.objects.filter(version=version).count() == 10 + 1000 + 2000 + 4000
    return version


@pytest.fixture
def small_version():
    return bulk_act("t-small", chapters=1, articles_per_chapter=2)


def test_bulk_created_tree_matches_save(big_version):
    deep = Provision.objects.get(version=big_version, eid="art_750__para_2__subpara_1")
    assert deep.path == "chp_8/art_750/art_750__para_2"
    assert deep.depth == 3
    assert [p.eid for p in deep.ancestors()] == ["chp_8", "art_750", "art_750__para_2"]


def warm(client, url):
    """Build the in-memory citation/term caches (one-time queries) before counting."""
    assert client.get(url).status_code == 200


def test_toc_page_query_count_is_constant(client, big_version, small_version, django_assert_num_queries):
    warm(client, "/acts/t-small/2025-11-17/")
    with django_assert_num_queries(VERSION_PAGE_QUERIES):
        response = client.get("/acts/t-big/2025-11-17/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('<li class="toc-subpara">') == 4000
    assert 'href="/acts/t-big/2025-11-17/art_1000/">Статья 1000' in body
    with django_assert_num_queries(VERSION_PAGE_QUERIES):
        assert client.get("/acts/t-small/2025-11-17/").status_code == 200


def test_provision_page_query_count_is_constant(
    client, big_version, small_version, django_assert_num_queries
):
    warm(client, "/acts/t-small/2025-11-17/art_1/")
    with django_assert_num_queries(PROVISION_PAGE_QUERIES):
        response = client.get("/acts/t-big/2025-11-17/art_750__para_2__subpara_1/")
    assert response.status_code == 200
    with django_assert_num_queries(PROVISION_PAGE_QUERIES):
        response = client.get("/acts/t-small/2025-11-17/art_2__para_1__subpara_2/")
    assert response.status_code == 200
    # an article with its children listed: still the same
    with django_assert_num_queries(PROVISION_PAGE_QUERIES):
        assert client.get("/acts/t-big/2025-11-17/art_999/").status_code == 200


def test_provision_page_with_links_practices_and_obligations(client, django_assert_num_queries):
    sample = build_sample()
    assert sample.practice.references.count() == 3
    warm(client, "/acts/t-ai-law/2025-11-17/art_21__para_2/")
    for url in (
        "/acts/t-ai-law/2025-11-17/art_21__para_2/",
        "/acts/t-ai-law/2025-11-17/art_17__para_3__subpara_1/",
        "/acts/t-ai-law/draft-2025-01/unk_prohibited_practices__item_a/",
    ):
        with django_assert_num_queries(PROVISION_PAGE_QUERIES):
            assert client.get(url).status_code == 200


def test_list_pages_query_counts(client, django_assert_num_queries):
    build_sample()
    for n in range(30):  # more rows, same number of queries
        make_act(f"t-extra-{n}", title_ru=f"Акт {n}")
        make_version(Act.objects.get(slug=f"t-extra-{n}"), "v1", "in_force")
    with django_assert_num_queries(ACT_LIST_QUERIES):
        assert client.get("/acts/").status_code == 200
    with django_assert_num_queries(PRACTICE_LIST_QUERIES):
        assert client.get("/practices/").status_code == 200
    with django_assert_num_queries(OBLIGATION_LIST_QUERIES):
        assert client.get("/obligations/").status_code == 200
    with django_assert_num_queries(OBLIGATION_LIST_QUERIES):
        assert client.get("/obligations/?holder=owner&risk=high").status_code == 200


def test_provision_page_with_fines_and_our_translations(client, django_assert_num_queries):
    """Fine schedules of the unit, its enclosing part and its parts come in one query; our
    translations are flags on rows already read (no query)."""
    sample = build_sample()
    article = sample.p["admin:art_641-1"]
    parts = {}
    for num in (1, 2):
        parts[num] = Provision.objects.create(
            version=sample.admin_current, parent=article, eid=f"art_641-1__para_{num}", type="para",
            num=str(num), order=10 + num, confidence="verified", sources=["https://adilet.zan.kz/x"],
            summary_kk="Біздің аудармамыз.", our_translations=["summary_kk"],
        )
    item = Provision.objects.create(
        version=sample.admin_current, parent=parts[1], eid="art_641-1__para_1__subpara_1", type="subpara",
        num="1", order=20, confidence="verified", sources=["https://adilet.zan.kz/x"],
    )
    FineSchedule.objects.create(provision=parts[1], amounts={"individual": 15, "large": 100}, repeat=parts[2])
    FineSchedule.objects.create(provision=parts[2], amounts={"individual": 30, "large": 200})
    warm(client, "/acts/t-admin-code/current/art_641-1/")
    for url, queries in (
        # the article is at the top of this (partial) Code: no ancestors to read
        ("/acts/t-admin-code/current/art_641-1/", PROVISION_PAGE_QUERIES - 1),
        ("/acts/t-admin-code/current/art_641-1__para_1/", PROVISION_PAGE_QUERIES),
        (f"/acts/t-admin-code/current/{item.eid}/", PROVISION_PAGE_QUERIES),
    ):
        for lang in ("ru", "kk"):
            client.cookies["django_language"] = lang
            with django_assert_num_queries(queries):
                response = client.get(url)
            assert response.status_code == 200
            assert "МРП" in response.content.decode() or "АЕК" in response.content.decode()


# practice page: the practice, its references (with provision, version, act), case records
# (compliance.selectors); obligation page: the obligation, its duty holders, its references.
PRACTICE_PAGE_QUERIES = 3
OBLIGATION_PAGE_QUERIES = 3


def test_practice_and_obligation_pages_query_counts(client, django_assert_num_queries):
    sample = build_sample()
    practice_url = f"/practices/{sample.practice.slug}/"
    obligation_url = f"/obligations/{sample.obligation.slug}/"
    warm(client, practice_url)
    warm(client, obligation_url)
    with django_assert_num_queries(PRACTICE_PAGE_QUERIES):
        assert client.get(practice_url).status_code == 200
    with django_assert_num_queries(OBLIGATION_PAGE_QUERIES):
        assert client.get(obligation_url).status_code == 200


# The act's whole official text: version+act, its official documents, its units, their
# official texts, the amendment history, the publisher's notes.
OFFICIAL_TEXT_PAGE_QUERIES = 6
# Its download: version+act, the document.
OFFICIAL_TEXT_DOWNLOAD_QUERIES = 2


def add_official_text(version: ActVersion) -> None:
    """Russian official wording for every unit of `version` (bulk: no indexing), a
    footnote and a publisher's note on each article."""
    document = make_document(version, "ru", text="…")
    units = list(Provision.objects.filter(version=version))
    OfficialText.objects.bulk_create(
        OfficialText(
            provision=unit, document=document, language="ru", heading=f"Заголовок {unit.eid}",
            text=f"Текст {unit.eid}.", wrap_up="Итог." if unit.type == "para" else "",
            source_url=document.source_url, imported_at=document.imported_at, checksum="0" * 64,
        )
        for unit in units
    )
    articles = [unit for unit in units if unit.type == "article"]
    Amendment.objects.bulk_create(
        Amendment(version=version, provision=unit, language="ru", action="amended", text="Сноска.", order=n)
        for n, unit in enumerate(articles)
    )
    EditorialNote.objects.bulk_create(
        EditorialNote(version=version, provision=unit, language="ru", kind="izpi", text="ИЗПИ.", order=n)
        for n, unit in enumerate(articles)
    )


def test_official_pages_query_counts_are_constant(
    client, big_version, small_version, django_assert_num_queries
):
    article = Provision.objects.get(version=small_version, eid="art_2")
    for n in range(3, 40):  # an article with many more parts than the others
        make_provision(small_version, f"art_2__para_{n}", "para", str(n), parent=article, order=1000 + n)
    add_official_text(big_version)
    add_official_text(small_version)
    warm(client, "/acts/t-small/2025-11-17/art_1/")
    for url, queries in (
        ("/acts/t-small/2025-11-17/art_1/", PROVISION_PAGE_QUERIES),  # 6 parts
        ("/acts/t-small/2025-11-17/art_2/", PROVISION_PAGE_QUERIES),  # 43 parts
        ("/acts/t-big/2025-11-17/art_999__para_1__subpara_2/", PROVISION_PAGE_QUERIES),  # none
        # 100 articles, its heading only; at the top: no ancestors to read
        ("/acts/t-big/2025-11-17/chp_8/", PROVISION_PAGE_QUERIES - 1),
    ):
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        assert "Заголовок" in response.content.decode()
    for slug, units, paras in (("t-small", 1 + 2 + 4 + 8 + 37, 4 + 37), ("t-big", 7010, 2000)):
        with django_assert_num_queries(OFFICIAL_TEXT_PAGE_QUERIES):
            response = client.get(f"/acts/{slug}/2025-11-17/text/?lang=ru")
        assert response.status_code == 200
        body = response.content.decode()
        assert body.count('class="official-unit official-unit--') == units + paras  # and wrap-ups
        assert body.count('class="official-unit official-unit--wrap-up') == paras
        with django_assert_num_queries(OFFICIAL_TEXT_DOWNLOAD_QUERIES):
            assert client.get(f"/acts/{slug}/2025-11-17/text.txt?lang=ru").status_code == 200
