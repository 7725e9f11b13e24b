"""МРП by year (research data mrp.json) and fines in МРП per offender category
(scripts/kb_fines.json, editorial), each checked against the research data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .acts import Index
from .common import Problems, check_sourced, lang_map

# The categories the Administrative Code fines differently (legal.models.OffenderCategory),
# with a word the Russian sanction uses for each: an amount for a category the unit does
# not name is a mistake. Officials (должностные лица) are not an organisation category.
CATEGORIES = {
    "individual": ("физ",),
    "small": ("мал",),
    "medium": ("средн",),
    "large": ("крупн",),
    "nonprofit": ("нко", "некоммерч"),
}
NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*")
SPACE = re.compile(r"[ \u00a0\u202f]")


def build_mrp(kb_dir: Path, problems: Problems) -> list[dict]:
    """One row a year; a year the research data has no value for has none (never extrapolated)."""
    path = kb_dir / "mrp.json"
    if not path.is_file():
        return []
    data = json.loads(path.read_text("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        problems.add("mrp.json", 'expected {"values": [{"year", "tenge", …}]}')
        return []
    rows, years = [], set()
    for number, raw in enumerate(data["values"]):
        year, tenge = raw.get("year"), raw.get("tenge")
        where = f"mrp.json[{number}] {year}"
        if not is_positive_int(year) or not 1990 <= year <= 2100:
            problems.add(where, f"year {year!r} is not a year")
        elif year in years:
            problems.add(where, "the year is listed twice")
        years.add(year)
        if not is_positive_int(tenge):
            problems.add(where, f"tenge {tenge!r} is not a positive whole number")
        confidence, sources = check_sourced(raw, where, problems)
        rows.append(
            {
                "year": year,
                "tenge": tenge,
                "confidence": confidence,
                "sources": sources,
                "note": lang_map(raw.get("note"), where + ".note", problems),
            }
        )
    return sorted(rows, key=lambda row: str(row["year"]))


def build_fines(fines_path: Path | None, index: Index, problems: Problems) -> list[dict]:
    """Check every entry against the unit's Russian sanction text, so a typo is caught."""
    if fines_path is None:
        return []
    where_file = fines_path.name
    try:
        entries = json.loads(fines_path.read_text("utf-8")).get("fines")
    except (OSError, ValueError, AttributeError) as exc:
        problems.add(where_file, f"not a fines file: {exc}")
        return []
    if not isinstance(entries, list):
        problems.add(where_file, 'expected {"fines": [{"act", "eid", "amounts", "repeat", "note"}, …]}')
        return []
    out, seen = [], {}
    for number, raw in enumerate(entries):
        where = f"{where_file}[{number}] {raw.get('act')}/{raw.get('eid')}"
        ref = index.ref(raw, where)
        if ref is None:
            continue
        key = (ref["act"], ref["version"], ref["eid"])
        if key in seen:
            problems.add(where, f"the unit already has an entry ([{seen[key]}])")
        seen[key] = number
        sanction = index.units[key]["sanction"].get("ru", "")
        if not sanction:
            problems.add(where, "the unit has no Russian sanction text to check the amounts against")
        amounts = check_amounts(raw.get("amounts"), sanction, where, problems)
        repeat = raw.get("repeat")
        if repeat is not None and (
            repeat == ref["eid"] or (ref["act"], ref["version"], repeat) not in index.units
        ):
            problems.add(where, f"repeat {repeat!r} is not another unit of {ref['act']}@{ref['version']}")
            repeat = None
        out.append(
            {
                **ref,
                "amounts": amounts,
                "repeat": repeat,
                "note": lang_map(raw.get("note"), where + ".note", problems),
            }
        )
    for number, fine in enumerate(out):
        if fine["repeat"] and (fine["act"], fine["version"], fine["repeat"]) not in seen:
            problems.add(
                f"{where_file}[{number}] {fine['act']}/{fine['eid']}",
                f"repeat {fine['repeat']} has no entry of its own (its fines are what a repeat costs)",
            )
    return out


def check_amounts(amounts, sanction: str, where: str, problems: Problems) -> dict[str, int]:
    if not isinstance(amounts, dict) or not amounts:
        problems.add(where, "amounts must be an object {category: МРП}")
        return {}
    stated, text = numbers(sanction), sanction.lower()
    for category, amount in amounts.items():
        if category not in CATEGORIES:
            problems.add(where, f"unknown category {category!r} (one of {list(CATEGORIES)})")
            continue
        if not is_positive_int(amount):
            problems.add(where, f"{category}: {amount!r} is not a positive whole number of МРП")
            continue
        if sanction and amount not in stated:
            problems.add(where, f"{category}: {amount} МРП does not appear in the unit's Russian sanction")
        if sanction and not any(word in text for word in CATEGORIES[category]):
            problems.add(where, f"{category}: the unit's Russian sanction does not name this category")
    return {category: amounts[category] for category in CATEGORIES if category in amounts}


def numbers(text: str) -> set[int]:
    """Every number in `text`; «1 000» counts as 1000 (and, being ambiguous, as 1 and 0)."""
    found = set()
    for match in NUMBER.finditer(text):
        groups = SPACE.split(match.group())
        found.add(int("".join(groups)))
        found.update(int(group) for group in groups)
    return found


def is_positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0
