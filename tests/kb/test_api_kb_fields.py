"""The real knowledge base's editorial fields as the API gives them (the fields' behaviour on
factory data: tests/api/test_kb_fields.py)."""

import pytest

pytestmark = pytest.mark.django_db


def test_no_act_lists_an_english_text_as_official(client):
    body = client.get("/api/v1/acts/ai-law/").json()
    assert body["official_urls"]["ru"].startswith("https://adilet.zan.kz/rus/")
    assert body["translation_urls"]["en"].startswith("https://adilet.zan.kz/eng/")
    for act in client.get("/api/v1/acts/").json()["results"]:
        assert "en" not in act["official_urls"], act["slug"]
        assert not any("/eng/" in url for url in act["official_urls"].values()), act["slug"]


def test_the_fine_schedule_of_administrative_code_641_1(client):
    url = "/api/v1/acts/admin-code/versions/current/provisions/art_641-1__para_1/"
    schedule = client.get(url).json()["fine_schedule"]
    assert schedule["unit"] == "MRP" and schedule["amounts"]["individual"] == 15
    assert schedule["repeat"]["eid"] == "art_641-1__para_2"


def test_manipulative_techniques_are_punished_under_article_30_only(client):
    body = client.get("/api/v1/practices/manipulative-subliminal-techniques/").json()
    liability = [ref["provision"]["eid"] for ref in body["references"] if ref["role"] == "liability"]
    assert liability == ["art_30"]


def test_disclosing_ai_use_is_not_punished_under_administrative_code_641_1(client):
    body = client.get("/api/v1/obligations/disclose-ai-use-in-goods-and-services/").json()
    liability = [r["provision"]["eid"] for r in body["references"] if r["role"] == "liability"]
    assert not [eid for eid in liability if "641-1" in eid]
