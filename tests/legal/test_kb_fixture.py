"""Invariants of the knowledge-base fixture (fixtures/kb.json) as shipped.

These read the fixture file, never the research data it was generated from.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from tests.multilingual import texts

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "kb.json"
URL = re.compile(r"^https?://\S+$")


@pytest.fixture(scope="module")
def kb():
    return json.loads(FIXTURE.read_text("utf-8"))


def provisions(kb):
    for act in kb["acts"]:
        for version in act["versions"]:
            for provision in version["provisions"]:
                yield act, version, provision


def eids(kb):
    return {(a["slug"], v["code"], p["eid"]) for a, v, p in provisions(kb)}


def test_every_provision_has_a_confidence_and_at_least_one_source(kb):
    for act, version, provision in provisions(kb):
        where = f"{act['slug']}@{version['code']}/{provision['eid']}"
        assert provision["confidence"] in {"verified", "secondary", "unverified"}, where
        assert provision["sources"], where
        assert all(URL.match(url) for url in provision["sources"]), where


def test_every_referenced_eid_exists(kb):
    known = eids(kb)

    def key(ref):
        return ref["act"], ref["version"], ref["eid"]

    refs = [key(t) for t in kb["terms"]]
    refs += [key(link[end]) for link in kb["links"] for end in ("source", "target")]
    refs += [key(r) for record in kb["practices"] + kb["obligations"] for r in record["references"]]
    refs += [(n["act"], n["to"], n["eid"]) for n in kb["version_notes"] if n["eid"]]
    missing = [ref for ref in refs if ref not in known]
    assert refs and not missing


def test_parents_come_before_children_in_the_same_version(kb):
    for act in kb["acts"]:
        for version in act["versions"]:
            seen = set()
            for provision in version["provisions"]:
                assert provision["parent"] is None or provision["parent"] in seen, provision["eid"]
                seen.add(provision["eid"])


def test_all_acts_and_both_ai_law_versions_are_there(kb):
    acts = {a["slug"]: a for a in kb["acts"]}
    assert {
        "ai-law",
        "criminal-code",
        "civil-code",
        "civil-code-special",
        "admin-code",
        "personal-data-law",
    } <= set(acts)
    ai_versions = {v["code"]: v for v in acts["ai-law"]["versions"]}
    assert ai_versions["draft-2025-01"]["status"] == "draft"
    adopted = ai_versions["2025-11-17"]
    types = Counter(p["type"] for p in adopted["provisions"])
    # The adopted Law: 6 chapters, 31 articles, 15 defined terms in art. 1.
    assert (types["chapter"], types["article"], types["def"]) == (6, 31, 15)
    assert adopted["in_force_from"] == "2026-01-18"


def test_ai_law_terms_practices_obligations(kb):
    ai_terms = [t for t in kb["terms"] if t["act"] == "ai-law" and t["version"] == "2025-11-17"]
    assert len(ai_terms) == 15 and all(t["term"].get("ru") for t in ai_terms)
    assert len(kb["practices"]) == 11
    assert len(kb["obligations"]) == 40


def test_draft_units_link_to_the_adopted_text(kb):
    links = [link for link in kb["links"] if link["kind"] == "corresponds_to"]
    pairs = {(link["source"]["eid"], link["target"]["eid"]) for link in links}
    assert ("unk_transparency", "art_21") in pairs
    assert ("unk_prohibited_practices__item_c", "art_17__para_3__subpara_6") in pairs
    assert all(
        link["source"]["version"] == "draft-2025-01" and link["target"]["version"] == "2025-11-17"
        for link in links
    )


def test_practices_link_to_basis_and_liability(kb):
    practice = next(p for p in kb["practices"] if p["slug"] == "unlabelled-synthetic-content")
    roles = {(r["role"], r["act"], r["eid"]) for r in practice["references"]}
    assert ("basis", "ai-law", "art_21__para_2") in roles
    # Only the item of КоАП 641-1 that punishes it, not the whole article (research data 2026-12-06).
    assert ("liability", "admin-code", "art_641-1__para_1__subpara_1") in roles
    assert ("liability", "admin-code", "art_641-1") not in roles


def test_a_number_is_never_made_up(kb):
    for _act, _version, provision in provisions(kb):
        if provision["eid"].startswith("unk_"):
            assert provision["num"] == "", provision["eid"]


def test_codes_carry_their_consolidation_date(kb):
    for act in kb["acts"]:
        if act["partial"] and act["kind"] == "code":
            (version,) = act["versions"]
            assert version["code"] == "current" and version["consolidated_as_of"], act["slug"]


def test_every_displayed_text_has_russian_where_it_has_english(kb):
    """The builder refuses English-only text; the shipped fixture must reflect that."""
    english_only = [
        where for where, text in texts(kb)
        if isinstance(text.get("en"), str) and not text.get("ru") and not where.endswith("_urls")
    ]
    assert english_only == []


def test_official_urls_are_only_official_texts(kb):
    for act in kb["acts"]:
        assert set(act["official_urls"]) <= {"ru", "kk"}, act["slug"]
    ai = next(a for a in kb["acts"] if a["slug"] == "ai-law")
    assert ai["translation_urls"]["en"].startswith("https://adilet.zan.kz/eng/")


def test_our_translations_name_fields_that_have_kazakh(kb):
    records = [p for _a, _v, p in provisions(kb)] + kb["practices"] + kb["obligations"]
    records += [r for record in kb["practices"] + kb["obligations"] for r in record["references"]]
    for record in records:
        for name in record["our_translations"]:
            field, lang = name.rsplit("_", 1)
            assert lang == "kk" and record[field].get("kk") and record[field].get("ru"), (record, name)


def test_obligations_are_linked_only_to_liability_that_reaches_their_holders(kb):
    from legal.reach import liability_reach

    holders = {(a["slug"], v["code"], p["eid"]): p["duty_holders"] for a, v, p in provisions(kb)}
    for obligation in kb["obligations"]:
        for ref in obligation["references"]:
            if ref["role"] == "liability":
                version = {e: h for (a, v, e), h in holders.items() if (a, v) == (ref["act"], ref["version"])}
                reach = liability_reach(version, ref["eid"])
                assert not reach or reach & set(obligation["duty_holders"]), (obligation["slug"], ref["eid"])


def test_fines_of_koap_641_1_and_the_mrp(kb):
    fines = {(f["act"], f["eid"]): f for f in kb["fines"]}
    first = fines[("admin-code", "art_641-1__para_1")]
    assert first["repeat"] == "art_641-1__para_2"
    repeat = fines[("admin-code", first["repeat"])]
    # A large business: 100 МРП the first time, 200 МРП on a repeat within a year.
    assert (first["amounts"]["large"], repeat["amounts"]["large"]) == (100, 200)
    assert first["amounts"] == {"individual": 15, "small": 20, "medium": 30, "large": 100, "nonprofit": 20}
    # Defamation fines only individuals (officials are no organisation category).
    assert fines[("admin-code", "art_73-3__para_1")]["amounts"] == {"individual": 160}
    assert {row["year"]: row["tenge"] for row in kb["mrp"]} == {2024: 3692, 2025: 3932, 2026: 4325}
    for fine in kb["fines"]:
        assert fine["note"].get("ru"), fine["eid"]
