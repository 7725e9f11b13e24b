"""References in the questionnaire's texts are linked against their context act: the
questionnaire's (the AI Law), a section's or a rule's own (the Personal Data Law)."""

import re

import pytest
from django.urls import reverse

from compliance.models import Questionnaire
from compliance.services import assessments
from kzai.i18n import LANGUAGE_CODES
from legal.citations import extract_citations
from tests.compliance.wizard_helpers import DEEPFAKE_SERVICE
from tests.compliance.workspace import log_in, ws  # noqa: F401

pytestmark = pytest.mark.django_db


def _texts(obj, *fields):
    for name in fields:
        for lang in LANGUAGE_CODES:
            text = getattr(obj, f"{name}_{lang}", "")
            if text:
                yield f"{obj}.{name}_{lang}", text


def _all_texts(questionnaire):  # noqa: F811
    """(where, text, context act slug, acts the text's rule cites or None)."""
    slug = questionnaire.context_act.slug if questionnaire.context_act else None
    for where, text in _texts(questionnaire, "title", "description"):
        yield where, text, slug, None
    for section in questionnaire.sections.select_related("context_act", "questionnaire__context_act"):
        act = section.link_act.slug if section.link_act else None
        for where, text in _texts(section, "title", "intro"):
            yield where, text, act, None
        for question in section.questions.all():
            for where, text in _texts(question, "text", "help"):
                yield where, text, act, None
    rules = questionnaire.rules.select_related("context_act").prefetch_related("provisions__version__act")
    for rule in rules:
        act = rule.link_act.slug if rule.link_act else None
        cited = {p.version.act.slug for p in rule.provisions.all()}
        for where, text in _texts(rule, "title", "explanation", "actions"):
            yield where, text, act, cited


def test_every_reference_in_the_main_questionnaire_resolves(questionnaire):  # noqa: F811
    assert questionnaire.context_act.slug == "ai-law"
    unresolved = [
        (where, citation.text, citation.reason)
        for where, text, act, _cited in _all_texts(questionnaire)
        for citation in extract_citations(text, act=act, as_of=questionnaire.as_of)
        if not citation.resolved
    ]
    assert unresolved == []


def test_a_reference_naming_no_act_points_into_an_act_its_rule_cites(questionnaire):  # noqa: F811
    """A rule's bare «п. 1 ст. 7» must mean an act the rule itself relies on: the guard
    against a text about the Personal Data Law being read as the AI Law."""
    checked, wrong = 0, []
    for where, text, act, cited in _all_texts(questionnaire):
        if cited is None:
            continue
        for citation in extract_citations(text, act=act, as_of=questionnaire.as_of):
            alone = extract_citations(citation.text, as_of=questionnaire.as_of)
            if alone and alone[0].resolved:
                continue  # names its act
            checked += 1
            if citation.act not in cited:
                wrong.append((where, citation.text, citation.act))
    assert checked > 50 and wrong == []


@pytest.fixture
def questionnaire(db):
    """The real main questionnaire (the one of fixtures/questionnaires)."""
    return Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE)


@pytest.fixture
def draft(ws, questionnaire):  # noqa: F811
    draft = assessments.start_assessment(
        ws.system, questionnaire, by=ws.users["lawyer"], as_of=questionnaire.as_of
    )
    answers = {**DEEPFAKE_SERVICE, "processes_pd": True, "biometric": True, "biometric_basis": False}
    assessments.save_answers(draft, answers, by=ws.users["lawyer"])
    return draft


def _block(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[start : html.index("</article>" if "finding" in marker else "</dd>", start)]


def _hrefs(html: str) -> set[str]:
    return set(re.findall(r'href="([^"?#]+)', html))


def test_wizard_links_a_sections_references_with_its_act(client, ws, draft):  # noqa: F811
    log_in(client, ws, "lawyer")
    page = client.get(reverse("compliance:assessment_section", args=[draft.pk, "classification"]))
    html = page.content.decode()
    start = html.index('class="section-intro"')
    intro = html[start : html.index("</div>", start)]
    assert "/acts/ai-law/2025-11-17/art_17__para_1/" in _hrefs(intro)  # «(п. 1 ст. 17)»
    assert "cite-unresolved" not in intro

    page = client.get(reverse("compliance:assessment_section", args=[draft.pk, "personal_data"]))
    html = page.content.decode()
    help_text = _block(html.replace("</details>", "</dd>"), 'id="q-pd_basis"')
    assert "/acts/personal-data-law/current/art_7__para_1/" in _hrefs(help_text)  # «(п. 1 ст. 7)»
    assert "/acts/ai-law/2025-11-17/art_7__para_1/" not in _hrefs(help_text)


def test_results_link_each_rules_references_with_its_act(client, ws, draft):  # noqa: F811
    log_in(client, ws, "lawyer")
    html = client.get(reverse("compliance:assessment_results", args=[draft.pk])).content.decode()
    risk = _block(html, 'data-result="risk"')
    assert "/acts/ai-law/2025-11-17/art_17__para_1__subpara_2/" in _hrefs(risk)  # «(подп. 2 п. 1 ст. 17)»
    finding = _block(html, 'data-finding="biometric_without_basis"')
    assert "/acts/personal-data-law/current/art_7__para_1/" in _hrefs(finding)  # «(п. 1 ст. 7)»
    assert "cite-unresolved" not in risk + finding
    data = assessments.assessment_data(draft)
    assert data["risk"]["context_act"] == "ai-law"
    acts = {finding["rule"]: finding["context_act"] for finding in data["findings"]}
    assert acts["biometric_without_basis"] == "personal-data-law"
