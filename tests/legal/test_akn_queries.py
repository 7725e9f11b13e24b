"""The Akoma Ntoso export runs a fixed number of queries whatever the size of the act."""

import pytest
from lxml import etree

from legal.models import OfficialText, Provision
from tests.legal.factories import fixed_today  # noqa: F401 (autouse fixture)
from tests.legal.official_factories import IMPORTED_AT, make_amendment, make_document, make_editorial_note
from tests.legal.test_akn import SCHEMA
from tests.legal.test_queries import bulk_act

pytestmark = pytest.mark.django_db

# version+act, the imported document, the provisions, their official texts, the amendment
# history (with the amending acts), the publisher's notes.
AKN_QUERIES = 6


def with_official_text(version):
    """Every unit's Russian wording, a footnote on each article, a note on each chapter."""
    document = make_document(version, "ru", title="БОЛЬШОЙ АКТ")
    provisions = list(Provision.objects.filter(version=version))
    OfficialText.objects.bulk_create(
        OfficialText(
            provision=p,
            document=document,
            language="ru",
            heading=f"Заголовок {p.eid}" if p.type != "para" else "",
            text=f"Текст {p.eid}.",
            source_url=document.source_url,
            imported_at=IMPORTED_AT,
            checksum="0" * 64,
        )
        for p in provisions
    )
    for n, p in enumerate(p for p in provisions if p.type == "article"):
        make_amendment(version, p, order=n, law_number=f"{n % 7 + 1}-VIII")
    for n, p in enumerate(p for p in provisions if p.type == "chapter"):
        make_editorial_note(version, p, order=n)
    return version


def test_the_export_query_count_is_constant(client, settings, django_assert_num_queries):
    settings.KZAI_API_CACHE_SECONDS = 0
    big = with_official_text(bulk_act("t-big", chapters=10, articles_per_chapter=100))
    with_official_text(bulk_act("t-small", chapters=1, articles_per_chapter=2))
    for slug in ("t-small", "t-big"):
        with django_assert_num_queries(AKN_QUERIES):
            response = client.get(f"/acts/{slug}/2025-11-17.xml")
        assert response.status_code == 200
        client.get("/api/v1/acts/")  # warm the knowledge base's change time (legal/freshness.py)
        with django_assert_num_queries(AKN_QUERIES):
            assert client.get(f"/api/v1/acts/{slug}/versions/2025-11-17/akn/").status_code == 200
    root = etree.fromstring(response.content)
    SCHEMA.assertValid(root)
    assert len(root.xpath("//*[@eId]")) >= Provision.objects.filter(version=big).count()
