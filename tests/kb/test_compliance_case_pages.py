"""/cases/ (filters, 400s, pagination), the case page, private records entered in the
browser, the case lists of provision and practice pages, and exact query counts."""

import datetime

import pytest
from django.urls import reverse

from compliance.models import CaseRecord
from compliance.views_cases import CASES_PER_PAGE
from tests.compliance.workspace import fresh_citations, log_in, make_case, ws  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_citations")]

D = datetime.date


def slugs(response):
    return [case.slug for case in response.context["cases"]]


def test_list_shows_public_records_newest_first(client):
    response = client.get("/cases/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 30
    dates = [case.date for case in response.context["cases"]]
    assert dates == sorted(dates, reverse=True)
    assert slugs(response)[0] == "kz-2026-03-06-ulytau-ai-intimate-fakes-cyberstalking"


@pytest.mark.parametrize(
    ("query", "included", "excluded"),
    [
        ("kind=legislative_event", "kz-2025-11-17-ai-law-signed", "kz-2026-02-27-defence-minister-deepfake"),
        ("technique=chatbot", None, "kz-2025-11-17-ai-law-signed"),
        ("act=admin-code", "kz-2025-12-04-ministry-users-liability-641-1",
         "kz-2024-11-27-public-sector-ai-guidelines"),
        ("act=criminal-code&provision=art_190", "kz-2026-01-13-zhetysu-minors-ai-fake-receipts",
         "kz-2025-11-17-ai-law-signed"),
        # an article includes its paragraphs: art_21 finds a record linked to art_21__para_2
        ("act=ai-law&provision=art_21", "kz-2026-02-27-defence-minister-deepfake",
         "kz-2026-01-13-zhetysu-minors-ai-fake-receipts"),
        ("practice=social-scoring", None, "kz-2026-01-13-zhetysu-minors-ai-fake-receipts"),
        ("date_from=2026-01-01&date_to=2026-01-31", "kz-2026-01-13-zhetysu-minors-ai-fake-receipts",
         "kz-2025-12-31-kazpatent-ai-assisted-work-registered"),
        # a month-only record belongs to every day of its month
        ("date_from=2023-10-15&date_to=2023-10-20", "kz-2023-10-president-deepfake-investment-ad",
         "kz-2024-11-27-public-sector-ai-guidelines"),
        ("date_to=2023-09-30", None, "kz-2023-10-president-deepfake-investment-ad"),
    ],
)
def test_filters(client, query, included, excluded):
    response = client.get(f"/cases/?{query}")
    assert response.status_code == 200
    found = slugs(response)
    for case in CaseRecord.objects.filter(slug__in=found):
        if "kind=" in query:
            assert case.kind == query.split("=")[1]
        if "technique=" in query:
            assert case.technique == "chatbot"
    if included:
        assert included in found
    assert excluded not in found


def test_filter_by_practice_and_technique_match_the_data(client):
    expected = set(CaseRecord.objects.filter(practices__slug="social-scoring").values_list("slug", flat=True))
    assert len(expected) == 2  # the 2025-09-24 second reading no longer counts (research data 2026-12-06)
    assert set(slugs(client.get("/cases/?practice=social-scoring"))) == expected
    expected = set(CaseRecord.objects.filter(technique="chatbot").values_list("slug", flat=True))
    assert len(expected) == 2
    assert set(slugs(client.get("/cases/?technique=chatbot"))) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kind=rumour", "Неизвестный вид дела «rumour»"),
        ("technique=telepathy", "Неизвестная техника «telepathy»"),
        ("date_from=2025-13-01", "«2025-13-01» — не дата"),
        ("date_to=yesterday", "«yesterday» — не дата"),
        ("date_from=2026-01-02&date_to=2026-01-01", "Начало периода позже его конца"),
        ("act=beekeeping-law", "Неизвестный акт «beekeeping-law»"),
        ("provision=art_190", "укажите и акт"),
        ("act=criminal-code&provision=art_9999", "нет положения «art_9999»"),
        ("act=criminal-code&provision=<script>", "нет положения"),
        ("practice=mind-reading", "Неизвестная запрещённая практика"),
        ("page=abc", "Страницы «abc» нет"),
        ("page=99", "Страницы «99» нет"),
    ],
)
def test_invalid_filters_are_a_400_with_a_message(client, query, message):
    response = client.get(f"/cases/?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "<script>" not in body


def test_pagination_keeps_the_filters(client):
    for n in range(CASES_PER_PAGE + 5):
        make_case(None, f"extra-{n:02d}", date=D(2024, 1, 1), technique="voice_clone")
    response = client.get("/cases/?technique=voice_clone")
    assert response.context["page"].paginator.count == CASES_PER_PAGE + 5
    assert len(slugs(response)) == CASES_PER_PAGE
    assert 'href="?technique=voice_clone&amp;page=2"' in response.content.decode()
    assert len(slugs(client.get("/cases/?technique=voice_clone&page=2"))) == 5


def test_case_page_shows_body_provisions_practices_confidence_and_sources(client):
    response = client.get("/cases/kz-2025-11-17-ai-law-signed/")
    assert response.status_code == 200
    body = response.content.decode()
    record = response.context["case"]
    assert str(record.title) in body
    assert "Изложение редакции kzai" in body  # labelled as our summary
    for link in record.provision_links.all():
        assert f'href="{link.provision.get_absolute_url()}"' in body
    assert "приводится" in body  # the relation is shown
    for url in record.sources:
        assert url in body
    assert "confidence-verified" in body
    assert "Примечание редакции" in body


def test_case_page_in_english_uses_the_english_text(client):
    client.cookies["django_language"] = "en"
    body = client.get("/cases/kz-2023-10-president-deepfake-investment-ad/").content.decode()
    assert "Deepfake of the President" in body and "October 2023" in body


def test_private_records_are_listed_only_for_their_members(client, ws):  # noqa: F811
    assert "acme-complaint" not in slugs(client.get("/cases/"))
    log_in(client, ws, "viewer")
    found = slugs(client.get("/cases/"))
    assert "acme-complaint" in found and "globex-review" not in found
    assert len(found) == 25  # a page; 32 records in all (30 public, the workspace's public one, acme's)
    assert client.get("/cases/").context["page"].paginator.count == 32


def test_anonymous_reader_of_a_private_record_is_asked_to_log_in_an_unknown_one_is_a_404(client, ws):  # noqa: F811
    response = client.get("/cases/acme-complaint/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get("/cases/no-such-record/").status_code == 404
    log_in(client, ws, "lawyer")
    assert client.get("/cases/no-such-record/").status_code == 404


def test_lawyer_creates_a_private_record_with_links_in_one_go(client, ws):  # noqa: F811
    from legal.models import Provision

    art_190 = Provision.objects.get(version__act__slug="criminal-code", eid="art_190")
    log_in(client, ws, "lawyer")
    data = {
        "title_ru": "Мошенничество с клоном голоса директора",
        "kind": "investigation",
        "date": "2026-03-15",
        "date_precision": "month",
        "technique": "voice_clone",
        "body_ru": "Возбуждено дело по ст. 190 УК РК. <script>alert(1)</script>",
        "confidence": "unverified",
        "sources": "https://example.kz/news/1\n",
        "practices": [],
        "links-TOTAL_FORMS": "3",
        "links-INITIAL_FORMS": "0",
        "links-0-provision": str(art_190.pk),
        "links-0-relation": "charged",
        "links-1-provision": "",
        "links-1-relation": "",
        "links-2-provision": "",
        "links-2-relation": "",
    }
    response = client.post(reverse("compliance:case_create"), data)
    assert response.status_code == 302
    record = CaseRecord.objects.get(title_ru=data["title_ru"])
    assert record.organization == ws.org and record.slug.startswith("acme-")
    assert (record.date, record.date_precision) == (D(2026, 3, 1), "month")  # no invented day
    links = [(link.provision, link.relation) for link in record.provision_links.all()]
    assert links == [(art_190, "charged")]
    assert record.sources == ["https://example.kz/news/1"]
    assert record.history.first().history_user == ws.users["lawyer"]
    page = client.get(response["Location"]).content.decode()
    assert '<a href="/acts/criminal-code/current/art_190/" class="cite">ст. 190 УК РК</a>' in page
    assert "<script>alert" not in page
    # a bad link row: nothing is saved
    data["title_ru"] = "Вторая запись"
    data["links-1-provision"] = "999999999"
    data["links-1-relation"] = "charged"
    response = client.post(reverse("compliance:case_create"), data)
    assert response.status_code == 200
    assert not CaseRecord.objects.filter(title_ru="Вторая запись").exists()


def test_provision_page_lists_public_and_own_private_cases(client, ws):  # noqa: F811
    url = "/acts/ai-law/2025-11-17/art_21/"
    body = client.get(url).content.decode()
    assert "kz-2026-02-27-defence-minister-deepfake" in body  # linked to art_21__para_2, inside art_21
    assert "acme-complaint" not in body
    log_in(client, ws, "viewer")
    assert "/cases/acme-complaint/" in client.get(url).content.decode()
    log_in(client, ws, "outsider")
    assert "/cases/acme-complaint/" not in client.get(url).content.decode()


def test_practice_page_lists_its_cases(client):
    body = client.get("/practices/social-scoring/").content.decode()
    for slug in CaseRecord.objects.filter(practices__slug="social-scoring").values_list("slug", flat=True):
        assert f"/cases/{slug}/" in body


# Exact query counts, constant with the number of records.
# /cases/ anonymous: acts and practices (filter form), count, page, provision links.
CASE_LIST_QUERIES = 5
# a signed-in user adds: session, user, memberships (header and visibility share one query).
SIGNED_IN_QUERIES = 3
# the case page: the record (+organisation), its provision links, its practices.
CASE_PAGE_QUERIES = 3


def test_case_list_query_count_is_constant(client, ws, django_assert_num_queries):  # noqa: F811
    client.get("/cases/")  # warm the citation caches
    with django_assert_num_queries(CASE_LIST_QUERIES):
        assert client.get("/cases/").status_code == 200
    with django_assert_num_queries(CASE_LIST_QUERIES + 1):  # + the provision exists check
        assert client.get("/cases/?act=ai-law&provision=art_21&kind=incident").status_code == 200
    log_in(client, ws, "lawyer")
    with django_assert_num_queries(CASE_LIST_QUERIES + SIGNED_IN_QUERIES):
        assert client.get("/cases/").status_code == 200
    for n in range(40):
        make_case(ws.org, f"acme-more-{n}")
    with django_assert_num_queries(CASE_LIST_QUERIES + SIGNED_IN_QUERIES):
        assert client.get("/cases/").status_code == 200


def test_case_page_query_count_is_constant(client, ws, django_assert_num_queries):  # noqa: F811
    client.get("/cases/kz-2025-11-17-ai-law-signed/")  # warm the citation caches
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        assert client.get("/cases/kz-2025-11-17-ai-law-signed/").status_code == 200
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        assert client.get("/cases/kz-2025-10-21-sora2-deepfakes-warning/").status_code == 200
    log_in(client, ws, "viewer")
    with django_assert_num_queries(CASE_PAGE_QUERIES + SIGNED_IN_QUERIES):
        assert client.get("/cases/acme-complaint/").status_code == 200


@pytest.mark.parametrize(
    ("language", "heading", "kind"),
    [
        ("ru", "Дела и инциденты", "законодательное событие"),
        ("kk", "Істер мен инциденттер", "заңнамалық оқиға"),
        ("en", "Cases and incidents", "legislative event"),
    ],
)
def test_pages_speak_the_chosen_language(client, language, heading, kind):
    client.cookies["django_language"] = language
    body = client.get("/cases/?kind=legislative_event").content.decode()
    assert f"<h1>{heading}</h1>" in body and kind in body
    assert client.get("/accounts/login/").status_code == 200
