"""The permission matrix: every organisation-scoped page × who is asking.

anonymous → the login page; a member of another organisation → 404 (the record does
not exist for them); a viewer → 403 on anything that changes data; owner and lawyer may.
"""

import pytest
from django.urls import reverse

from compliance.access import SESSION_KEY
from compliance.models import AISystem, CaseRecord
from compliance.services.assessments import start_assessment
from tests.compliance.factories import make_questionnaire
from tests.compliance.workspace import WHO, log_in, ws  # noqa: F401

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"

# (name, url args from the workspace, expected status by who) — GET requests
PAGES = [
    ("ai_systems", lambda w: [], dict(viewer=200, lawyer=200, owner=200, outsider=200)),
    ("ai_system_create", lambda w: [], dict(viewer=403, lawyer=200, owner=200, outsider=200)),
    ("ai_system", lambda w: [w.system.pk], dict(viewer=200, lawyer=200, owner=200, outsider=404)),
    ("ai_system_edit", lambda w: [w.system.pk], dict(viewer=403, lawyer=200, owner=200, outsider=404)),
    ("ai_system_delete", lambda w: [w.system.pk], dict(viewer=403, lawyer=200, owner=200, outsider=404)),
    ("case_create", lambda w: [], dict(viewer=403, lawyer=200, owner=200, outsider=200)),
    ("case", lambda w: [w.case.slug], dict(viewer=200, lawyer=200, owner=200, outsider=404)),
    ("case_edit", lambda w: [w.case.slug], dict(viewer=403, lawyer=200, owner=200, outsider=404)),
    ("case_delete", lambda w: [w.case.slug], dict(viewer=403, lawyer=200, owner=200, outsider=404)),
    # public records are edited in the admin only
    ("case_edit", lambda w: [w.public_case.slug],
     dict(viewer=404, lawyer=404, owner=404, outsider=404)),
]


PAGE_IDS = [f"{page[0]}-{n}" for n, page in enumerate(PAGES)]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("name", "args", "expected"), PAGES, ids=PAGE_IDS)
def test_get_pages(client, ws, who, name, args, expected):  # noqa: F811
    url = reverse(f"compliance:{name}", args=args(ws))
    response = log_in(client, ws, who).get(url)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(f"{LOGIN}?next=")
    else:
        assert response.status_code == expected[who]


EDIT = {
    "name": "Генератор роликов 2",
    "roles": ["developer", "owner"],
    "deployment_mode": "open",
    "description": "",
    "purpose": "",
    "sector": "",
}


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("viewer", 403), ("outsider", 404),
                                             ("lawyer", 302), ("owner", 302)])
def test_post_edit_ai_system(client, ws, who, status):  # noqa: F811
    response = log_in(client, ws, who).post(reverse("compliance:ai_system_edit", args=[ws.system.pk]), EDIT)
    assert response.status_code == status
    ws.system.refresh_from_db()
    changed = ws.system.name == "Генератор роликов 2"
    assert changed == (who in ("lawyer", "owner"))
    if changed:
        assert ws.system.roles == ["developer", "owner"]
        assert response["Location"] == ws.system.get_absolute_url()


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("viewer", 403), ("outsider", 404),
                                             ("lawyer", 302), ("owner", 302)])
def test_post_delete_ai_system(client, ws, who, status):  # noqa: F811
    response = log_in(client, ws, who).post(reverse("compliance:ai_system_delete", args=[ws.system.pk]))
    assert response.status_code == status
    assert AISystem.objects.filter(pk=ws.system.pk).exists() == (who not in ("lawyer", "owner"))


def test_a_system_with_assessments_is_kept_with_a_message_not_a_500(client, ws):  # noqa: F811
    make_questionnaire()
    start_assessment(ws.system, by=ws.users["lawyer"])
    response = log_in(client, ws, "owner").post(
        reverse("compliance:ai_system_delete", args=[ws.system.pk]), follow=True
    )
    assert response.status_code == 200
    assert AISystem.objects.filter(pk=ws.system.pk).exists()
    assert "нельзя удалить: на неё ссылаются оценки" in response.content.decode()


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("viewer", 403), ("outsider", 404),
                                             ("lawyer", 302), ("owner", 302)])
def test_post_delete_private_case(client, ws, who, status):  # noqa: F811
    response = log_in(client, ws, who).post(reverse("compliance:case_delete", args=[ws.case.slug]))
    assert response.status_code == status
    assert CaseRecord.objects.filter(pk=ws.case.pk).exists() == (who not in ("lawyer", "owner"))


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("lawyer", 302), ("owner", 302)])
def test_create_ai_system_lands_in_the_current_organisation(client, ws, who, status):  # noqa: F811
    response = log_in(client, ws, who).post(
        reverse("compliance:ai_system_create"), {**EDIT, "name": "Новая", "organization": ws.other.pk}
    )
    assert response.status_code == status
    created = AISystem.objects.filter(name="Новая")
    assert [s.organization for s in created] == ([ws.org] if status == 302 else [])


def test_lists_show_only_the_current_organisation(client, ws):  # noqa: F811
    body = log_in(client, ws, "outsider").get(reverse("compliance:ai_systems")).content.decode()
    assert "Скоринг Глобекс" in body and "Генератор роликов" not in body
    body = client.get(reverse("compliance:cases")).content.decode()
    assert "Внутренняя проверка Глобекс" in body and "Запись acme-complaint" not in body


def test_switcher_changes_the_current_organisation_and_refuses_others(client, ws):  # noqa: F811
    from compliance.models import Membership

    lawyer = ws.users["lawyer"]
    Membership.objects.create(organization=ws.other, user=lawyer, role="viewer")
    client.force_login(lawyer)
    body = client.get(reverse("compliance:ai_systems")).content.decode()
    assert 'name="organization"' in body  # two organisations: the switcher is shown
    # without a choice the first by name is current: «АО «Глобекс»» before «ТОО «Акме»»
    assert "Скоринг Глобекс" in body and "Генератор роликов" not in body
    switch = reverse("compliance:switch_organization")
    response = client.post(switch, {"organization": "acme", "next": "/systems/"})
    assert response.status_code == 302 and response["Location"] == "/systems/"
    assert client.session[SESSION_KEY] == ws.org.pk
    body = client.get("/systems/").content.decode()
    assert "Генератор роликов" in body and "Скоринг Глобекс" not in body
    assert client.get(reverse("compliance:ai_system_create")).status_code == 200  # a lawyer here
    client.post(reverse("compliance:switch_organization"), {"organization": "globex"})
    # a viewer in Globex: creating is refused
    assert client.get(reverse("compliance:ai_system_create")).status_code == 403
    # a foreign next URL is not followed
    response = client.post(
        reverse("compliance:switch_organization"), {"organization": "acme", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("compliance:ai_systems")
    client.force_login(ws.users["outsider"])
    assert client.post(reverse("compliance:switch_organization"), {"organization": "acme"}).status_code == 404


def test_switch_needs_login_and_post(client, ws):  # noqa: F811
    response = client.post(reverse("compliance:switch_organization"), {"organization": "acme"})
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    client.force_login(ws.users["owner"])
    assert client.get(reverse("compliance:switch_organization")).status_code == 405


def test_user_without_organisation_gets_403_with_explanation(client, django_user_model, ws):  # noqa: F811
    client.force_login(django_user_model.objects.create_user("lonely"))
    response = client.get(reverse("compliance:ai_systems"))
    assert response.status_code == 403
    assert "не состоите ни в одной организации" in response.content.decode()
