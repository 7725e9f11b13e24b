"""The assessment wizard in the browser (without JavaScript): start, answer by section, resume,
review, finalise, results, revise, history."""

import pytest
from django.urls import reverse

from compliance.models import AnswerEvent, Assessment
from compliance.services import assessments
from tests.compliance.wizard_helpers import DEEPFAKE_FINDINGS, DEEPFAKE_SERVICE, questionnaire, split  # noqa: F401
from tests.compliance.workspace import log_in, ws  # noqa: F401

pytestmark = pytest.mark.django_db


def section_url(assessment, code):
    return reverse("compliance:assessment_section", args=[assessment.pk, code])


@pytest.fixture
def draft(ws, questionnaire):  # noqa: F811
    return assessments.start_assessment(
        ws.system, questionnaire, by=ws.users["lawyer"], as_of=questionnaire.as_of
    )


def test_start_defaults_to_the_default_date_and_opens_the_first_section(client, ws, questionnaire):  # noqa: F811
    log_in(client, ws, "lawyer")
    url = reverse("compliance:assessment_start", args=[ws.system.pk])
    assert client.get(url).context["form"]["questionnaire"].value() == questionnaire.pk
    response = client.post(url, {"questionnaire": questionnaire.pk, "as_of": ""})
    assessment = Assessment.objects.get(ai_system=ws.system)
    assert assessment.as_of == assessments.default_as_of(questionnaire)
    assert assessment.created_by == ws.users["lawyer"]
    assert response["Location"] == section_url(assessment, "system")


def test_start_asks_the_organisations_category_once(client, ws, questionnaire):  # noqa: F811
    log_in(client, ws, "lawyer")
    url = reverse("compliance:assessment_start", args=[ws.system.pk])
    assert "category" in client.get(url).context["form"].fields
    client.post(url, {"questionnaire": questionnaire.pk, "as_of": "", "category": "large"})
    ws.system.organization.refresh_from_db()
    assert ws.system.organization.category == "large"
    assert "category" not in client.get(url).context["form"].fields


def test_start_refuses_a_date_before_the_questionnaires(client, ws, questionnaire):  # noqa: F811
    log_in(client, ws, "lawyer")
    response = client.post(
        reverse("compliance:assessment_start", args=[ws.system.pk]),
        {"questionnaire": questionnaire.pk, "as_of": "2020-01-01"},
    )
    assert response.status_code == 200
    assert "as_of" in response.context["form"].errors
    assert not Assessment.objects.exists()


def test_section_shows_only_visible_questions(client, ws, draft):  # noqa: F811
    log_in(client, ws, "lawyer")
    html = client.get(section_url(draft, "synthetic")).content.decode()
    assert 'data-question="generates_media" data-kind="yes_no">' in html
    # asked only when the system generates media
    assert 'data-question="imitates_reality" data-kind="single" hidden disabled>' in html
    assessments.save_answers(draft, {"generates_media": True}, by=ws.users["lawyer"])
    html = client.get(section_url(draft, "synthetic")).content.decode()
    assert 'data-question="imitates_reality" data-kind="single">' in html


def test_save_and_continue_saves_and_goes_to_the_next_section(client, ws, draft):  # noqa: F811
    log_in(client, ws, "lawyer")
    response = client.post(
        section_url(draft, "system"),
        {
            "org_roles": ["developer", "owner"],
            "deployment_mode": "closed",
            "restricted_data": "false",
            "action": "next",
        },
    )
    assert response["Location"] == section_url(draft, "classification")
    assert assessments.stored_answers(draft) == {
        "org_roles": ["developer", "owner"],
        "deployment_mode": "closed",
        "restricted_data": False,
    }
    events = AnswerEvent.objects.filter(assessment=draft)
    assert events.count() == 3 and {e.user for e in events} == {ws.users["lawyer"]}


def test_an_answer_that_opens_questions_keeps_you_on_the_section(client, ws, draft):  # noqa: F811
    log_in(client, ws, "lawyer")
    response = client.post(section_url(draft, "synthetic"), {"generates_media": "true", "action": "next"})
    assert response["Location"] == section_url(draft, "synthetic")
    html = client.get(response["Location"]).content.decode()
    assert "появились новые вопросы" in html
    assert 'data-question="imitates_reality" data-kind="single">' in html


