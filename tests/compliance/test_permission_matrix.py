"""The permission matrix of the assessment pages and of the workspace API, × who is asking.

Pages: anonymous → the login page; another organisation's member → 404; a viewer reads and
gets 403 on changes. API: anonymous → 401 (public case records excepted), another
organisation → 404 problem+json, viewer → 403 on changes. (The AI system and case pages
are in test_permissions.py.)
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from compliance.services import assessments
from tests.compliance.wizard_helpers import DEEPFAKE_SERVICE, questionnaire  # noqa: F401
from tests.compliance.workspace import WHO, log_in, ws  # noqa: F401

pytestmark = pytest.mark.django_db

READ = dict(viewer=200, lawyer=200, owner=200, outsider=404)
REDIRECT = dict(viewer=302, lawyer=302, owner=302, outsider=404)


@pytest.fixture
def records(ws, questionnaire):  # noqa: F811
    cache.clear()
    draft = assessments.start_assessment(ws.system, questionnaire, by=ws.users["owner"])
    final = assessments.start_assessment(ws.system, questionnaire, by=ws.users["owner"])
    assessments.save_answers(final, DEEPFAKE_SERVICE, by=ws.users["owner"])
    final = assessments.finalize(final, by=ws.users["owner"])
    return {"draft": draft, "final": final, "system": ws.system, "case": ws.case,
            "public_case": ws.public_case}


# (method, url name, url args, expected by who) — web pages
PAGES = [
    ("get", "assessments", lambda r: [], dict(viewer=200, lawyer=200, owner=200, outsider=200)),
    ("get", "system_assessments", lambda r: [r["system"].pk], READ),
    (
        "get",
        "assessment_start",
        lambda r: [r["system"].pk],
        dict(viewer=403, lawyer=200, owner=200, outsider=404),
    ),
    (
        "post",
        "assessment_start",
        lambda r: [r["system"].pk],
        dict(viewer=403, lawyer=302, owner=302, outsider=404),
    ),
    ("get", "assessment", lambda r: [r["draft"].pk], REDIRECT),
    ("get", "assessment_section", lambda r: [r["draft"].pk, "system"], READ),
    (
        "post",
        "assessment_section",
        lambda r: [r["draft"].pk, "system"],
        dict(viewer=403, lawyer=302, owner=302, outsider=404),
    ),
    ("get", "assessment_review", lambda r: [r["draft"].pk], READ),
    ("get", "assessment_results", lambda r: [r["final"].pk], READ),
    ("get", "assessment_history", lambda r: [r["final"].pk], READ),
    (
        "post",
        "assessment_finalize",
        lambda r: [r["draft"].pk],
        dict(viewer=403, lawyer=400, owner=400, outsider=404),
    ),
    (
        "post",
        "assessment_revise",
        lambda r: [r["final"].pk],
        dict(viewer=403, lawyer=302, owner=302, outsider=404),
    ),
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "name", "args", "expected"), PAGES, ids=[f"{p[0]}-{p[1]}" for p in PAGES])
def test_pages(client, ws, records, who, method, name, args, expected):  # noqa: F811
    url = reverse(f"compliance:{name}", args=args(records))
    data = {
        "assessment_section": {"action": "stay", "deployment_mode": "open"},
        "assessment_start": {"questionnaire": records["draft"].questionnaire_id},
    }.get(name, {})
    response = getattr(log_in(client, ws, who), method)(url, data)
    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    else:
        assert response.status_code == expected[who]
    changed = assessments.stored_answers(records["draft"]).get("deployment_mode") == "open"
    assert changed == (name == "assessment_section" and method == "post" and who in ("lawyer", "owner"))


API_READ = dict(anonymous=401, viewer=200, lawyer=200, owner=200, outsider=404)
API_EDIT = dict(anonymous=401, viewer=403, lawyer=200, owner=200, outsider=404)

# (method, url name, url args, body, expected by who) — API
ENDPOINTS = [
    ("get", "ai-system-list", lambda r: [], None, {**API_READ, "outsider": 200}),
    (
        "post",
        "ai-system-list",
        lambda r: [],
        {"organization": "acme", "name": "Новая", "roles": ["user"]},
        dict(anonymous=401, viewer=403, lawyer=201, owner=201, outsider=400),
    ),
    ("get", "ai-system-detail", lambda r: [r["system"].pk], None, API_READ),
    ("patch", "ai-system-detail", lambda r: [r["system"].pk], {"sector": "медиа"}, API_EDIT),
    # a private record does not exist for anyone outside its organisation
    ("get", "case-detail", lambda r: [r["case"].slug], None, {**API_READ, "anonymous": 404}),
    ("patch", "case-detail", lambda r: [r["case"].slug], {"title_ru": "Жалоба"}, API_EDIT),
    (
        "get",
        "case-detail",
        lambda r: [r["public_case"].slug],
        None,
        dict(anonymous=200, viewer=200, lawyer=200, owner=200, outsider=200),
    ),
    ("get", "assessment-list", lambda r: [], None, {**API_READ, "outsider": 200}),
    (
        "post",
        "assessment-list",
        lambda r: [],
        lambda r: {"ai_system": r["system"].pk},
        dict(anonymous=401, viewer=403, lawyer=201, owner=201, outsider=400),
    ),
    ("get", "assessment-detail", lambda r: [r["draft"].pk], None, API_READ),
    ("put", "assessment-answers", lambda r: [r["draft"].pk], {"deployment_mode": "open"}, API_EDIT),
    (
        "post",
        "assessment-finalize",
        lambda r: [r["draft"].pk],
        None,
        {**API_EDIT, "lawyer": 400, "owner": 400},
    ),
    ("post", "assessment-revise", lambda r: [r["final"].pk], None, {**API_EDIT, "lawyer": 201, "owner": 201}),
    ("get", "assessment-findings", lambda r: [r["final"].pk], None, API_READ),
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(
    ("method", "name", "args", "body", "expected"),
    ENDPOINTS,
    ids=[f"{e[0]}-{e[1]}-{i}" for i, e in enumerate(ENDPOINTS)],
)
def test_api(client, ws, records, who, method, name, args, body, expected):  # noqa: F811
    url = reverse(f"api:{name}", args=args(records))
    if callable(body):
        body = body(records)
    kwargs = {"content_type": "application/json", "data": body} if body is not None else {}
    response = getattr(log_in(client, ws, who), method)(url, **kwargs)
    assert response.status_code == expected[who], response.content
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
    if name == "assessment-answers":
        changed = assessments.stored_answers(records["draft"]).get("deployment_mode") == "open"
        assert changed == (who in ("lawyer", "owner"))
