"""An assessment from the first answer to a final, immutable record and its next revision."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from compliance.models import (
    AISystem,
    Answer,
    AnswerEvent,
    Assessment,
    AssessmentFinal,
    Finding,
    Organization,
)
from compliance.services import assessments
from tests.compliance.factories import make_questionnaire

pytestmark = pytest.mark.django_db

#: The required questions of the main questionnaire (tests/compliance/factories.py), answered
#: for a minimal system that only uses AI (no owner duties, no media, no personal data, no
#: training).
MINIMAL = {
    "org_roles": ["user"],
    "deployment_mode": "closed",
    "restricted_data": False,
    "failure_impact": "negligible",
    "decision_autonomy": "human_decides",
    "human_control": True,
    "ban_manipulation": False,
    "ban_vulnerability": False,
    "ban_social_scoring": False,
    "ban_biometric_categorisation": False,
    "emotion_recognition": False,
    "ban_prohibited_output": False,
    "ai_disclosed": True,
    "affects_rights": False,
    "generates_media": False,
    "forwards_synthetic": False,
    "processes_pd": False,
    "trains_models": False,
}


@pytest.fixture
def lawyer():
    return get_user_model().objects.create_user("lawyer", password="x")


@pytest.fixture
def colleague():
    return get_user_model().objects.create_user("colleague", password="x")


@pytest.fixture
def system():
    organization = Organization.objects.create(slug="acme", name="Acme")
    return AISystem.objects.create(organization=organization, name="Помощник", roles=["user"])


@pytest.fixture
def questionnaire():
    return make_questionnaire()


@pytest.fixture
def draft(system, questionnaire, lawyer):
    return assessments.start_assessment(system, questionnaire, by=lawyer)


def codes(questions):
    return [q.code for q in questions]


def test_start(draft, system, questionnaire, lawyer):
    assert draft.status == "draft" and draft.revision == 1 and draft.previous is None
    assert draft.organization == system.organization and draft.questionnaire == questionnaire
    assert draft.as_of == timezone.localdate()
    assert draft.created_by == lawyer


def test_start_defaults_to_the_current_main_questionnaire(system, lawyer, questionnaire):
    assert assessments.start_assessment(system, by=lawyer).questionnaire == questionnaire


def test_start_refuses_a_date_before_the_questionnaire(system, questionnaire, lawyer):
    with pytest.raises(ValidationError, match="as_of"):
        assessments.start_assessment(system, questionnaire, by=lawyer, as_of=datetime.date(2026, 1, 1))


def test_save_as_you_go_and_resume(draft, lawyer):
    sections = [s.code for s in assessments.Definition.of(draft.questionnaire).sections]
    assert assessments.resume_section(draft).code == sections[0]
    assessments.save_answers(draft, {"org_roles": ["user"], "deployment_mode": "closed"}, by=lawyer)
    assert assessments.resume_section(draft).code == "system"  # restricted_data still open
    assessments.save_answers(draft, {"restricted_data": False}, by=lawyer)
    # A fresh object from the database (the tab was closed) resumes at the next section.
    resumed = Assessment.objects.get(pk=draft.pk)
    assert assessments.resume_section(resumed).code == "classification"
    assert assessments.stored_answers(resumed) == {
        "org_roles": ["user"],
        "deployment_mode": "closed",
        "restricted_data": False,
    }


def test_save_answers_reports_only_what_changed(draft, lawyer):
    saved = assessments.save_answers(draft, {"restricted_data": False, "processes_pd": False}, by=lawyer)
    assert saved.changed == ["restricted_data", "processes_pd"]
    saved = assessments.save_answers(draft, {"restricted_data": False, "processes_pd": True}, by=lawyer)
    assert saved.changed == ["processes_pd"]


@pytest.mark.parametrize(
    ("answers", "code", "message"),
    [
        ({"restricted_data": "yes"}, "restricted_data", "true или false"),
        ({"deployment_mode": "cloud"}, "deployment_mode", "Выберите один из вариантов: open, closed, local"),
        ({"org_roles": "owner"}, "org_roles", "список вариантов"),
        ({"org_roles": ["owner", "king"]}, "org_roles", "Нет такого варианта: king"),
        ({"no_such_question": True}, "no_such_question", "Нет такого вопроса"),
    ],
)
def test_invalid_answers_save_nothing(draft, lawyer, answers, code, message):
    with pytest.raises(ValidationError) as error:
        assessments.save_answers(draft, {"processes_pd": False, **answers}, by=lawyer)
    assert message in " ".join(error.value.message_dict[code])
    assert not Answer.objects.filter(assessment=draft).exists()  # processes_pd was not saved either
    assert not AnswerEvent.objects.filter(assessment=draft).exists()


def test_values_are_normalised(draft, lawyer):
    assessments.save_answers(draft, {"org_roles": ["holder", "owner", "owner"]}, by=lawyer)
    assert assessments.stored_answers(draft)["org_roles"] == ["owner", "holder"]  # options' order


def test_a_question_and_its_condition_can_be_answered_together(draft, lawyer):
    assessments.save_answers(draft, {"processes_pd": True, "pd_basis": "consent"}, by=lawyer)
    assert assessments.stored_answers(draft)["pd_basis"] == "consent"


def test_visible_questions_follow_the_answers(draft, lawyer):
    assert "pd_basis" not in codes(assessments.visible_questions(draft))
    assessments.save_answers(draft, {"processes_pd": True}, by=lawyer)
    assert "pd_basis" in codes(assessments.visible_questions(draft))
    # A chain: distributed → machine_readable_mark, both behind imitates_reality.
    assessments.save_answers(
        draft, {"generates_media": True, "imitates_reality": "unsure", "distributed": True}, by=lawyer
    )
    assert {"distributed", "machine_readable_mark", "visible_warning"} <= set(
        codes(assessments.visible_questions(draft))
    )
    assessments.save_answers(draft, {"generates_media": False}, by=lawyer)
    visible = codes(assessments.visible_questions(draft))
    assert "imitates_reality" not in visible and "machine_readable_mark" not in visible


def test_required_visible_questions_must_be_answered(draft, lawyer):
    missing = codes(assessments.missing_required(draft))
    assert set(missing) == set(MINIMAL)  # hidden questions are not required
    assert "claims_copyright" not in missing  # optional
    assessments.save_answers(draft, {**MINIMAL, "processes_pd": True}, by=lawyer)
    missing = codes(assessments.missing_required(draft))
    assert missing == ["pd_basis", "pd_purpose"]  # the follow-ups, in the questionnaire's order
    with pytest.raises(ValidationError) as error:
        assessments.finalize(draft, by=lawyer)
    assert set(error.value.message_dict) == set(missing)
    draft.refresh_from_db()
    assert draft.status == "draft" and not Finding.objects.filter(assessment=draft).exists()


def test_hidden_answers_are_kept_but_ignored(draft, lawyer):
    assessments.save_answers(draft, {**MINIMAL, "processes_pd": True}, by=lawyer)
    assessments.save_answers(draft, {"pd_basis": "none"}, by=lawyer)
    assert "banned_unlawful_personal_data" in [r.code for r in assessments.evaluate(draft).findings]
    # The person corrects processes_pd: pd_basis is hidden, kept, and no longer counts.
    assessments.save_answers(draft, {"processes_pd": False}, by=lawyer)
    assert assessments.stored_answers(draft)["pd_basis"] == "none"
    assert "banned_unlawful_personal_data" not in [r.code for r in assessments.evaluate(draft).findings]
    final = assessments.finalize(draft, by=lawyer)
    data = assessments.assessment_data(final)
    assert "pd_basis" not in [a["question"] for a in data["answers"]]
    assert not final.findings.filter(severity="prohibited").exists()
    # Switching it back in a revision does not bring the hidden answer along.
    revision = assessments.revise(final, by=lawyer)
    assert "pd_basis" not in assessments.stored_answers(revision)


def test_clearing_an_answer(draft, lawyer):
    assessments.save_answers(draft, {"restricted_data": True}, by=lawyer)
    saved = assessments.save_answers(draft, {"restricted_data": None}, by=lawyer)
    assert saved.changed == ["restricted_data"]
    assert "restricted_data" not in assessments.stored_answers(draft)
    assert (
        AnswerEvent.objects.filter(assessment=draft, question__code="restricted_data").latest("pk").value
        is None
    )


def test_answer_history_who_and_when(draft, lawyer, colleague):
    assessments.save_answers(draft, {"failure_impact": "negligible"}, by=lawyer)
    assessments.save_answers(draft, {"failure_impact": "harm"}, by=colleague)
    assessments.save_answers(draft, {"failure_impact": "harm"}, by=lawyer)  # no change, no event
    events = list(
        AnswerEvent.objects.filter(assessment=draft, question__code="failure_impact").order_by("pk")
    )
    assert [(e.value, e.user.username) for e in events] == [("negligible", "lawyer"), ("harm", "colleague")]
    assert events[0].at <= events[1].at
    answer = Answer.objects.get(assessment=draft, question__code="failure_impact")
    assert (answer.value, answer.answered_by, answer.answered_at) == ("harm", colleague, events[1].at)
    with pytest.raises(ValidationError):
        events[0].save()  # the log is append-only


def test_finalise(draft, lawyer, colleague):
    assessments.save_answers(draft, MINIMAL, by=lawyer)
    final = assessments.finalize(draft, by=colleague)
    assert final.status == "final" and final.finalized_by == colleague and final.finalized_at
    assert (final.risk_level, final.autonomy_level) == ("minimal", "low")
    assert len(final.content_hash) == 64
    assert final.content_hash == assessments.content_hash(final.snapshot)
    data = assessments.assessment_data(final)
    assert data["content_hash"] == final.content_hash
    assert data["assessment"]["status"] == "final" and data["assessment"]["finalized_by"] == "colleague"
    assert [a["question"] for a in data["answers"]] == list(MINIMAL)  # questionnaire order
    assert [f.rule_code for f in final.findings.all()] == [f["rule"] for f in data["findings"]]


def test_finalising_twice_returns_the_same_final_assessment(draft, lawyer, colleague):
    """A double click: the second call (even with the stale draft object) changes nothing.
    Two at once: tests/compliance/test_finalize_concurrency.py."""
    assessments.save_answers(draft, {**MINIMAL, "ai_disclosed": False}, by=lawyer)
    final = assessments.finalize(draft, by=lawyer)
    findings = list(final.findings.values_list("pk", flat=True))
    for again in (assessments.finalize(draft, by=colleague), assessments.finalize(final, by=colleague)):
        assert again.pk == final.pk and again.is_final
        assert (again.content_hash, again.finalized_at, again.finalized_by) == (
            final.content_hash, final.finalized_at, lawyer,
        )
        assert list(again.findings.values_list("pk", flat=True)) == findings
    assert Finding.objects.filter(assessment=final).count() == len(findings) > 0


def test_assessment_data_is_deterministic(draft, lawyer):
    assessments.save_answers(draft, MINIMAL, by=lawyer)
    assert assessments.assessment_data(draft) == assessments.assessment_data(
        Assessment.objects.get(pk=draft.pk)
    )
    assert assessments.assessment_data(draft)["assessment"]["status"] == "draft"
    assert "content_hash" not in assessments.assessment_data(draft)


def test_final_is_immutable_everywhere(draft, lawyer):
    assessments.save_answers(draft, {**MINIMAL, "ai_disclosed": False}, by=lawyer)
    final = assessments.finalize(draft, by=lawyer)
    answer = final.answers.first()
    finding = final.findings.first()

    with pytest.raises(AssessmentFinal):  # services
        assessments.save_answers(final, {"restricted_data": True}, by=lawyer)
    assert assessments.finalize(final, by=lawyer).content_hash == final.content_hash  # idempotent
    final.risk_level = "high"
    with pytest.raises(AssessmentFinal):  # models
        final.save()
    answer.value = True
    with pytest.raises(AssessmentFinal):
        answer.save()
    with pytest.raises(AssessmentFinal):
        answer.delete()
    finding.severity = "info"
    with pytest.raises(AssessmentFinal):
        finding.save()
    # The database itself refuses, whatever goes around the models.
    for statement in (
        lambda: Assessment.objects.filter(pk=final.pk).update(risk_level="high"),
        lambda: Answer.objects.filter(pk=answer.pk).update(value=True),
        lambda: Finding.objects.filter(pk=finding.pk).update(severity="info"),
        lambda: Answer.objects.bulk_create(
            [
                Answer(
                    assessment=final,
                    question=final.questionnaire.questions.get(code="claims_copyright"),
                    value=True,
                    answered_at=timezone.now(),
                )
            ]
        ),
    ):
        with pytest.raises(IntegrityError, match="final assessment cannot change"), transaction.atomic():
            statement()
    final.refresh_from_db()
    assert final.risk_level == "minimal" and final.content_hash == assessments.content_hash(final.snapshot)


def test_final_does_not_change_when_rules_change(draft, lawyer, questionnaire):
    assessments.save_answers(draft, {**MINIMAL, "ai_disclosed": False}, by=lawyer)
    final = assessments.finalize(draft, by=lawyer)
    before = assessments.assessment_data(final)
    # Someone edits the rule behind the questionnaire's back (a published one refuses save()).
    questionnaire.rules.filter(code="ai_use_not_disclosed").update(title_ru="Изменено", severity="low")
    after = assessments.assessment_data(Assessment.objects.get(pk=final.pk))
    assert after == before
    finding = final.findings.get(rule_code="ai_use_not_disclosed")
    assert (finding.severity, finding.title_ru) == ("medium", "Правило ai_use_not_disclosed")


def test_revision_chain(draft, lawyer, colleague):
    assessments.save_answers(draft, MINIMAL, by=lawyer)
    first = assessments.finalize(draft, by=lawyer)
    with pytest.raises(ValidationError, match="только из окончательной"):
        assessments.revise(assessments.start_assessment(first.ai_system, by=lawyer), by=lawyer)

    second = assessments.revise(first, by=colleague)
    assert (second.status, second.revision, second.previous) == ("draft", 2, first)
    assert second.created_by == colleague
    assert assessments.stored_answers(second) == assessments.stored_answers(first)
    copied = second.answers.get(question__code="failure_impact")
    assert copied.answered_by == lawyer  # who answered stays with the answer
    with pytest.raises(ValidationError, match="уже есть следующая редакция"):
        assessments.revise(first, by=lawyer)

    assessments.save_answers(second, {"failure_impact": "harm"}, by=colleague)
    second = assessments.finalize(second, by=colleague)
    third = assessments.revise(second, by=lawyer)
    assert [third.revision, third.previous.revision, third.previous.previous.revision] == [3, 2, 1]
    first.refresh_from_db()
    assert first.risk_level == "minimal" and second.risk_level == "medium"
    assert first.next_revision == second


def test_evaluate_matches_what_finalize_stores(draft, lawyer):
    assessments.save_answers(draft, {**MINIMAL, "ai_disclosed": False, "human_control": False}, by=lawyer)
    preview = assessments.evaluate(draft)
    final = assessments.finalize(draft, by=lawyer)
    assert [r.code for r in preview.findings] == list(final.findings.values_list("rule_code", flat=True))
    assert preview.risk_level == final.risk_level


def test_assessments_of_other_organisations_are_invisible(draft, lawyer):
    assert list(Assessment.objects.visible_to(lawyer)) == []
    draft.organization.memberships.create(user=lawyer, role="lawyer")
    assert list(Assessment.objects.visible_to(lawyer)) == [draft]


def test_evaluate_query_count_is_constant(draft, lawyer, django_assert_num_queries):
    assessments.save_answers(draft, MINIMAL, by=lawyer)
    definition = assessments.Definition.of(draft.questionnaire)
    with django_assert_num_queries(1):  # the stored answers
        assessments.evaluate(draft, definition)
    # sections; questions + options; rules + provisions + obligations (+ their liability
    # links) + practices + duty holders
    with django_assert_num_queries(9):
        assessments.Definition.of(draft.questionnaire)


def test_deletion_keeps_records_unless_the_organisation_goes(draft, lawyer):
    from django.db.models import RestrictedError

    assessments.save_answers(draft, MINIMAL, by=lawyer)
    final = assessments.finalize(draft, by=lawyer)
    revision = assessments.revise(final, by=lawyer)
    with pytest.raises(RestrictedError):
        final.ai_system.delete()  # a system with assessments stays
    with pytest.raises(RestrictedError):
        final.delete()  # a revised assessment stays while its next revision exists
    final.organization.delete()  # the organisation takes all its records along
    assert not Assessment.objects.filter(pk__in=[final.pk, revision.pk]).exists()
    assert not Answer.objects.filter(assessment_id=final.pk).exists()
