# ruff: noqa: F811 (fixtures imported from the helper modules)
"""Small things a newcomer trips over in the workspace (issue #12, points 5 and 6): an
unknown case record, the PDF button at the top of the results, and the length of an AI
system's description and purpose. The case form's provision picker, which searches the real
knowledge base, is tested in tests/kb/test_compliance_provision_picker.py."""

import re

import pytest
from django.urls import reverse

from compliance.models import AISystem
from compliance.models.ai_system import DESCRIPTION_MAX_LENGTH, PURPOSE_MAX_LENGTH
from tests.compliance.report_fixtures import case  # noqa: F401 (the fixture)
from tests.compliance.workspace import log_in, ws  # noqa: F401

pytestmark = pytest.mark.django_db


# --------------------------------------------------------- c. an unknown case record


@pytest.mark.parametrize("who", ["anonymous", "viewer", "outsider"])
def test_unknown_case_record_is_a_404_for_everyone(client, ws, who):
    log_in(client, ws, who)
    assert client.get("/cases/no-such-record/").status_code == 404


def test_private_case_record_access(client, ws):
    # Another organisation's record: the same 404 as an unknown one.
    log_in(client, ws, "outsider")
    assert client.get(f"/cases/{ws.case.slug}/").status_code == 404
    client.logout()
    # Anonymous: a record that exists asks for the login (as every workspace page does).
    response = client.get(f"/cases/{ws.case.slug}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    log_in(client, ws, "viewer")
    assert client.get(f"/cases/{ws.case.slug}/").status_code == 200


# -------------------------------------------------------- f. the PDF button at the top


def test_results_page_offers_the_pdf_near_the_top(client, case):
    client.force_login(case.owner)
    body = client.get(reverse("compliance:assessment_results", args=[case.final.pk])).content.decode()
    report_url = reverse("compliance:assessment_report", args=[case.final.pk])
    button = re.escape(f'class="button report-button" href="{report_url}"')
    buttons = [m.start() for m in re.finditer(button, body)]
    assert len(buttons) == 2, "one at the top and one at the end"
    assert buttons[0] < body.index('id="classification-heading"')
    assert "Скачать отчёт (PDF)" in body[buttons[0]: buttons[0] + 300]


# ------------------------------------------------ i. AI system description and purpose


@pytest.mark.parametrize(
    "field, limit", [("description", DESCRIPTION_MAX_LENGTH), ("purpose", PURPOSE_MAX_LENGTH)]
)
def test_ai_system_texts_have_a_length_limit_with_a_clear_message(client, ws, field, limit):
    log_in(client, ws, "lawyer")
    data = {"name": "Новая система", "roles": ["developer"], "description": "", "purpose": ""}
    response = client.post(reverse("compliance:ai_system_create"), {**data, field: "я" * (limit + 1)})
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Не длиннее {limit} знаков, а сейчас {limit + 1}. Сократите текст." in body
    assert not AISystem.objects.filter(name="Новая система").exists()
    assert f'maxlength="{limit}"' in body and f"Не длиннее {limit} знаков." in body
    response = client.post(reverse("compliance:ai_system_create"), {**data, field: "я" * limit})
    assert response.status_code == 302
    assert len(getattr(AISystem.objects.get(name="Новая система"), field)) == limit


def test_ai_system_text_limit_message_in_kazakh(client, ws):
    log_in(client, ws, "lawyer")
    client.cookies["django_language"] = "kk"
    response = client.post(
        reverse("compliance:ai_system_create"),
        {"name": "Жүйе", "roles": ["developer"], "description": "я" * (DESCRIPTION_MAX_LENGTH + 1)},
    )
    limit = DESCRIPTION_MAX_LENGTH
    assert f"{limit} таңбадан аспауы тиіс, қазір {limit + 1}." in response.content.decode()


def test_api_refuses_a_too_long_purpose(client, ws):
    log_in(client, ws, "lawyer")
    response = client.patch(
        reverse("api:ai-system-detail", args=[ws.system.pk]),
        {"purpose": "я" * (PURPOSE_MAX_LENGTH + 1)},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content[:300]
    ws.system.refresh_from_db()
    assert ws.system.purpose == ""
