"""The condition language of questionnaires: JSON that says when a question shows or a rule fires.

A condition is a JSON object with exactly one key:

    {"all": [c, ...]}            every condition holds (an empty list holds)
    {"any": [c, ...]}            at least one holds (an empty list does not)
    {"not": c}
    {"eq": ["code", value]}      the answer to question `code` equals value
    {"neq": ["code", value]}     answered, and not equal to value
    {"in": ["code", [v, ...]]}   the answer is one of the values
    {"contains": ["code", v]}    a multiple-choice answer includes option v
    {"gt": ["code", n]}          a number (or date) answer is greater than n
    {"lt": ["code", n]}          … less than n
    {"answered": "code"}         the question has an answer

A comparison with an unanswered (or hidden) question is false: `neq` means "answered and
different", and `{"not": {"eq": …}}` holds when there is no answer. Conditions are checked
against the questionnaire before they are stored (`validate_condition`) and evaluated by
`evaluate`, a small interpreter: nothing is ever passed to `eval`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

BOOLEAN_OPERATORS = ("all", "any", "not")
COMPARISONS = ("eq", "neq", "in", "contains", "gt", "lt")
OPERATORS = (*BOOLEAN_OPERATORS, *COMPARISONS, "answered")
MAX_DEPTH = 20
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Question kinds (compliance.models.questionnaire.QuestionKind values) and the
# comparisons that make sense for each.
YES_NO, SINGLE, MULTIPLE, TEXT, DATE, NUMBER = "yes_no", "single", "multiple", "text", "date", "number"
ALLOWED = {
    YES_NO: {"eq", "neq"},
    SINGLE: {"eq", "neq", "in"},
    MULTIPLE: {"contains"},
    TEXT: {"eq", "neq", "in"},
    DATE: {"eq", "neq", "gt", "lt"},
    NUMBER: {"eq", "neq", "in", "gt", "lt"},
}


class ConditionError(ValueError):
    """A condition that cannot be stored; the message says where and why."""


@dataclass(frozen=True)
class QuestionSpec:
    """What the validator needs to know about a question."""

    kind: str
    options: tuple[str, ...] = ()


def validate_condition(condition: Any, questions: Mapping[str, QuestionSpec]) -> None:
    """Raise ConditionError unless `condition` is well formed for `questions` (code → spec).

    `None` means "always" and is valid.
    """
    if condition is not None:
        _validate(condition, questions, "condition", 0)


def _validate(node: Any, questions: Mapping[str, QuestionSpec], where: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ConditionError(f"{where}: nested deeper than {MAX_DEPTH} levels")
    if not isinstance(node, dict) or len(node) != 1:
        raise ConditionError(f"{where}: expected an object with one operator, got {_short(node)}")
    (operator, argument), = node.items()
    here = f"{where}.{operator}"
    if operator not in OPERATORS:
        raise ConditionError(f"{where}: unknown operator {operator!r} (known: {', '.join(OPERATORS)})")
    if operator in ("all", "any"):
        if not isinstance(argument, list):
            raise ConditionError(f"{here}: expected a list of conditions")
        for index, child in enumerate(argument):
            _validate(child, questions, f"{here}[{index}]", depth + 1)
        return
    if operator == "not":
        _validate(argument, questions, here, depth + 1)
        return
    if operator == "answered":
        _question(argument, questions, here)
        return
    if not isinstance(argument, list) or len(argument) != 2:
        raise ConditionError(f'{here}: expected ["question code", value], got {_short(argument)}')
    code, value = argument
    spec = _question(code, questions, here)
    if operator not in ALLOWED[spec.kind]:
        usable = ", ".join(sorted(ALLOWED[spec.kind]))
        raise ConditionError(
            f"{here}: {operator!r} cannot be used with {code!r}, a {spec.kind} question (use: {usable})"
        )
    if operator == "in":
        if not isinstance(value, list) or not value:
            raise ConditionError(f"{here}: expected a non-empty list of values for {code!r}")
        for item in value:
            _check_value(item, spec, code, here)
    else:
        _check_value(value, spec, code, here)


def _question(code: Any, questions: Mapping[str, QuestionSpec], where: str) -> QuestionSpec:
    if not isinstance(code, str) or code not in questions:
        raise ConditionError(f"{where}: unknown question {_short(code)}")
    return questions[code]


def _check_value(value: Any, spec: QuestionSpec, code: str, where: str) -> None:
    kind = spec.kind
    if kind == YES_NO and not isinstance(value, bool):
        raise ConditionError(f"{where}: {code!r} is a yes/no question: compare with true or false")
    if kind in (SINGLE, MULTIPLE) and value not in spec.options:
        raise ConditionError(
            f"{where}: {_short(value)} is not an option of {code!r} (options: {', '.join(spec.options)})"
        )
    if kind == TEXT and not isinstance(value, str):
        raise ConditionError(f"{where}: {code!r} is a text question: compare with a string")
    if kind == NUMBER and not _is_number(value):
        raise ConditionError(f"{where}: {code!r} is a number question: compare with a number")
    if kind == DATE and _as_date(value) is None:
        raise ConditionError(f"{where}: {code!r} is a date question: compare with a date YYYY-MM-DD")


def dependencies(condition: Any) -> set[str]:
    """The question codes a (valid) condition reads."""
    if not isinstance(condition, dict) or len(condition) != 1:
        return set()
    (operator, argument), = condition.items()
    if operator in ("all", "any") and isinstance(argument, list):
        return set().union(*(dependencies(child) for child in argument))
    if operator == "not":
        return dependencies(argument)
    if operator == "answered":
        return {argument} if isinstance(argument, str) else set()
    if isinstance(argument, list) and argument and isinstance(argument[0], str):
        return {argument[0]}
    return set()


def find_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A cycle in `graph` (code → codes it depends on) as [a, b, …, a], or None."""
    state: dict[str, str] = {}  # "visiting" or "done"

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = "visiting"
        trail.append(node)
        for successor in sorted(graph.get(node, ())):
            if state.get(successor) == "visiting":
                return [*trail[trail.index(successor):], successor]
            if successor not in state:
                cycle = visit(successor, trail)
                if cycle:
                    return cycle
        trail.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node, [])
            if cycle:
                return cycle
    return None


