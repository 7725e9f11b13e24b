"""`manage.py load_kb`: loads the fixture, updates in place, keeps what users entered,
and changes nothing when the fixture is broken."""

import copy
import datetime
import json
import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from legal.fixture_files import DEFAULT_PATH, read_fixture
from legal.models import (
    Act,
    ActVersion,
    FineSchedule,
    Mrp,
    Obligation,
    OfficialText,
    Origin,
    PracticeProvision,
    ProhibitedPractice,
    Provision,
    ProvisionLink,
    Term,
    VersionNote,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture_data():
    return copy.deepcopy(read_fixture(DEFAULT_PATH))


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def load(path=DEFAULT_PATH, verbosity=1) -> str:
    out = StringIO()
    call_command("load_kb", file=path, verbosity=verbosity, stdout=out)
    return out.getvalue()


def uncite_in_questionnaires(eid: str) -> None:
    """Questionnaires cite many AI-law units, and a cited unit is kept (test_legal_kb_upgrade.py):
    tests of removal take the citations away first."""
    provision = Provision.objects.get(version__act__slug="ai-law", version__code="2025-11-17", eid=eid)
    provision.rules.clear()
    provision.questions.clear()


def drop_ai_law_provision(fixture_data, eid: str) -> None:
    """Remove a provision of the adopted AI Law from the fixture, with what refers to it."""
    ai_data = next(a for a in fixture_data["acts"] if a["slug"] == "ai-law")
    adopted_data = next(v for v in ai_data["versions"] if v["code"] == "2025-11-17")
    adopted_data["provisions"] = [p for p in adopted_data["provisions"] if p["eid"] != eid]
    fixture_data["terms"] = [t for t in fixture_data["terms"] if t["eid"] != eid]
    for record in fixture_data["practices"] + fixture_data["obligations"]:
        record["references"] = [r for r in record["references"] if r["eid"] != eid]


def snapshot():
    return (
        Act.objects.count(),
        ActVersion.objects.count(),
        Provision.objects.count(),
        Term.objects.count(),
        ProvisionLink.objects.count(),
        VersionNote.objects.count(),
        ProhibitedPractice.objects.count(),
        Obligation.objects.count(),
        PracticeProvision.objects.count(),
        FineSchedule.objects.count(),
        Mrp.objects.count(),
        Provision.history.count(),
        Act.history.count(),
        list(Provision.objects.order_by("pk").values_list("summary_ru", flat=True)),
    )


def test_database_holds_exactly_what_the_fixture_says(fixture_data):
    counts = Counter()
    for act in fixture_data["acts"]:
        counts["versions"] += len(act["versions"])
        counts["provisions"] += sum(len(v["provisions"]) for v in act["versions"])
    assert Act.objects.count() == len(fixture_data["acts"])
    assert ActVersion.objects.count() == counts["versions"]
    assert Provision.objects.count() == counts["provisions"]
    assert Term.objects.count() == len(fixture_data["terms"])
    assert ProvisionLink.objects.count() == len(fixture_data["links"])
    assert VersionNote.objects.count() == len(fixture_data["version_notes"])
    assert ProhibitedPractice.objects.count() == len(fixture_data["practices"])
    assert Obligation.objects.count() == len(fixture_data["obligations"])
    assert Mrp.objects.count() == len(fixture_data["mrp"]) == 3
    assert FineSchedule.objects.count() == len(fixture_data["fines"])
    assert not Provision.objects.filter(confidence="").exists()
    assert not Provision.objects.filter(sources=[]).exists()


def test_tree_is_in_document_order(fixture_data):
    ai = next(a for a in fixture_data["acts"] if a["slug"] == "ai-law")
    adopted = next(v for v in ai["versions"] if v["code"] == "2025-11-17")
    in_db = list(
        Provision.objects.filter(version__act__slug="ai-law", version__code="2025-11-17")
        .order_by("order")
        .values_list("eid", "parent__eid")
    )
    assert in_db == [(p["eid"], p["parent"]) for p in adopted["provisions"]]


def test_running_again_changes_nothing_and_writes_no_history():
    before = snapshot()
    output = load()
    assert "already up to date" in output
    assert snapshot() == before


def test_update_changes_only_what_changed_and_keeps_user_data(tmp_path, fixture_data):
    ai = Act.objects.get(slug="ai-law")
    adopted = ai.versions.get(code="2025-11-17")
    # What users and editors entered: an act of their own, a provision added to a KB
    # version, an editor's practice, and an official text attached to a KB provision.
    own_act = Act.objects.create(slug="user-act", kind="law", title_ru="Акт пользователя")
    art_21 = adopted.provisions.get(eid="art_21")
    editor_note = Provision.objects.create(
        version=adopted,
        eid="art_21__para_99",
        parent=art_21,
        num="99",
        type="para",
        confidence="unverified",
        sources=["https://example.org/editor"],
        origin=Origin.EDITOR,
    )
    practice = ProhibitedPractice.objects.create(
        slug="editor-practice",
        name_ru="Практика редактора",
        confidence="unverified",
        sources=["https://example.org/p"],
    )
    official = OfficialText.objects.create(
        provision=art_21,
        language="ru",
        text="Официальный текст",
        source_url="https://adilet.zan.kz/rus/docs/Z2500000230",
        imported_at="2026-02-01T00:00:00Z",
        checksum="0" * 64,
    )

    ai_data = next(a for a in fixture_data["acts"] if a["slug"] == "ai-law")
    adopted_data = next(v for v in ai_data["versions"] if v["code"] == "2025-11-17")
    target = next(p for p in adopted_data["provisions"] if p["eid"] == "art_21__para_2")
    target["summary"]["ru"] = "Изменённое изложение."
    uncite_in_questionnaires("art_21__para_5")
    drop_ai_law_provision(fixture_data, "art_21__para_5")
    history_before = Provision.history.count()

    output = load(write(tmp_path, fixture_data))

    assert "1 provisions updated" in output and "1 provisions removed" in output
    assert "provisions reordered" in output
    changed = adopted.provisions.get(eid="art_21__para_2")
    assert changed.summary_ru == "Изменённое изложение."
    assert changed.history.first().summary_ru == "Изменённое изложение."
    assert not adopted.provisions.filter(eid="art_21__para_5").exists()
    # One history row for the update, one for the removal: nothing else was rewritten.
    assert Provision.history.count() == history_before + 2
    for kept in (own_act, editor_note, practice, official):
        assert type(kept).objects.filter(pk=kept.pk).exists()


def test_broken_reference_changes_nothing(tmp_path, fixture_data):
    fixture_data["acts"][0]["versions"][-1]["provisions"][0]["summary"]["ru"] = "Не должно сохраниться."
    fixture_data["practices"][0]["references"][0]["eid"] = "art_999"
    before = snapshot()
    with pytest.raises(
        CommandError, match=r"no provision ai-law@2025-11-17/art_999.*\n.*Nothing was changed"
    ):
        load(write(tmp_path, fixture_data))
    assert snapshot() == before


def test_invalid_value_is_reported_with_its_record_and_changes_nothing(tmp_path, fixture_data):
    fixture_data["acts"][0]["versions"][-1]["provisions"][3]["confidence"] = "maybe"
    before = snapshot()
    with pytest.raises(CommandError, match=r"Provision .*confidence"):
        load(write(tmp_path, fixture_data))
    assert snapshot() == before


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"format": 99}', "not a kzai knowledge-base fixture"),
        ('{"format": 1}', "malformed fixture"),
    ],
)
def test_unreadable_fixture_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "kb.json"
    path.write_text(content, "utf-8")
    with pytest.raises(CommandError, match=re.escape(message)):
        load(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        load(tmp_path / "absent.json")


def test_progress_is_reported_per_act():
    output = load(verbosity=2)
    assert "ai-law: 201 provisions" in output


def test_a_provision_a_case_record_cites_is_not_removed_and_nothing_changes(tmp_path, fixture_data):
    from compliance.models import CaseProvision, CaseRecord

    provision = Provision.objects.get(
        version__act__slug="ai-law", version__code="2025-11-17", eid="art_21__para_5"
    )
    case = CaseRecord.objects.create(
        slug="t-cites-para-5",
        kind="incident",
        technique="deepfake_video",
        date=datetime.date(2026, 3, 1),
        title_ru="Запись",
        confidence="unverified",
    )
    CaseProvision.objects.create(case=case, provision=provision, relation="cited")
    uncite_in_questionnaires("art_21__para_5")
    drop_ai_law_provision(fixture_data, "art_21__para_5")
    before = snapshot()
    with pytest.raises(CommandError, match=r"other records still cite .*\n.*Nothing was changed"):
        load(write(tmp_path, fixture_data))
    assert snapshot() == before


def test_new_fields_are_loaded(fixture_data):
    ai = Act.objects.get(slug="ai-law")
    assert ai.translation_urls == {"en": "https://adilet.zan.kz/eng/docs/Z2500000230"}
    assert set(ai.official_urls) == {"ru", "kk"}
    # An official Kazakh heading only: no Russian title, our rendering in the title note.
    art_9 = Provision.objects.get(version__act__slug="online-platforms-law", eid="art_9")
    assert art_9.title_ru == "" and art_9.title_kk and art_9.title_note_ru
    practice = ProhibitedPractice.objects.get(slug="social-scoring")
    assert practice.liability_note_ru
    obligation = Obligation.objects.get(slug="continuous-human-control")
    assert obligation.recommendation_ru
    rows = {row["slug"]: row for row in fixture_data["obligations"]}
    assert obligation.our_translations == rows["continuous-human-control"]["our_translations"]
    reference = obligation.references.filter(role="liability").first()
    if reference is not None:
        row = next(r for r in rows[obligation.slug]["references"] if r["eid"] == reference.provision.eid)
        assert reference.our_translations == row["our_translations"]


def test_fines_and_mrp_are_loaded():
    first = FineSchedule.objects.get(
        provision__version__act__slug="admin-code", provision__eid="art_641-1__para_1"
    )
    # The product's expectation: a large business, КоАП 641-1: 100 МРП, 200 МРП on a repeat.
    assert first.amount_for("large") == 100
    assert first.repeat.eid == "art_641-1__para_2"
    assert first.repeat.fine_schedule.amount_for("large") == 200
    assert first.note_ru and first.amount_for("officials") is None
    assert Mrp.objects.get(year=2026).tenge == 4325


def test_fines_and_mrp_follow_the_fixture(tmp_path, fixture_data):
    editor_provision = Provision.objects.create(
        version=ActVersion.objects.get(act__slug="admin-code", code="current"),
        eid="art_999",
        type="article",
        num="999",
        confidence="unverified",
        sources=["https://example.org/editor"],
        origin=Origin.EDITOR,
    )
    editor_fine = FineSchedule.objects.create(provision=editor_provision, amounts={"large": 1})
    dropped = fixture_data["fines"].pop()
    fixture_data["fines"][0]["amounts"]["large"] = 999
    fixture_data["mrp"] = [row for row in fixture_data["mrp"] if row["year"] != 2024]

    output = load(write(tmp_path, fixture_data))

    assert "1 fine schedules updated" in output and "1 fine schedules removed" in output
    assert "1 МРП years removed" in output
    assert not FineSchedule.objects.filter(provision__eid=dropped["eid"]).exists()
    changed = FineSchedule.objects.get(provision__eid=fixture_data["fines"][0]["eid"])
    assert changed.amounts["large"] == 999 and changed.history.first().amounts["large"] == 999
    assert not Mrp.objects.filter(year=2024).exists()
    assert FineSchedule.objects.filter(pk=editor_fine.pk).exists()
