"""load_questionnaires: idempotent, all or nothing, and a published version never changes."""

import copy
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from compliance.models import Option, Question, Questionnaire, QuestionnairePublished, Rule, Section
from compliance.questionnaire_loader import DEFAULT_DIR
from compliance.services import questionnaires
from tests.multilingual import texts

pytestmark = pytest.mark.django_db

SMALL = {
    "format": 1,
    "slug": "small",
    "version": 1,
    "as_of": "2026-04-04",
    "status": "published",
    "title": {"ru": "Малый опросник", "en": "Small questionnaire"},
    "sections": [
        {
            "code": "s1",
            "title": {"ru": "Раздел"},
            "questions": [
                {
                    "code": "synthetic",
                    "kind": "yes_no",
                    "text": {"ru": "Синтетика?"},
                    "provisions": ["ai-law/art_1__def_4"],
                },
                {
                    "code": "labelled",
                    "kind": "yes_no",
                    "text": {"ru": "Маркировка?"},
                    "visible_if": {"eq": ["synthetic", True]},
                },
                {
                    "code": "mode",
                    "kind": "single",
                    "text": {"ru": "Режим"},
                    "options": [
                        {"code": "open", "label": {"ru": "открытая"}},
                        {"code": "local", "label": {"ru": "локальная"}},
                    ],
                },
            ],
        }
    ],
    "rules": [
        {
            "code": "unlabelled",
            "severity": "high",
            "condition": {"eq": ["labelled", False]},
            "title": {"ru": "Нет маркировки"},
            "explanation": {"ru": ["Строка 1", "Строка 2"]},
            "provisions": ["ai-law/art_21__para_2"],
            "obligations": ["machine-readable-marking-of-synthetic-results"],
        },
        {
            "code": "risk_minimal",
            "kind": "risk",
            "outcome": "minimal",
            "priority": 1,
            "title": {"ru": "Минимальный"},
        },
    ],
}


def write(tmp_path, data, name="small.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def state():
    """Everything the loader could have touched, to prove that a failure changed nothing."""
    return (
        list(Questionnaire.objects.order_by("pk").values_list("slug", "version", "status", "source_hash")),
        Section.objects.count(),
        Question.objects.count(),
        Option.objects.count(),
        Rule.objects.count(),
    )


def test_loads_and_publishes(tmp_path):
    call_command("load_questionnaires", write(tmp_path, SMALL), verbosity=0)
    questionnaire = Questionnaire.objects.get(slug="small")
    assert questionnaire.is_published
    assert [q.code for q in questionnaire.questions.order_by("order")] == ["synthetic", "labelled", "mode"]
    rule = questionnaire.rules.get(code="unlabelled")
    assert rule.explanation_ru == "Строка 1\nСтрока 2"
    cited = {(p.version.act.slug, p.version.code, p.eid) for p in rule.provisions.all()}
    assert cited == {("ai-law", "2025-11-17", "art_21__para_2")}
    assert [o.slug for o in rule.obligations.all()] == ["machine-readable-marking-of-synthetic-results"]


def test_second_load_changes_nothing(tmp_path, capsys):
    path = write(tmp_path, SMALL)
    call_command("load_questionnaires", path, verbosity=0)
    before = state()
    call_command("load_questionnaires", path)
    assert "already up to date" in capsys.readouterr().out
    assert state() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["rules"][0].update(condition={"gt": ["labelled", 1]}),
            "rule 'unlabelled': condition.gt: 'gt' cannot be used with 'labelled', a yes_no question",
        ),
        (
            lambda d: d["rules"][0].update(condition={"eq": ["labeled", False]}),
            "rule 'unlabelled': condition.eq: unknown question 'labeled'",
        ),
        (
            lambda d: d["sections"][0]["questions"][1].update(visible_if={"eq": ["mode", "cloud"]}),
            "'cloud' is not an option of 'mode'",
        ),
        (
            lambda d: d["sections"][0]["questions"][0].update(visible_if={"eq": ["labelled", True]}),
            "depend on each other in a circle: labelled → synthetic → labelled",
        ),
        (
            lambda d: d["rules"][0]["provisions"].append("ai-law/art_99__para_1"),
            "rule 'unlabelled': no provision 'art_99__para_1' in ai-law@2025-11-17",
        ),
        (
            lambda d: d["sections"][0]["questions"][0]["provisions"].append("no-such-act/art_1"),
            "question 'synthetic': no-such-act/art_1: no act 'no-such-act' in force",
        ),
        (
            lambda d: d["rules"][0]["obligations"].append("invented-duty"),
            "no obligation 'invented-duty' in the knowledge base",
        ),
        (lambda d: d["rules"][1].update(outcome="extreme"), "outcome"),
        (
            lambda d: d["sections"][0]["questions"][2].update(
                options=[{"code": "open", "label": {"ru": "x"}}]
            ),
            "question 'mode': a choice question needs at least two options",
        ),
        (lambda d: d.update(as_of="2025-12-31"), "no act 'ai-law' in force on the questionnaire's date"),
        (
            lambda d: d["sections"][0].update(context_act="ai-act"),
            "section 's1': context_act: no act 'ai-act' in the knowledge base",
        ),
    ],
)
def test_bad_definition_is_rejected_and_nothing_changes(tmp_path, change, message):
    call_command("load_questionnaires", write(tmp_path, SMALL), verbosity=0)
    other = copy.deepcopy(SMALL)
    other["slug"] = "other"
    change(other)
    before = state()
    # The good file is loaded again in the same run: it must be rolled back with the bad one.
    good = copy.deepcopy(SMALL)
    good["version"] = 2
    with pytest.raises(CommandError) as error:
        call_command(
            "load_questionnaires",
            write(tmp_path, good, "good.json"),
            write(tmp_path, other, "bad.json"),
            verbosity=0,
        )
    assert message in str(error.value)
    assert "Nothing was changed." in str(error.value)
    assert state() == before


