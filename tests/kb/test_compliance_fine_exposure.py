"""Fine exposure: the fines of the findings' liability provisions for the organisation's
category, first and repeat, in МРП and in tenge at the МРП of the as-of year."""

import datetime
import re

import pytest
from django.urls import reverse

from compliance.models import AISystem, Membership, Organization
from compliance.reports import services
from compliance.services import assessments
from legal.models import Mrp
from tests.compliance.report_helpers import json_attachment, text_of
from tests.compliance.wizard_helpers import DEEPFAKE_SERVICE

pytestmark = pytest.mark.django_db

KOAP_641_1 = "admin-code/art_641-1__para_1__subpara_1"


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("owner", password="x")


def finalised(owner, category="", as_of=None, answers=DEEPFAKE_SERVICE):
    organization = Organization.objects.create(slug=f"org-{category or 'none'}", name="ТОО «Тест»")
    Membership.objects.create(organization=organization, user=owner, role="owner")
    system = AISystem.objects.create(organization=organization, name="Видеогенератор", roles=["owner"])
    draft = assessments.start_assessment(system, by=owner, as_of=as_of, category=category)
    assessments.save_answers(draft, answers, by=owner)
    return assessments.finalize(draft, by=owner)


def row(data, key=KOAP_641_1):
    return next(r for r in data["exposure"]["rows"] if f"{r['act']}/{r['eid']}" == key)


@pytest.mark.parametrize(
    "category, first, repeat",
    [
        ("individual", 15, 30),
        ("small", 20, 50),
        ("nonprofit", 20, 50),
        ("medium", 30, 70),
        ("large", 100, 200),
    ],
)
def test_641_1_fine_per_category_in_2026(owner, category, first, repeat):
    final = finalised(owner, category, as_of=datetime.date(2026, 6, 1))
    data = assessments.assessment_data(final)
    assert data["organization"]["category"] == category
    assert data["exposure"]["mrp"]["year"] == 2026 and data["exposure"]["mrp"]["tenge"] == 4325
    (fine,) = row(data)["fines"]
    assert fine["eid"] == "art_641-1__para_1" and fine["repeat"]["eid"] == "art_641-1__para_2"
    assert fine["amounts"][category] == {"mrp": first, "tenge": first * 4325}
    assert fine["repeat"]["amounts"][category] == {"mrp": repeat, "tenge": repeat * 4325}


def test_the_mrp_of_the_as_of_year_is_used(owner):
    data = assessments.assessment_data(finalised(owner, "large", as_of=datetime.date(2026, 4, 4)))
    assert row(data)["fines"][0]["amounts"]["large"] == {"mrp": 100, "tenge": 432_500}
    Mrp.objects.create(year=2027, tenge=5000, confidence="unverified", sources=["https://example.kz/mrp"])
    later = assessments.assessment_data(finalised(owner, "small", as_of=datetime.date(2027, 2, 1)))
    assert later["exposure"]["mrp"]["tenge"] == 5000
    assert row(later)["fines"][0]["amounts"]["small"] == {"mrp": 20, "tenge": 100_000}


def test_a_year_without_an_mrp_gives_no_tenge_and_says_so(owner, client):
    final = finalised(owner, "large", as_of=datetime.date(2031, 1, 15))
    data = assessments.assessment_data(final)
    assert data["exposure"]["mrp"] == {"year": 2031, "tenge": None}
    assert row(data)["fines"][0]["amounts"]["large"] == {"mrp": 100, "tenge": None}
    client.force_login(owner)
    page = client.get(reverse("compliance:assessment_results", args=[final.pk])).content.decode()
    assert "МРП на 2031 год в базе знаний нет: суммы в тенге не рассчитаны." in page
    assert "100 МРП" in page and "₸" not in page.split('data-exposure="admin-code/art_641-1')[1][:600]


