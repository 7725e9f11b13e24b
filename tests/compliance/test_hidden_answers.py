"""One rule for answers to hidden questions, the same in the wizard and the API.

An answer to a question that the answers (stored and submitted together) do not ask is not
stored; the API lists it in `ignored`, the wizard says so in a message. Both go through
services.assessments.save_answers, and these tests hold them to the same result.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from compliance.models import AnswerEvent
from compliance.services import assessments

from .factories import make_ai_system, make_member, make_organization, make_tiny_questionnaire

#: `uses_pd` becomes false, which hides `pd_basis`: its answer is not stored.
INPUT = {"uses_pd": False, "pd_basis": "consent"}


@pytest.fixture
def setting(db):
    organization = make_organization()
    lawyer = make_member(organization, "t-lawyer", role="lawyer")
    system = make_ai_system(organization)
    questionnaire = make_tiny_questionnaire()

    def draft():
        assessment = assessments.start_assessment(system, questionnaire, by=lawyer)
        # pd_basis is asked when the page is rendered: a form without the script posts it
        assessments.save_answers(assessment, {"uses_pd": True}, by=lawyer)
        return assessment

    return lawyer, draft


def by_api(client, assessment) -> list[str]:
    response = client.put(
        reverse("api:assessment-answers", args=[assessment.pk]), INPUT, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["changed"] == ["uses_pd"]
    assert body["answers"] == {"uses_pd": False}
    return body["ignored"]


def by_wizard(client, assessment) -> list[str]:
    response = client.post(
        reverse("compliance:assessment_section", args=[assessment.pk, "main"]),
        {"uses_pd": "false", "pd_basis": "consent", "notes": "", "action": "stay"},
    )
    assert response.status_code == 302
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    return ["pd_basis"] if any("На каком основании?" in message for message in shown) else []


def test_the_service_does_not_store_a_hidden_answer_and_says_so(setting):
    lawyer, draft = setting
    assessment = draft()
    saved = assessments.save_answers(assessment, INPUT, by=lawyer)
    assert saved.changed == ["uses_pd"]
    assert saved.ignored == ["pd_basis"]
    assert assessments.stored_answers(assessment) == {"uses_pd": False}
    assert not AnswerEvent.objects.filter(assessment=assessment, question__code="pd_basis").exists()


def test_the_wizard_and_the_api_give_the_same_answer_to_the_same_input(client, setting):
    lawyer, draft = setting
    client.force_login(lawyer)
    through_api, through_wizard = draft(), draft()
    assert by_api(client, through_api) == by_wizard(client, through_wizard) == ["pd_basis"]
    assert (
        assessments.stored_answers(through_api)
        == assessments.stored_answers(through_wizard)
        == {"uses_pd": False}
    )


def test_an_answer_the_answers_ask_is_stored_by_both(client, setting):
    lawyer, draft = setting
    client.force_login(lawyer)
    assessment = draft()
    response = client.put(
        reverse("api:assessment-answers", args=[assessment.pk]),
        {"pd_basis": "consent"},
        content_type="application/json",
    )
    assert response.json()["ignored"] == []
    assert assessments.stored_answers(assessment) == {"uses_pd": True, "pd_basis": "consent"}


def test_clearing_a_hidden_answer_is_applied(setting):
    lawyer, draft = setting
    assessment = draft()
    assessments.save_answers(assessment, {"pd_basis": "law"}, by=lawyer)
    assessments.save_answers(assessment, {"uses_pd": False}, by=lawyer)  # pd_basis kept, hidden
    saved = assessments.save_answers(assessment, {"pd_basis": None}, by=lawyer)
    assert saved.changed == ["pd_basis"] and saved.ignored == []
    assert assessments.stored_answers(assessment) == {"uses_pd": False}
