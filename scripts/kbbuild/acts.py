"""Acts, their versions and units, the links between versions, version notes and terms."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .citations import citation_names
from .common import Problems, check_sourced, lang_map, parse_date

UNIT_TYPES = {"part", "section", "chapter", "paragraph", "article", "para", "subpara", "def"}
ACT_KINDS = {"law", "code", "constitutional_law", "amending_law"}
STATUSES = {"draft", "adopted", "in_force", "repealed"}
EID_RE = re.compile(r"^[a-z]+(?:_[0-9A-Za-z-]+)*(?:__[a-z]+(?:_[0-9A-Za-z-]+)*)*$")
# The unit texts a page shows; `title` may be absent (no official heading seen).
UNIT_TEXTS = ("title", "summary", "sanction", "status_note", "title_note")


class Index:
    """Every unit of the built acts by (act, version, eid), to resolve references."""

    def __init__(self, acts: list[dict], problems: Problems):
        self.problems = problems
        self.units = {
            (act["slug"], version["code"], unit["eid"]): unit
            for act in acts
            for version in act["versions"]
            for unit in version["provisions"]
        }
        self.versions = {(act["slug"], v["code"]) for act in acts for v in act["versions"]}
        # A reference without a version means the act's latest non-draft text.
        self.default_version = {
            act["slug"]: next((v["code"] for v in reversed(act["versions"]) if v["status"] != "draft"), None)
            for act in acts
        }

    def ref(self, raw: dict, where: str) -> dict | None:
        """Resolve {act, version?, eid} to {act, version, eid}, or add a problem."""
        act, eid = raw.get("act"), raw.get("eid")
        version = raw.get("version") or self.default_version.get(act)
        if (act, version) not in self.versions:
            self.problems.add(where, f"unknown act or version {act}@{version}")
            return None
        if (act, version, eid) not in self.units:
            self.problems.add(where, f"{act}@{version} has no provision {eid!r}")
            return None
        return {"act": act, "version": version, "eid": eid}

    def holders(self, act: str, version: str) -> dict[str, list[str]]:
        """{eid: duty holders} of one version, as legal.reach expects."""
        return {
            eid: unit["duty_holders"] for (a, v, eid), unit in self.units.items() if (a, v) == (act, version)
        }


def build_provisions(units: list, where: str, problems: Problems, duty_holders: set[str]) -> list[dict]:
    """Flatten the unit tree into document order, each with its parent's eid."""
    flat: list[dict] = []
    seen: set[str] = set()

    def walk(nodes, parent):
        for unit in nodes:
            eid = unit.get("eid") or ""
            here = f"{where}/{eid or '?'}"
            if not EID_RE.match(eid):
                problems.add(here, f"eid {eid!r} is not in Akoma Ntoso style")
            if eid in seen:
                problems.add(here, "duplicate eid in this version")
            seen.add(eid)
            if unit.get("type") not in UNIT_TYPES:
                problems.add(here, f"unknown unit type {unit.get('type')!r}")
            num = unit.get("num")
            if num is None and not eid.startswith("unk_") and unit.get("type") not in {"paragraph"}:
                problems.add(here, "no number although the eid does not say 'unk_'")
            holders = list(unit.get("duty_holders") or [])
            for code in holders:
                if code not in duty_holders:
                    problems.add(here, f"unknown duty holder {code!r}")
            confidence, sources = check_sourced(unit, here, problems)
            flat.append(
                {
                    "eid": eid,
                    "parent": parent,
                    "type": unit.get("type"),
                    "num": "" if num is None else str(num),
                    **{name: lang_map(unit.get(name), f"{here}.{name}", problems) for name in UNIT_TEXTS},
                    "duty_holders": holders,
                    "confidence": confidence,
                    "sources": sources,
                    "our_translations": [],
                    "corresponds_to": unit.get("corresponds_to"),
                }
            )
            walk(unit.get("children") or [], eid)

    walk(units, None)
    return flat


def build_acts(kb_dir: Path, editorial: dict, problems: Problems) -> list[dict]:
    holder_codes = {holder["code"] for holder in editorial["duty_holders"]}
    order = {slug: index for index, slug in enumerate(editorial["act_order"])}
    raw_acts = [json.loads(path.read_text("utf-8")) for path in sorted((kb_dir / "acts").glob("*.json"))]
    raw_acts.sort(key=lambda act: (order.get(act.get("slug"), len(order)), act.get("slug", "")))
    acts = []
    for act in raw_acts:
        slug = act.get("slug") or "?"
        if act.get("kind") not in ACT_KINDS:
            problems.add(slug, f"unknown kind {act.get('kind')!r}")
            continue
        if slug not in order:
            problems.add(slug, "missing from act_order in kb_editorial.json")
        adopted, _ = parse_date(act.get("adopted"), slug + ".adopted", problems)
        confidence, sources = check_sourced(act, slug, problems, required=False)
        acts.append(
            {
                "slug": slug,
                "kind": act["kind"],
                "numbering": editorial["numbering"].get(
                    slug, "parts" if act["kind"] == "code" else "paragraphs"
                ),
                "number": act.get("number") or "",
                "numbering_group": editorial.get("numbering_groups", {}).get(slug, ""),
                "adopted": adopted,
                "title": lang_map(act.get("title"), slug + ".title", problems),
                "short_name": lang_map(act.get("short_name"), slug + ".short_name", problems),
                "citation_name": citation_names(act, editorial, problems),
                "citation_aliases": [
                    *(act.get("citation_aliases") or []),
                    *editorial.get("citation_aliases", {}).get(slug, []),
                ],
                "adilet_id": act.get("adilet_id") or "",
                "official_urls": urls(
                    act.get("official_urls"), slug + ".official_urls", ("ru", "kk"), problems
                ),
                "translation_urls": urls(
                    act.get("translation_urls"), slug + ".translation_urls", ("ru", "kk", "en"), problems
                ),
                "publication": dict(act.get("publication") or {}),
                "partial": bool(act.get("partial")),
                "confidence": confidence,
                "sources": sources,
                "versions": [
                    build_version(slug, v, holder_codes, problems) for v in act.get("versions") or []
                ],
                "version_notes": act.get("version_notes") or [],
            }
        )
    return acts


