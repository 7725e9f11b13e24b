"""A lawyer's assessment in a real browser: log in, add an AI system, start an assessment,
answer half (saved as typed), close the page, come back where it was left, finish, finalise,
read the findings."""

import re

import pytest
from playwright.sync_api import expect

from compliance.models import Assessment, Membership, Organization
from tests.compliance.wizard_helpers import DEEPFAKE_FINDINGS, DEEPFAKE_SERVICE, FIRST_HALF_SECTIONS

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery staple"


@pytest.fixture
def lawyer(kb_loaded, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    organization = Organization.objects.create(slug="acme", name="ТОО «Акме»")
    user = django_user_model.objects.create_user("acme-lawyer", password=PASSWORD)
    Membership.objects.create(organization=organization, user=user, role="lawyer")
    return user


def answer(page, code, value):
    """Answer one question the way a user does: click the radio or checkboxes."""
    fieldset = page.locator(f'fieldset[data-question="{code}"]')
    expect(fieldset).to_be_visible()
    values = value if isinstance(value, list) else [value]
    for item in values:
        raw = ("true" if item else "false") if isinstance(item, bool) else item
        choice = fieldset.locator(f'input[value="{raw}"]')
        if choice.is_checked():  # given in an earlier sitting
            continue
        page.evaluate("document.querySelector('.autosave-status').textContent = ''")
        choice.check()
        expect(page.locator(".autosave-status")).to_have_text("Сохранено")


def answer_section(page, answers):
    """Answer every question of the open section that the answers name, in page order: each
    answer is saved at once and opens the questions that depend on it."""
    for code in page.locator("fieldset[data-question]").evaluate_all(
        "els => els.map(e => e.dataset.question)"
    ):
        if code in answers and page.locator(f'fieldset[data-question="{code}"]').is_visible():
            answer(page, code, answers[code])


def test_assessment_journey(page, lawyer, live_server):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "acme-lawyer")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator("[type=submit]").click()

    page.goto("/systems/new/")
    page.fill("input[name=name]", "Генератор роликов")
    page.locator('input[name=roles][value="developer"]').check()
    page.locator('input[name=roles][value="owner"]').check()
    page.locator("form.ai-system-form [type=submit]").click()
    expect(page.locator("h1")).to_have_text("Генератор роликов")
    system_url = page.url

    page.goto(system_url + "assessments/new/")
    page.locator("form.assessment-start-form [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sections/system/$"))
    expect(page.locator("form[data-autosave-ready]")).to_have_count(1)

    # answer the first half, section by section, by clicking only: every answer is saved at once
    for section in FIRST_HALF_SECTIONS:
        expect(page).to_have_url(re.compile(rf"/sections/{section}/$"))
        answer_section(page, DEEPFAKE_SERVICE)
        page.locator('button[value="next"]').click()
    # a dependent question appears as soon as its answer is given, before any submit
    dependent = page.locator('fieldset[data-question="imitates_reality"]')
    expect(dependent).to_be_hidden()
    answer(page, "generates_media", True)
    expect(dependent).to_be_visible()

    # close the tab without submitting; open the assessment again: it resumes where it was left
    assessment = Assessment.objects.get()
    page.goto("about:blank")
    page.goto(f"/assessments/{assessment.pk}/")
    expect(page).to_have_url(re.compile(r"/sections/synthetic/$"))
    expect(page.locator('fieldset[data-question="generates_media"] input[value="true"]')).to_be_checked()

    # finish: the rest of the sections
    while "/sections/" in page.url:
        answer_section(page, DEEPFAKE_SERVICE)
        page.locator('button[value="next"]').click()
    expect(page).to_have_url(re.compile(r"/review/$"))
    expect(page.locator("[data-missing]")).to_have_count(0)

    page.locator("form.finalize-form [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/results/$"))
    expect(page.locator(".status-banner.status-final")).to_be_visible()
    for code, severity in DEEPFAKE_FINDINGS.items():
        expect(page.locator(f'[data-finding="{code}"][data-severity="{severity}"]')).to_be_visible()
    link = page.locator('[data-finding="synthetic_no_machine_mark"] a[data-eid="ai-law/art_21__para_2"]')
    expect(link).to_have_attribute("href", "/acts/ai-law/2025-11-17/art_21__para_2/")
    exposure = page.locator('[data-exposure="admin-code/art_641-1__para_1__subpara_1"]')
    expect(exposure).to_be_visible()
    expect(page.locator('[data-prohibited="unlabelled-synthetic-content"]')).to_be_visible()
    assessment.refresh_from_db()
    assert assessment.is_final and assessment.finalized_by == lawyer