def test_an_answer_that_hides_questions_keeps_their_answers_but_ignores_them(client, ws, draft):  # noqa: F811
    assessments.save_answers(
        draft, {"generates_media": True, "imitates_reality": "yes"}, by=ws.users["lawyer"]
    )
    log_in(client, ws, "lawyer")
    client.post(
        section_url(draft, "synthetic"),
        {"generates_media": "false", "imitates_reality": "yes", "action": "stay"},
    )
    assert assessments.stored_answers(draft)["generates_media"] is False
    assert "imitates_reality" not in [q.code for q in assessments.visible_questions(draft)]


def test_an_invalid_choice_is_shown_and_nothing_is_saved(client, ws, draft):  # noqa: F811
    log_in(client, ws, "lawyer")
    response = client.post(
        section_url(draft, "system"), {"deployment_mode": "everywhere", "org_roles": ["owner"]}
    )
    assert response.status_code == 200
    assert "deployment_mode" in response.context["form"].errors
    assert assessments.stored_answers(draft) == {}


def test_resume_where_left(client, ws, draft):  # noqa: F811
    first, _rest = split(DEEPFAKE_SERVICE)
    assessments.save_answers(draft, first, by=ws.users["lawyer"])
    log_in(client, ws, "viewer")
    response = client.get(draft.get_absolute_url())
    assert response["Location"] == section_url(draft, "synthetic")


