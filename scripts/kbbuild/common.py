"""What every part of the build shares: the problem list, multilingual values, dates, sources."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LANGS = ("ru", "kk", "en")
CONFIDENCE = {"verified", "secondary", "unverified"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Problems(list):
    """Everything wrong with the input; the builders write nothing while it is not empty."""

    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


def english_only(where: str, values: dict, problems: Problems) -> None:
    """Russian is the language every page can show: text we hold only in English would
    reach Russian and Kazakh readers as English. (Kazakh alone, an official heading, is fine.)"""
    if "en" in values and "ru" not in values:
        problems.add(where, "has English but no Russian text (every displayed text needs Russian)")


def lang_map(value, where: str, problems: Problems) -> dict[str, str]:
    """A {ru, kk, en} object from the research data, with only known languages kept."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(where, f"expected an object keyed by language, got {type(value).__name__}")
        return {}
    unknown = set(value) - set(LANGS) - {"confidence"}
    if unknown:
        problems.add(where, f"unknown language keys {sorted(unknown)}")
    out = {
        lang: value[lang].strip()
        for lang in LANGS
        if isinstance(value.get(lang), str) and value[lang].strip()
    }
    english_only(where, out, problems)
    return out


def lines_map(value, where: str, problems: Problems) -> dict[str, str]:
    """{lang: [item, …]} → {lang: "item\\nitem"} (one item a line, as the model stores it)."""
    if not value:
        return {}
    if not isinstance(value, dict):
        problems.add(where, f"expected an object of lists keyed by language, got {type(value).__name__}")
        return {}
    out = {}
    for lang in LANGS:
        items = value.get(lang) or []
        if not isinstance(items, list):
            problems.add(where, f"{lang} should be a list")
            continue
        cleaned = join_lines(items)
        if cleaned:
            out[lang] = cleaned
    english_only(where, out, problems)
    return out


def join_lines(items: list) -> str:
    return "\n".join(" ".join(str(item).split()) for item in items if str(item).strip())


def parse_date(value, where: str, problems: Problems) -> tuple[str | None, str]:
    """'2025-11-17' → ('2025-11-17', 'day'); '2025-01' → ('2025-01-01', 'month')."""
    if value in (None, ""):
        return None, "day"
    if not isinstance(value, str) or not DATE_RE.match(value):
        problems.add(where, f"not a date: {value!r}")
        return None, "day"
    parts = value.split("-")
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return "-".join(parts + ["01"] * (3 - len(parts))), precision


def check_sourced(record: dict, where: str, problems: Problems, *, required: bool = True) -> tuple[str, list]:
    """The record's confidence and sources, checked: a fact needs both."""
    confidence = record.get("confidence")
    sources = record.get("sources") or []
    if confidence is None and not required:
        return "", sources
    if confidence not in CONFIDENCE:
        problems.add(where, f"confidence {confidence!r} is not one of {sorted(CONFIDENCE)}")
    if required and not sources:
        problems.add(where, "no sources")
    for url in sources:
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            problems.add(where, f"source is not a URL: {url!r}")
    return confidence or "", list(sources)
