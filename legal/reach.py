"""Whom a liability provision reaches, and whether a duty may be linked to it.

Pure Python (no Django): the fixture builder (scripts/build_kb_fixtures.py) and the
questionnaire loader apply the same rule. A unit names its duty holders; a unit that
names none inherits them from the nearest enclosing unit that does (eids nest by
``__``: ``art_641-1__para_1__subpara_1`` → ``art_641-1__para_1`` → ``art_641-1``); none
at all means the provision reaches anyone (e.g. a Criminal Code article).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def liability_reach(holders_by_eid: Mapping[str, Iterable[str]], eid: str) -> frozenset[str]:
    """The duty holders `eid` reaches (empty: anyone)."""
    parts = eid.split("__")
    while parts:
        holders = holders_by_eid.get("__".join(parts))
        if holders:
            return frozenset(holders)
        parts.pop()
    return frozenset()


def reach_problem(duty: str, duty_holders: Iterable[str], liability: str, reach: frozenset[str]) -> str:
    """Why the duty `duty` of `duty_holders` cannot be punished under `liability`, or ''."""
    holders = set(duty_holders)
    if not reach or not holders or holders & reach:
        return ""
    return (
        f"{duty} binds {', '.join(sorted(holders))}, but its liability {liability} "
        f"reaches only {', '.join(sorted(reach))}"
    )