def test_review_lists_missing_and_finalise_is_refused_with_them(client, ws, draft):  # noqa: F811
    first, _rest = split(DEEPFAKE_SERVICE)
    assessments.save_answers(draft, first, by=ws.users["lawyer"])
    log_in(client, ws, "lawyer")
    review = client.get(reverse("compliance:assessment_review", args=[draft.pk])).content.decode()
    assert 'data-missing="generates_media"' in review
    assert 'data-missing="ai_disclosed"' not in review
    response = client.post(reverse("compliance:assessment_finalize", args=[draft.pk]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Оценку нельзя завершить" in html
    missing = {q.code for q in response.context["missing"]}
    assert missing == {q.code for q in assessments.missing_required(draft)}
    assert "generates_media" in missing
    draft.refresh_from_db()
    assert not draft.is_final


def test_finalise_then_results_and_read_only(client, ws, draft):  # noqa: F811
    assessments.save_answers(draft, DEEPFAKE_SERVICE, by=ws.users["owner"])
    log_in(client, ws, "lawyer")
    response = client.post(reverse("compliance:assessment_finalize", args=[draft.pk]))
    results_url = reverse("compliance:assessment_results", args=[draft.pk])
    assert response["Location"] == results_url
    draft.refresh_from_db()
    assert draft.is_final and draft.finalized_by == ws.users["lawyer"]

    html = client.get(results_url).content.decode()
    for code, severity in DEEPFAKE_FINDINGS.items():
        assert f'data-finding="{code}" data-severity="{severity}"' in html
    assert (
        html.index('data-severity="prohibited"')
        < html.index('data-severity="medium"')
        < html.index('data-severity="info"')
    )
    # citations link the provisions at the questionnaire's version; the liability exposure is
    # the knowledge base's links of the findings' duties, with their conditions
    assert 'href="/acts/t-ai-law/2025-11-17/art_21__para_2/"' in html
    assert 'data-exposure="t-admin-code/art_641-1"' in html
    assert 'data-exposure="t-criminal-code/art_190"' in html
    assert 'data-exposure="t-ai-law/' not in html
    # the summary names the practice the prohibited findings establish, linking them
    assert 'data-prohibited="none"' not in html
    flag = html.split('data-prohibited="t-unlabelled-synthetic-content"')[1].split("</li>")[0]
    assert "#finding-synthetic_no_machine_mark" in flag and "#finding-synthetic_no_visible_warning" in flag
    assert draft.content_hash in html

    # final: the section is read-only and a POST changes nothing
    section = client.get(section_url(draft, "system")).content.decode()
    assert "только для чтения" in section and 'name="action"' not in section
    response = client.post(section_url(draft, "system"), {"deployment_mode": "open", "org_roles": ["owner"]})
    assert response["Location"] == results_url
    assert assessments.stored_answers(draft)["deployment_mode"] == "closed"
    assert client.get(draft.get_absolute_url())["Location"] == results_url


def test_revise_makes_a_new_draft_with_the_answers(client, ws, draft):  # noqa: F811
    assessments.save_answers(draft, DEEPFAKE_SERVICE, by=ws.users["owner"])
    final = assessments.finalize(draft, by=ws.users["owner"])
    log_in(client, ws, "lawyer")
    assert (
        "Новая редакция"
        in client.get(reverse("compliance:assessment_results", args=[final.pk])).content.decode()
    )
    response = client.post(reverse("compliance:assessment_revise", args=[final.pk]))
    revision = Assessment.objects.get(previous=final)
    assert revision.revision == 2 and not revision.is_final
    # it resumes at the first question left open: the optional one on copyright
    assert response["Location"] == section_url(revision, "training")
    assert assessments.stored_answers(revision) == assessments.stored_answers(final)
    # a second revision of the same assessment is refused with a message
    response = client.post(reverse("compliance:assessment_revise", args=[final.pk]), follow=True)
    assert "уже есть следующая редакция" in response.content.decode()
    assert Assessment.objects.filter(previous=final).count() == 1


def test_history_shows_who_and_when(client, ws, draft):  # noqa: F811
    assessments.save_answers(draft, {"deployment_mode": "open"}, by=ws.users["owner"])
    assessments.save_answers(draft, {"deployment_mode": "closed"}, by=ws.users["lawyer"])
    log_in(client, ws, "viewer")
    html = client.get(reverse("compliance:assessment_history", args=[draft.pk])).content.decode()
    assert html.index("acme-lawyer") < html.index("acme-owner")  # newest first
    assert "Вариант closed" in html  # the option's label
    review = client.get(reverse("compliance:assessment_review", args=[draft.pk])).content.decode()
    assert "Ответил acme-lawyer" in review


def test_lists_of_the_organisation_and_of_a_system(client, ws, draft):  # noqa: F811
    other = assessments.start_assessment(ws.other_system, by=ws.users["outsider"])
    log_in(client, ws, "viewer")
    html = client.get(reverse("compliance:assessments")).content.decode()
    assert f'href="{draft.get_absolute_url()}"' in html and f'href="{other.get_absolute_url()}"' not in html
    html = client.get(reverse("compliance:system_assessments", args=[ws.system.pk])).content.decode()
    assert f'href="{draft.get_absolute_url()}"' in html
    assert reverse("compliance:assessment_start", args=[ws.system.pk]) not in html  # a viewer cannot start


def test_viewer_reads_the_wizard_without_inputs_to_answer(client, ws, draft):  # noqa: F811
    log_in(client, ws, "viewer")
    html = client.get(section_url(draft, "system")).content.decode()
    assert "data-autosave" not in html and 'name="action"' not in html
    assert " disabled" in html


#: Queries per page whatever the number of answers: session and user, memberships, the
#: assessment, the questionnaire's definition (sections, questions, options, rules and their
#: citations, obligations with their liability links, duty holders), the answers, and the
#: page's own extras (results: duty holders, the labels of the cited versions; once a finding
#: has liability, its reach, the fine schedules and the citations of the fined parts).
#: (half the answers, all of them)
QUERIES = {"section": (15, 15), "review": (14, 14), "results": (30, 32)}


@pytest.mark.parametrize("page", sorted(QUERIES))
def test_query_counts_do_not_grow_with_answers(client, ws, draft, django_assert_num_queries, page):  # noqa: F811
    url = {
        "section": section_url(draft, "synthetic"),
        "review": reverse("compliance:assessment_review", args=[draft.pk]),
        "results": reverse("compliance:assessment_results", args=[draft.pk]),
    }[page]
    log_in(client, ws, "lawyer")
    for answers, queries in zip(split(DEEPFAKE_SERVICE), QUERIES[page], strict=True):
        assessments.save_answers(draft, answers, by=ws.users["lawyer"])
        client.get(url)  # warm the caches of the citations and terms the texts link
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_lists_are_paginated_in_the_page_language(client, ws):  # noqa: F811
    """The workspace's lists share one pagination block (compliance/includes/pagination.html)."""
    from compliance.models import AISystem

    AISystem.objects.bulk_create(
        AISystem(organization=ws.system.organization, name=f"Система {n:02d}", roles=["owner"])
        for n in range(50)
    )
    log_in(client, ws, "viewer")
    first = client.get(reverse("compliance:ai_systems")).content.decode()
    assert 'rel="next" href="?page=2"' in first and 'rel="prev"' not in first
    assert "Страница 1 из 2" in first
    client.cookies["django_language"] = "en"
    second = client.get(reverse("compliance:ai_systems"), {"page": 2}).content.decode()
    assert 'rel="prev" href="?page=1"' in second and 'rel="next"' not in second
    assert "Page 2 of 2" in second


# ------------------------------------------- the default as-of date: one rule everywhere

ALMATY_EVENING = "2026-12-05T20:30:00+00:00"  # already 6 December in Almaty (UTC+5)


@pytest.fixture
def clock(monkeypatch):
    """Set the server's clock: `clock("2026-…T…+00:00")`."""
    import datetime

    from django.utils import timezone

    def set_to(moment: str):
        monkeypatch.setattr(timezone, "now", lambda: datetime.datetime.fromisoformat(moment))

    return set_to


@pytest.mark.parametrize(
    "now, expected",
    [
        (ALMATY_EVENING, "2026-12-06"),  # today in Kazakhstan, not in UTC
        ("2026-01-10T06:00:00+00:00", "2026-04-04"),  # never before the questionnaire's law date
    ],
)
def test_default_as_of_is_the_same_in_the_form_the_services_the_api_and_a_revision(
    client, ws, questionnaire, clock, now, expected  # noqa: F811
):
    import datetime

    clock(now)
    expected = datetime.date.fromisoformat(expected)
    assert assessments.default_as_of(questionnaire) == expected
    # the service
    assert assessments.start_assessment(ws.system, questionnaire, by=ws.users["lawyer"]).as_of == expected
    # the form
    log_in(client, ws, "lawyer")
    client.post(
        reverse("compliance:assessment_start", args=[ws.system.pk]),
        {"questionnaire": questionnaire.pk, "as_of": ""},
    )
    assert Assessment.objects.latest("pk").as_of == expected
    # the API
    response = client.post(
        reverse("api:assessment-list"), {"ai_system": ws.system.pk}, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["as_of"] == expected.isoformat()
    # a revision
    first = assessments.start_assessment(ws.other_system, questionnaire, by=None, as_of=questionnaire.as_of)
    assessments.save_answers(first, DEEPFAKE_SERVICE, by=None)
    final = assessments.finalize(first, by=None)
    assert assessments.revise(final, by=None).as_of == expected


# --------------------------------- "save and continue" never leaves opened questions behind


def test_required_questions_opened_in_the_page_keep_you_on_the_section(client, ws, draft):  # noqa: F811
    """With the script, the answer that opens questions is saved as it is given (autosave), so
    the server sees them as already asked; the page says what it showed when it was rendered."""
    log_in(client, ws, "lawyer")
    url = section_url(draft, "synthetic")
    html = client.get(url).content.decode()
    rendered = html.split('name="rendered" value="')[1].split('"')[0].split()
    assert "generates_media" in rendered and "imitates_reality" not in rendered
    assessments.save_answers(draft, {"generates_media": True}, by=ws.users["lawyer"])  # the autosave
    post = {
        "generates_media": "true", "forwards_synthetic": "false", "action": "next",
        "rendered": " ".join(rendered),
        "asked": " ".join([*rendered, "imitates_reality", "output_safeguards"]),  # shown by the script
    }
    response = client.post(url, post)
    assert response["Location"] == url
    html = client.get(url).content.decode()
    assert "обязательные из них ещё без ответа" in html and "imitates_reality" in html
    # answered: on to the next section
    response = client.post(url, {**post, "imitates_reality": "no", "output_safeguards": "true"})
    assert response["Location"] == section_url(draft, "risk_management")
    assert assessments.stored_answers(draft)["imitates_reality"] == "no"


def test_opened_questions_shown_when_the_page_was_rendered_do_not_hold_you_again(client, ws, draft):  # noqa: F811
    assessments.save_answers(draft, {"generates_media": True}, by=ws.users["lawyer"])
    log_in(client, ws, "lawyer")
    url = section_url(draft, "synthetic")
    html = client.get(url).content.decode()
    rendered = html.split('name="rendered" value="')[1].split('"')[0]
    assert "imitates_reality" in rendered.split()
    response = client.post(
        url, {"generates_media": "true", "action": "next", "rendered": rendered, "asked": rendered}
    )
    assert response["Location"] == section_url(draft, "risk_management")


# ------------------------------------------ answers the AI system's record already holds


def test_the_prefill_table_fits_the_questionnaire(questionnaire):  # noqa: F811
    from compliance.forms_assessments import SYSTEM_ANSWERS
    from compliance.models import AISystem, QuestionKind
    from compliance.models.ai_system import DeploymentMode, SystemRole

    definition = assessments.Definition.of(questionnaire)
    choices = {"roles": SystemRole.values, "deployment_mode": DeploymentMode.values}
    for code, field in SYSTEM_ANSWERS.items():
        question = definition.by_code[code]
        AISystem._meta.get_field(field)
        options = [option.code for option in question.options.all()]
        if question.kind == QuestionKind.YES_NO:
            assert field not in choices
        else:
            assert question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
            assert set(choices[field]) <= set(options), code


def test_what_the_system_record_says_is_prefilled_and_saved_with_the_section(client, ws, draft):  # noqa: F811
    ws.system.roles = ["owner", "developer"]
    ws.system.deployment_mode = "local"
    ws.system.produces_synthetic_content = True
    ws.system.save()
    log_in(client, ws, "lawyer")
    response = client.get(section_url(draft, "system"))
    form = response.context["form"]
    assert form["org_roles"].value() == ["developer", "owner"]
    assert form["deployment_mode"].value() == "local"
    assert response.content.decode().count("data-prefilled") == 2
    assert assessments.stored_answers(draft) == {}  # shown, not saved

    # the synthetic section: «yes» is prefilled, so its follow-up questions are asked at once
    html = client.get(section_url(draft, "synthetic")).content.decode()
    assert 'data-question="imitates_reality" data-kind="single">' in html

    # the user changes one of them and saves: what the form shows is saved
    client.post(
        section_url(draft, "system"),
        {"org_roles": ["owner"], "deployment_mode": "local", "restricted_data": "false", "action": "next"},
    )
    stored = assessments.stored_answers(draft)
    assert stored["org_roles"] == ["owner"] and stored["deployment_mode"] == "local"
    # a stored answer wins over the record
    assert client.get(section_url(draft, "system")).context["form"]["org_roles"].value() == ["owner"]
    assert "data-prefilled" not in client.get(section_url(draft, "system")).content.decode()


def test_a_viewer_sees_no_prefilled_answers(client, ws, draft):  # noqa: F811
    log_in(client, ws, "viewer")
    response = client.get(section_url(draft, "system"))
    assert response.context["form"]["org_roles"].value() in (None, [])
    assert "data-prefilled" not in response.content.decode()


def test_the_section_ships_its_conditions_for_the_browser(client, ws, draft):  # noqa: F811
    import json

    assessments.save_answers(draft, {"org_roles": ["holder"]}, by=ws.users["lawyer"])
    log_in(client, ws, "lawyer")
    html = client.get(section_url(draft, "transparency")).content.decode()
    script = html.split('<script id="wizard-data" type="application/json">')[1]
    data = json.loads(script.split("</script>")[0])
    by_code = {q["code"]: q["visible_if"] for q in data["questions"]}
    assert by_code["user_agreement"] == {
        "any": [{"contains": ["org_roles", "owner"]}, {"contains": ["org_roles", "holder"]}]
    }
    assert data["answers"] == {"org_roles": ["holder"]}  # other sections' answers only
    assert "js/conditions.js" in html
