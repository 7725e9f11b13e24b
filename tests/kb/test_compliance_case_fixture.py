"""fixtures/cases.json: all 30 records of the research data, every reference resolved;
load_cases is an idempotent upsert; the builder refuses references the kb lacks."""

import importlib.util
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from compliance.models import CaseProvision, CaseRecord
from legal.models import Origin

pytestmark = pytest.mark.django_db

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "cases.json"
KB = json.loads((Path(settings.BASE_DIR) / "fixtures" / "kb.json").read_text("utf-8"))
SCRIPT = Path(settings.BASE_DIR) / "scripts" / "build_case_fixtures.py"
spec = importlib.util.spec_from_file_location("build_case_fixtures", SCRIPT)
build_case_fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_case_fixtures)


def fixture_data():
    return json.loads(FIXTURE.read_text("utf-8"))


def test_all_thirty_public_records_are_loaded_with_their_references():
    data = fixture_data()
    assert len(data["cases"]) == 30
    public = CaseRecord.objects.public().filter(origin=Origin.KB)
    assert public.count() == 30
    expected_links = sum(len(case["provisions"]) for case in data["cases"])
    assert CaseProvision.objects.filter(case__in=public).count() == expected_links == 59
    for case in data["cases"]:
        record = public.get(slug=case["slug"])
        links = {
            (link.provision.version.act.slug, link.provision.version.code, link.provision.eid, link.relation)
            for link in record.provision_links.select_related("provision__version__act")
        }
        assert links == {(r["act"], r["version"], r["eid"], r["relation"]) for r in case["provisions"]}
        assert sorted(record.practices.values_list("slug", flat=True)) == sorted(case["practices"])
        assert record.sources == case["sources"] and record.confidence == case["confidence"]


def test_month_only_date_keeps_its_precision(client):
    record = CaseRecord.objects.get(slug="kz-2023-10-president-deepfake-investment-ad")
    assert (record.date.isoformat(), record.date_precision) == ("2023-10-01", "month")
    page = client.get(record.get_absolute_url()).content.decode()
    assert "октябрь 2023" in page and '<time datetime="2023-10">' in page
    assert "1 октября 2023" not in page


def test_references_point_to_adopted_text_not_the_draft():
    drafts = CaseProvision.objects.filter(case__origin=Origin.KB, provision__version__status="draft")
    assert not drafts.exists()


def test_load_cases_is_idempotent_and_keeps_history():
    record = CaseRecord.objects.get(slug="kz-2025-11-17-ai-law-signed")
    history = record.history.count()
    call_command("load_cases", verbosity=0)
    assert CaseRecord.objects.public().count() == 30
    assert record.history.count() == history


def test_load_cases_updates_changes_and_removes_only_what_it_loaded(tmp_path):
    from tests.compliance.workspace import make_case

    hand_made = make_case(None, "editor-added-public-case")
    data = fixture_data()
    dropped = data["cases"].pop()
    data["cases"][0]["title"]["ru"] = "Новый заголовок"
    data["cases"][0]["provisions"] = data["cases"][0]["provisions"][:0]
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    call_command("load_cases", file=path, verbosity=0)
    assert not CaseRecord.objects.filter(slug=dropped["slug"]).exists()
    first = CaseRecord.objects.get(slug=data["cases"][0]["slug"])
    assert first.title_ru == "Новый заголовок" and not first.provision_links.exists()
    assert CaseRecord.objects.filter(pk=hand_made.pk).exists()


def test_load_cases_changes_nothing_on_an_unknown_provision(tmp_path):
    data = fixture_data()
    data["cases"][0]["title"]["ru"] = "Не должно сохраниться"
    data["cases"][-1]["provisions"].append({"act": "ai-law", "version": "2025-11-17", "eid": "art_999",
                                            "relation": "cited"})
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(CommandError, match="art_999"):
        call_command("load_cases", file=path, verbosity=0)
    assert CaseRecord.objects.get(slug=data["cases"][0]["slug"]).title_ru != "Не должно сохраниться"


