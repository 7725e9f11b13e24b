"""`load_kb` on a database that loaded an older fixture: the shape before the research data
of 2026-12-06 (no translations, fines, МРП; no new units; the practices' old КоАП 641-1
links), then the current fixture. And a removed unit that a questionnaire cites is kept."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import call_command

from compliance.models import CaseProvision
from legal.fixture_files import DEFAULT_PATH, read_fixture
from legal.models import (
    Act,
    FineSchedule,
    Mrp,
    Obligation,
    PracticeProvision,
    ProhibitedPractice,
    Provision,
)

pytestmark = pytest.mark.django_db

NEW_UNITS = {
    ("admin-code", "art_692-3"),
    ("admin-code", "art_692-3__para_1"),
    ("admin-code", "art_692-3__para_2"),
    ("ai-law", "art_3__para_2__subpara_1"),
    ("ai-law", "art_3__para_2__subpara_2"),
    ("ai-law", "art_3__para_2__subpara_3"),
    ("ai-law", "art_3__para_2__subpara_4"),
    ("personal-data-law", "art_7__para_11"),
    ("personal-data-law", "art_7__para_12"),
    ("personal-data-law", "art_17"),
    ("personal-data-law", "art_17__para_3"),
}
# The art. 17(3) practices (and unlabelled content) were linked to the whole of КоАП 641-1.
OLD_641_1_PRACTICES = [
    "manipulative-subliminal-techniques",
    "exploiting-vulnerabilities",
    "social-scoring",
    "unlawful-personal-data-processing",
    "biometric-categorisation-for-discrimination",
    "emotion-recognition-without-consent",
    "prohibited-ai-output",
    "unlabelled-synthetic-content",
]


def load(data, tmp_path=None) -> str:
    """Load the fixture file at DEFAULT_PATH, or `data` (a dict) written to tmp_path."""
    out = StringIO()
    path = DEFAULT_PATH
    if data is not None:
        path = tmp_path / "kb.json"
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    call_command("load_kb", file=path, verbosity=1, stdout=out)
    return out.getvalue()


def drop_units(data: dict, doomed: set[tuple[str, str]]) -> None:
    """Remove units (act slug, eid) from `data`, with everything that refers to them."""
    for act in data["acts"]:
        for version in act["versions"]:
            version["provisions"] = [
                p for p in version["provisions"] if (act["slug"], p["eid"]) not in doomed
            ]
    data["terms"] = [t for t in data["terms"] if (t["act"], t["eid"]) not in doomed]
    data["links"] = [
        link
        for link in data["links"]
        if not {(link[e]["act"], link[e]["eid"]) for e in ("source", "target")} & doomed
    ]
    data["version_notes"] = [n for n in data["version_notes"] if (n["act"], n["eid"]) not in doomed]
    for record in data["practices"] + data["obligations"]:
        record["references"] = [r for r in record["references"] if (r["act"], r["eid"]) not in doomed]
    data["fines"] = [f for f in data.get("fines", []) if (f["act"], f["eid"]) not in doomed]


def old_shape(new: dict) -> dict:
    """The fixture as the builder wrote it before the new fields (built from the new one)."""
    old = copy.deepcopy(new)
    drop_units(old, NEW_UNITS)
    del old["mrp"], old["fines"]
    for act in old["acts"]:
        del act["translation_urls"]
        for version in act["versions"]:
            for provision in version["provisions"]:
                del provision["title_note"], provision["our_translations"]
    for practice in old["practices"]:
        del practice["liability_note"], practice["our_translations"]
    for obligation in old["obligations"]:
        del obligation["recommendation"], obligation["our_translations"]
    for record in old["practices"] + old["obligations"]:
        for ref in record["references"]:
            del ref["our_translations"]
    for practice in old["practices"]:
        if practice["slug"] in OLD_641_1_PRACTICES:
            practice["references"].append(
                {
                    "act": "admin-code",
                    "version": "current",
                    "eid": "art_641-1",
                    "role": "liability",
                    "note": {"ru": "Старая связь."},
                    "confidence": "",
                }
            )
    return old


def uncite(provisions) -> None:
    CaseProvision.objects.filter(provision__in=provisions).delete()
    for provision in provisions:
        provision.rules.clear()
        provision.questions.clear()


def new_unit_rows():
    return [
        p
        for p in Provision.objects.select_related("version__act")
        if (p.version.act.slug, p.eid) in NEW_UNITS
    ]


def test_an_old_fixture_then_the_new_one(tmp_path):
    new = read_fixture(DEFAULT_PATH)
    uncite(new_unit_rows())

    load(old_shape(new), tmp_path)
    assert not new_unit_rows()
    assert not FineSchedule.objects.exists() and not Mrp.objects.exists()
    assert PracticeProvision.objects.filter(
        practice__slug="social-scoring", provision__eid="art_641-1", role="liability"
    ).exists()

    output = load(None)

    assert "11 provisions created" in output and "references removed" in output
    assert len(new_unit_rows()) == len(NEW_UNITS)
    for slug in OLD_641_1_PRACTICES:
        assert not PracticeProvision.objects.filter(practice__slug=slug, provision__eid="art_641-1").exists()
    unlabelled = ProhibitedPractice.objects.get(slug="unlabelled-synthetic-content")
    assert unlabelled.references.filter(
        provision__eid="art_641-1__para_1__subpara_1", role="liability"
    ).exists()
    assert FineSchedule.objects.count() == len(new["fines"]) and Mrp.objects.count() == len(new["mrp"])
    assert Act.objects.get(slug="ai-law").translation_urls == new["acts"][0]["translation_urls"]
    assert Obligation.objects.exclude(recommendation_ru="").count() == sum(
        1 for o in new["obligations"] if o["recommendation"].get("ru")
    )
    assert Provision.objects.count() == sum(len(v["provisions"]) for a in new["acts"] for v in a["versions"])
    assert "already up to date" in load(None)


def test_a_removed_unit_a_questionnaire_cites_is_kept_with_its_ancestors(tmp_path):
    from compliance.models import Rule

    data = copy.deepcopy(read_fixture(DEFAULT_PATH))
    subtree = list(
        Provision.objects.filter(version__act__slug="ai-law", version__code="2025-11-17").filter(
            eid__startswith="art_17__para_3"
        )
    )
    uncite(subtree)
    cited = next(p for p in subtree if p.eid == "art_17__para_3__subpara_1")
    rule = Rule.objects.first()
    rule.provisions.add(cited)
    drop_units(data, {("ai-law", p.eid) for p in subtree})

    output = load(data, tmp_path)

    kept = set(
        Provision.objects.filter(version__act__slug="ai-law", eid__startswith="art_17__para_3").values_list(
            "eid", flat=True
        )
    )
    # The cited unit and its parent stay (a published questionnaire cannot change); the rest goes.
    assert kept == {"art_17__para_3", "art_17__para_3__subpara_1"}
    assert "2 provisions kept (still cited by questionnaires)" in output
    assert "provisions removed" in output
    assert rule.provisions.filter(pk=cited.pk).exists()
