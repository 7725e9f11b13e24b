"""Shared by the wizard, API and permission tests: a deepfake video service's answers to the
main questionnaire (every required question answered; the real one and the small one of
tests/compliance/factories.py share these questions), split in two halves by section."""

import pytest

from compliance.models import Questionnaire
from compliance.services import assessments
from tests.compliance.factories import make_questionnaire

DEEPFAKE_SERVICE = {
    # system
    "org_roles": ["developer", "owner"],
    "deployment_mode": "closed",
    "restricted_data": False,
    # classification
    "failure_impact": "harm",
    "decision_autonomy": "human_decides",
    "human_control": True,
    # bans
    "ban_manipulation": False,
    "ban_vulnerability": False,
    "ban_social_scoring": False,
    "ban_biometric_categorisation": False,
    "emotion_recognition": False,
    "ban_prohibited_output": False,
    # transparency
    "ai_disclosed": True,
    "user_agreement": True,
    "documentation": True,
    "capabilities_info": True,
    "affects_rights": False,
    # synthetic content
    "generates_media": True,
    "imitates_reality": "yes",
    "real_people": True,
    "likeness_consent": True,
    "distributed": True,
    "machine_readable_mark": False,
    "visible_warning": False,
    "output_safeguards": True,
    "forwards_synthetic": False,
    # risk management
    "risk_process": True,
    "risk_review_yearly": True,
    "suspension_procedure": True,
    "security_measures": True,
    # personal data, training
    "processes_pd": False,
    "trains_models": False,
}
#: The findings a lawyer expects for it (rule code → severity).
DEEPFAKE_FINDINGS = {
    "synthetic_no_machine_mark": "prohibited",
    "synthetic_no_visible_warning": "prohibited",
    "deepfake_liability_exposure": "medium",
    "transparency_duty": "info",
}
FIRST_HALF_SECTIONS = ("system", "classification", "bans", "transparency")


def split(answers: dict) -> tuple[dict, dict]:
    """(answers of the first sections, the rest), in the questionnaire's section order."""
    questionnaire = Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE)
    sections = dict(questionnaire.questions.values_list("code", "section__code"))
    first = {code: value for code, value in answers.items() if sections[code] in FIRST_HALF_SECTIONS}
    return first, {code: value for code, value in answers.items() if code not in first}


@pytest.fixture
def questionnaire(db):
    """The small questionnaire of tests/compliance/factories.py, published as the main one."""
    return make_questionnaire()
