"""The condition language: the validator rejects what cannot be evaluated, the interpreter evaluates."""

import pytest

from compliance.conditions import (
    ConditionError,
    QuestionSpec,
    dependencies,
    evaluate,
    find_cycle,
    validate_condition,
    validate_visibility,
)

SPECS = {
    "uses_ai": QuestionSpec("yes_no"),
    "mode": QuestionSpec("single", ("open", "closed", "local")),
    "data": QuestionSpec("multiple", ("personal", "biometric", "public")),
    "purpose": QuestionSpec("text"),
    "launched": QuestionSpec("date"),
    "users": QuestionSpec("number"),
}


# ------------------------------------------------------------------ interpreter


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"eq": ["uses_ai", True]}, {"uses_ai": True}, True),
        ({"eq": ["uses_ai", True]}, {"uses_ai": False}, False),
        ({"eq": ["uses_ai", False]}, {}, False),  # unanswered is never equal
        ({"neq": ["mode", "open"]}, {"mode": "local"}, True),
        ({"neq": ["mode", "open"]}, {"mode": "open"}, False),
        ({"neq": ["mode", "open"]}, {}, False),  # neq means "answered and different"
        ({"in": ["mode", ["open", "closed"]]}, {"mode": "closed"}, True),
        ({"in": ["mode", ["open", "closed"]]}, {"mode": "local"}, False),
        ({"in": ["users", [10, 20]]}, {"users": 20.0}, True),
        ({"contains": ["data", "biometric"]}, {"data": ["personal", "biometric"]}, True),
        ({"contains": ["data", "biometric"]}, {"data": ["personal"]}, False),
        ({"contains": ["data", "biometric"]}, {"data": []}, False),
        ({"gt": ["users", 1000]}, {"users": 1001}, True),
        ({"gt": ["users", 1000]}, {"users": 1000}, False),
        ({"lt": ["users", 1000]}, {"users": 999.5}, True),
        ({"lt": ["users", 1000]}, {}, False),
        ({"gt": ["launched", "2026-01-18"]}, {"launched": "2026-02-01"}, True),
        ({"lt": ["launched", "2026-01-18"]}, {"launched": "2026-02-01"}, False),
        ({"eq": ["launched", "2026-01-18"]}, {"launched": "2026-01-18"}, True),
        ({"eq": ["purpose", "hiring"]}, {"purpose": "hiring"}, True),
        ({"answered": "purpose"}, {"purpose": "x"}, True),
        ({"answered": "purpose"}, {"purpose": ""}, False),
        ({"answered": "uses_ai"}, {"uses_ai": False}, True),  # "no" is an answer
        ({"answered": "users"}, {"users": 0}, True),  # so is zero
        ({"answered": "data"}, {"data": []}, False),
        ({"not": {"eq": ["uses_ai", True]}}, {}, True),
        ({"all": []}, {}, True),
        ({"any": []}, {}, False),
        (None, {}, True),
    ],
)
def test_operators(condition, answers, expected):
    validate_condition(condition, SPECS)
    assert evaluate(condition, answers) is expected


def test_nesting():
    condition = {
        "all": [
            {"eq": ["uses_ai", True]},
            {"any": [{"contains": ["data", "biometric"]}, {"gt": ["users", 10000]}]},
            {"not": {"eq": ["mode", "local"]}},
        ]
    }
    validate_condition(condition, SPECS)
    base = {"uses_ai": True, "data": ["biometric"], "mode": "open"}
    assert evaluate(condition, base)
    assert evaluate(condition, {**base, "data": ["public"], "users": 20000})
    assert not evaluate(condition, {**base, "data": ["public"], "users": 5})
    assert not evaluate(condition, {**base, "mode": "local"})
    assert not evaluate(condition, {**base, "uses_ai": False})


def test_yes_no_equality_does_not_confuse_true_with_one():
    assert not evaluate({"eq": ["uses_ai", True]}, {"uses_ai": 1})


def test_dependencies():
    condition = {
        "all": [{"eq": ["uses_ai", True]}, {"not": {"answered": "purpose"}}, {"in": ["mode", ["open"]]}]
    }
    assert dependencies(condition) == {"uses_ai", "purpose", "mode"}
    assert dependencies(None) == set()


