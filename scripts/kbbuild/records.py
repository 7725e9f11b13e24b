"""Prohibited practices and obligations, with their references to provisions."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from .acts import Index
from .common import ROOT, Problems, check_sourced, lang_map, lines_map

# legal/reach.py is plain Python: the builder applies the same rule as the application.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from legal.reach import liability_reach, reach_problem  # noqa: E402

RISK_LEVELS = ["minimal", "medium", "high"]
PRACTICE_ROLES = {"legal_basis": "basis", "draft_basis": "draft_basis", "related_liability": "liability"}
OBLIGATION_ROLES = {"basis": "basis", "liability": "liability"}


def references(
    record: dict, roles: dict[str, str], index: Index, where: str, problems: Problems
) -> list[dict]:
    """The record's references in research order (the order `kk` keys "#2" by)."""
    out = []
    for key, role in roles.items():
        for number, raw in enumerate(record.get(key) or []):
            here = f"{where}.{key}[{number}]"
            resolved = index.ref(raw, here)
            if resolved:
                note = raw.get("note") or {}
                out.append(
                    {
                        **resolved,
                        "role": role,
                        "note": lang_map(note, here + ".note", problems),
                        "confidence": note.get("confidence", "") if isinstance(note, dict) else "",
                        "our_translations": [],
                    }
                )
    return out


def build_practices(kb_dir: Path, index: Index, problems: Problems) -> list[dict]:
    practices = []
    for raw in json.loads((kb_dir / "prohibited-practices.json").read_text("utf-8")):
        where = f"practice {raw.get('slug')}"
        confidence, sources = check_sourced(raw, where, problems)
        practices.append(
            {
                "slug": raw["slug"],
                "name": lang_map(raw.get("name"), where + ".name", problems),
                "description": lang_map(raw.get("description"), where + ".description", problems),
                "examples": lines_map(raw.get("examples"), where + ".examples", problems),
                "examples_note": lang_map(raw.get("examples_note"), where + ".examples_note", problems),
                "liability_note": lang_map(raw.get("liability_note"), where + ".liability_note", problems),
                "confidence": confidence,
                "draft_confidence": raw.get("draft_confidence") or "",
                "sources": sources,
                "our_translations": [],
                "references": references(raw, PRACTICE_ROLES, index, where, problems),
            }
        )
    return practices


def build_obligations(kb_dir: Path, index: Index, holder_codes: set[str], problems: Problems) -> list[dict]:
    obligations = []
    for raw in json.loads((kb_dir / "obligations.json").read_text("utf-8")):
        where = f"obligation {raw.get('slug')}"
        confidence, sources = check_sourced(raw, where, problems)
        levels = raw.get("risk_levels")
        levels = list(RISK_LEVELS) if levels == "all" else list(levels or [])
        if not levels or set(levels) - set(RISK_LEVELS):
            problems.add(where, f"risk_levels {raw.get('risk_levels')!r}")
        for code in raw.get("duty_holders") or []:
            if code not in holder_codes:
                problems.add(where, f"unknown duty holder {code!r}")
        texts = ("obligation", "trigger", "note", "liability_note", "recommendation")
        obligations.append(
            {
                "slug": raw["slug"],
                "duty_holders": list(raw.get("duty_holders") or []),
                **{name: lang_map(raw.get(name), f"{where}.{name}", problems) for name in texts},
                "evidence": lines_map(raw.get("evidence"), where + ".evidence", problems),
                "risk_levels": levels,
                "confidence": confidence,
                "sources": sources,
                "our_translations": [],
                "references": references(raw, OBLIGATION_ROLES, index, where, problems),
            }
        )
    check_reach(obligations, index, problems)
    return obligations


def check_reach(obligations: list[dict], index: Index, problems: Problems) -> None:
    """A duty can only be punished under a provision that reaches the one who bears it
    (e.g. users' duties under an article that names only owners and holders: no)."""
    holders = cache(index.holders)
    for obligation in obligations:
        for ref in obligation["references"]:
            if ref["role"] != "liability":
                continue
            reach = liability_reach(holders(ref["act"], ref["version"]), ref["eid"])
            problem = reach_problem(
                obligation["slug"], obligation["duty_holders"], f"{ref['act']}/{ref['eid']}", reach
            )
            if problem:
                problems.add(f"obligation {obligation['slug']}", problem)
