"""Every error is problem+json with a message that names what is wrong; never HTML, never a traceback."""

import pytest
from django.test import Client

from tests.api.conftest import problem_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params", "field", "words"),
    [
        ("/api/v1/provisions/", {"act": "no-such-act"}, "act", "no-such-act"),
        ("/api/v1/provisions/", {"version": "1999-01-01"}, "version", "1999-01-01"),
        ("/api/v1/provisions/", {"as_of": "2026-02-30"}, "as_of", "2026-02-30"),
        ("/api/v1/provisions/", {"as_of": "01.02.2026"}, "as_of", "01.02.2026"),
        ("/api/v1/provisions/", {"type": "chapterr"}, "type", "chapterr"),
        ("/api/v1/provisions/", {"confidence": "sure"}, "confidence", "sure"),
        ("/api/v1/provisions/", {"duty_holder": "martian"}, "duty_holder", "martian"),
        ("/api/v1/provisions/", {"page_size": "0"}, "page_size", "0"),
        ("/api/v1/provisions/", {"page_size": "101"}, "page_size", "101"),
        ("/api/v1/provisions/", {"cursor": "forged"}, "cursor", "next"),
        ("/api/v1/provisions/", {"frbr_uri": "/akn/xx"}, "frbr_uri", "/akn/kz/act"),
        ("/api/v1/acts/", {"page": "0"}, "page", "0"),
        ("/api/v1/acts/", {"page_size": "abc"}, "page_size", "abc"),
        ("/api/v1/acts/", {"kind": "decree"}, "kind", "decree"),
        ("/api/v1/obligations/", {"risk_level": "extreme"}, "risk_level", "extreme"),
        ("/api/v1/search/", {"q": "ИИ", "act": "nope"}, "act", "nope"),
        ("/api/v1/search/", {"q": "ИИ", "unit_type": "book"}, "unit_type", "book"),
        ("/api/v1/search/", {"act": "ai-law"}, "q", ""),
        ("/api/v1/resolve/", {"cite": "ст. 5", "as_of": "yesterday"}, "as_of", "yesterday"),
        ("/api/v1/resolve/", {"cite": "ст. 5", "act": "nope"}, "act", "nope"),
    ],
)
def test_invalid_values_are_400s_naming_the_parameter(client, url, params, field, words):
    body = problem_of(client.get(url, params), 400)
    assert list(body["errors"]) == [field]
    assert words in body["detail"]


def test_a_repeated_or_empty_parameter_is_a_400(client):
    body = problem_of(client.get("/api/v1/provisions/?act=ai-law&act=criminal-code"), 400)
    assert body["errors"] == {"act": ["Укажите один раз."]}
    body = problem_of(client.get("/api/v1/provisions/?type="), 400)
    assert list(body["errors"]) == ["type"]


def test_unknown_parameter_on_every_kind_of_endpoint(client):
    for url in (
        "/api/v1/acts/",
        "/api/v1/acts/ai-law/",
        "/api/v1/acts/ai-law/versions/",
        "/api/v1/acts/ai-law/versions/2025-11-17/toc/",
        "/api/v1/acts/ai-law/versions/2025-11-17/provisions/art_17/",
        "/api/v1/terms/",
        "/api/v1/practices/",
        "/api/v1/obligations/",
        "/api/v1/search/?q=ИИ",
        "/api/v1/resolve/?cite=ст.+17",
    ):
        joiner = "&" if "?" in url else "?"
        body = problem_of(client.get(f"{url}{joiner}formt=json"), 400)
        assert "formt" in body["detail"], url


def test_unknown_api_urls_and_objects_are_problem_404s(client):
    for url in (
        "/api/",
        "/api/v2/acts/",
        "/api/v1/nothing/",
        "/api/v1/acts/no-such-act/",
        "/api/v1/acts/ai-law/versions/1999-01-01/toc/",
        "/api/v1/acts/ai-law/versions/2025-11-17/provisions/art_999/",
        "/api/v1/practices/nope/",
        "/api/v1/akn/kz/act/law/2025/999/rus@2025-11-17/!main~art_1",
        "/api/v1/akn/not-a-uri",
    ):
        problem_of(client.get(url), 404)


def test_missing_slash_is_redirected_keeping_the_method(client):
    response = client.get("/api/v1/acts?kind=law")
    assert response.status_code == 308
    assert response["Location"] == "/api/v1/acts/?kind=law"


def test_wrong_method_and_media_type(client):
    body = problem_of(client.delete("/api/v1/acts/"), 405)
    assert "DELETE" in body["detail"]
    problem_of(client.post("/api/v1/resolve/", "<xml/>", content_type="application/xml"), 415)
    problem_of(client.get("/api/v1/acts/", HTTP_ACCEPT="text/html"), 406)


def test_pages_outside_the_api_keep_their_html_404(client):
    response = client.get("/acts/no-such-act/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.urls("tests.api.urls_crash")
@pytest.mark.parametrize("url", ["/api/crash/", "/api/plain-crash/"])
def test_a_crash_is_a_problem_500_without_traceback(settings, url):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    body = problem_of(client.get(url), 500)
    assert "secret" not in body["detail"] and "Traceback" not in body["detail"]
    assert body["type"] == "urn:kzai:problem:server-error"


@pytest.mark.urls("tests.api.urls_crash")
def test_a_crash_outside_the_api_is_the_html_500_page(settings):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/plain-crash/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_a_csrf_failure_under_the_api_is_a_problem_403():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "x" * 32
    body = problem_of(client.post("/api/v1/nothing/", {"a": 1}, content_type="application/json"), 403)
    assert "X-CSRFToken" in body["detail"]
