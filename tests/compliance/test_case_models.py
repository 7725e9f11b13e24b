"""CaseRecord and CaseProvision keep their invariants in clean() and in the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from compliance.models import CaseProvision, CaseRecord, Organization
from legal.models import Provision
from tests.compliance.factories import make_case, make_law

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "rumour"},
        {"technique": "telepathy"},
        {"date_precision": "week"},
        {"confidence": "likely"},
        {"title_ru": "", "title_kk": "", "title_en": ""},
        {"origin": "kb"},  # a kb record cannot belong to an organisation
    ],
)
def test_database_rejects_invalid_records(fields):
    org = Organization.objects.create(slug="o", name="O")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_case(org, "bad", **fields)


def test_slug_is_unique_across_organisations():
    make_case(None, "same")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_case(Organization.objects.create(slug="o", name="O"), "same")


def test_clean_never_lets_a_day_be_invented_for_a_month_or_year():
    record = CaseRecord(slug="x", kind="incident", technique="other", title_ru="X", confidence="secondary",
                        date=D(2023, 10, 15), date_precision="month")
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "date" in error.value.message_dict
    record.date = D(2023, 10, 1)
    record.full_clean()
    assert record.date_until == D(2023, 10, 31)
    record.date, record.date_precision = D(2023, 1, 1), "year"
    record.full_clean()
    assert record.date_until == D(2023, 12, 31)


def test_clean_refuses_reserved_slug_missing_title_and_private_kb_record():
    org = Organization.objects.create(slug="o", name="O")
    record = CaseRecord(slug="new", kind="incident", technique="other", confidence="secondary",
                        date=D(2025, 1, 1), organization=org, origin="kb")
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert {"slug", "title_ru", "organization"} <= set(error.value.message_dict)


def test_a_provision_is_linked_once_per_relation_and_a_cited_provision_cannot_be_deleted():
    record = make_case(None, "linked")
    make_law()
    provision = Provision.objects.get(version__act__slug="t-criminal-code", eid="art_190")
    CaseProvision.objects.create(case=record, provision=provision, relation="charged")
    CaseProvision.objects.create(case=record, provision=provision, relation="cited")
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseProvision.objects.create(case=record, provision=provision, relation="charged")
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseProvision.objects.create(case=record, provision=provision, relation="guessed")
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError), transaction.atomic():
        provision.delete()


def test_visible_to_and_date_filters(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from compliance.models import Membership

    org = Organization.objects.create(slug="o", name="O")
    mine = make_case(org, "mine", date=D(2026, 5, 1), date_precision="month")
    theirs = make_case(Organization.objects.create(slug="t", name="T"), "theirs")
    user = django_user_model.objects.create_user("u")
    Membership.objects.create(organization=org, user=user, role="viewer")
    public = make_case(None, "public", origin="kb")
    visible = set(CaseRecord.objects.visible_to(user).values_list("slug", flat=True))
    assert visible == {mine.slug, public.slug}
    assert set(CaseRecord.objects.visible_to(AnonymousUser()).values_list("slug", flat=True)).isdisjoint(
        {mine.slug, theirs.slug}
    )
    in_may = CaseRecord.objects.filter(organization=org)
    assert list(in_may.from_date(D(2026, 5, 31))) == [mine]  # the month reaches its last day
    assert list(in_may.from_date(D(2026, 6, 1))) == []
    assert list(in_may.until_date(D(2026, 5, 1))) == [mine]
    assert list(in_may.until_date(D(2026, 4, 30))) == []
