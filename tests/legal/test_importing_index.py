"""The search index an import writes (columns read in bulk, legal.search.indexer) is the
one the indexer gives a provision saved on its own: our words, duty holders and the
official text."""

import pytest

from legal.importing import import_official_text
from legal.models import EntityType, Provision, SearchEntry
from legal.search import indexer, search
from tests.legal.factories import (
    build_sample,
    fixed_today,  # noqa: F401 (autouse fixture)
)
from tests.legal.importing_samples import ai_law

pytestmark = pytest.mark.django_db


def _row(entry):
    return (
        entry.language,
        entry.text,
        entry.words,
        entry.stemmed,
        entry.eid,
        entry.act_slug,
        entry.duty_holders,
    )


def test_imported_provisions_are_indexed_as_the_indexer_indexes_one():
    sample = build_sample()
    import_official_text(sample.ai_law, ai_law())

    provisions = Provision.objects.filter(version=sample.adopted).select_related("version__act")
    assert provisions.count() > 5
    for provision in provisions:
        texts = provision.official_texts.all()
        official = {t.language: "\n".join((t.heading, t.text, t.wrap_up)) for t in texts}
        written = SearchEntry.objects.filter(entity_type=EntityType.PROVISION, object_id=provision.pk)
        assert [_row(e) for e in written.order_by("pk")] == [
            _row(e) for e in indexer.provision_entries(provision, official)
        ]
    marked = SearchEntry.objects.get(eid="art_21__para_2", language="ru", entity_type=EntityType.PROVISION)
    assert marked.duty_holders == f"|{sample.owner.code}|"
    assert "маркируются" in marked.text  # our summary and the official wording


def test_imported_wording_is_found():
    sample = build_sample()
    import_official_text(sample.ai_law, ai_law())

    hits = search("маркируются", act=sample.ai_law.slug)
    assert "art_21__para_2" in {
        hit.provision.eid for group in hits.groups for hit in group.hits if hit.provision
    }
