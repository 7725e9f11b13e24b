"""A lawyer downloads the PDF report of a final assessment from its results page, and a
reader downloads a printed act from the version page (see tests/e2e/conftest.py)."""

import pytest
from playwright.sync_api import expect

from tests.compliance.report_fixtures import SYSTEM, make_report_case
from tests.compliance.report_helpers import reader, text_of

pytestmark = pytest.mark.e2e


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()


def test_download_the_report_from_the_results_page(page, kb_loaded, django_user_model):
    case = make_report_case()
    case.owner.set_password("correct horse battery staple")
    case.owner.save()
    log_in(page, case.owner.username, "correct horse battery staple")

    page.goto(f"/assessments/{case.final.pk}/results/")
    # The button is under the header and again after the results; the first is in view.
    expect(page.locator("a.report-button")).to_have_count(2)
    with page.expect_download() as info:
        page.locator("a.report-button").first.click()
    download = info.value
    assert download.suggested_filename == f"kzai-assessment-{case.final.pk}-r1-ru.pdf"
    pdf = open(download.path(), "rb").read()
    assert pdf.startswith(b"%PDF-1.7")
    assert SYSTEM in text_of(pdf) and len(reader(pdf).pages) > 5


def test_download_a_printed_act_from_the_version_page(page, kb_loaded):
    page.goto("/acts/ai-law/2025-11-17/")
    with page.expect_download() as info:
        page.locator("p.toc-pdf a").click()
    pdf = open(info.value.path(), "rb").read()
    assert "Статья 17. Правовой режим систем искусственного интеллекта" in text_of(pdf).replace("\n", " ")
