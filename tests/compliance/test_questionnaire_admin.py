"""The admin shows questionnaires and assessments; published questionnaires and assessments are read-only."""

import pytest
from django.contrib.auth import get_user_model

from compliance.models import AISystem, Organization
from compliance.services import assessments
from tests.compliance.factories import make_questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.com", "x")
    client.force_login(user)
    return client


def test_published_questionnaire_is_read_only(admin_client):
    questionnaire = make_questionnaire()
    page = admin_client.get(f"/admin/compliance/questionnaire/{questionnaire.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    rule = questionnaire.rules.get(code="synthetic_no_machine_mark")
    page = admin_client.get(f"/admin/compliance/rule/{rule.pk}/change/")
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert admin_client.post(f"/admin/compliance/rule/{rule.pk}/delete/", {"post": "yes"}).status_code == 403


def test_assessment_is_shown_not_changed(admin_client):
    user = get_user_model().objects.get(username="root")
    make_questionnaire()
    organization = Organization.objects.create(slug="acme", name="Acme")
    system = AISystem.objects.create(organization=organization, name="Бот", roles=["owner"])
    assessment = assessments.start_assessment(system, by=user)
    assessments.save_answers(assessment, {"ai_disclosed": False}, by=user)
    assert admin_client.get("/admin/compliance/assessment/").status_code == 200
    page = admin_client.get(f"/admin/compliance/assessment/{assessment.pk}/change/")
    assert page.status_code == 200
    assert "ai_disclosed" in page.content.decode() and b'name="_save"' not in page.content
