# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Language, ETag/Last-Modified, pagination, FRBR URIs, the toc tree, resolve and search."""

import time

import pytest
from django.core.management import call_command

from legal.models import Provision
from tests.api.conftest import problem_of
from tests.legal.factories import (
    fixed_today,  # noqa: F401 (autouse fixture)
    make_practice,
    make_provision,
    make_synonym,
    sample,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.django_db

ART_21_2 = "/api/v1/acts/t-ai-law/versions/2025-11-17/provisions/art_21__para_2/"


# ---------------------------------------------------------------- language


def test_language_from_lang_then_accept_language_then_russian(client, sample):
    act = sample.ai_law
    act.title_kk = "Жасанды интеллект туралы"
    act.save()
    assert client.get("/api/v1/acts/t-ai-law/").json()["title"] == act.title_ru
    response = client.get("/api/v1/acts/t-ai-law/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.json()["title"] == act.title_en
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    response = client.get("/api/v1/acts/t-ai-law/?lang=kk", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["title"] == act.title_kk
    assert response["Content-Language"] == "kk"
    assert client.get("/api/v1/acts/t-ai-law/", HTTP_ACCEPT_LANGUAGE="de, fr").json()["title"] == act.title_ru


def test_translations_carry_every_language(client, sample):
    provision = sample.p["adopted:art_21__para_2"]
    provision.summary_kk = "Синтетикалық нәтижелер таңбаланады."
    provision.save()
    body = client.get(ART_21_2, {"lang": "en"}).json()
    assert body["translations"]["summary"] == {
        "ru": provision.summary_ru,
        "kk": provision.summary_kk,
        "en": provision.summary_en,
    }
    assert body["unofficial_summary"] == (provision.summary_en or provision.summary_ru)
    assert body["citation"].startswith("Article 21(2) of")


def test_error_details_follow_the_language(client):
    body = problem_of(client.get("/api/v1/provisions/?acct=1", HTTP_ACCEPT_LANGUAGE="en"), 400)
    assert body["detail"].startswith("Unknown parameter «acct»")
    assert body["title"] == "Unknown parameter"
    body = problem_of(client.get("/api/v1/provisions/?acct=1&lang=kk"), 400)
    assert body["type"] == "urn:kzai:problem:unknown-parameter"
    assert body["title"] == "Белгісіз параметр"
    assert "acct" in body["detail"] and not body["detail"].startswith("Неизвестный")


# ------------------------------------------------------- ETag, Last-Modified


def test_etag_and_last_modified_give_304(client, sample):
    first = client.get(ART_21_2)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    again = client.get(ART_21_2, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get(ART_21_2, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # another language is another representation
    assert client.get(ART_21_2, {"lang": "en"}, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_change_to_the_knowledge_base_changes_etag_and_last_modified(client, sample):
    first = client.get(ART_21_2)
    time.sleep(1.1)  # HTTP dates have whole seconds
    provision = sample.p["adopted:art_21__para_2"]
    provision.summary_ru += " (уточнено)"
    provision.save()
    second = client.get(
        ART_21_2, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert second["Last-Modified"] != first["Last-Modified"]


# --------------------------------------------------------------- pagination


def test_cursor_walks_an_act_in_document_order_without_gaps(client, sample):
    """The sample's AI law: a draft and the adopted text, 16 units over two versions."""
    expected = list(
        Provision.objects.filter(version__act__slug="t-ai-law")
        .order_by("version_id", "order", "id")
        .values_list("eid", flat=True)
    )
    assert len(expected) > 14
    seen, url, pages = [], "/api/v1/provisions/?act=t-ai-law&page_size=7", 0
    while url:
        body = client.get(url).json()
        seen += [row["eid"] for row in body["results"]]
        url, pages = body["next"], pages + 1
    assert seen == expected
    assert pages == -(-len(expected) // 7)


def test_page_pagination_counts_and_links(client, sample):
    for n in range(4):
        make_practice(f"t-practice-{n}")
    body = client.get("/api/v1/practices/", {"page_size": 4}).json()
    assert body["count"] > 4 and len(body["results"]) == 4
    second = client.get(body["next"]).json()
    assert second["previous"].endswith("/api/v1/practices/?page_size=4")
    problem_of(client.get("/api/v1/practices/", {"page": 999}), 404)


# --------------------------------------------------------------- FRBR, toc


def test_frbr_uri_is_a_lookup_key_for_laws_and_codes(client, sample):
    for detail in (ART_21_2, "/api/v1/acts/t-criminal-code/versions/current/provisions/art_190__para_2/"):
        body = client.get(detail).json()
        by_uri = client.get(f"/api/v1{body['frbr_uri']}")
        assert by_uri.status_code == 200
        assert by_uri.json()["eid"] == body["eid"]
        listed = client.get("/api/v1/provisions/", {"frbr_uri": body["frbr_uri"]}).json()["results"]
        assert [row["api_url"] for row in listed] == [body["api_url"]]
    assert (
        client.get(ART_21_2).json()["frbr_uri"]
        == "/akn/kz/act/law/2025/230/rus@2025-11-17/!main~art_21__para_2"
    )
    assert client.get("/api/v1/acts/t-criminal-code/").json()["frbr_uri"] == "/akn/kz/act/code/2014/226"
    # the full number and another language name the same provision
    full = "/api/v1/akn/kz/act/law/2025/230-viii/kaz@2025-11-17/!main~art_21__para_2"
    assert client.get(full).json()["eid"] == "art_21__para_2"


def test_toc_is_the_nested_tree(client, sample):
    body = client.get("/api/v1/acts/t-ai-law/versions/2025-11-17/toc/").json()

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node["children"])

    nodes = list(walk(body["items"]))
    assert (
        len(nodes)
        == Provision.objects.filter(version__act__slug="t-ai-law", version__code="2025-11-17").count()
    )
    art17 = next(n for n in nodes if n["eid"] == "art_17")
    assert "art_17__para_3" in [child["eid"] for child in art17["children"]]
    assert client.get(art17["api_url"]).json()["eid"] == "art_17"


# ------------------------------------------------------------ resolve, search


def test_resolve_a_posted_text(client, sample):
    text = "По ч. 2 ст. 190 УК РК и ст. 5 Закона о пчеловодстве."
    for response in (
        client.post("/api/v1/resolve/", text.encode(), content_type="text/plain; charset=utf-8"),
        client.post("/api/v1/resolve/", {"text": text}, content_type="application/json"),
    ):
        assert response.status_code == 200
        held, unknown = response.json()["citations"]
        assert text[held["start"] : held["end"]] == held["text"] == "ч. 2 ст. 190 УК РК"
        assert held["in_kb"] and held["eid"] == "art_190__para_2"
        assert not unknown["resolved"] and unknown["reason_code"] == "unknown_act"
        assert unknown["act"] is None and unknown["api_url"] is None and unknown["reason"]


def test_resolve_relative_references_with_context(client, sample):
    para_3 = sample.p["adopted:art_17__para_3"]
    for num in ("2", "3"):
        make_provision(sample.adopted, f"art_17__para_3__subpara_{num}", "subpara", num, parent=para_3)
    response = client.post(
        "/api/v1/resolve/?act=t-ai-law&provision=art_17__para_3",
        "подпунктов 2) и 3) части первой настоящего пункта".encode(),
        content_type="text/plain",
    )
    eids = [c["eid"] for c in response.json()["citations"]]
    assert eids == ["art_17__para_3__subpara_2", "art_17__para_3__subpara_3"]


def test_resolve_refuses_more_than_100_kb(client):
    body = problem_of(
        client.post("/api/v1/resolve/", ("ст. 1 " * 20000).encode(), content_type="text/plain"), 413
    )
    assert body["type"] == "urn:kzai:problem:payload-too-large"


def test_search_uses_the_site_search_with_its_filters(client, sample):
    make_synonym("дипфейк", "синтетический результат")
    make_provision(sample.criminal_current, "art_191", "article", "191", title_ru="Синтетический результат")
    body = client.get("/api/v1/search/", {"q": "дипфейк", "act": "t-ai-law", "page_size": 5}).json()
    assert body["count"] > 0 and len(body["results"]) <= 5
    assert {hit["act"] for hit in body["results"]} == {"t-ai-law"}
    assert "синтетический" in " ".join(body["expansions"])
    for hit in body["results"]:
        assert client.get(hit["api_url"]).status_code == 200


def test_create_api_token_and_use_it(client, django_user_model, capsys):
    django_user_model.objects.create_user("integrator", password="x")
    call_command("create_api_token", "integrator")
    key = capsys.readouterr().out.strip()
    assert len(key) == 40
    call_command("create_api_token", "integrator")
    assert capsys.readouterr().out.strip() == key
    response = client.get("/api/v1/acts/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    problem_of(client.get("/api/v1/acts/", HTTP_AUTHORIZATION="Token wrong"), 401)
    call_command("create_api_token", "integrator", "--rotate")
    assert capsys.readouterr().out.strip() != key
    problem_of(client.get("/api/v1/acts/", HTTP_AUTHORIZATION=f"Token {key}"), 401)
