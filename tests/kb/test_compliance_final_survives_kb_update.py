"""A final assessment is a record: updating the knowledge base (what `make run` does on every
start: load_kb, load_questionnaires, load_cases) changes neither its data nor its stored PDF."""

import copy
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from compliance.reports import services
from compliance.services import assessments
from legal.fixture_files import DEFAULT_PATH
from tests.compliance.report_fixtures import make_report_case

pytestmark = pytest.mark.django_db


def updated_fixture(tmp_path):
    """The knowledge base as a later research pass might leave it: a summary rewritten, a
    liability link dropped, the МРП of 2026 changed, a unit added."""
    data = json.loads(DEFAULT_PATH.read_text("utf-8"))
    changed = copy.deepcopy(data)
    ai_law = next(a for a in changed["acts"] if a["slug"] == "ai-law")
    adopted = next(v for v in ai_law["versions"] if v["code"] == "2025-11-17")
    unit = next(p for p in adopted["provisions"] if p["eid"] == "art_21__para_2")
    unit["summary"] = {**unit["summary"], "ru": "Переписанное изложение."}
    adopted["provisions"].append({**copy.deepcopy(unit), "eid": "art_21__para_9", "num": "9"})
    warning = next(o for o in changed["obligations"] if o["slug"] == "visible-warning-on-synthetic-results")
    warning["references"] = [r for r in warning["references"] if r["role"] != "liability"]
    mrp = next(m for m in changed["mrp"] if m["year"] == 2026)
    mrp["tenge"] = 5000
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(changed, ensure_ascii=False), "utf-8")
    return path


def test_final_assessment_and_its_pdf_are_unchanged_by_a_knowledge_base_update(tmp_path, client):
    case = make_report_case()
    final = case.final
    snapshot, digest = final.snapshot, final.content_hash
    pdf = {lang: services.report_pdf(final, lang).pdf for lang in ("ru", "kk")}

    call_command("load_kb", file=str(updated_fixture(tmp_path)), verbosity=0)
    call_command("load_questionnaires", verbosity=0)
    call_command("load_cases", verbosity=0)

    final.refresh_from_db()
    assert final.snapshot == snapshot and final.content_hash == digest
    assert assessments.content_hash(final.snapshot) == digest
    assert assessments.assessment_data(final) == {**snapshot, "content_hash": digest}
    for lang, stored in pdf.items():
        assert services.report_pdf(final, lang).pdf == stored
    client.force_login(case.owner)
    response = client.get(reverse("compliance:assessment_report", args=[final.pk]))
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == pdf["ru"]
    # The results page still reads what was recorded: the 2026 МРП of the time, the link since dropped.
    page = client.get(reverse("compliance:assessment_results", args=[final.pk])).content.decode()
    assert 'data-exposure="admin-code/art_641-1__para_1__subpara_1"' in page
    assert "4\u00a0325 ₸" in page and "5\u00a0000 ₸" not in page


def test_a_database_holding_the_previous_questionnaire_keeps_it(tmp_path, django_user_model):
    from compliance.models import AISystem, Organization, Questionnaire
    from compliance.questionnaire_loader import DEFAULT_DIR
    from tests.compliance.wizard_helpers import DEEPFAKE_SERVICE

    current = json.loads((DEFAULT_DIR / "ai-compliance.json").read_text("utf-8"))
    previous = {**copy.deepcopy(current), "version": current["version"] - 1}
    (tmp_path / "previous.json").write_text(json.dumps(previous, ensure_ascii=False), "utf-8")
    Questionnaire.objects.filter(slug="ai-compliance", version=previous["version"]).delete()
    call_command("load_questionnaires", str(tmp_path / "previous.json"), verbosity=0)
    old = Questionnaire.objects.get(slug="ai-compliance", version=previous["version"])

    owner = django_user_model.objects.create_user("owner", password="x")
    system = AISystem.objects.create(
        organization=Organization.objects.create(slug="org", name="Org"), name="S", roles=["owner"]
    )
    draft = assessments.start_assessment(system, old, by=owner)
    assessments.save_answers(draft, DEEPFAKE_SERVICE, by=owner)
    final = assessments.finalize(draft, by=owner)
    snapshot = final.snapshot

    call_command("load_kb", verbosity=0)
    call_command("load_questionnaires", verbosity=0)

    old.refresh_from_db()
    final.refresh_from_db()
    assert old.is_published and final.questionnaire_id == old.pk and final.snapshot == snapshot
    newest = Questionnaire.objects.current("ai-compliance")
    assert newest.version == current["version"]
    assert assessments.start_assessment(system, by=owner).questionnaire == newest
