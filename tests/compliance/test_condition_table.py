"""The condition table (tests/compliance/condition_cases.json) against the server's interpreter.

The same table runs against the browser's interpreter (static/js/conditions.js) in Chromium:
tests/e2e/test_wizard_live.py. A case added here is checked on both sides."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from compliance import conditions
from compliance.services.definition import Definition

TABLE = json.loads((Path(__file__).parent / "condition_cases.json").read_text(encoding="utf-8"))
SPECS = {
    code: conditions.QuestionSpec(spec["kind"], tuple(spec.get("options", ())))
    for code, spec in TABLE["questions"].items()
}


def test_the_table_covers_every_operator():
    used = set()

    def walk(node):
        if isinstance(node, dict):
            ((operator, argument),) = node.items()
            used.add(operator)
            if operator in ("all", "any"):
                for child in argument:
                    walk(child)
            elif operator == "not":
                walk(argument)

    for case in TABLE["cases"]:
        walk(case["condition"])
    assert used == set(conditions.OPERATORS)


@pytest.mark.parametrize("case", TABLE["cases"], ids=lambda case: case["name"])
def test_condition_case(case):
    conditions.validate_condition(case["condition"], SPECS)  # only what a questionnaire can store
    assert conditions.evaluate(case["condition"], case["answers"]) is case["expected"]


@pytest.mark.parametrize("case", TABLE["visibility"], ids=lambda case: case["name"])
def test_visibility_case(case):
    conditions.validate_visibility(case["visible_if"], SPECS)
    questions = [SimpleNamespace(code=code, visible_if=cond) for code, cond in case["visible_if"].items()]
    definition = Definition(questionnaire=None, sections=[], questions=questions, rules=[])
    assert definition.visibility(case["answers"]) == case["expected"]


def test_case_names_are_unique():
    names = [case["name"] for case in TABLE["cases"] + TABLE["visibility"]]
    assert len(names) == len(set(names))
