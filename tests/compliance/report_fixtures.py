"""Assessments for the report tests: a final one with prohibited, high and info findings,
Kazakh names, and free text; its organisation has an owner and an outsider next door."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from compliance import assessments
from compliance.models import AISystem, Assessment, Membership, Organization, Questionnaire

ORGANIZATION = "ТОО «Қазақ Әзірлеме» (ғ қ ң ө ұ ү һ і)"
SYSTEM = "Бейнегенератор «Ұлы дала»"

#: A video generator that publishes unlabelled deepfakes of real people and recognises
#: emotions of job applicants without consent (prohibited, AI law art. 17 p. 3 sp. 6).
ANSWERS = {
    "org_roles": ["developer", "owner"],
    "deployment_mode": "closed",
    "restricted_data": False,
    "failure_impact": "harm",
    "decision_autonomy": "human_decides",
    "human_control": True,
    "ban_manipulation": False,
    "ban_vulnerability": False,
    "ban_social_scoring": False,
    "ban_biometric_categorisation": False,
    "emotion_recognition": True,
    "emotion_consent": "none",
    "ban_prohibited_output": False,
    "ai_disclosed": True,
    "affects_rights": False,
    "forwards_synthetic": False,
    "processes_pd": False,
    "trains_models": False,
    "user_agreement": True,
    "documentation": True,
    "capabilities_info": True,
    "risk_process": True,
    "risk_review_yearly": True,
    "suspension_procedure": True,
    "security_measures": True,
    "generates_media": True,
    "imitates_reality": "yes",
    "real_people": True,
    "likeness_consent": True,
    "distributed": True,
    "machine_readable_mark": False,
    "visible_warning": False,
    "output_safeguards": True,
}


@dataclass
class ReportCase:
    organization: Organization
    owner: object
    outsider: object
    system: AISystem
    final: Assessment
    draft: Assessment


def make_assessment(system, user, answers=ANSWERS, *, final=True, **system_fields) -> Assessment:
    questionnaire = Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE)
    assessment = assessments.start_assessment(system, questionnaire, by=user)
    assessments.save_answers(assessment, answers, by=user)
    if final:
        assessment = assessments.finalize(assessment, by=user)
    return Assessment.objects.get(pk=assessment.pk)


def make_report_case(name=ORGANIZATION, system_name=SYSTEM, description="", purpose="") -> ReportCase:
    users = get_user_model().objects
    organization = Organization.objects.create(slug="qazaq", name=name)
    owner = users.create_user("qazaq-owner", password="x")
    Membership.objects.create(organization=organization, user=owner, role="owner")
    other = Organization.objects.create(slug="other", name="АО «Другая»")
    outsider = users.create_user("other-owner", password="x")
    Membership.objects.create(organization=other, user=outsider, role="owner")
    system = AISystem.objects.create(
        organization=organization,
        name=system_name,
        description=description or "Создаёт рекламные ролики с лицами реальных людей.",
        purpose=purpose or "Маркетинг; отбор кандидатов по видеоинтервью.",
        sector="медиа",
        roles=["developer", "owner"],
        deployment_mode="closed",
        produces_synthetic_content=True,
    )
    final = make_assessment(system, owner)
    draft = make_assessment(system, owner, {"org_roles": ["developer"]}, final=False)
    return ReportCase(organization, owner, outsider, system, final, draft)


@pytest.fixture
def case(db) -> ReportCase:
    return make_report_case()
