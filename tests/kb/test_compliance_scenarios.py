"""Scenarios: an AI system's answers to the main questionnaire → risk, autonomy, findings, citations.

Each scenario states what a lawyer expects; the test finalises a real assessment against the
loaded questionnaire and checks the stored result (what the report will show).
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model

from compliance.models import AISystem, Organization
from compliance.services import assessments

pytestmark = pytest.mark.django_db

NO_BANS = {
    "ban_manipulation": False,
    "ban_vulnerability": False,
    "ban_social_scoring": False,
    "ban_biometric_categorisation": False,
    "emotion_recognition": False,
    "ban_prohibited_output": False,
}
OWNER_DUTIES_MET = {
    "user_agreement": True,
    "documentation": True,
    "capabilities_info": True,
    "risk_process": True,
    "risk_review_yearly": True,
    "suspension_procedure": True,
    "security_measures": True,
}
QUIET = {  # nothing else going on
    "restricted_data": False,
    "human_control": True,
    "affects_rights": False,
    "forwards_synthetic": False,
    "processes_pd": False,
    "trains_models": False,
    "generates_media": False,
}

# The liability links of the duties behind the deepfake exposure finding: consent for a
# likeness (УК 147, КоАП 79, ГК 951), no prohibited output, no unlabelled distribution.
PROHIBITED_OUTPUT_LIABILITY = {
    "criminal-code/art_174",
    "criminal-code/art_274",
    "criminal-code/art_311",
    "criminal-code/art_312",
    "admin-code/art_456-2",
    "admin-code/art_641-1__para_1__subpara_2",
}
DEEPFAKE_LIABILITY = {
    "criminal-code/art_147",
    "admin-code/art_79",
    "civil-code-special/art_951",
    *PROHIBITED_OUTPUT_LIABILITY,
}


@dataclass
class Scenario:
    name: str
    answers: dict
    risk: str
    autonomy: str
    findings: dict[str, str]  # rule code → severity: exactly the findings expected
    cites: dict[str, set[str]] = field(default_factory=dict)  # rule code → "act/eid" it must cite
    # rule code → "act/eid" of exactly the liability the knowledge base's links give it (none if absent)
    liability: dict[str, set[str]] = field(default_factory=dict)
    prohibited: set[str] = field(default_factory=set)  # the prohibited practices the summary flags


SCENARIOS = [
    Scenario(
        "deepfake video service publishing unlabelled output",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["developer", "owner"],
            "deployment_mode": "closed",
            "failure_impact": "harm",
            "decision_autonomy": "human_decides",
            "ai_disclosed": True,
            "generates_media": True,
            "imitates_reality": "yes",
            "real_people": True,
            "likeness_consent": True,
            "distributed": True,
            "machine_readable_mark": False,
            "visible_warning": False,
            "output_safeguards": True,
        },
        risk="medium",
        autonomy="low",
        findings={
            "synthetic_no_machine_mark": "prohibited",
            "synthetic_no_visible_warning": "prohibited",
            "deepfake_liability_exposure": "medium",
            "transparency_duty": "info",
        },
        cites={
            "synthetic_no_machine_mark": {"ai-law/art_21__para_2", "ai-law/art_1__def_4"},
            "synthetic_no_visible_warning": {"ai-law/art_21__para_2", "ai-law/art_21__para_3"},
            "deepfake_liability_exposure": {
                "criminal-code/art_190",
                "admin-code/art_73-3",
                "civil-code/art_143",
                "civil-code/art_145",
            },
        },
        # The machine-readable mark has no specific sanction; the visible warning does (КоАП
        # 641-1 ч. 1 п. 1, owners and holders only).
        liability={
            "synthetic_no_visible_warning": {"admin-code/art_641-1__para_1__subpara_1"},
            "deepfake_liability_exposure": DEEPFAKE_LIABILITY,
        },
        prohibited={"unlabelled-synthetic-content"},
    ),
    Scenario(
        "emotion recognition in hiring without consent",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["holder"],
            "deployment_mode": "closed",
            "failure_impact": "harm",
            "decision_autonomy": "human_can_override",
            "ai_disclosed": True,
            "emotion_recognition": True,
            "emotion_consent": "none",
            "affects_rights": True,
            "explanations": True,
            "opt_out_channel": True,
            "automated_decisions": False,
        },
        risk="medium",
        autonomy="medium",
        findings={"banned_emotion_recognition": "prohibited", "transparency_duty": "info"},
        cites={"banned_emotion_recognition": {"ai-law/art_17__para_3__subpara_6", "ai-law/art_18__para_2"}},
        # КоАП 79 only for the data side; 641-1 ч. 1 п. 2 through the duty to suspend (high risk, harm).
        liability={
            "banned_emotion_recognition": {"admin-code/art_79", "admin-code/art_641-1__para_1__subpara_2"}
        },
        prohibited={"emotion-recognition-without-consent"},
    ),
    Scenario(
        "customer-service chatbot that discloses AI use",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["owner"],
            "deployment_mode": "closed",
            "failure_impact": "negligible",
            "decision_autonomy": "human_decides",
            "ai_disclosed": True,
        },
        risk="minimal",
        autonomy="low",
        findings={"transparency_duty": "info"},
        cites={"transparency_duty": {"ai-law/art_21__para_1"}},
    ),
    Scenario(
        "chatbot that hides it is an AI and keeps no documentation",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["owner"],
            "deployment_mode": "closed",
            "failure_impact": "negligible",
            "decision_autonomy": "human_decides",
            "ai_disclosed": False,
            "documentation": False,
            "user_agreement": False,
        },
        risk="minimal",
        autonomy="low",
        # Art. 21(1) disclosure has no specific sanction: no КоАП 641-1 (it reaches neither duty).
        findings={
            "ai_use_not_disclosed": "medium",
            "no_user_agreement": "medium",
            "no_documentation": "medium",
        },
        cites={
            "ai_use_not_disclosed": {"ai-law/art_21__para_1"},
            "no_user_agreement": {"ai-law/art_15__para_2__subpara_5"},
            "no_documentation": {"ai-law/art_15__para_2__subpara_3"},
        },
    ),
    Scenario(
        "municipal social scoring without a law, on personal data without consent",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["owner"],
            "deployment_mode": "closed",
            "failure_impact": "harm",
            "decision_autonomy": "human_decides",
            "ai_disclosed": True,
            "ban_social_scoring": True,
            "social_scoring_by_law": False,
            "processes_pd": True,
            "pd_basis": "none",
            "pd_purpose": True,
            "pd_localised": True,
            "pd_cross_border": False,
            "biometric": False,
            "breach_procedure": True,
            "pd_governance": True,
        },
        risk="medium",
        autonomy="low",
        findings={
            "banned_social_scoring": "prohibited",
            "banned_unlawful_personal_data": "prohibited",
            "transparency_duty": "info",
        },
        cites={
            "banned_social_scoring": {"ai-law/art_17__para_3__subpara_3"},
            "banned_unlawful_personal_data": {
                "ai-law/art_17__para_3__subpara_4",
                "personal-data-law/art_7__para_1",
            },
        },
        liability={
            "banned_social_scoring": {"admin-code/art_641-1__para_1__subpara_2"},
            "banned_unlawful_personal_data": {"admin-code/art_79", "criminal-code/art_147"},
        },
        prohibited={"social-scoring", "unlawful-personal-data-processing"},
    ),
    Scenario(
        "grid-control system in critical infrastructure without state-grade security or risk management",
        {
            **QUIET,
            **NO_BANS,
            **{k: v for k, v in OWNER_DUTIES_MET.items() if k != "risk_review_yearly"},
            "org_roles": ["owner", "holder"],
            "deployment_mode": "local",
            "failure_impact": "emergency",
            "critical_infrastructure": True,
            "state_grade_security": False,
            "trusted_list": True,
            "audit_done": False,
            "decision_autonomy": "no_override",
            "human_control": False,
            "ai_disclosed": True,
            "risk_process": False,
        },
        risk="high",
        autonomy="high",
        findings={
            "critical_infrastructure_security": "high",
            "no_risk_management_high_risk": "high",
            "high_autonomy": "medium",
            "no_human_control": "medium",
            "trusted_list_audit_missing": "medium",
            "transparency_duty": "info",
        },
        cites={
            "critical_infrastructure_security": {"ai-law/art_17__para_1"},
            "no_risk_management_high_risk": {"ai-law/art_18__para_1"},
            "trusted_list_audit_missing": {"ai-law/art_19__para_2", "ai-law/art_20__para_2__subpara_2"},
        },
        liability={"no_risk_management_high_risk": {"admin-code/art_641-1__para_1__subpara_2"}},
    ),
    Scenario(
        "credit scoring on a foreign cloud model: automated decisions, data sent abroad",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["holder"],
            "deployment_mode": "open",
            "restricted_data": True,
            "failure_impact": "harm",
            "decision_autonomy": "human_can_override",
            "ai_disclosed": True,
            "affects_rights": True,
            "explanations": False,
            "opt_out_channel": False,
            "automated_decisions": True,
            "automated_safeguards": False,
            "processes_pd": True,
            "pd_basis": "consent",
            "pd_purpose": True,
            "pd_localised": False,
            "pd_cross_border": True,
            "pd_cross_border_basis": False,
            "biometric": False,
            "breach_procedure": False,
            "pd_governance": True,
        },
        risk="medium",
        autonomy="medium",
        findings={
            "open_system_restricted_data": "high",
            "automated_decisions_unprotected": "high",
            "pd_cross_border_unlawful": "high",
            "no_explanations": "medium",
            "pd_not_localised": "medium",
            "no_breach_procedure": "medium",
            "no_opt_out": "low",
            "transparency_duty": "info",
        },
        cites={
            "automated_decisions_unprotected": {"personal-data-law/art_19-1", "ai-law/art_21__para_4"},
            "pd_cross_border_unlawful": {"personal-data-law/art_16"},
            "pd_not_localised": {"personal-data-law/art_12__para_2"},
            "no_breach_procedure": {"personal-data-law/art_25__para_2__subpara_8"},
            "open_system_restricted_data": {"ai-law/art_17__para_4"},
        },
        liability={
            "automated_decisions_unprotected": {"admin-code/art_79"},
            "pd_cross_border_unlawful": {"admin-code/art_79"},
            "pd_not_localised": {"admin-code/art_79"},
            "no_breach_procedure": {"admin-code/art_79", "admin-code/art_641"},
        },
    ),
    Scenario(
        "model developer scraping works despite opt-outs, libraries without provenance",
        {
            **QUIET,
            **NO_BANS,
            "org_roles": ["developer"],
            "deployment_mode": "open",
            "failure_impact": "negligible",
            "decision_autonomy": "human_decides",
            "ai_disclosed": True,
            "trains_models": True,
            "trains_on_works": True,
            "honours_opt_out": False,
            "data_libraries": True,
            "library_provenance": False,
            "library_lawful_purpose": True,
            "claims_copyright": True,
        },
        risk="minimal",
        autonomy="low",
        findings={
            "training_ignores_opt_out": "prohibited",
            "library_provenance_missing": "medium",
            "transparency_duty": "info",
            "ai_works_copyright": "info",
        },
        cites={
            "training_ignores_opt_out": {"ai-law/art_23__para_5", "ai-law/art_23__para_3"},
            "library_provenance_missing": {"ai-law/art_27__para_5"},
            "ai_works_copyright": {"ai-law/art_23__para_1", "ai-law/art_23__para_2"},
        },
        prohibited={"training-despite-machine-readable-optout"},
    ),
    Scenario(
        "news outlet forwarding someone else's deepfakes without labels",
        {
            **QUIET,
            **NO_BANS,
            "org_roles": ["user"],
            "deployment_mode": "closed",
            "failure_impact": "negligible",
            "decision_autonomy": "human_decides",
            "ai_disclosed": True,
            "forwards_synthetic": True,
            "forwarded_labelled": False,
        },
        risk="minimal",
        autonomy="low",
        findings={"forwarding_unlabelled": "prohibited", "transparency_duty": "info"},
        cites={
            "forwarding_unlabelled": {"ai-law/art_21__para_2", "admin-code/art_73-3", "civil-code/art_143"}
        },
        # Users and platforms: КоАП 641-1 (owners and holders only) is not among their liability.
        liability={"forwarding_unlabelled": {"criminal-code/art_274", "admin-code/art_456-2"}},
        prohibited={"unlabelled-synthetic-content"},
    ),
    Scenario(
        "voice-cloning app using real voices without consent; biometric data without a basis",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["developer", "owner"],
            "deployment_mode": "closed",
            "failure_impact": "harm",
            "decision_autonomy": "human_decides",
            "ai_disclosed": True,
            "generates_media": True,
            "imitates_reality": "yes",
            "real_people": True,
            "likeness_consent": False,
            "distributed": True,
            "machine_readable_mark": True,
            "visible_warning": True,
            "output_safeguards": False,
            "processes_pd": True,
            "pd_basis": "consent",
            "pd_purpose": True,
            "pd_localised": True,
            "pd_cross_border": False,
            "biometric": True,
            "biometric_basis": False,
            "breach_procedure": True,
            "pd_governance": True,
        },
        risk="medium",
        autonomy="low",
        findings={
            "likeness_without_consent": "prohibited",
            "no_output_safeguards": "high",
            "biometric_without_basis": "high",
            "deepfake_liability_exposure": "medium",
            "transparency_duty": "info",
            "synthetic_labelling_duty": "info",
        },
        cites={
            "likeness_without_consent": {
                "civil-code/art_145__para_1",
                "personal-data-law/art_7__para_1",
                "ai-law/art_17__para_3__subpara_4",
            },
            "no_output_safeguards": {"ai-law/art_21__para_5", "ai-law/art_17__para_3__subpara_7"},
            "biometric_without_basis": {"personal-data-law/art_1__def_1"},
        },
        liability={
            "likeness_without_consent": {
                "criminal-code/art_147", "admin-code/art_79", "civil-code-special/art_951"
            },
            "no_output_safeguards": PROHIBITED_OUTPUT_LIABILITY,
            "biometric_without_basis": {"criminal-code/art_147", "admin-code/art_79"},
            "deepfake_liability_exposure": DEEPFAKE_LIABILITY,
        },
        prohibited={"unlawful-personal-data-processing"},
    ),
    Scenario(
        "image editor doing only technical edits: not a deepfake in our reading",
        {
            **QUIET,
            **NO_BANS,
            **OWNER_DUTIES_MET,
            "org_roles": ["owner"],
            "deployment_mode": "closed",
            "failure_impact": "negligible",
            "decision_autonomy": "human_decides",
            "ai_disclosed": True,
            "generates_media": True,
            "imitates_reality": "technical_only",
            "output_safeguards": True,
        },
        risk="minimal",
        autonomy="low",
        findings={"transparency_duty": "info"},
    ),
]


@pytest.fixture
def lawyer():
    return get_user_model().objects.create_user("lawyer", password="x")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario, lawyer):
    organization = Organization.objects.create(slug="client", name="Client")
    system = AISystem.objects.create(organization=organization, name=scenario.name[:200], roles=["owner"])
    assessment = assessments.start_assessment(system, by=lawyer)
    assessments.save_answers(assessment, scenario.answers, by=lawyer)
    assert assessments.missing_required(assessment) == []

    final = assessments.finalize(assessment, by=lawyer)

    assert (final.risk_level, final.autonomy_level) == (scenario.risk, scenario.autonomy)
    found = dict(final.findings.values_list("rule_code", "severity"))
    assert found == scenario.findings
    data = assessments.assessment_data(final)
    cited = {f["rule"]: {f"{c['act']}/{c['eid']}" for c in f["citations"]} for f in data["findings"]}
    for rule, expected in scenario.cites.items():
        assert expected <= cited[rule], f"{rule} cites {sorted(cited[rule])}"
    # Citations are pinned to the questionnaire's version of each act, with their text.
    for finding in data["findings"]:
        for citation in finding["citations"]:
            assert citation["version"] == ("2025-11-17" if citation["act"] == "ai-law" else "current")
            assert citation["citation"]["ru"] and citation["url"].endswith(f"/{citation['eid']}/")
    # Most serious first.
    ranks = [assessments.SEVERITY_RANK[f["severity"]] for f in data["findings"]]
    assert ranks == sorted(ranks)
    # Liability comes from the knowledge base's links of the findings' duties, nothing else.
    liable = {f["rule"]: {f"{e['act']}/{e['eid']}" for e in f["liability"]} for f in data["findings"]}
    assert liable == {rule: scenario.liability.get(rule, set()) for rule in scenario.findings}
    # The summary's prohibited practices are those of the 'prohibited' findings, and only those.
    summary = data["summary"]
    assert {p["slug"] for p in summary["prohibited"]} == scenario.prohibited
    assert bool(summary["prohibited"]) == ("prohibited" in scenario.findings.values())
    assert summary["counts"]["prohibited"] == list(scenario.findings.values()).count("prohibited")
