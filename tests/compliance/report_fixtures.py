"""Assessments for the report tests: a final one with prohibited, high and info findings,
Kazakh names, and free text; its organisation has an owner and an outsider next door."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from compliance.models import AISystem, Assessment, Membership, Organization, Questionnaire
from compliance.services import assessments
from tests.compliance.factories import make_questionnaire
from tests.compliance.wizard_helpers import DEEPFAKE_SERVICE

ORGANIZATION = "ТОО «Қазақ Әзірлеме» (ғ қ ң ө ұ ү һ і)"
SYSTEM = "Бейнегенератор «Ұлы дала»"

#: A video generator that publishes unlabelled deepfakes of real people and recognises
#: emotions of job applicants without consent (prohibited, AI law art. 17 p. 3 sp. 6).
ANSWERS = {**DEEPFAKE_SERVICE, "emotion_recognition": True, "emotion_consent": "none"}


@dataclass
class ReportCase:
    organization: Organization
    owner: object
    outsider: object
    system: AISystem
    final: Assessment
    draft: Assessment


def make_assessment(system, user, answers=ANSWERS, *, final=True, **system_fields) -> Assessment:
    # the real questionnaire when the knowledge base is loaded (tests/kb), else the small one
    questionnaire = Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE) or make_questionnaire()
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