def test_results_page_shows_the_category_first_and_repeat_in_tenge(owner, client):
    final = finalised(owner, "large", as_of=datetime.date(2026, 4, 4))
    client.force_login(owner)
    page = client.get(reverse("compliance:assessment_results", args=[final.pk])).content.decode()
    cell = page.split(f'data-exposure="{KOAP_641_1}"')[1].split("</tr>")[0]
    assert "100 МРП (432\u00a0500\u00a0₸)" in cell
    assert "200 МРП (865\u00a0000\u00a0₸)" in cell
    assert "Штрафы показаны для категории организации: субъект крупного предпринимательства." in page
    assert "Суммы в тенге — по МРП 2026 года: 4\u00a0325 ₸." in page


def test_without_a_category_every_category_is_shown(owner, client):
    final = finalised(owner, "", as_of=datetime.date(2026, 4, 4))
    client.force_login(owner)
    page = client.get(reverse("compliance:assessment_results", args=[final.pk])).content.decode()
    cell = page.split(f'data-exposure="{KOAP_641_1}"')[1].split("</tr>")[0]
    assert "Категория организации не указана" in page
    for label, amount in (("физическое лицо", "15"), ("субъект малого предпринимательства", "20"),
                          ("субъект крупного предпринимательства", "100")):
        assert f"{label} — {amount} МРП" in cell


def test_the_category_is_asked_once_and_kept(owner):
    first = finalised(owner, "medium")
    organization = first.organization
    organization.refresh_from_db()
    assert organization.category == "medium"
    system = AISystem.objects.create(organization=organization, name="Второй", roles=["owner"])
    second = assessments.start_assessment(system, by=owner)
    assert second.organization.category == "medium"
    with pytest.raises(Exception, match="Неизвестная категория"):
        assessments.start_assessment(system, by=owner, category="huge")


def test_liability_that_does_not_reach_the_roles_is_marked(owner):
    owners_only = ("user_agreement", "documentation", "capabilities_info", "risk_process",
                   "risk_review_yearly", "suspension_procedure", "security_measures")
    users_only = {
        **{k: v for k, v in DEEPFAKE_SERVICE.items() if k not in owners_only}, "org_roles": ["user"]
    }
    data = assessments.assessment_data(finalised(owner, "large", answers=users_only))
    assert row(data)["reach"] == ["owner", "holder"]
    assert row(data)["applies"] is False
    assert row(data, "criminal-code/art_147")["applies"] is True  # reaches anyone


def test_pdf_report_states_the_fines(owner):
    final = finalised(owner, "large", as_of=datetime.date(2026, 4, 4))
    pdf = services.report_pdf(final, "ru").pdf
    text = re.sub(r"\s+", " ", text_of(pdf))
    exposure = text.split("Ответственность и штрафы")[1]
    assert "Штрафы показаны для категории организации: субъект крупного предпринимательства." in exposure
    assert "Суммы в тенге — по МРП 2026 года: 4 325 ₸." in exposure
    assert "100 МРП (432 500 ₸)" in exposure and "200 МРП (865 000 ₸)" in exposure
    # the data embedded in the PDF carries the same figures
    embedded = json_attachment(pdf, "assessment.json")
    assert embedded["exposure"] == assessments.assessment_data(final)["exposure"]


def test_a_recommendation_is_shown_apart_from_the_duty(owner, client):
    """Advice the knowledge base gives with a duty is never shown as the duty itself."""
    from legal.models import Obligation

    obligation = Obligation.objects.get(slug="visible-warning-on-synthetic-results")
    obligation.recommendation_ru = "Совет: держите пометку крупной."
    obligation.save()
    final = finalised(owner, "large")
    entry = next(
        o for f in assessments.assessment_data(final)["findings"] for o in f["obligations"]
        if o["slug"] == obligation.slug
    )
    assert entry["recommendation"]["ru"] == "Совет: держите пометку крупной."
    assert "Совет" not in entry["obligation"]["ru"]
    client.force_login(owner)
    page = client.get(reverse("compliance:assessment_results", args=[final.pk])).content.decode()
    box = page.split("data-recommendation>")[1].split("</div>")[0]
    assert "Рекомендация (не правовая обязанность):" in box and "Совет: держите пометку крупной." in box
    text = re.sub(r"\s+", " ", text_of(services.report_pdf(final, "ru").pdf))
    assert "Рекомендация (не правовая обязанность): Совет: держите пометку крупной." in text