def urls(value, where: str, langs: tuple[str, ...], problems: Problems) -> dict[str, str]:
    """{lang: url}. Official texts exist only in ru and kk: an English page is an unofficial
    translation (`translation_urls`) and must never be listed, and so shown, as official."""
    value = value or {}
    if not isinstance(value, dict):
        problems.add(where, "expected an object {language: URL}")
        return {}
    for lang, url in value.items():
        if lang not in langs:
            problems.add(where, f"{lang!r} is not one of {list(langs)}")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            problems.add(where, f"{lang}: not a URL: {url!r}")
    return dict(value)


def build_version(slug: str, version: dict, holder_codes: set[str], problems: Problems) -> dict:
    code = version.get("id") or "?"
    where = f"{slug}@{code}"
    if version.get("status") not in STATUSES:
        problems.add(where, f"unknown status {version.get('status')!r}")
    if version.get("status") == "draft" and version.get("in_force_from"):
        problems.add(where, "a draft cannot be in force")
    date, precision = parse_date(version.get("date"), where + ".date", problems)
    return {
        "code": code,
        "status": version.get("status"),
        "date": date,
        "date_precision": precision,
        "in_force_from": parse_date(version.get("in_force_from"), where, problems)[0],
        "in_force_until": parse_date(version.get("in_force_until"), where, problems)[0],
        "consolidated_as_of": parse_date(version.get("consolidated_as_of"), where, problems)[0],
        "label": lang_map(version.get("label"), where + ".label", problems),
        "note": lang_map(version.get("note"), where + ".note", problems),
        "sources": list(version.get("sources") or []),
        "provisions": build_provisions(version.get("units") or [], where, problems, holder_codes),
    }


def build_links(acts: list[dict], index: Index, problems: Problems) -> list[dict]:
    """`corresponds_to` of a draft unit → a link to the one other version holding that eid."""
    links = []
    for act in acts:
        codes = [v["code"] for v in act["versions"]]
        for version in act["versions"]:
            for provision in version["provisions"]:
                target_eid = provision.pop("corresponds_to")
                if not target_eid:
                    continue
                targets = [
                    c for c in codes if c != version["code"] and (act["slug"], c, target_eid) in index.units
                ]
                where = f"{act['slug']}@{version['code']}/{provision['eid']}.corresponds_to"
                if len(targets) != 1:
                    problems.add(
                        where, f"{target_eid!r} must be in exactly one other version, found {targets}"
                    )
                    continue
                links.append(
                    {
                        "source": {"act": act["slug"], "version": version["code"], "eid": provision["eid"]},
                        "target": {"act": act["slug"], "version": targets[0], "eid": target_eid},
                        "kind": "corresponds_to",
                        "note": {},
                        "confidence": provision["confidence"],
                        "sources": provision["sources"],
                    }
                )
    return links


def build_version_notes(acts: list[dict], index: Index, problems: Problems) -> list[dict]:
    notes = []
    for act in acts:
        codes = [v["code"] for v in act["versions"]]
        for number, note in enumerate(act.pop("version_notes")):
            where = f"{act['slug']}.version_notes[{number}]"
            to_code, from_code, eid = note.get("to"), note.get("from"), note.get("eid") or ""
            if to_code not in codes or (from_code and from_code not in codes):
                problems.add(where, f"unknown version {from_code} → {to_code}")
                continue
            if eid and (act["slug"], to_code, eid) not in index.units:
                problems.add(where, f"{to_code} has no provision {eid!r}")
                continue
            confidence, sources = check_sourced(note, where, problems, required=False)
            notes.append(
                {
                    "act": act["slug"],
                    "eid": eid,
                    "from": from_code,
                    "to": to_code,
                    "change": lang_map(note.get("change"), where, problems),
                    "confidence": confidence,
                    "sources": sources,
                }
            )
    return notes


def build_terms(acts: list[dict]) -> list[dict]:
    """A `def` unit's title is its defined term (research data only: run before our translations)."""
    return [
        {"act": act["slug"], "version": version["code"], "eid": p["eid"], "term": dict(p["title"])}
        for act in acts
        for version in act["versions"]
        for p in version["provisions"]
        if p["type"] == "def" and p["title"]
    ]
