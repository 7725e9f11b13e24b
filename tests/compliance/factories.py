"""Plain factory functions for the workspace tests: organisations and their members, AI
systems, a small published questionnaire, a tiny one, assessments and case records.

The questionnaire cites the sample law of tests/legal/factories.py ("t-" slugs), so these
tests never depend on the research data; tests that check the real knowledge base and the
real questionnaire live in tests/kb/. It is published as the main questionnaire
(`assessments.MAIN_QUESTIONNAIRE`) at a version above the real one's, so it is the current
one even when the real knowledge base is loaded too (`--real-kb`).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model

from compliance.models import (
    AISystem,
    Assessment,
    CaseRecord,
    Membership,
    Option,
    Organization,
    Question,
    Questionnaire,
    Section,
)
from compliance.questionnaire_loader import load_questionnaires
from compliance.services import assessments, questionnaires
from legal.models import Act, Provision
from tests.legal.factories import build_sample, cite, make_act, make_holder, make_practice

PASSWORD = "correct horse battery staple"
LAW = "t-ai-law"  # the sample law's act and its version in force
LAW_VERSION = "2025-11-17"
QUESTIONNAIRE_VERSION = 100
AS_OF = "2026-04-04"

OWNER_OR_HOLDER = {"any": [{"contains": ["org_roles", "owner"]}, {"contains": ["org_roles", "holder"]}]}

#: section → questions: (code, kind, options, visible_if, required)
QUESTIONS = {
    "system": [
        ("org_roles", "multiple", ["developer", "owner", "holder", "user"]),
        ("deployment_mode", "single", ["open", "closed", "local"]),
        ("restricted_data", "yes_no"),
    ],
    "classification": [
        ("failure_impact", "single", ["negligible", "harm", "emergency"]),
        ("decision_autonomy", "single", ["human_decides", "human_can_override", "no_override"]),
        ("human_control", "yes_no"),
    ],
    "bans": [
        ("ban_manipulation", "yes_no"),
        ("ban_vulnerability", "yes_no"),
        ("ban_social_scoring", "yes_no"),
        ("ban_biometric_categorisation", "yes_no"),
        ("emotion_recognition", "yes_no"),
        ("emotion_consent", "single", ["consent", "law", "none"], {"eq": ["emotion_recognition", True]}),
        ("ban_prohibited_output", "yes_no"),
    ],
    "transparency": [
        ("ai_disclosed", "yes_no"),
        ("user_agreement", "yes_no", [], OWNER_OR_HOLDER),
        ("documentation", "yes_no", [], OWNER_OR_HOLDER),
        ("capabilities_info", "yes_no", [], OWNER_OR_HOLDER),
        ("affects_rights", "yes_no"),
    ],
    "synthetic": [
        ("generates_media", "yes_no"),
        ("imitates_reality", "single", ["yes", "technical_only", "no", "unsure"],
         {"eq": ["generates_media", True]}),
        ("real_people", "yes_no", [], {"eq": ["imitates_reality", "yes"]}),
        ("likeness_consent", "yes_no", [], {"eq": ["real_people", True]}),
        ("distributed", "yes_no", [], {"in": ["imitates_reality", ["yes", "unsure"]]}),
        ("machine_readable_mark", "yes_no", [], {"eq": ["distributed", True]}),
        ("visible_warning", "yes_no", [], {"eq": ["distributed", True]}),
        ("output_safeguards", "yes_no", [], {"eq": ["generates_media", True]}),
        ("forwards_synthetic", "yes_no"),
        ("forwarded_labelled", "yes_no", [], {"eq": ["forwards_synthetic", True]}),
    ],
    "risk_management": [
        ("risk_process", "yes_no", [], OWNER_OR_HOLDER),
        ("risk_review_yearly", "yes_no", [], {"eq": ["risk_process", True]}),
        ("suspension_procedure", "yes_no", [], OWNER_OR_HOLDER),
        ("security_measures", "yes_no", [], OWNER_OR_HOLDER),
    ],
    "personal_data": [
        ("processes_pd", "yes_no"),
        ("pd_basis", "single", ["consent", "law", "none"], {"eq": ["processes_pd", True]}),
        ("pd_purpose", "yes_no", [], {"eq": ["processes_pd", True]}),
    ],
    "training": [
        ("trains_models", "yes_no"),
        ("claims_copyright", "yes_no", [], None, False),
    ],
}

ART_17 = f"{LAW}/art_17__para_1"
ART_21 = f"{LAW}/art_21__para_2"
SYNTHETIC = {
    "provisions": [f"{LAW}/art_1__def_4", ART_21],
    "obligations": ["t-machine-readable-marking"],
    "practices": ["t-unlabelled-synthetic-content"],
    "duty_holders": ["owner", "holder"],
}


def risk(kind, outcome, question, answer, priority) -> tuple:
    return kind, outcome, {"eq": [question, answer]}, {"priority": priority}


def finding(severity, question, answer, **extra) -> tuple:
    return "finding", severity, {"eq": [question, answer]}, {"provisions": [ART_21], **extra}


#: code → (kind, severity or outcome, condition, other fields)
RULES = {
    "risk_high": risk("risk", "high", "failure_impact", "emergency", 30),
    "risk_medium": risk("risk", "medium", "failure_impact", "harm", 20),
    "risk_minimal": risk("risk", "minimal", "failure_impact", "negligible", 10),
    "autonomy_high": risk("autonomy", "high", "decision_autonomy", "no_override", 30),
    "autonomy_medium": risk("autonomy", "medium", "decision_autonomy", "human_can_override", 20),
    "autonomy_low": risk("autonomy", "low", "decision_autonomy", "human_decides", 10),
    "banned_emotion_recognition": finding(
        "prohibited", "emotion_consent", "none", provisions=[f"{LAW}/art_17__para_3__subpara_1"],
        practices=["t-emotion-recognition-without-consent"], duty_holders=["owner", "holder", "developer"],
    ),
    "ai_use_not_disclosed": finding("medium", "ai_disclosed", False),
    "transparency_duty": finding("info", "ai_disclosed", True),
    "no_user_agreement": finding("medium", "user_agreement", False, provisions=[ART_17]),
    "synthetic_no_machine_mark": finding("prohibited", "machine_readable_mark", False, **SYNTHETIC),
    "synthetic_no_visible_warning": finding(
        "prohibited", "visible_warning", False, **{**SYNTHETIC, "obligations": []}
    ),
    "deepfake_liability_exposure": finding(
        "medium", "real_people", True,
        obligations=["t-machine-readable-marking"], duty_holders=["owner", "user"],
    ),
    "banned_unlawful_personal_data": finding(
        "prohibited", "pd_basis", "none", provisions=[], context_act="t-personal-data-law",
        practices=["t-unlawful-personal-data-processing"], duty_holders=["owner", "holder"],
    ),
    "no_risk_management": finding("medium", "risk_process", False, provisions=[ART_17]),
    "ai_works_copyright": finding("info", "claims_copyright", True, provisions=[ART_17]),
}


#: sections whose references naming no act point to another act than the questionnaire's
SECTION_ACTS = {"personal_data": "t-personal-data-law"}


def texts(text: str) -> dict[str, str]:
    return {"ru": text, "kk": f"{text} (kk)", "en": f"{text} (en)"}


def make_organization(slug="acme", name="ТОО «Акме»", **fields) -> Organization:
    return Organization.objects.create(slug=slug, name=name, **fields)


def make_user(username, **fields):
    return get_user_model().objects.create_user(username, password=PASSWORD, **fields)


def make_member(organization, username, role="owner"):
    """A new user with `role` in `organization`."""
    user = make_user(username)
    Membership.objects.create(organization=organization, user=user, role=role)
    return user


def make_ai_system(organization, name="Генератор роликов", **fields) -> AISystem:
    return AISystem.objects.create(organization=organization, name=name, **{"roles": ["developer"], **fields})


def make_case(organization, slug, **fields) -> CaseRecord:
    values = {
        "kind": "incident",
        "technique": "deepfake_video",
        "date": datetime.date(2026, 2, 10),
        "title_ru": f"Запись {slug}",
        "body_ru": "Проверить маркировку по п. 2 ст. 21 Закона об ИИ.",
        "confidence": "unverified",
        **fields,
    }
    return CaseRecord.objects.create(organization=organization, slug=slug, **values)


def make_law() -> None:
    """The sample law (tests/legal/factories.py), once per test, plus what the questionnaire
    names: duty holders, practices, a personal data law, and a criminal liability of the
    marking duty next to its administrative one (which reaches owners and holders)."""
    if Act.objects.filter(slug=LAW).exists():
        return
    sample = build_sample()
    make_holder("developer", "разработчик", "developer", order=0)
    holder = make_holder("holder", "владелец", "holder", order=3)
    make_practice("t-emotion-recognition-without-consent", name_ru="Распознавание эмоций без согласия")
    make_practice("t-unlawful-personal-data-processing", name_ru="Незаконная обработка персональных данных")
    make_act(
        "t-personal-data-law", number="94-V", adopted=datetime.date(2013, 5, 21),
        title_ru="О персональных данных и их защите", title_en="On Personal Data and Their Protection",
        short_name_ru="Закон о ПД", short_name_en="Personal Data Law",
        citation_name_ru="Закона Республики Казахстан «О персональных данных и их защите»",
    )
    sample.p["admin:art_641-1"].duty_holders.set([sample.owner, holder])
    cite(sample.obligation, sample.p["criminal:art_190"], "liability")


def law_provision(eid: str) -> Provision:
    make_law()
    return Provision.objects.get(version__act__slug=LAW, version__code=LAW_VERSION, eid=eid)


def questionnaire_definition(slug=assessments.MAIN_QUESTIONNAIRE, version=QUESTIONNAIRE_VERSION) -> dict:
    """A questionnaire in the loader's format: eight sections, follow-up questions shown only
    for some answers, risk and autonomy rules, and findings from prohibited to info."""
    sections = []
    for section, rows in QUESTIONS.items():
        questions = [_question(*row) for row in rows]
        sections.append({
            "code": section, "title": texts(f"Раздел {section}"), "questions": questions,
            "context_act": SECTION_ACTS.get(section),
        })
    rules = []
    for code, (kind, level, condition, extra) in RULES.items():
        graded = {"severity": level} if kind == "finding" else {"outcome": level}
        rules.append({
            "code": code, "kind": kind, "condition": condition, **graded,
            "title": texts(f"Правило {code}"), "explanation": texts(f"Пояснение {code}."), **extra,
        })
    return {
        "format": 1, "slug": slug, "version": version, "as_of": AS_OF, "context_act": LAW,
        "roles_question": "org_roles", "status": "published", "title": texts("Опросник"),
        "sections": sections, "rules": rules,
    }


def _question(code, kind, options=(), visible_if=None, required=True) -> dict:
    return {
        "code": code, "kind": kind, "required": required, "visible_if": visible_if,
        "text": texts(f"Вопрос {code}?"),
        "options": [{"code": option, "label": texts(f"Вариант {option}")} for option in options],
    }


def make_questionnaire(**options) -> Questionnaire:
    """The small questionnaire, loaded and published (once per test)."""
    make_law()
    definition = questionnaire_definition(**options)
    load_questionnaires([(Path("test-questionnaire.json"), definition)])
    return Questionnaire.objects.get(slug=definition["slug"], version=definition["version"])


def make_assessment(system, by, answers=None, *, questionnaire=None, final=False, **fields) -> Assessment:
    """A draft of `system` with `answers` saved, finalised if `final`."""
    questionnaire = questionnaire or Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE)
    questionnaire = questionnaire or make_questionnaire()
    assessment = assessments.start_assessment(system, questionnaire, by=by, **fields)
    if answers:
        assessments.save_answers(assessment, answers, by=by)
    if final:
        assessment = assessments.finalize(assessment, by=by)
    return Assessment.objects.get(pk=assessment.pk)


def make_tiny_questionnaire(
    slug="t-tiny", version=1, publish=True, as_of=datetime.date(2025, 1, 1)
) -> Questionnaire:
    """One section, three questions, no provisions (it publishes on an empty database):
    `uses_pd` (yes/no), `pd_basis` (single choice, asked only when `uses_pd` is true) and
    `notes` (text, optional). Published unless `publish` is false."""
    questionnaire = Questionnaire.objects.create(
        slug=slug, version=version, as_of=as_of, title_ru="Малый опросник", title_en="Tiny questionnaire"
    )
    section = Section.objects.create(questionnaire=questionnaire, code="main", title_ru="Данные", order=0)
    Question.objects.create(
        questionnaire=questionnaire, section=section, code="uses_pd", kind="yes_no", order=0,
        text_ru="Обрабатывает ли система персональные данные?",
    )
    basis = Question.objects.create(
        questionnaire=questionnaire, section=section, code="pd_basis", kind="single", order=1,
        text_ru="На каком основании?", visible_if={"eq": ["uses_pd", True]},
    )
    for order, code in enumerate(("consent", "law")):
        Option.objects.create(question=basis, code=code, label_ru=code, order=order)
    Question.objects.create(
        questionnaire=questionnaire, section=section, code="notes", kind="text", order=2, required=False,
        text_ru="Примечания",
    )
    if publish:
        questionnaires.publish(questionnaire)
    return questionnaire
