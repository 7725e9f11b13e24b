"""The compare page runs a fixed number of SQL queries, whatever the size of the act."""

import pytest

from legal.models import Provision
from tests.legal.factories import fixed_today, make_version  # noqa: F401 (autouse fixture)
from tests.legal.official_factories import make_document
from tests.legal.test_queries import bulk_act, warm

pytestmark = pytest.mark.django_db

# the first version with its act, the second, the act's versions (picker), the imported
# documents of both, the units of both (one query), the links between them; with official
# texts on both sides, the texts in the language compared.
COMPARE_QUERIES = 6
COMPARE_OFFICIAL_QUERIES = 7


def second_version(version, code: str, changed_every: int = 7):
    """A copy of `version` as another version of its act; every n-th unit's summary reworded."""
    other = make_version(version.act, code, "in_force")
    copies: dict[int, Provision] = {}
    units = list(Provision.objects.filter(version=version).order_by("depth", "order"))
    for depth in sorted({p.depth for p in units}):
        rows = []
        for n, unit in enumerate(p for p in units if p.depth == depth):
            parent = copies.get(unit.parent_id)
            path, level = Provision.position_under(parent)
            summary = f"{unit.summary_ru} Изменено." if n % changed_every == 0 else unit.summary_ru
            rows.append(Provision(
                version=other, parent=parent, eid=unit.eid, type=unit.type, num=unit.num, order=unit.order,
                path=path, depth=level, title_ru=unit.title_ru, summary_ru=summary, confidence="verified",
            ))
        level_units = [p for p in units if p.depth == depth]
        for unit, copy in zip(level_units, Provision.objects.bulk_create(rows), strict=True):
            copies[unit.pk] = copy
    return other


@pytest.fixture
def acts():
    big = bulk_act("t-big", chapters=2, articles_per_chapter=100)  # 1,402 units
    small = bulk_act("t-small", chapters=1, articles_per_chapter=2)
    return second_version(big, "2026-01-01"), second_version(small, "2026-01-01")


def test_compare_page_query_count_is_constant(client, acts, django_assert_num_queries):
    warm(client, "/acts/t-small/compare/2025-11-17/2026-01-01/")
    pages = {}
    for slug in ("t-big", "t-small"):
        with django_assert_num_queries(COMPARE_QUERIES):
            response = client.get(f"/acts/{slug}/compare/2025-11-17/2026-01-01/")
        assert response.status_code == 200
        pages[slug] = response.content.decode()
    assert "Добавлено: <strong>0</strong>" in pages["t-big"]
    assert "Изменено: <strong>203</strong>" in pages["t-big"]
    assert "Без изменений: <strong>1199</strong>" in pages["t-big"]
    assert "<ins>Изменено.</ins>" in pages["t-big"]


def test_compare_page_with_official_texts_query_count(client, acts, django_assert_num_queries):
    big, small = acts
    for new in (big, small):
        for version in new.act.versions.all():
            make_document(version, "ru")
    warm(client, "/acts/t-small/compare/2025-11-17/2026-01-01/")
    for slug in ("t-big", "t-small"):
        with django_assert_num_queries(COMPARE_OFFICIAL_QUERIES):
            assert client.get(f"/acts/{slug}/compare/2025-11-17/2026-01-01/").status_code == 200
