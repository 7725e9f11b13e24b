"""The knowledge base's change time and the per-process values stamped with it."""

import datetime

import pytest
from django.core.cache import cache
from simple_history.utils import bulk_create_with_history

from legal import freshness
from legal.freshness import KnowledgeBaseMemo
from legal.models import Synonym

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 2, 1)


def test_memo_keeps_a_value_until_the_knowledge_base_changes():
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
    cache.delete(freshness.CACHE_KEY)
    assert memo.get(DAY) == 4


def test_memo_is_bounded():
    memo = KnowledgeBaseMemo(lambda n: object(), size=2)
    first = memo.get(1)
    assert memo.get(1) is first and memo.get(2) is memo.get(2)
    assert memo.get(3) is not memo.get(3)  # full: computed, not kept