def test_changed_published_version_is_refused(tmp_path):
    call_command("load_questionnaires", write(tmp_path, SMALL), verbosity=0)
    changed = copy.deepcopy(SMALL)
    changed["rules"][0]["severity"] = "medium"
    before = state()
    with pytest.raises(CommandError, match=r"small v1 is published .* new version \(\"version\": 2\)"):
        call_command("load_questionnaires", write(tmp_path, changed), verbosity=0)
    assert state() == before


def test_draft_is_rebuilt_from_its_file(tmp_path):
    draft = {**copy.deepcopy(SMALL), "status": "draft"}
    call_command("load_questionnaires", write(tmp_path, draft), verbosity=0)
    draft["rules"][0]["severity"] = "medium"
    call_command("load_questionnaires", write(tmp_path, draft), verbosity=0)
    questionnaire = Questionnaire.objects.get(slug="small")
    assert not questionnaire.is_published
    assert questionnaire.rules.get(code="unlabelled").severity == "medium"
    assert Questionnaire.objects.filter(slug="small").count() == 1


def test_malformed_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", "utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("load_questionnaires", path, verbosity=0)
    with pytest.raises(CommandError, match="malformed definition: KeyError\\('sections'\\)"):
        call_command(
            "load_questionnaires",
            write(
                tmp_path,
                {"format": 1, "slug": "x", "version": 1, "as_of": "2026-04-04", "title": {"ru": "x"}},
            ),
            verbosity=0,
        )


def test_published_questionnaire_is_frozen(tmp_path):
    call_command("load_questionnaires", write(tmp_path, SMALL), verbosity=0)
    questionnaire = Questionnaire.objects.get(slug="small")
    questionnaire.title_ru = "Другое"
    with pytest.raises(QuestionnairePublished):
        questionnaire.save()
    question = questionnaire.questions.get(code="synthetic")
    question.required = False
    with pytest.raises(QuestionnairePublished):
        question.save()
    with pytest.raises(QuestionnairePublished):
        question.delete()
    with pytest.raises(QuestionnairePublished):
        Option.objects.filter(question__questionnaire=questionnaire).first().delete()
    rule = questionnaire.rules.get(code="unlabelled")
    rule.severity = "low"
    with pytest.raises(QuestionnairePublished):
        rule.save()
    with pytest.raises(QuestionnairePublished):
        Section(questionnaire=questionnaire, code="s2", title_ru="x").save()


def test_publish_refuses_a_questionnaire_with_problems(tmp_path):
    call_command(
        "load_questionnaires", write(tmp_path, {**copy.deepcopy(SMALL), "status": "draft"}), verbosity=0
    )
    questionnaire = Questionnaire.objects.get(slug="small")
    Question.objects.filter(questionnaire=questionnaire, code="labelled").update(
        visible_if={"eq": ["ghost", 1]}
    )
    with pytest.raises(ValidationError, match="unknown question 'ghost'"):
        questionnaires.publish(questionnaire)
    questionnaire.refresh_from_db()
    assert not questionnaire.is_published


def test_context_acts_are_loaded_and_inherited(tmp_path):
    """References naming no act read as the section's or rule's context act, else the
    questionnaire's; without any they stay unresolved."""
    data = copy.deepcopy(SMALL)
    data["context_act"] = "ai-law"
    second = {**copy.deepcopy(data["sections"][0]), "code": "s2", "context_act": "personal-data-law"}
    data["sections"].append(second)
    for question in data["sections"][1]["questions"]:
        question["code"] += "_2"
    data["sections"][1]["questions"][1]["visible_if"] = {"eq": ["synthetic_2", True]}
    data["rules"][0]["context_act"] = "admin-code"
    call_command("load_questionnaires", write(tmp_path, data), verbosity=0)
    questionnaire = Questionnaire.objects.get(slug="small")
    assert questionnaire.context_act.slug == "ai-law"
    sections = {section.code: section for section in questionnaire.sections.all()}
    assert sections["s1"].context_act is None and sections["s1"].link_act.slug == "ai-law"
    assert sections["s2"].link_act.slug == "personal-data-law"
    rules = {rule.code: rule for rule in questionnaire.rules.all()}
    assert rules["unlabelled"].link_act.slug == "admin-code"
    assert rules["risk_minimal"].link_act.slug == "ai-law"

    plain = {**copy.deepcopy(SMALL), "slug": "plain"}
    call_command("load_questionnaires", write(tmp_path, plain, "plain.json"), verbosity=0)
    rule = Rule.objects.get(questionnaire__slug="plain", code="unlabelled")
    assert rule.link_act is None


