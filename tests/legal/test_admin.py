# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Admin: Cyrillic search on any backend, change pages, edit history."""

import json

import pytest
from django.urls import reverse

from legal.admin import search_words
from legal.models import (
    Act,
    ActVersion,
    DutyHolder,
    Obligation,
    ObligationProvision,
    OfficialText,
    PracticeProvision,
    ProhibitedPractice,
    Provision,
    ProvisionLink,
    Term,
    VersionNote,
)
from tests.legal.factories import fixed_today, sample  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:legal_{obj._meta.model_name}_change", args=[obj.pk])


def test_search_words():
    assert search_words('СИНТЕТИЧЕСК "Защита  Данных" art_21') == ["синтетическ", "защита  данных", "art_21"]


@pytest.mark.parametrize("query", ["синтетическ", "СИНТЕТИЧЕСК", "Синтетические результаты", "art_1__DEF_4"])
def test_provision_search_is_case_insensitive_for_cyrillic(admin_client, sample, query):
    target = sample.p["adopted:art_1__def_4"]
    response = admin_client.get(reverse("admin:legal_provision_changelist"), {"q": query})
    assert response.status_code == 200
    assert change_url(target) in response.content.decode()
    # every word has to match
    response = admin_client.get(reverse("admin:legal_provision_changelist"), {"q": f"{query} небывальщина"})
    assert change_url(target) not in response.content.decode()


def test_provision_changelist_shows_the_tree_and_filters(admin_client, sample):
    url = reverse("admin:legal_provision_changelist")
    response = admin_client.get(url, {"version__id__exact": sample.adopted.pk})
    body = response.content.decode()
    assert response.status_code == 200
    assert "— — статья 21" not in body  # articles sit one level under chapters…
    assert "— статья 21. Прозрачность систем ИИ" in body
    assert "— — пункт / часть статьи 2" in body  # … paragraphs two
    assert change_url(sample.p["admin:art_641-1"]) not in body
    for params in ({"type__exact": "article"}, {"confidence__exact": "secondary"},
                   {"version__act__id__exact": sample.ai_law.pk}, {"duty_holders__code__exact": "owner"}):
        assert admin_client.get(url, params).status_code == 200


@pytest.mark.parametrize(
    "model, query, expected",
    [
        (Act, "КоАП", "admin-code"),
        (ProhibitedPractice, "СИНТЕТИЧЕСКИЙ контент", "practice"),
        (Obligation, "машиночитаемой", "obligation"),
        (ActVersion, "уголовный", "criminal"),
        (Term, "СИНТЕТИЧЕСКИЕ", "term"),
        (ProvisionLink, "классификация", "link"),
        (PracticeProvision, "маркировки", "practice_ref"),
        (VersionNote, "art_21", "note"),
    ],
)
def test_cyrillic_search_on_other_models(admin_client, sample, model, query, expected):
    targets = {
        "admin-code": sample.admin_code,
        "practice": sample.practice,
        "obligation": sample.obligation,
        "criminal": sample.criminal_current,
        "term": Term.objects.get(provision=sample.p["adopted:art_1__def_4"]),
        "link": ProvisionLink.objects.get(source=sample.p["draft:unk_risk_classification"]),
        "practice_ref": PracticeProvision.objects.filter(practice=sample.practice).first(),
        "note": VersionNote.objects.filter(act=sample.ai_law, eid="art_21").first(),
    }
    url = reverse(f"admin:legal_{model._meta.model_name}_changelist")
    response = admin_client.get(url, {"q": query})
    assert response.status_code == 200
    assert change_url(targets[expected]) in response.content.decode()


def test_autocomplete_searches_cyrillic(admin_client, sample):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "legal", "model_name": "provisionlink", "field_name": "source", "term": "СИНТЕТИЧЕСК"},
    )
    assert response.status_code == 200
    ids = {item["id"] for item in json.loads(response.content)["results"]}
    assert str(sample.p["adopted:art_1__def_4"].pk) in ids


def test_change_pages_load(admin_client, sample):
    from django.utils import timezone

    OfficialText.objects.create(
        provision=sample.p["adopted:art_21__para_2"], language="ru", text="2. Текст.",
        source_url="https://adilet.zan.kz/rus/docs/Z2500000230", imported_at=timezone.now(),
        checksum="0" * 64,
    )
    objects = [
        sample.ai_law, sample.adopted, sample.draft, sample.p["adopted:art_21__para_2"], sample.practice,
        sample.obligation, Term.objects.first(), ProvisionLink.objects.first(), VersionNote.objects.first(),
        PracticeProvision.objects.first(), ObligationProvision.objects.first(), OfficialText.objects.first(),
        DutyHolder.objects.first(),
    ]
    for obj in objects:
        response = admin_client.get(change_url(obj))
        assert response.status_code == 200, obj
    for model in (Act, ActVersion, Provision, ProhibitedPractice, Obligation, Term, ProvisionLink,
                  VersionNote, PracticeProvision, ObligationProvision, OfficialText, DutyHolder):
        response = admin_client.get(reverse(f"admin:legal_{model._meta.model_name}_changelist"))
        assert response.status_code == 200, model
        response = admin_client.get(reverse(f"admin:legal_{model._meta.model_name}_add"))
        assert response.status_code == 200, model


def test_version_inline_lists_provisions_in_order_with_parents_of_the_same_version(admin_client, sample):
    body = admin_client.get(change_url(sample.adopted)).content.decode()
    assert body.index('value="art_1"') < body.index('value="art_17"') < body.index('value="art_21__para_2"')
    parent_select = body[body.index('name="provisions-0-parent"'):]
    parent_select = parent_select[:parent_select.index("</select>")]
    assert "art_17" in parent_select
    assert "unk_risk_classification" not in parent_select  # a draft unit: another version


def test_provision_parent_choices_are_limited_to_its_version(admin_client, sample):
    from legal.admin import ProvisionAdmin

    provision = sample.p["adopted:art_21__para_2"]
    request = admin_client.get(change_url(provision)).wsgi_request
    parent = Provision._meta.get_field("parent")
    field = ProvisionAdmin(Provision, None).formfield_for_foreignkey(parent, request)
    assert set(field.queryset.values_list("version_id", flat=True)) == {sample.adopted.pk}


def test_history_page_after_an_admin_edit(admin_client, sample):
    term = Term.objects.get(provision=sample.p["adopted:art_1__def_4"])
    response = admin_client.post(
        change_url(term),
        {"provision": term.provision_id, "term_ru": "синтетические результаты (изм.)", "term_kk": "",
         "term_en": "synthetic results"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term.refresh_from_db()
    assert term.term_ru == "синтетические результаты (изм.)"
    assert term.history.count() == 2
    assert term.history.first().history_user.is_superuser
    history = admin_client.get(reverse("admin:legal_term_history", args=[term.pk]))
    assert history.status_code == 200
    assert "синтетические результаты (изм.)" in history.content.decode()


def test_provision_history_after_an_edit(admin_client, sample):
    provision = sample.p["adopted:art_21__para_2"]
    provision.summary_ru = "Новое изложение."
    provision.save()
    response = admin_client.get(reverse("admin:legal_provision_history", args=[provision.pk]))
    assert response.status_code == 200
    assert provision.history.count() == 2
