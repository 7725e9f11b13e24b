"""The importer attaches an official text to kzai's version without losing our work on it.

Texts are built as the reader gives them (tests/legal/importing_samples.py, invented
wording); the act and its version are the test sample's (tests/legal/factories.py)."""

import datetime

import pytest

from legal.importing import ImportOptions, ImportRefused, import_official_text
from legal.importing.checks import header_problems
from legal.models import (
    Act,
    Amendment,
    EditorialNote,
    LinkKind,
    LinkOrigin,
    OfficialDocument,
    OfficialText,
    PracticeProvision,
    Provision,
    ProvisionLink,
    SearchEntry,
    Term,
)
from legal.official.types import ERROR, Document, Header, Problem
from tests.legal.factories import (
    build_sample,
    fixed_today,  # noqa: F401 (autouse fixture)
)
from tests.legal.importing_samples import ai_law

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample():
    return build_sample()


def tree(version):
    return [(p.eid, p.parent.eid if p.parent_id else None) for p in version.provisions.order_by("order")]


def test_attach_keeps_our_summaries_links_and_references(sample):
    before = Provision.objects.get(version=sample.adopted, eid="art_21__para_2")
    result = import_official_text(sample.ai_law, ai_law())

    assert result.outcome == "attached" and result.version_code == "2025-11-17"
    art = Provision.objects.get(pk=before.pk)  # the same row
    assert art.summary_ru == "Синтетические результаты маркируются в машиночитаемой форме."
    assert list(art.duty_holders.all()) == [sample.owner]
    assert PracticeProvision.objects.filter(provision=art).count() == 1
    official = art.official_texts.get(language="ru")
    assert official.text.startswith("Синтетические результаты маркируются")
    assert official.source_url == "https://adilet.zan.kz/rus/docs/Z2500000230"
    assert "art_21__para_2" in result.attached
    assert OfficialDocument.objects.get(version=sample.adopted, language="ru").report["outcome"] == "attached"


def test_new_units_are_created_in_document_order_under_their_parent(sample):
    result = import_official_text(sample.ai_law, ai_law())

    assert set(result.created) == {"art_1__def_3", "art_2", "art_17__para_2", "art_21__para_1", "art_22"}
    assert tree(sample.adopted) == [
        ("chp_1", None),
        ("art_1", "chp_1"),
        ("art_1__def_3", "art_1"),
        ("art_1__def_4", "art_1"),
        ("art_2", "chp_1"),
        ("chp_3", None),
        ("art_17", "chp_3"),
        ("art_17__para_1", "art_17"),
        ("art_17__para_2", "art_17"),
        ("art_17__para_3", "art_17"),
        ("art_17__para_3__subpara_1", "art_17__para_3"),
        ("art_21", "chp_3"),
        ("art_21__para_1", "art_21"),
        ("art_21__para_2", "art_21"),
        ("art_22", "chp_3"),
    ]
    new = Provision.objects.get(version=sample.adopted, eid="art_17__para_2")
    assert (new.origin, new.confidence, new.sources) == (
        "import",
        "verified",
        [sample.ai_law.official_urls["ru"]],
    )
    assert (new.path, new.depth) == ("chp_3/art_17", 2)
    assert Provision.objects.get(version=sample.adopted, eid="art_22").repealed
    assert Provision.objects.get(version=sample.adopted, eid="art_2").title_ru == "Цель настоящего Закона"


def test_units_missing_from_the_text_are_reported_and_keep_their_place(sample):
    result = import_official_text(sample.ai_law, ai_law(omit={"art_17__para_3__subpara_1"}))

    assert result.missing == ["art_17__para_3__subpara_1"]
    order = [eid for eid, _ in tree(sample.adopted)]
    assert order.index("art_17__para_3__subpara_1") == order.index("art_17__para_3") + 1
    kept = Provision.objects.get(version=sample.adopted, eid="art_17__para_3__subpara_1")
    assert not kept.repealed and kept.summary_ru == "Манипуляции."


def test_a_different_title_is_kept_and_reported(sample):
    result = import_official_text(sample.ai_law, ai_law())

    assert Provision.objects.get(version=sample.adopted, eid="art_1").title_ru == "Основные понятия"
    [warning] = [p for p in result.problems if p.code == "title_differs"]
    assert "art_1" in warning.message and "Основные понятия, используемые" in warning.message


def test_amendments_notes_and_terms(sample):
    amending = sample.ai_law.__class__.objects.create(
        slug="t-amending",
        kind="law",
        number="905-VIII",
        title_ru="О внесении изменений",
        confidence="verified",
    )
    import_official_text(sample.ai_law, ai_law())

    [amendment] = Amendment.objects.filter(version=sample.adopted)
    assert amendment.provision.eid == "art_21__para_2" and amendment.amending_act == amending
    assert amendment.law_number == "905-VIII" and amendment.language == "ru"
    [note] = EditorialNote.objects.filter(version=sample.adopted)
    assert (note.provision.eid, note.kind) == ("art_2", "izpi")
    terms = {t.provision.eid: t.term_ru for t in Term.objects.filter(provision__version=sample.adopted)}
    assert terms == {
        "art_1__def_3": "система искусственного интеллекта",
        "art_1__def_4": "синтетические результаты деятельности систем искусственного интеллекта",
    }


