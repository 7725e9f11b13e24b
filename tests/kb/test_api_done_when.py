"""The issue's "done when", against the real knowledge base (loaded for the test session)."""

import pytest

from tests.api.conftest import problem_of

pytestmark = pytest.mark.django_db


def test_resolve_criminal_code_article_190_part_2(client):
    response = client.get("/api/v1/resolve/", {"cite": "ч. 2 ст. 190 УК РК"})
    assert response.status_code == 200
    (citation,) = response.json()["citations"]
    assert citation["text"] == "ч. 2 ст. 190 УК РК"
    assert (citation["act"], citation["eid"], citation["in_kb"]) == ("criminal-code", "art_190__para_2", True)
    assert citation["api_url"].endswith(
        "/api/v1/acts/criminal-code/versions/current/provisions/art_190__para_2/"
    )
    assert client.get(citation["api_url"]).json()["eid"] == "art_190__para_2"


def test_resolve_with_plus_signs_in_the_query_string(client):
    response = client.get("/api/v1/resolve/?cite=ч.+2+ст.+190+УК+РК")
    assert response.json()["citations"][0]["eid"] == "art_190__para_2"


def test_emotion_recognition_ban_as_of_february_2026(client):
    response = client.get(
        "/api/v1/provisions/", {"act": "ai-law", "as_of": "2026-02-01", "eid": "art_17__para_3__subpara_6"}
    )
    assert response.status_code == 200
    (provision,) = response.json()["results"]
    assert provision["version"] == "2025-11-17"
    assert "эмоций" in provision["unofficial_summary"]
    assert provision["frbr_uri"] == "/akn/kz/act/law/2025/230/rus@2025-11-17/!main~art_17__para_3__subpara_6"


def test_a_typo_in_a_filter_is_a_400_naming_it(client):
    body = problem_of(client.get("/api/v1/provisions/", {"acct": "ai-law"}), 400)
    assert body["type"] == "urn:kzai:problem:unknown-parameter"
    assert "acct" in body["detail"]
    assert list(body["errors"]) == ["acct"]
