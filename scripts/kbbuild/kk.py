"""Our Kazakh translations (scripts/kb_kk/*.json, format in its README.md) merged into the fixture.

A translation becomes the field's `kk` value and the field is listed in the record's
`our_translations` ("summary_kk"), so pages label it as ours. Kazakh in the research data
wins (ours is then not used). A translation of a Russian text that has since changed
(`ru_sha`), or of a text that does not exist, is a problem: it would show a stale or
misplaced text as if it were current.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from .acts import UNIT_TEXTS
from .common import LANGS, Problems, join_lines

PRACTICE_TEXTS = ("name", "description", "examples", "examples_note", "liability_note")
OBLIGATION_TEXTS = ("obligation", "trigger", "evidence", "note", "liability_note", "recommendation")
SECTIONS = ("versions", "provisions", "practices", "obligations")


def ru_sha(text: str) -> str:
    """SHA-1 of the stripped Russian text, first 10 hex digits (README); a list field
    (examples, evidence) is hashed as the fixture stores it: one item a line."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:10]


def targets(fixture: dict) -> dict[tuple, tuple[dict, dict, str]]:
    """{path: (the field's {lang: text}, the record owning it, field name)} of every text
    a translation may name."""
    out: dict[tuple, tuple[dict, dict, str]] = {}
    for act in fixture["acts"]:
        for version in act["versions"]:
            # A version's label is ours whatever the language (not law): nothing to mark.
            label = ("versions", f"{act['slug']}@{version['code']}", "label")
            out[label] = (version["label"], version, "label")
            for unit in version["provisions"]:
                for name in UNIT_TEXTS:
                    out[("provisions", f"{act['slug']}@{version['code']}", unit["eid"], name)] = (
                        unit[name],
                        unit,
                        name,
                    )
    for section, names in (("practices", PRACTICE_TEXTS), ("obligations", OBLIGATION_TEXTS)):
        for record in fixture[section]:
            for name in names:
                out[(section, record["slug"], name)] = (record[name], record, name)
            seen: Counter = Counter()
            for ref in record["references"]:
                key = f"{ref['act']}/{ref['eid']}"
                seen[key] += 1
                if seen[key] > 1:
                    key += f"#{seen[key]}"
                out[(section, record["slug"], "references", key)] = (ref["note"], ref, "note")
    return out


def read_translations(kk_dir: Path, problems: Problems) -> dict[tuple, tuple[str, dict]]:
    """{path: (file name, entry)} from every file, each path once."""
    found: dict[tuple, tuple[str, dict]] = {}
    for path in sorted(kk_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError as exc:
            problems.add(f"kb_kk/{path.name}", f"not valid JSON (line {exc.lineno}: {exc.msg})")
            continue
        if not isinstance(data, dict):
            problems.add(f"kb_kk/{path.name}", "expected an object")
            continue
        for section, body in data.items():
            if section.startswith("_"):
                continue
            if section not in SECTIONS:
                problems.add(f"kb_kk/{path.name}", f"unknown section {section!r} (one of {list(SECTIONS)})")
                continue
            for key, entry in leaves(body, (section,)):
                if key in found:
                    problems.add(f"kb_kk/{path.name}: {'/'.join(key)}", f"also in kb_kk/{found[key][0]}")
                found[key] = (path.name, entry)
    return found


def leaves(node, path: tuple):
    """Walk nested objects down to the {"kk", "ru_sha"} entries."""
    if isinstance(node, dict) and ("kk" in node or "ru_sha" in node):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("_"):
                yield from leaves(value, (*path, key))
    else:
        yield path, node


def merge_translations(fixture: dict, kk_dir: Path | None, problems: Problems) -> Counter:
    """Put our translations into `fixture`; returns counts ("used", "research kk wins")."""
    counts: Counter = Counter()
    if kk_dir is None:
        return counts
    if not kk_dir.is_dir():
        problems.add(str(kk_dir), "no such folder of translations")
        return counts
    known = targets(fixture)
    for path, (file_name, entry) in sorted(read_translations(kk_dir, problems).items()):
        where = f"kb_kk/{file_name}: {'/'.join(path)}"
        if path not in known:
            problems.add(
                where, "the research data has no such text (unknown record, unit, field or reference)"
            )
            continue
        values, owner, name = known[path]
        kk = entry.get("kk") if isinstance(entry, dict) else None
        kk = join_lines(kk) if isinstance(kk, list) else kk
        if not isinstance(kk, str) or not kk.strip() or not isinstance(entry.get("ru_sha"), str):
            problems.add(where, 'expected {"kk": "<text>", "ru_sha": "<10 hex digits>"}')
            continue
        extra = set(entry) - {"kk", "ru_sha"} - {k for k in entry if k.startswith("_")}
        if extra:
            problems.add(where, f"unknown keys {sorted(extra)}")
        if "kk" in values:
            counts["research kk wins"] += 1
            continue
        if "ru" not in values:
            problems.add(where, "the research data has no Russian text here to translate")
            continue
        current = ru_sha(values["ru"])
        if entry["ru_sha"] != current:
            problems.add(
                where,
                f"ru_sha {entry['ru_sha']} is stale: the Russian text changed (now {current})",
            )
            continue
        merged = {**values, "kk": kk.strip()}
        owner[name] = {lang: merged[lang] for lang in LANGS if lang in merged}
        if "our_translations" in owner:
            owner["our_translations"] = sorted({*owner["our_translations"], f"{name}_kk"})
        counts["used"] += 1
    return counts
