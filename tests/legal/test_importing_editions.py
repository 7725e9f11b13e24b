"""A changed official text makes a new edition; the Kazakh text joins the Russian one; an
import costs a number of queries that does not grow with the act."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from legal.importing import ImportOptions, ImportRefused, create_act, import_official_text, propose_act
from legal.models import ActVersion, LinkKind, OfficialText, Provision, ProvisionLink, Term
from tests.legal.factories import (
    build_sample,
    fixed_today,  # noqa: F401 (autouse fixture)
    make_act,
)
from tests.legal.importing_samples import ai_law, generated_law

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def sample():
    return build_sample()


def test_a_changed_text_makes_a_new_edition_and_the_previous_stays(sample):
    sample.adopted.consolidated_as_of = D(2026, 3, 2)  # our summaries know the amendment of 01.03
    sample.adopted.save()
    assert import_official_text(sample.ai_law, ai_law()).outdated == []
    with pytest.raises(ImportRefused) as refused:
        import_official_text(sample.ai_law, ai_law(wording="обозначаются"))
    assert "--in-force-from" in str(refused.value)

    result = import_official_text(
        sample.ai_law, ai_law(wording="обозначаются"), ImportOptions(in_force_from=D(2026, 3, 1))
    )

    assert (result.outcome, result.version_code) == ("new_edition", "2026-03-01")
    assert result.changed == ["art_21__para_2"]
    assert result.outdated == ["art_21__para_2"]
    previous = ActVersion.objects.get(pk=sample.adopted.pk)
    assert previous.in_force_until == D(2026, 3, 1)
    old = Provision.objects.get(version=previous, eid="art_21__para_2")
    assert "маркируются" in old.official_texts.get().text and not old.summary_outdated
    edition = ActVersion.objects.get(act=sample.ai_law, code="2026-03-01")
    new = Provision.objects.get(version=edition, eid="art_21__para_2")
    assert "обозначаются" in new.official_texts.get().text
    assert new.summary_ru == old.summary_ru and new.summary_outdated
    assert list(new.duty_holders.all()) == [sample.owner]
    assert Term.objects.get(provision__version=edition, provision__eid="art_1__def_4").term_ru
    assert edition.provisions.count() == previous.provisions.count()
    extracted = ProvisionLink.objects.filter(source__version=edition, kind=LinkKind.REFERS_TO)
    assert {link.target.version_id for link in extracted} == {edition.pk}


def test_kazakh_after_russian_on_the_same_version(sample):
    import_official_text(sample.ai_law, ai_law())
    links = ProvisionLink.objects.count()
    sample.ai_law.official_urls["kk"] = "https://adilet.zan.kz/kaz/docs/Z2500000230"
    sample.ai_law.save()

    result = import_official_text(sample.ai_law, ai_law(language="kk"), ImportOptions(language="kk"))

    assert result.outcome == "attached" and result.created == []
    art = Provision.objects.get(version=sample.adopted, eid="art_2")
    assert sorted(art.official_texts.values_list("language", flat=True)) == ["kk", "ru"]
    assert art.title_kk == "Цель настоящего Закона"  # the (test) heading, filled where empty
    assert ProvisionLink.objects.count() == links  # the Russian text's links stay
    assert (
        OfficialText.objects.filter(language="kk").count()
        == OfficialText.objects.filter(language="ru").count()
    )


def test_a_new_act_from_the_header():
    document = generated_law(3)
    fields = propose_act(document)
    assert fields == {
        "slug": "law-777-viii",
        "kind": "law",
        "number": "777-VIII",
        "adopted": D(2025, 1, 10),
        "title_ru": "Большой тестовый закон",
        "citation_name_ru": (
            "Закона Республики Казахстан от 10 января 2025 года № 777-VIII «Большой тестовый закон»"
        ),
    }
    act = create_act(fields)
    result = import_official_text(
        act, document, ImportOptions(source_url="https://adilet.zan.kz/rus/docs/Z1")
    )

    assert (result.outcome, result.version_code) == ("attached", "2025-01-10")
    assert result.counts == {"chapter": 1, "article": 3, "para": 6}
    assert act.versions.get().provisions.count() == 10


def _import_queries(articles: int) -> list[str]:
    """The statements of an import, but for its bulk writes: the database's limit on
    parameters per statement decides into how many statements those are cut."""
    act = make_act(f"t-big-{articles}", number="777-VIII", adopted=D(2025, 1, 10))
    options = ImportOptions(source_url="https://adilet.zan.kz/rus/docs/Z1")
    with CaptureQueriesContext(connection) as queries:
        import_official_text(act, generated_law(articles), options)
    return [
        q["sql"].split(" WHERE ")[0]
        for q in queries.captured_queries
        if not q["sql"].startswith(("INSERT INTO", "SAVEPOINT", "RELEASE SAVEPOINT"))
        and " CASE WHEN " not in q["sql"]
    ]


def test_the_number_of_queries_does_not_grow_with_the_act():
    assert len(_import_queries(40)) == len(_import_queries(10)) < 40
