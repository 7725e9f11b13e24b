"""The one rule for the version of an act in force on a date (legal.versions): the query,
the pure helper over loaded versions and the citation engine's fallback agree."""

import datetime

import pytest

from legal.citations import extract_citations, invalidate_citation_cache
from legal.models import Provision
from legal.versions import (
    in_force_among,
    in_force_pks,
    version_ids_in_force,
    version_in_force,
    versions_in_force,
)

from .factories import make_act, make_provision, make_version

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def act():
    """Adopted 2010; in force 2010-02-01 to 2020-01-01, then a successor; a draft beside."""
    act = make_act("t-versions", adopted=D(2010, 1, 1))
    make_version(act, "2010", status="repealed", date=D(2010, 1, 1), in_force_from=D(2010, 2, 1),
                 in_force_until=D(2020, 1, 1))
    make_version(act, "2020", date=D(2019, 12, 1), in_force_from=D(2020, 1, 1))
    make_version(act, "draft-2024", status="draft", date=D(2024, 1, 1))
    for version in act.versions.all():
        make_provision(version, "art_1", "article", num="1")
    return act


def both(act, on):
    """The version in force by the query and by the pure helper, which must agree."""
    by_query = version_in_force(act, on)
    by_helper = in_force_among(list(act.versions.select_related("act")), on)
    assert by_query == by_helper
    return by_query.code if by_query else None


def test_in_force_by_day(act):
    assert both(act, D(2010, 1, 31)) is None  # adopted, not yet in force
    assert both(act, D(2010, 2, 1)) == "2010"
    assert both(act, D(2019, 12, 31)) == "2010"
    assert both(act, D(2020, 1, 1)) == "2020"  # the end day belongs to the successor
    assert both(act, D(2030, 1, 1)) == "2020"  # a draft never is


def test_the_most_recent_of_several_in_force_wins(act):
    make_version(act, "2022", date=D(2022, 5, 1), in_force_from=D(2022, 6, 1))
    assert both(act, D(2022, 5, 31)) == "2020"
    assert both(act, D(2022, 6, 1)) == "2022"


def test_a_consolidated_text_counts_from_adoption():
    act = make_act("t-consolidated", adopted=D(2014, 7, 3))
    make_version(act, "current", date=None, in_force_from=None)
    assert both(act, D(2014, 7, 2)) is None
    assert both(act, D(2014, 7, 3)) == "current"


def test_every_act_at_once(act):
    other = make_act("t-other", adopted=D(2021, 1, 1))
    make_version(other, "v1", date=D(2021, 1, 1), in_force_from=D(2021, 1, 1))
    on = D(2021, 6, 1)
    found = versions_in_force(on)
    assert {pk: v.code for pk, v in found.items()} == {act.pk: "2020", other.pk: "v1"}
    assert set(version_ids_in_force(on)) == {v.pk for v in found.values()}
    assert set(in_force_pks(on).values_list("pk", flat=True)) == {v.pk for v in found.values()}


def test_the_api_as_of_filter_gives_one_version_of_an_act(act, client):
    make_version(act, "2022", date=D(2022, 5, 1), in_force_from=D(2022, 6, 1))
    make_provision(act.versions.get(code="2022"), "art_1", "article", num="1")
    assert Provision.objects.filter(version__act=act, eid="art_1").count() == 4
    response = client.get("/api/v1/provisions/", {"act": act.slug, "eid": "art_1", "as_of": "2022-07-01"})
    assert response.status_code == 200, response.content
    assert [row["version"] for row in response.json()["results"]] == ["2022"]


def test_citations_use_the_rule_and_fall_back_to_the_latest_adopted(act):
    invalidate_citation_cache()
    [in_force] = extract_citations("Art. 1 of the AI Law", as_of=D(2015, 1, 1))
    [successor] = extract_citations("Art. 1 of the AI Law", as_of=D(2021, 1, 1))
    [before] = extract_citations("Art. 1 of the AI Law", as_of=D(2009, 1, 1))
    assert (in_force.version, successor.version) == ("2010", "2020")
    assert before.version == "2020"  # none in force yet: the latest adopted, as documented