def test_load_cases_refuses_a_slug_taken_by_a_private_record(tmp_path):
    from compliance.models import Organization
    from tests.compliance.workspace import make_case

    org = Organization.objects.create(slug="kz", name="KZ")
    data = fixture_data()
    data["cases"].append({**data["cases"][0], "slug": "kz-private-one"})
    make_case(org, "kz-private-one")
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(CommandError, match="entered by hand"):
        call_command("load_cases", file=path, verbosity=0)
    assert CaseRecord.objects.get(slug="kz-private-one").organization == org


def research_case(**overrides):
    case = {
        "slug": "kz-2026-01-01-test",
        "date": "2026-01",
        "kind": "incident",
        "technique": "other",
        "title": {"ru": "Тест"},
        "summary": {"ru": "Текст"},
        "provisions": [{"act": "criminal-code", "eid": "art_190", "relation": "relevant"}],
        "prohibited_practices": ["unlabelled-synthetic-content"],
        "outcome": {},
        "confidence": "secondary",
        "sources": ["https://example.kz/a"],
    }
    case.update(overrides)
    return case


def test_builder_pins_references_to_the_adopted_version_and_keeps_month_precision():
    records, problems = build_case_fixtures.build([research_case()], KB)
    assert problems == []
    [record] = records
    assert record["provisions"] == [
        {"act": "criminal-code", "version": "current", "eid": "art_190", "relation": "relevant"}
    ]
    assert (record["date"], record["date_precision"]) == ("2026-01-01", "month")


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"provisions": [{"act": "criminal-code", "eid": "art_9999", "relation": "relevant"}]}, "art_9999"),
        ({"provisions": [{"act": "no-such-act", "eid": "art_1", "relation": "relevant"}]}, "no-such-act"),
        ({"provisions": [{"act": "criminal-code", "eid": "art_190", "relation": "guessed"}]}, "relation"),
        ({"prohibited_practices": ["mind-reading"]}, "mind-reading"),
        ({"kind": "rumour"}, "kind"),
        ({"date": "Oct 2023"}, "not a date"),
        ({"sources": []}, "no sources"),
        ({"title": {}}, "no title"),
        ({"slug": "new"}, "slug"),
    ],
)
def test_builder_refuses_what_the_kb_does_not_hold(override, message):
    _, problems = build_case_fixtures.build([research_case(**override)], KB)
    assert any(message in problem for problem in problems), problems


def test_builder_refuses_an_eid_only_a_draft_holds_unless_the_version_is_named():
    draft_only = next(
        p["eid"] for a in KB["acts"] if a["slug"] == "ai-law" for v in a["versions"] if v["status"] == "draft"
        for p in v["provisions"] if p["eid"].startswith("unk_")
    )
    ref = {"act": "ai-law", "eid": draft_only, "relation": "cited"}
    _, problems = build_case_fixtures.build([research_case(provisions=[ref])], KB)
    assert problems and "adopted version" in problems[0]
    records, problems = build_case_fixtures.build(
        [research_case(provisions=[{**ref, "version": "draft-2025-01"}])], KB
    )
    assert problems == [] and records[0]["provisions"][0]["version"] == "draft-2025-01"


def test_builder_cli_writes_nothing_on_problems(tmp_path, capsys):
    (tmp_path / "cases.json").write_text(json.dumps([research_case(kind="rumour")]), "utf-8")
    output = tmp_path / "out.json"
    assert build_case_fixtures.main([str(tmp_path), "--output", str(output)]) == 1
    assert not output.exists()
    assert "kind" in capsys.readouterr().err
    (tmp_path / "cases.json").write_text(json.dumps([research_case()]), "utf-8")
    assert build_case_fixtures.main([str(tmp_path), "--output", str(output)]) == 0
    first = output.read_bytes()
    assert build_case_fixtures.main([str(tmp_path), "--output", str(output)]) == 0
    assert output.read_bytes() == first  # deterministic
