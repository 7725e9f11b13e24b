"""The wizard's script in a real browser: the condition interpreter agrees with the server's
(the shared table), follow-up questions appear at once, "save and continue" does not leave
opened required questions behind, autosave retries after an error and the tab warns before
closing with unsaved answers."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from compliance.models import AISystem, Membership, Organization, Questionnaire
from compliance.services import assessments

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery staple"
CASES = Path(__file__).resolve().parent.parent / "compliance" / "condition_cases.json"
TABLE = json.loads(CASES.read_text(encoding="utf-8"))
ANSWERS_API = re.compile(r"/api/v1/assessments/\d+/answers/$")


@pytest.fixture
def draft(kb_loaded, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    organization = Organization.objects.create(slug="acme", name="ТОО «Акме»")
    user = django_user_model.objects.create_user("acme-lawyer", password=PASSWORD)
    Membership.objects.create(organization=organization, user=user, role="lawyer")
    system = AISystem.objects.create(organization=organization, name="Генератор роликов", roles=["developer"])
    questionnaire = Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE)
    return assessments.start_assessment(system, questionnaire, by=user, as_of=questionnaire.as_of)


def open_section(page, draft, code):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "acme-lawyer")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator("[type=submit]").click()
    page.goto(f"/assessments/{draft.pk}/sections/{code}/")
    expect(page.locator("form[data-autosave-ready]")).to_have_count(1)


RUN_TABLE = """table => {
  const wrong = [];
  for (const c of table.cases) {
    const got = window.kzaiConditions.evaluate(c.condition, c.answers);
    if (got !== c.expected) wrong.push([c.name, got]);
  }
  for (const c of table.visibility) {
    const questions = Object.keys(c.visible_if).map(code => ({code, visible_if: c.visible_if[code]}));
    const got = window.kzaiConditions.visibility(questions, c.answers);
    if (JSON.stringify(got) !== JSON.stringify(c.expected)) wrong.push([c.name, got]);
  }
  return wrong;
}"""


def test_the_browser_interpreter_passes_the_servers_condition_table(page, draft):
    open_section(page, draft, "synthetic")
    assert len(TABLE["cases"]) > 50
    assert page.evaluate(RUN_TABLE, TABLE) == []


@pytest.mark.parametrize("failure", ["network", "server"])
def test_follow_ups_appear_at_once_and_autosave_retries_after_an_error(page, draft, failure):
    calls = []

    def flaky(route):
        calls.append(route.request.post_data)
        if len(calls) == 1:
            if failure == "network":
                route.abort("internetdisconnected")
            else:
                route.fulfill(status=503, content_type="application/json", body='{"detail": "down"}')
        else:
            route.continue_()

    open_section(page, draft, "synthetic")
    page.route(ANSWERS_API, flaky)
    status = page.locator(".autosave-status")
    follow_up = page.locator('fieldset[data-question="imitates_reality"]')
    expect(follow_up).to_be_hidden()
    page.locator('fieldset[data-question="generates_media"] input[value="true"]').check()
    # shown by the page's own interpreter, while the save has failed
    expect(follow_up).to_be_visible()
    expect(follow_up).to_be_enabled()
    expect(status).to_have_attribute("data-state", "retrying")
    expect(status).to_contain_text("Повторная попытка через 1 с")
    expect(status).to_have_attribute("data-state", "saved")
    expect(status).to_have_text("Сохранено")
    assert len(calls) == 2 and json.loads(calls[1]) == {"generates_media": True}
    assert assessments.stored_answers(draft)["generates_media"] is True
    # and hidden again at once
    page.locator('fieldset[data-question="generates_media"] input[value="false"]').check()
    expect(follow_up).to_be_hidden()
    expect(status).to_have_attribute("data-state", "saved")
    page.unroute(ANSWERS_API)


def test_closing_the_tab_with_an_unsaved_answer_asks_first(page, draft):
    open_section(page, draft, "bans")
    page.route(ANSWERS_API, lambda route: route.abort("internetdisconnected"))
    page.locator('fieldset[data-question="ban_manipulation"] input[value="false"]').check()
    expect(page.locator(".autosave-status")).to_have_attribute("data-state", "retrying")
    with page.expect_event("dialog") as info:
        page.close(run_before_unload=True)
    dialog = info.value
    assert dialog.type == "beforeunload"
    dialog.accept()


def test_save_and_continue_stays_while_an_opened_required_question_is_unanswered(page, draft):
    open_section(page, draft, "synthetic")
    page.locator('fieldset[data-question="generates_media"] input[value="true"]').check()
    expect(page.locator(".autosave-status")).to_have_text("Сохранено")
    page.locator('fieldset[data-question="forwards_synthetic"] input[value="false"]').check()
    expect(page.locator(".autosave-status")).to_have_text("Сохранено")
    page.locator('button[value="next"]').click()
    expect(page).to_have_url(re.compile(r"/sections/synthetic/$"))
    expect(page.locator("body")).to_contain_text("обязательные из них ещё без ответа")
    # answered, it moves on
    page.locator('fieldset[data-question="imitates_reality"] input[value="no"]').check()
    page.locator('fieldset[data-question="output_safeguards"] input[value="true"]').check()
    expect(page.locator(".autosave-status")).to_have_text("Сохранено")
    page.locator('button[value="next"]').click()
    expect(page).to_have_url(re.compile(r"/sections/risk_management/$"))