# -------------------------------------------------------------------- validator


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ({"eq": ["nope", True]}, "condition.eq: unknown question 'nope'"),
        ({"answered": "nope"}, "unknown question 'nope'"),
        ({"gt": ["uses_ai", 1]}, "'gt' cannot be used with 'uses_ai', a yes_no question"),
        ({"contains": ["mode", "open"]}, "'contains' cannot be used with 'mode', a single question"),
        ({"eq": ["data", "personal"]}, "'eq' cannot be used with 'data', a multiple question"),
        ({"eq": ["mode", "cloud"]}, "'cloud' is not an option of 'mode' (options: open, closed, local)"),
        ({"contains": ["data", "secret"]}, "'secret' is not an option of 'data'"),
        ({"in": ["mode", ["open", "cloud"]]}, "'cloud' is not an option of 'mode'"),
        ({"in": ["mode", []]}, "expected a non-empty list of values"),
        ({"eq": ["uses_ai", "yes"]}, "'uses_ai' is a yes/no question: compare with true or false"),
        ({"gt": ["users", "many"]}, "'users' is a number question"),
        ({"gt": ["users", True]}, "'users' is a number question"),
        ({"lt": ["launched", "18.01.2026"]}, "compare with a date YYYY-MM-DD"),
        ({"eq": ["purpose", 5]}, "'purpose' is a text question"),
        ({"eq": ["uses_ai"]}, 'expected ["question code", value]'),
        ({"eq": "uses_ai"}, 'expected ["question code", value]'),
        ({"between": ["users", 1, 2]}, "unknown operator 'between'"),
        ({"eq": ["uses_ai", True], "neq": ["mode", "open"]}, "expected an object with one operator"),
        ([{"eq": ["uses_ai", True]}], "expected an object with one operator"),
        ({"all": {"eq": ["uses_ai", True]}}, "condition.all: expected a list of conditions"),
        ({"all": [{"eq": ["uses_ai", True]}, {"gt": ["uses_ai", 1]}]}, "condition.all[1].gt:"),
        ({"not": {"any": [{"eq": ["ghost", 1]}]}}, "condition.not.any[0].eq: unknown question 'ghost'"),
    ],
)
def test_validator_rejects_with_a_message(condition, message):
    with pytest.raises(ConditionError) as error:
        validate_condition(condition, SPECS)
    assert message in str(error.value)


def test_validator_limits_nesting():
    condition = {"eq": ["uses_ai", True]}
    for _ in range(25):
        condition = {"not": condition}
    with pytest.raises(ConditionError, match="nested deeper than 20 levels"):
        validate_condition(condition, SPECS)


# ------------------------------------------------------------------------ cycles


def test_find_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"a"}}) == ["a", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"d"}, "d": {"c"}}) == ["c", "d", "c"]


def test_visibility_cycle_is_rejected():
    specs = {"a": QuestionSpec("yes_no"), "b": QuestionSpec("yes_no"), "c": QuestionSpec("yes_no")}
    with pytest.raises(ConditionError, match="depend on each other in a circle: a → b → c → a"):
        validate_visibility(
            {"a": {"eq": ["b", True]}, "b": {"eq": ["c", True]}, "c": {"answered": "a"}}, specs
        )


def test_visibility_self_reference_is_a_cycle():
    with pytest.raises(ConditionError, match="a → a"):
        validate_visibility({"a": {"eq": ["a", True]}}, {"a": QuestionSpec("yes_no")})


def test_visibility_chain_without_cycle_is_valid():
    specs = {"a": QuestionSpec("yes_no"), "b": QuestionSpec("yes_no"), "c": QuestionSpec("yes_no")}
    validate_visibility({"a": None, "b": {"eq": ["a", True]}, "c": {"eq": ["b", True]}}, specs)


def test_visibility_names_the_question_with_a_bad_condition():
    with pytest.raises(ConditionError, match="question 'b', visible_if: condition.eq: unknown question 'x'"):
        validate_visibility({"b": {"eq": ["x", True]}}, {"b": QuestionSpec("yes_no")})
