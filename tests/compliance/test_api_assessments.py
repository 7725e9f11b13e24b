"""The workspace API: a whole assessment through it, the same findings as the browser, errors,
scoping, and constant query counts."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from compliance.models import AISystem, Assessment, CaseRecord
from compliance.services import assessments
from tests.api.conftest import problem_of
from tests.compliance.wizard_helpers import DEEPFAKE_FINDINGS, DEEPFAKE_SERVICE, questionnaire, split  # noqa: F401
from tests.compliance.workspace import log_in, ws  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def api(name, *args):
    return reverse(f"api:{name}", args=args)


def test_whole_assessment_through_the_api_matches_the_browser(client, ws, questionnaire):  # noqa: F811
    log_in(client, ws, "lawyer")
    response = client.post(
        api("assessment-list"), {"ai_system": ws.system.pk}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "draft"
    assert created["as_of"] == assessments.default_as_of(questionnaire).isoformat()
    assert "generates_media" in created["missing_required"]
    pk = created["id"]

    first, rest = split(DEEPFAKE_SERVICE)
    for half in (first, rest):
        response = client.put(api("assessment-answers", pk), half, content_type="application/json")
        assert response.status_code == 200, response.content
        assert set(response.json()["changed"]) == set(half)
    assert response.json()["missing_required"] == []

    response = client.post(api("assessment-finalize", pk))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "final" and response.json()["risk_level"] == "medium"

    findings = client.get(api("assessment-findings", pk)).json()
    assert findings["preview"] is False and findings["content_hash"]
    assert {f["rule"]: f["severity"] for f in findings["findings"]} == DEEPFAKE_FINDINGS
    cited = {f"{c['act']}/{c['eid']}" for f in findings["findings"] for c in f["citations"]}
    assert "t-ai-law/art_21__para_2" in cited
    liable = {f"{e['act']}/{e['eid']}": e for f in findings["findings"] for e in f["liability"]}
    assert liable["t-admin-code/art_641-1"]["reach"] == ["owner", "holder"]
    assert findings["summary"]["prohibited"][0]["slug"] == "t-unlabelled-synthetic-content"

    # the browser, answering the same through its own pages, finds the same
    browser = assessments.start_assessment(
        ws.system, questionnaire, by=ws.users["owner"], as_of=questionnaire.as_of
    )
    for code in [s.code for s in questionnaire.sections.order_by("order")]:
        section = {
            k: v
            for k, v in DEEPFAKE_SERVICE.items()
            if k in dict(questionnaire.questions.filter(section__code=code).values_list("code", "section"))
        }
        form = {}
        for key, value in section.items():
            form[key] = ("true" if value else "false") if isinstance(value, bool) else value
        for _sitting in range(5):  # answers open new questions: the page shows them, the user answers
            client.post(
                reverse("compliance:assessment_section", args=[browser.pk, code]), {**form, "action": "stay"}
            )
    client.post(reverse("compliance:assessment_finalize", args=[browser.pk]))
    html = client.get(reverse("compliance:assessment_results", args=[browser.pk])).content.decode()
    browser.refresh_from_db()
    assert [q.code for q in assessments.missing_required(browser)] == []
    assert browser.is_final
    assert [f.rule_code for f in browser.findings.all()] == [f["rule"] for f in findings["findings"]]
    for code in DEEPFAKE_FINDINGS:
        assert f'data-finding="{code}"' in html


def test_answers_errors_name_the_question_and_save_nothing(client, ws, questionnaire):  # noqa: F811
    draft = assessments.start_assessment(ws.system, questionnaire, by=ws.users["owner"])
    log_in(client, ws, "lawyer")
    body = problem_of(
        client.put(
            api("assessment-answers", draft.pk),
            {
                "deployment_mode": "open",
                "no_such_question": True,
                "restricted_data": "yes",
                "imitates_reality": "yes",
            },
            content_type="application/json",
        ),
        400,
    )
    # imitates_reality is hidden (generates_media unanswered): ignored, not an error
    # (tests/compliance/test_hidden_answers.py)
    assert set(body["errors"]) == {"no_such_question", "restricted_data"}
    assert assessments.stored_answers(draft) == {}
    problem_of(client.put(api("assessment-answers", draft.pk), [1, 2], content_type="application/json"), 400)
    problem_of(client.put(api("assessment-answers", draft.pk), "{", content_type="application/json"), 400)


def test_finalize_lists_missing_then_final_is_a_conflict(client, ws, questionnaire):  # noqa: F811
    draft = assessments.start_assessment(ws.system, questionnaire, by=ws.users["owner"])
    log_in(client, ws, "owner")
    body = problem_of(client.post(api("assessment-finalize", draft.pk)), 400)
    assert body["type"] == "urn:kzai:problem:missing-answers"
    assert "org_roles" in body["errors"]
    assessments.save_answers(draft, DEEPFAKE_SERVICE, by=ws.users["owner"])
    first = client.post(api("assessment-finalize", draft.pk))
    assert first.status_code == 200
    # finalising again (a retry, a double click) is idempotent: 200, the same final state
    again = client.post(api("assessment-finalize", draft.pk))
    assert again.status_code == 200 and again.json() == first.json() and again.json()["status"] == "final"
    body = problem_of(
        client.put(
            api("assessment-answers", draft.pk), {"deployment_mode": "open"}, content_type="application/json"
        ),
        409,
    )
    assert body["type"] == "urn:kzai:problem:assessment-final"
    response = client.post(api("assessment-revise", draft.pk))
    assert response.status_code == 201
    revision = response.json()
    assert revision["revision"] == 2 and revision["previous"] == draft.pk and revision["status"] == "draft"
    assert revision["answers"] == {k: v for k, v in assessments.stored_answers(draft).items()}
    problem_of(client.post(api("assessment-revise", draft.pk)), 409)
    problem_of(client.post(api("assessment-revise", revision["id"])), 409)


def test_draft_findings_are_a_preview(client, ws, questionnaire):  # noqa: F811
    draft = assessments.start_assessment(ws.system, questionnaire, by=ws.users["owner"])
    assessments.save_answers(draft, DEEPFAKE_SERVICE, by=ws.users["owner"])
    log_in(client, ws, "viewer")
    body = client.get(api("assessment-findings", draft.pk)).json()
    assert body["preview"] is True and body["content_hash"] is None
    assert {f["rule"] for f in body["findings"]} == set(DEEPFAKE_FINDINGS)


def test_lists_are_scoped_to_the_callers_organisations(client, ws, questionnaire):  # noqa: F811
    mine = assessments.start_assessment(ws.system, questionnaire, by=ws.users["owner"])
    theirs = assessments.start_assessment(ws.other_system, questionnaire, by=ws.users["outsider"])
    log_in(client, ws, "viewer")
    ids = [row["id"] for row in client.get(api("assessment-list")).json()["results"]]
    assert ids == [mine.pk] and theirs.pk not in ids
    systems = [row["id"] for row in client.get(api("ai-system-list")).json()["results"]]
    assert systems == [ws.system.pk]
    slugs = {row["slug"] for row in client.get(api("case-list"), {"page_size": 100}).json()["results"]}
    assert ws.case.slug in slugs and ws.other_case.slug not in slugs
    problem_of(client.get(api("assessment-detail", theirs.pk)), 404)


def test_ai_system_create_update_and_errors(client, ws, questionnaire):  # noqa: F811
    log_in(client, ws, "lawyer")
    body = {"organization": "acme", "name": "Чат-бот", "roles": ["owner"], "deployment_mode": "open"}
    response = client.post(api("ai-system-list"), body, content_type="application/json")
    assert response.status_code == 201, response.content
    system = AISystem.objects.get(name="Чат-бот")
    assert system.organization == ws.org
    problem_of(client.post(api("ai-system-list"), body, content_type="application/json"), 400)  # same name
    errors = problem_of(
        client.post(
            api("ai-system-list"),
            {**body, "name": "X", "organization": "globex", "roles": ["boss"]},
            content_type="application/json",
        ),
        400,
    )["errors"]
    assert set(errors) == {"organization", "roles"}
    response = client.patch(
        api("ai-system-detail", system.pk), {"sector": "связь"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["sector"] == "связь"
    assessments.start_assessment(system, by=ws.users["lawyer"])
    problem_of(client.delete(api("ai-system-detail", system.pk)), 409)


def test_case_create_with_provisions_and_filters(client, ws):  # noqa: F811
    log_in(client, ws, "owner")
    body = {
        "organization": "acme",
        "kind": "incident",
        "date": "2026-03-01",
        "technique": "deepfake_video",
        "title_ru": "Ролик без маркировки",
        "confidence": "unverified",
        "provisions": [
            {"act": "t-ai-law", "version": "2025-11-17", "eid": "art_21__para_2", "relation": "violated"}
        ],
    }
    response = client.post(api("case-list"), body, content_type="application/json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["organization"] == "acme" and created["provisions"][0]["relation"] == "violated"
    record = CaseRecord.objects.get(slug=created["slug"])
    assert record.organization == ws.org
    bad = {
        **body,
        "provisions": [{"act": "t-ai-law", "version": "2025-11-17", "eid": "art_999", "relation": "cited"}],
    }
    assert (
        "provisions"
        in problem_of(client.post(api("case-list"), bad, content_type="application/json"), 400)["errors"]
    )
    found = client.get(
        api("case-list"), {"act": "t-ai-law", "provision": "art_21", "date_from": "2026-02-01"}
    ).json()
    assert created["slug"] in {row["slug"] for row in found["results"]}
    problem_of(client.get(api("case-list"), {"kind": "rumour"}), 400)
    problem_of(client.get(api("case-list"), {"knd": "incident"}), 400)
    # curated public records are not changed through the API
    public = CaseRecord.objects.public().first()
    problem_of(
        client.patch(api("case-detail", public.slug), {"title_ru": "x"}, content_type="application/json"), 403
    )


def test_questionnaire_definition(client, questionnaire):  # noqa: F811
    body = client.get(api("questionnaire-detail", questionnaire.pk)).json()
    assert body["slug"] == "ai-compliance" and body["status"] == "published"
    questions = {q["code"]: q for q in body["questions"]}
    assert questions["imitates_reality"]["visible_if"] == {"eq": ["generates_media", True]}
    assert {o["code"] for o in questions["deployment_mode"]["options"]} == {"open", "closed", "local"}
    rules = {r["code"]: r for r in body["rules"]}
    assert "art_21__para_2" in {p["eid"] for p in rules["synthetic_no_machine_mark"]["provisions"]}
    assert body["sections"][0]["questions"][0] == "org_roles"
    # where references naming no act («п. 1 ст. 7») point: the questionnaire's act unless overridden
    assert body["context_act"] == "t-ai-law"
    sections = {section["code"]: section for section in body["sections"]}
    assert sections["system"]["context_act"] == "t-ai-law"
    assert sections["personal_data"]["context_act"] == "t-personal-data-law"
    assert rules["risk_high"]["context_act"] == "t-ai-law"
    assert rules["banned_unlawful_personal_data"]["context_act"] == "t-personal-data-law"
    assert questionnaire.pk in [q["id"] for q in client.get(api("questionnaire-list")).json()["results"]]


#: Queries per request, whatever the data size.
QUERIES = {"assessment-list": 5, "assessment-detail": 14, "ai-system-list": 5, "case-list": 8, "findings": 4}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_counts_are_constant(client, ws, questionnaire, django_assert_num_queries, name):  # noqa: F811
    log_in(client, ws, "lawyer")

    def grow():
        system = AISystem.objects.create(
            organization=ws.org, name=f"S{AISystem.objects.count()}", roles=["user"]
        )
        made = assessments.start_assessment(system, questionnaire, by=ws.users["lawyer"])
        assessments.save_answers(made, DEEPFAKE_SERVICE, by=ws.users["lawyer"])
        return assessments.finalize(made, by=ws.users["lawyer"])

    first = grow()
    url = {
        "assessment-list": api("assessment-list"),
        "assessment-detail": api("assessment-detail", first.pk),
        "ai-system-list": api("ai-system-list"),
        "case-list": api("case-list"),
        "findings": api("assessment-findings", first.pk),
    }[name]
    for _round in range(2):
        cache.clear()
        client.get(url)
        with django_assert_num_queries(QUERIES[name]):
            assert client.get(url).status_code == 200
        grow()
    assert Assessment.objects.count() == 3


def test_starting_through_the_api_records_the_organisations_category(client, ws, questionnaire):  # noqa: F811
    log_in(client, ws, "lawyer")
    bad = client.post(
        api("assessment-list"), {"ai_system": ws.system.pk, "organization_category": "huge"},
        content_type="application/json",
    )
    assert "organization_category" in problem_of(bad, 400)["errors"]
    ok = client.post(
        api("assessment-list"), {"ai_system": ws.system.pk, "organization_category": "small"},
        content_type="application/json",
    )
    assert ok.status_code == 201, ok.content
    ws.system.organization.refresh_from_db()
    assert ws.system.organization.category == "small"
    listed = client.get(api("assessment-list")).json()["results"][0]
    assert listed["organization_category"] == "small"
