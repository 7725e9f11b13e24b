# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Each endpoint runs a fixed number of SQL queries, whatever the size of the data.

The big act has 7,010 units (tests/legal/test_queries.py builds it); the small one 12.
Counts are exact; the knowledge base's change time is cached after the first request
(legal/freshness.py), so each test warms it first.
"""

import pytest

from legal.models import Term
from tests.legal.factories import (
    add_fines,
    build_sample,
    cite,
    fixed_today,  # noqa: F401 (autouse fixture)
    make_act,
    make_holder,
    make_obligation,
    make_practice,
    make_provision,
    make_version,
    sample,  # noqa: F401 (fixture)
)
from tests.legal.test_queries import bulk_act

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_response_cache(settings):
    """Count the work of answering, not the cache of answers (tested at the end)."""
    settings.KZAI_API_CACHE_SECONDS = 0


QUERIES = {
    # act, its versions (the version in force is picked from them)
    "/api/v1/acts/{slug}/": 2,
    # act, count, page
    "/api/v1/acts/{slug}/versions/": 3,
    # version with act, the whole tree
    "/api/v1/acts/{slug}/versions/2025-11-17/toc/": 2,
    # provision with version, act and term; duty holders; official texts (with their
    # documents); children; amendment history; ancestors
    "/api/v1/acts/{slug}/versions/2025-11-17/provisions/{eid}/": 6,
    # act (validating the filter), page of provisions with version and act, their duty holders
    "/api/v1/provisions/?act={slug}&page_size=50": 3,
    # the same, after a cursor
    "/api/v1/provisions/?act={slug}&page_size=5&cursor={cursor}": 3,
    # act (filter), the page (versions in force as a subquery), duty holders
    "/api/v1/provisions/?act={slug}&as_of=2026-02-01&type=subpara&page_size=100": 3,
}


@pytest.fixture
def acts():
    big = bulk_act("t-big", chapters=10, articles_per_chapter=100)
    small = bulk_act("t-small", chapters=1, articles_per_chapter=2)
    return {"big": (big, "art_750__para_2"), "small": (small, "art_2__para_1")}


def _cursor(client, slug):
    return (
        client.get(f"/api/v1/provisions/?act={slug}&page_size=5")
        .json()["next"]
        .split("cursor=")[1]
        .split("&")[0]
    )


@pytest.mark.parametrize("template", list(QUERIES))
def test_constant_queries_per_endpoint(client, acts, template, django_assert_num_queries):
    client.get("/api/v1/acts/")  # warm the change-time cache
    for version, eid in acts.values():
        slug = version.act.slug
        url = template.format(
            slug=slug, eid=eid, cursor=_cursor(client, slug) if "{cursor}" in template else ""
        )
        with django_assert_num_queries(QUERIES[template]):
            response = client.get(url)
        assert response.status_code == 200, response.content


LIST_QUERIES = {
    "/api/v1/acts/": 3,  # count, page, versions in force
    "/api/v1/terms/?page_size=100": 2,  # count, page with provision, version and act
    "/api/v1/practices/?page_size=100": 3,  # count, page, references with provision, version, act
    "/api/v1/obligations/?page_size=100": 4,  # count, page, duty holders, references
    "/api/v1/resolve/?cite=ч.+2+ст.+190+УК+РК": 0,  # the citation grammar is cached in memory
}


def one_of_each():
    """One act in force with a defined term, one practice and one obligation citing it."""
    act = make_act("t-one", title_ru="Один акт")
    version = make_version(act)
    article = make_provision(version, "art_1", "article", "1", title_ru="Понятия")
    definition = make_provision(version, "art_1__def_1", "def", "1", parent=article, title_ru="система")
    Term.objects.create(provision=definition, term_ru="система")
    cite(make_practice("t-one-practice"), article, "basis")
    cite(make_obligation("t-one-duty", holders=[make_holder("owner", "собственник")]), article, "basis")


@pytest.mark.parametrize("url", list(LIST_QUERIES))
def test_constant_queries_for_lists_as_they_grow(client, url, django_assert_num_queries):
    one_of_each()
    client.get(url)  # warm the caches (change time, citation grammar)
    with django_assert_num_queries(LIST_QUERIES[url]):
        assert client.get(url).status_code == 200
    build_sample()  # more acts, terms, practices, obligations and references
    client.get(url)
    with django_assert_num_queries(LIST_QUERIES[url]):
        assert client.get(url).status_code == 200


def test_a_repeated_read_is_answered_from_the_cache_without_queries(
    client, settings, sample, django_assert_num_queries
):
    settings.KZAI_API_CACHE_SECONDS = 300
    url = "/api/v1/acts/t-ai-law/versions/2025-11-17/provisions/art_21__para_2/"
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    with django_assert_num_queries(0):  # throttles, parameters and language still apply
        assert client.get(url, {"lang": "de"}).status_code == 400
    assert client.get(url, {"lang": "en"}).json()["citation"].startswith("Article 21(2)")


def test_a_provision_with_a_fine_schedule_costs_no_more(client, sample, django_assert_num_queries):
    """The fine schedule (and the unit punishing a repeat) come with the provision's row."""
    add_fines(sample)
    url = "/api/v1/acts/t-admin-code/versions/current/provisions/art_641-1__para_1/"
    client.get(url)
    with django_assert_num_queries(QUERIES["/api/v1/acts/{slug}/versions/2025-11-17/provisions/{eid}/"]):
        body = client.get(url).json()
    assert body["fine_schedule"]["repeat"]["eid"] == "art_641-1__para_2"