def test_summary_outdated_where_an_amendment_is_newer_than_the_text_summarised(sample):
    sample.adopted.consolidated_as_of = sample.adopted.date
    sample.adopted.save()
    result = import_official_text(sample.ai_law, ai_law())

    assert result.outdated == ["art_21__para_2"]
    assert Provision.objects.get(version=sample.adopted, eid="art_21__para_2").summary_outdated


def test_references_are_linked_both_ways(sample):
    result = import_official_text(sample.ai_law, ai_law())

    links = {
        (link.source.eid, link.target.eid)
        for link in ProvisionLink.objects.filter(kind=LinkKind.REFERS_TO, origin=LinkOrigin.EXTRACTED)
    }
    assert ("art_17__para_2", "art_21") in links
    assert ("art_21__para_2", "art_21__para_1") in links
    assert result.links == len(links)
    art_21 = Provision.objects.get(version=sample.adopted, eid="art_21")
    assert [link.source.eid for link in art_21.incoming_links.filter(kind=LinkKind.REFERS_TO)] == [
        "art_17__para_2"
    ]


def test_search_finds_the_official_wording(sample):
    import_official_text(sample.ai_law, ai_law())

    para = Provision.objects.get(version=sample.adopted, eid="art_17__para_2")
    assert SearchEntry.objects.filter(
        provision_pk=para.pk, language="ru", text__contains="Требования"
    ).exists()


def test_reimporting_the_same_text_writes_nothing(sample):
    import_official_text(sample.ai_law, ai_law())
    document = OfficialDocument.objects.get()
    counts = _counts()

    result = import_official_text(sample.ai_law, ai_law())

    assert result.outcome == "unchanged"
    assert _counts() == counts
    assert OfficialDocument.objects.get().imported_at == document.imported_at


def _counts():
    models = (
        Provision,
        OfficialText,
        OfficialDocument,
        Amendment,
        EditorialNote,
        ProvisionLink,
        Term,
        SearchEntry,
    )
    return {m.__name__: m.objects.count() for m in models} | {
        "history": Provision.history.count() + OfficialText.history.count()
    }


def test_dry_run_reports_and_writes_nothing(sample):
    counts = _counts()
    result = import_official_text(sample.ai_law, ai_law(), ImportOptions(dry_run=True))

    assert result.dry_run and result.outcome == "attached" and "art_2" in result.created
    assert _counts() == counts


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (ImportOptions(language="kk"), "language"),
        (ImportOptions(source_url="", status="nonsense"), "status"),
    ],
)
def test_refused_options_write_nothing(sample, options, code):
    counts = _counts()
    with pytest.raises(ImportRefused) as refused:
        import_official_text(sample.ai_law, ai_law(), options)
    assert code in [p.code for p in refused.value.problems]
    assert _counts() == counts


def test_another_acts_text_is_refused_unless_forced(sample):
    other = ai_law()
    other.header.number = "999-VIII"
    counts = _counts()
    with pytest.raises(ImportRefused) as refused:
        import_official_text(sample.ai_law, other)
    [problem] = refused.value.problems
    assert problem.code == "another_act" and "999-VIII" in problem.message and "230-VIII" in problem.message
    assert _counts() == counts

    assert import_official_text(sample.ai_law, other, ImportOptions(force=True)).outcome == "attached"


def test_reader_errors_refuse_the_import(sample):
    broken = ai_law()
    broken.problems.append(Problem(ERROR, "truncated", "Текст обрывается посреди статьи", 42))
    counts = _counts()
    with pytest.raises(ImportRefused) as refused:
        import_official_text(sample.ai_law, broken)
    assert "строка 42" in str(refused.value)
    assert _counts() == counts


def test_without_a_source_the_import_is_refused(sample):
    sample.ai_law.official_urls = {}
    sample.ai_law.save()
    with pytest.raises(ImportRefused) as refused:
        import_official_text(sample.ai_law, ai_law())
    assert [p.code for p in refused.value.problems] == ["no_source"]


@pytest.mark.parametrize(
    ("written", "ours", "same"),
    [
        ("6", "6-I", True),
        ("6-I", "6-I", True),
        ("№ 230-VIII", "230-viii", True),
        ("6", "61-I", False),
        ("7", "6-I", False),
    ],
)
def test_an_old_header_may_leave_out_the_convocation(written, ours, same):
    act = Act(slug="t-old", kind="law", number=ours, adopted=datetime.date(1996, 6, 10))
    document = Document("ru", "txt", "", header=Header("law", "Тест", datetime.date(1996, 6, 10), written, 2))
    assert (header_problems(act, document) == []) is same