def validate_visibility(visible_if: Mapping[str, Any], questions: Mapping[str, QuestionSpec]) -> None:
    """Check every question's `visible_if` (code → condition) and reject circular visibility."""
    for code, condition in visible_if.items():
        try:
            validate_condition(condition, questions)
        except ConditionError as exc:
            raise ConditionError(f"question {code!r}, visible_if: {exc}") from None
    cycle = find_cycle({code: dependencies(condition) for code, condition in visible_if.items()})
    if cycle:
        raise ConditionError(f"visible_if conditions depend on each other in a circle: {' → '.join(cycle)}")


def evaluate(condition: Any, answers: Mapping[str, Any]) -> bool:
    """Evaluate a validated condition over `answers` (code → value; absent = unanswered)."""
    if condition is None:
        return True
    (operator, argument), = condition.items()
    if operator == "all":
        return all(evaluate(child, answers) for child in argument)
    if operator == "any":
        return any(evaluate(child, answers) for child in argument)
    if operator == "not":
        return not evaluate(argument, answers)
    if operator == "answered":
        return is_answered(answers.get(argument))
    code, expected = argument
    actual = answers.get(code)
    if not is_answered(actual):
        return False
    if operator == "contains":
        return isinstance(actual, list) and expected in actual
    if operator == "in":
        return any(_equal(actual, item) for item in expected)
    if operator == "eq":
        return _equal(actual, expected)
    if operator == "neq":
        return not _equal(actual, expected)
    left, right = _comparable(actual), _comparable(expected)
    if left is None or right is None or type(left) is not type(right):
        return False
    return left > right if operator == "gt" else left < right


def is_answered(value: Any) -> bool:
    """None, "" and [] are no answer; False and 0 are answers."""
    return value is not None and value != "" and value != []


def _equal(actual: Any, expected: Any) -> bool:
    if isinstance(actual, bool) or isinstance(expected, bool):
        return actual is expected
    left, right = _comparable(actual), _comparable(expected)
    if left is not None and right is not None:
        return left == right
    return actual == expected


def _comparable(value: Any) -> Decimal | datetime.date | None:
    if _is_number(value):
        return Decimal(str(value))
    return _as_date(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _as_date(value: Any) -> datetime.date | None:
    """A date, or a string "YYYY-MM-DD" (ASCII digits) naming a real day; else None.

    Stricter than `date.fromisoformat`, which also reads week dates ("2026-W01-1"): the
    browser's interpreter (static/js/conditions.js) reads exactly the same strings.
    """
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