def test_main_questionnaire_is_loaded_and_valid():
    """The shipped questionnaire passes every check and cites only provisions in force on its date."""
    questionnaire = Questionnaire.objects.current("ai-compliance")
    assert questionnaire is not None and questionnaire.is_published
    assert questionnaires.problems(questionnaire) == []
    data = json.loads((DEFAULT_DIR / "ai-compliance.json").read_text("utf-8"))
    assert questionnaire.questions.count() == sum(len(s["questions"]) for s in data["sections"])
    assert questionnaire.rules.count() == len(data["rules"])
    # Each of the seven bans of art. 17 p. 3 has a rule that cites it.
    cited = set(
        Rule.objects.filter(questionnaire=questionnaire, severity="prohibited").values_list(
            "provisions__eid", flat=True
        )
    )
    assert {f"art_17__para_3__subpara_{n}" for n in range(1, 8)} <= cited


def _with_rule(**changes) -> dict:
    data = copy.deepcopy(SMALL)
    data["rules"][0].update(changes)
    return data


@pytest.mark.parametrize(
    "changes, message",
    [
        # A users' finding about a duty whose liability (КоАП 641-1 ч. 1 п. 2) binds only owners/holders.
        (
            {"obligations": ["risk-management-system"], "duty_holders": ["user"]},
            "rule 'unlabelled' binds user, but its liability admin-code/art_641-1__para_1__subpara_2 "
            "reaches only holder, owner",
        ),
        # The same liability cited directly by a rule about platforms.
        (
            {"provisions": ["admin-code/art_641-1__para_1__subpara_1"], "duty_holders": ["platform"]},
            "rule 'unlabelled' binds platform, but its liability admin-code/art_641-1__para_1__subpara_1 "
            "reaches only holder, owner",
        ),
        (
            {"obligations": ["risk-management-system"]},
            "rule 'unlabelled': it has liability but names no duty holder",
        ),
        (
            {"practices": ["social-scoring"]},
            "rule 'unlabelled': severity 'high' but it names prohibited practices",
        ),
        (
            {"severity": "prohibited"},
            "rule 'unlabelled': severity 'prohibited' but it names no prohibited practice",
        ),
        ({"duty_holders": ["nobody"]}, "rule 'unlabelled': no duty holder 'nobody' in the knowledge base"),
    ],
)
def test_rules_that_contradict_the_knowledge_base_are_refused(tmp_path, changes, message):
    before = state()
    with pytest.raises(CommandError) as error:
        call_command("load_questionnaires", write(tmp_path, _with_rule(**changes)), verbosity=0)
    assert message in str(error.value)
    assert state() == before


def test_a_rule_whose_duty_holders_the_liability_reaches_is_loaded(tmp_path):
    data = _with_rule(obligations=["risk-management-system"], duty_holders=["owner", "developer"])
    call_command("load_questionnaires", write(tmp_path, data), verbosity=0)
    rule = Rule.objects.get(questionnaire__slug="small", code="unlabelled")
    assert {holder.code for holder in rule.duty_holders.all()} == {"owner", "developer"}


def test_the_roles_question_must_offer_duty_holders(tmp_path):
    data = {**copy.deepcopy(SMALL), "roles_question": "mode"}
    with pytest.raises(CommandError, match="roles_question 'mode': not a multiple-choice question"):
        call_command("load_questionnaires", write(tmp_path, data), verbosity=0)
    data["sections"][0]["questions"][2]["kind"] = "multiple"
    with pytest.raises(CommandError, match=r"options \['local', 'open'\] are not duty holder codes"):
        call_command("load_questionnaires", write(tmp_path, data), verbosity=0)


def test_main_questionnaire_is_complete_in_kazakh_and_english():
    """Every text a user reads (questions, options, help, sections, rules' findings and
    actions) has Kazakh and English beside the Russian: no fallback in a kk or en report."""
    data = json.loads((DEFAULT_DIR / "ai-compliance.json").read_text("utf-8"))
    missing = []
    for path, text in texts(data, "ai-compliance"):
        if "ru" not in text:
            continue
        missing += [f"{path} [{lang}]" for lang in ("kk", "en") if not text.get(lang)]
        if isinstance(text["ru"], list):
            missing += [
                f"{path} [{lang}: {len(text[lang])} lines, ru {len(text['ru'])}]"
                for lang in ("kk", "en")
                if isinstance(text.get(lang), list) and len(text[lang]) != len(text["ru"])
            ]
    assert missing == []
