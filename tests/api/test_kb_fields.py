# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""The knowledge base's editorial fields in the API, on factory data (what the real
knowledge base holds in them: tests/kb/test_api_kb_fields.py): unofficial translations apart from official
texts, notes on headings, our translations flagged, liability notes and conditions,
recommendations apart from duties, fine schedules in МРП."""

import pytest

from tests.legal.factories import (
    add_fines,
    build_sample,
    fixed_today,  # noqa: F401 (autouse fixture)
    make_provision,
    sample,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.django_db

PROVISION = "/api/v1/acts/{}/versions/{}/provisions/{}/"
ADILET = "https://adilet.zan.kz/{}/docs/Z2500000230"


def test_an_act_lists_official_texts_and_unofficial_translations_apart(client, sample):
    sample.ai_law.official_urls = {"ru": ADILET.format("rus"), "kk": ADILET.format("kaz")}
    sample.ai_law.translation_urls = {"en": ADILET.format("eng")}
    sample.ai_law.save()
    body = client.get("/api/v1/acts/t-ai-law/").json()
    assert set(body["official_urls"]) <= {"ru", "kk"}
    assert body["official_urls"]["ru"].startswith("https://adilet.zan.kz/rus/")
    assert body["translation_urls"]["en"].startswith("https://adilet.zan.kz/eng/")
    listed = {act["slug"]: act for act in client.get("/api/v1/acts/").json()["results"]}
    assert {"t-ai-law", "t-admin-code", "t-criminal-code"} <= set(listed)
    for act in listed.values():
        assert "en" not in act["official_urls"]
        assert not any("/eng/" in url for url in act["official_urls"].values())


def test_a_legacy_english_official_url_is_given_as_a_translation(client):
    sample = build_sample()
    sample.ai_law.official_urls = {"ru": "https://adilet.zan.kz/rus/docs/X", "en": "https://adilet.zan.kz/eng/docs/X"}
    sample.ai_law.save()
    body = client.get("/api/v1/acts/t-ai-law/").json()
    assert body["official_urls"] == {"ru": "https://adilet.zan.kz/rus/docs/X"}
    assert body["translation_urls"] == {"en": "https://adilet.zan.kz/eng/docs/X"}


def test_a_provision_gives_its_fines_title_note_and_our_translations(client, sample):
    schedule = add_fines(sample)
    provision = schedule.provision
    provision.summary_kk = "ЖИ саласындағы заңнаманы бұзу."
    provision.our_translations = ["summary_kk"]
    provision.save()
    body = client.get(PROVISION.format("t-admin-code", "current", "art_641-1__para_1")).json()
    assert body["fine_schedule"]["unit"] == "MRP"
    assert body["fine_schedule"]["amounts"] == schedule.amounts
    assert body["fine_schedule"]["amounts"]["individual"] == 15
    assert body["fine_schedule"]["repeat"]["eid"] == "art_641-1__para_2"
    assert body["fine_schedule"]["note"] == schedule.note_ru
    assert body["our_translations"] == provision.our_translations == ["summary_kk"]
    assert set(body["translations"]) >= {"title", "title_note", "summary", "sanction", "status_note"}
    # a unit that sets no fine
    unfined = client.get(PROVISION.format("t-ai-law", "2025-11-17", "art_21__para_2")).json()
    assert unfined["fine_schedule"] is None


def test_a_provision_with_only_an_official_kazakh_heading(client, sample):
    article = make_provision(
        sample.adopted, "art_9", "article", "9", parent=sample.p["adopted:chp_3"],
        title_kk="Жасанды интеллект жүйелерінің ашықтығы",
        title_note_ru="Заголовок официально опубликован только на казахском языке.",
        title_note_en="The heading is officially published in Kazakh only.",
    )
    url = PROVISION.format("t-ai-law", "2025-11-17", "art_9")
    body = client.get(url).json()
    assert body["translations"]["title"] == {"ru": "", "kk": article.title_kk, "en": ""}
    assert body["title_note"] == article.title_note_ru
    english = client.get(url, {"lang": "en"})
    assert english.json()["title_note"] == article.title_note_en


def test_a_unit_without_a_title(client):
    sample = build_sample()
    make_provision(sample.adopted, "art_99", "article", "99", parent=sample.p["adopted:chp_3"])
    body = client.get(PROVISION.format("t-ai-law", "2025-11-17", "art_99")).json()
    assert body["title"] == "" and body["title_note"] == ""
    assert body["our_translations"] == [] and body["fine_schedule"] is None


def test_a_practice_gives_its_liability_note_and_the_conditions_of_its_links(client, sample):
    practice = sample.practice
    practice.liability_note_ru = "Ответственность — только при распространении без маркировки."
    practice.liability_note_kk = "Жауапкершілік — тек таңбаламай таратқанда."
    practice.our_translations = ["liability_note_kk"]
    practice.save()
    body = client.get("/api/v1/practices/t-unlabelled-synthetic-content/").json()
    assert body["liability_note"] == practice.liability_note_ru
    assert body["translations"]["liability_note"]["kk"] == practice.liability_note_kk
    assert body["our_translations"] == practice.our_translations
    liability = [ref for ref in body["references"] if ref["role"] == "liability"]
    assert [ref["provision"]["eid"] for ref in liability] == ["art_641-1"]
    assert liability[0]["note"] == "Штрафы за отсутствие маркировки."
    for ref in body["references"]:
        assert set(ref) >= {"note", "our_translations", "translations"}


def test_an_obligation_gives_its_recommendation_apart_from_the_duty(client, sample):
    obligation = sample.obligation
    obligation.recommendation_ru = "Рекомендуем также видимую пометку для людей."
    obligation.save()
    body = client.get(f"/api/v1/obligations/{obligation.slug}/").json()
    assert body["recommendation"] == obligation.recommendation_ru
    assert body["obligation"] == obligation.obligation_ru
    assert obligation.recommendation_ru not in body["obligation"]
    assert body["translations"]["recommendation"]["ru"] == obligation.recommendation_ru
    duty = client.get("/api/v1/obligations/t-high-risk-security/").json()
    assert duty["recommendation"] == ""
    assert not [r for r in duty["references"] if r["role"] == "liability"]


def test_the_schema_documents_the_new_fields(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    components = schema["components"]["schemas"]
    assert "UNOFFICIAL" in components["Act"]["properties"]["translation_urls"]["description"]
    assert "NOT a legal duty" in components["Obligation"]["properties"]["recommendation"]["description"]
    detail = components["ProvisionDetail"]["properties"]
    assert "fine_schedule" in detail and "title_note" in detail and "our_translations" in detail
    assert "never official wording" in detail["our_translations"]["description"]
    assert "liability_note" in components["Practice"]["properties"]
