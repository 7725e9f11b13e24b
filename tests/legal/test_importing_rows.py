"""The importer's own bulk writer (legal/importing/rows.py) writes what Django and
simple_history would: the rows with their pks, and one '+' history row each, so that the
knowledge base's change time moves."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from simple_history.models import HistoricalRecords

from legal import bulk, freshness
from legal.importing import rows
from legal.models import OfficialText, Provision
from tests.legal.factories import make_act, make_version
from tests.legal.official_factories import make_document

pytestmark = pytest.mark.django_db


def _provisions(version, n=3):
    return [
        Provision(
            version=version,
            eid=f"art_{i}",
            type="article",
            num=str(i),
            order=i,
            title_ru=f"Статья «{i}»",
            confidence="verified",
            sources=["https://example.org/a", "https://example.org/b"],
            repealed=i == 2,
        )
        for i in range(1, n + 1)
    ]


def test_created_rows_read_back_as_written_with_their_pks():
    version = make_version(make_act())
    made = rows.create(Provision, _provisions(version))

    assert all(p.pk and not p._state.adding for p in made)
    stored = {p.pk: p for p in Provision.objects.filter(version=version)}
    assert sorted(stored) == [p.pk for p in made]
    second = stored[made[1].pk]
    assert (second.eid, second.title_ru, second.repealed) == ("art_2", "Статья «2»", True)
    assert second.sources == ["https://example.org/a", "https://example.org/b"]


def test_each_created_row_has_one_creation_history_row_with_its_values():
    version = make_version(make_act())
    started = timezone.now()
    made = rows.create(Provision, _provisions(version))

    history = list(Provision.history.filter(id__in=[p.pk for p in made]).order_by("id"))
    assert [(h.id, h.history_type, h.eid, h.title_ru) for h in history] == [
        (p.pk, "+", p.eid, p.title_ru) for p in made
    ]
    assert history[0].sources == made[0].sources and history[0].version_id == version.pk
    assert all(h.history_date >= started and h.history_user_id is None for h in history)
    assert freshness.kb_last_modified() >= started.replace(microsecond=0)


def test_history_rows_name_the_user_of_the_request():
    user = get_user_model().objects.create_user("editor")

    class Request:
        pass

    request = Request()
    request.user = user
    HistoricalRecords.context.request = request
    try:
        made = rows.create(Provision, _provisions(make_version(make_act()), n=1))
    finally:
        del HistoricalRecords.context.request
    assert Provision.history.get(id=made[0].pk).history_user_id == user.pk


def test_dates_and_times_keep_their_values():
    version = make_version(make_act())
    (provision,) = rows.create(Provision, _provisions(version, n=1))
    document = make_document(version)
    at = datetime.datetime(2026, 2, 1, 12, 30, tzinfo=datetime.UTC)
    (text,) = rows.create(
        OfficialText,
        [
            OfficialText(
                provision=provision,
                document=document,
                language="ru",
                text="Текст.",
                source_url="https://example.org/a",
                source_date=datetime.date(2026, 1, 15),
                imported_at=at,
                checksum="0" * 64,
            )
        ],
    )
    stored = OfficialText.objects.get(pk=text.pk)
    assert (stored.source_date, stored.imported_at, stored.text) == (datetime.date(2026, 1, 15), at, "Текст.")


def test_many_rows_go_in_batches():
    version = make_version(make_act())
    made = rows.create(Provision, _provisions(version, n=120))  # several statements' worth

    assert len({p.pk for p in made}) == 120
    assert Provision.objects.filter(version=version).count() == 120
    assert Provision.history.filter(id__in=[p.pk for p in made]).count() == 120


def test_a_json_value_is_written_as_itself_not_as_an_equal_one_before_it():
    version = make_version(make_act())
    first, second = _provisions(version, n=2)
    first.our_translations, second.our_translations = [1], [True]  # equal in Python
    bulk.insert(Provision, [first, second], returning=True)

    stored = dict(Provision.objects.filter(version=version).values_list("eid", "our_translations"))
    assert stored == {"art_1": [1], "art_2": [True]}
