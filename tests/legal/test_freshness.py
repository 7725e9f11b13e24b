# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""The knowledge base's change time and the per-process values stamped with it."""

import datetime

import pytest
from django.core.cache import cache
from simple_history.utils import bulk_create_with_history

from legal import freshness
from legal.freshness import KnowledgeBaseMemo
from legal.models import Synonym
from tests.legal.factories import sample  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 2, 1)


class Clock:
    """freshness's clock, moved by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(freshness, "clock", fake)
    return fake


def time_passes(clock, seconds):
    """Another process's change shows when the shared change time expires (CACHE_SECONDS,
    emulated by deleting it) and this process reads it again (after LOCAL_SECONDS)."""
    if seconds >= freshness.CACHE_SECONDS:
        cache.delete(freshness.CACHE_KEY)
    clock.now += seconds


def test_this_process_reads_the_change_time_again_after_local_seconds(clock):
    first = freshness.stamp()
    cache.set(freshness.CACHE_KEY, first[1] + datetime.timedelta(seconds=1))  # another worker's change
    clock.now += freshness.LOCAL_SECONDS / 2
    assert freshness.stamp() == first  # trusted for a moment: no cache read per call
    clock.now += freshness.LOCAL_SECONDS
    assert freshness.stamp()[1] == first[1] + datetime.timedelta(seconds=1)


def test_memo_keeps_a_value_until_the_knowledge_base_changes(clock):
    built = []
    memo = KnowledgeBaseMemo(lambda day: built.append(day) or len(built))
    assert memo.get(DAY) == memo.get(DAY) == 1
    assert memo.get(DAY + datetime.timedelta(days=1)) == 2  # another key, its own value

    Synonym.objects.create(language="ru", term="нейрофейк", replacements="дипфейк")
    assert memo.get(DAY) == 3  # a change made in this process shows at once

    # Another process's change writes history but drops only its own cache entry: here it
    # shows when the cached change time expires (CACHE_SECONDS), emulated by deleting it.
    bulk_create_with_history([Synonym(language="ru", term="фейк", replacements="дипфейк")], Synonym)
    assert memo.get(DAY) == 3
    time_passes(clock, freshness.CACHE_SECONDS)
    assert memo.get(DAY) == 4


def test_memo_is_bounded():
    memo = KnowledgeBaseMemo(lambda n: object(), size=2)
    first = memo.get(1)
    assert memo.get(1) is first and memo.get(2) is memo.get(2)
    assert memo.get(3) is not memo.get(3)  # full: computed, not kept


def test_citations_see_a_provision_added_by_another_process(sample, clock):
    """The grammar (and its set of eids) is rebuilt when the knowledge base's change time
    moves, not only on this process's own signals."""
    from legal.citations import extract_citations
    from legal.models import Provision

    version = sample.adopted
    cite = "ст. 99 Закона об ИИ"
    (before,) = extract_citations(cite, as_of=DAY)
    assert not before.in_kb

    path, depth = Provision.position_under(None)
    unit = Provision(version=version, eid="art_99", type="article", num="99", order=99_999,
                     path=path, depth=depth, confidence="verified")
    bulk_create_with_history([unit], Provision)  # no signals here: as if another worker saved it
    assert not extract_citations(cite, as_of=DAY)[0].in_kb
    time_passes(clock, freshness.CACHE_SECONDS)
    (after,) = extract_citations(cite, as_of=DAY)
    assert after.in_kb and after.eid == "art_99"
