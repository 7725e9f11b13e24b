# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Citation check (legal.citation_check, /check/, POST /api/v1/check/) and the bounded
resolve API, on the factories' AI-law-shaped sample."""

import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from legal import citation_check
from legal.citation_check import MAX_BYTES, InputError, Verdict, check_text, read_upload
from tests.compliance.report_helpers import json_attachment, text_of
from tests.legal.factories import (
    D,
    fixed_today,  # noqa: F401 (autouse fixture)
    make_act,
    make_provision,
    make_version,
    sample,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.django_db

TODAY = D(2026, 11, 21)


@pytest.fixture
def media_law(sample):
    """A law whose only version stopped in 2024: what it says is repealed."""
    act = make_act(
        "t-media-law",
        number="451-I",
        adopted=D(1999, 7, 23),
        title_ru="О средствах массовой информации",
        title_en="On Mass Media",
        short_name_ru="Закон о СМИ",
        short_name_en="Mass Media Law",
        citation_name_ru="",
    )
    version = make_version(
        act,
        "1999-07-23",
        "repealed",
        date=D(1999, 7, 23),
        in_force_from=D(1999, 7, 23),
        in_force_until=D(2024, 7, 19),
    )
    make_provision(version, "art_1", "article", "1", title_ru="Основные понятия")
    return act


def verdicts(text, as_of=TODAY):
    return [(c.citation.text, c.verdict) for c in check_text(text, as_of, language="ru").citations]


# ------------------------------------------------------------------- verdicts


def test_every_engine_verdict(sample, media_law):
    text = (
        "Маркировка — ч. 2 ст. 21 Закона об ИИ. Статьи 999 Закона об ИИ нет. "
        "По ст. 999 УК РК сказать нечего. См. ст. 5 Закона о пчеловодстве. "
        "Понятия — ст. 1 Закона о СМИ. Также п. 3 настоящей статьи."
    )
    found = dict(verdicts(text))
    assert found["ч. 2 ст. 21 Закона об ИИ"] == Verdict.IN_FORCE
    assert found["Статьи 999 Закона об ИИ"] == Verdict.NO_SUCH_PROVISION
    assert found["ст. 999 УК РК"] == Verdict.NOT_HELD  # the Criminal Code is held in part
    assert [v for t, v in found.items() if "пчеловод" in t] == [Verdict.UNKNOWN_ACT]
    assert found["ст. 1 Закона о СМИ"] == Verdict.REPEALED
    assert found["п. 3 настоящей статьи"] == Verdict.MALFORMED


def test_not_yet_in_force_before_the_ai_law_takes_effect(sample):
    assert verdicts("ст. 17 Закона об ИИ", as_of=D(2025, 12, 1)) == [
        ("ст. 17 Закона об ИИ", Verdict.NOT_YET_IN_FORCE)
    ]
    assert verdicts("ст. 17 Закона об ИИ") == [("ст. 17 Закона об ИИ", Verdict.IN_FORCE)]


def test_a_quoted_title_that_does_not_match(sample):
    text = "ст. 21 «Прозрачность систем ИИ» Закона об ИИ; ст. 17 «Права» Закона об ИИ"
    right, wrong = check_text(text, TODAY, language="ru").citations
    assert right.verdict == Verdict.IN_FORCE and right.quoted_title == "Прозрачность систем ИИ"
    assert wrong.verdict == Verdict.TITLE_MISMATCH and wrong.quoted_title == "Права"
    assert wrong.title("ru") == "Правовой режим систем искусственного интеллекта"


def test_titles_compare_without_case_quotes_yo_or_spaces(sample):
    article = sample.p["adopted:art_21"]
    assert citation_check.title_matches("«прозрачность  систем ИИ»", article)
    assert citation_check.title_matches("Transparency of AI systems", article)
    assert not citation_check.title_matches("Прозрачность", article)
    article.title_ru = "Учёт"
    assert citation_check.title_matches("учет", article)


def test_a_checked_citation_links_its_version_and_summary(sample):
    checked = check_text("ч. 2 ст. 21 Закона об ИИ", TODAY, language="en").citations[0]
    assert checked.url == "/acts/t-ai-law/2025-11-17/art_21__para_2/"
    assert checked.version == sample.adopted and checked.provision == sample.p["adopted:art_21__para_2"]
    assert checked.summary("en") == "Synthetic outputs must carry a machine-readable label."


def test_counts_and_the_limit(sample):
    text = "ст. 17 Закона об ИИ, " * 300
    result = check_text(text, TODAY, language="ru")
    assert result.truncated and result.found == 300 and len(result.citations) == 250
    assert result.counts[Verdict.IN_FORCE] == 250 and sum(result.counts.values()) == 250
    assert set(result.counts) == set(Verdict.values)
    assert not check_text("ст. 17 Закона об ИИ", TODAY, language="ru").truncated


def test_the_provisions_are_read_in_two_queries(sample, media_law):
    text = "ст. 17, 21 Закона об ИИ; ч. 2 ст. 190 УК РК; ст. 1 Закона о СМИ; ст. 641-1 КоАП. " * 20
    check_text(text, TODAY, language="ru")  # the engine's grammar is cached
    with CaptureQueriesContext(connection) as queries:
        result = check_text(text, TODAY, language="ru")
    assert len(result.citations) == 100
    assert len(queries) == 2


# ---------------------------------------------------------------------- input


def test_input_limits_and_bad_uploads():
    with pytest.raises(InputError) as error:
        check_text("a" * (MAX_BYTES + 1), TODAY, language="ru")
    assert error.value.status == 413
    assert read_upload("memo.txt", "ст. 17 Закона об ИИ".encode()) == "ст. 17 Закона об ИИ"
    for name, data in (
        ("memo.txt", "ст. 17 Закона об ИИ".encode("cp1251")),
        ("memo.txt", b"\x89PNG\r\n\x00\x00"),
        ("memo.pdf", b"%PDF-1.7"),
        ("memo.docx", b"not a zip"),
    ):
        with pytest.raises(InputError) as error:
            read_upload(name, data)
        assert error.value.status == 400, name
    with pytest.raises(InputError) as error:
        read_upload("memo.txt", b"a" * (MAX_BYTES + 1))
    assert error.value.status == 413


def docx_bytes(*paragraphs) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_upload():
    assert read_upload("Memo.DOCX", docx_bytes("Введение.", "См. ст. 17 Закона об ИИ.")) == (
        "Введение.\nСм. ст. 17 Закона об ИИ."
    )


# ----------------------------------------------------------------- page, PDF

MEMO = "Маркировка — ч. 2 ст. 21 Закона об ИИ; ст. 999 Закона об ИИ; ст. 1 Закона о СМИ."


def test_the_page(client, sample, media_law):
    page = client.get("/check/")
    assert page.status_code == 200 and 'name="as_of" value="2026-11-21"' in page.content.decode()
    assert 'href="/check/"' in page.content.decode()  # the site header's link
    response = client.post("/check/", {"text": MEMO, "as_of": "2026-11-21"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-verdict="in_force"' in html and 'data-verdict="no_such_provision"' in html
    assert 'data-verdict="repealed"' in html
    assert 'href="/acts/t-ai-law/2025-11-17/art_21__para_2/?as_of=2026-11-21"' in html
    assert "Синтетические результаты маркируются" in html


def test_the_page_upload_and_errors(client, sample):
    upload = io.BytesIO(docx_bytes(MEMO))
    upload.name = "memo.docx"
    response = client.post("/check/", {"file": upload, "as_of": "2026-11-21"})
    assert response.status_code == 200 and 'data-verdict="in_force"' in response.content.decode()
    assert client.post("/check/", {"text": MEMO, "as_of": "21.11.2026"}).status_code == 400
    assert client.post("/check/", {"text": "я" * MAX_BYTES}).status_code == 413
    bad = io.BytesIO("ст. 17".encode("cp1251"))
    bad.name = "memo.txt"
    response = client.post("/check/", {"file": bad})
    assert response.status_code == 400 and "UTF-8" in response.content.decode()


def test_the_pdf_report(client, sample, media_law):
    response = client.post("/check/", {"text": MEMO, "as_of": "2026-11-21", "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = text_of(response.content)
    for label in ("Действует на дату", "Такого положения в акте нет", "Утратило силу"):
        assert label in text
    data = json_attachment(response.content, "citation-check.json")
    assert [c["verdict"] for c in data["citations"]] == ["in_force", "no_such_provision", "repealed"]
    assert data["counts"]["repealed"] == 1 and not data["truncated"]


# ------------------------------------------------------------------------ API


def test_the_api(client, sample, media_law):
    response = client.post(
        "/api/v1/check/",
        {"text": MEMO, "as_of": "2026-11-21", "language": "en"},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"as_of", "found", "truncated", "counts", "citations"}
    assert body["counts"]["in_force"] == 1 and body["found"] == 3 and body["truncated"] is False
    first = body["citations"][0]
    assert first["verdict"] == "in_force" and first["eid"] == "art_21__para_2"
    assert first["unofficial_summary"] == "Synthetic outputs must carry a machine-readable label."
    assert first["url"].endswith("/acts/t-ai-law/2025-11-17/art_21__para_2/?as_of=2026-11-21")
    assert first["api_url"].endswith("/api/v1/acts/t-ai-law/versions/2025-11-17/provisions/art_21__para_2/")


def test_the_api_upload_and_errors(client, sample):
    upload = io.BytesIO(MEMO.encode())
    upload.name = "memo.txt"
    response = client.post("/api/v1/check/", {"file": upload, "as_of": "2026-11-21"})
    assert response.status_code == 200 and response.json()["found"] == 3
    cases = (
        ({}, 400),
        ({"text": MEMO, "as_of": "tomorrow"}, 400),
        ({"text": MEMO, "language": "fr"}, 400),
    )
    for body, status in cases:
        response = client.post("/api/v1/check/", body, content_type="application/json")
        assert response.status_code == status, body
        assert response["Content-Type"] == "application/problem+json"
    big = client.post("/api/v1/check/", {"text": "я" * MAX_BYTES}, content_type="application/json")
    assert big.status_code == 413 and big["Content-Type"] == "application/problem+json"
    binary = io.BytesIO(b"\x00\x01\x02")
    binary.name = "memo.txt"
    response = client.post("/api/v1/check/", {"file": binary})
    assert response.status_code == 400 and "file" in response.json()["errors"]
    assert client.get("/api/v1/check/").status_code == 405


def test_the_schema_documents_check(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    paths = json.loads(schema.content)["paths"] if schema["Content-Type"].endswith("json") else None
    if paths is None:
        assert "/api/v1/check/" in schema.content.decode()
    else:
        assert "post" in paths["/api/v1/check/"]


# ------------------------------------------------------------------- resolve


def test_resolve_is_bounded(client, sample):
    text = ("ст. 1–200 УК РК; " * 6000).encode()[: 99 * 1024].decode(errors="ignore")
    response = client.post("/api/v1/resolve/", text.encode(), content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    body = response.json()
    assert body["truncated"] is True and body["count"] == len(body["citations"]) == 250
    assert body["found"] > 250
    assert len(response.content) < 1024 * 1024
