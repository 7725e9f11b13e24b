#!/usr/bin/env python3
"""Build fixtures/kb.json, the knowledge-base fixture, from the research data.

    python scripts/build_kb_fixtures.py KB_DIR [--output fixtures/kb.json]

KB_DIR is the research folder (acts/*.json, prohibited-practices.json, obligations.json;
its SCHEMA.md describes them). The application never reads KB_DIR: it loads the fixture
this script writes (`manage.py load_kb`). The script checks the research data as it goes
(every eid a reference names must exist, every provision needs a confidence and a source)
and stops with a list of problems instead of writing a fixture that would not load.

Deterministic: the same research data gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

FORMAT = 1
LANGS = ("ru", "kk", "en")
CONFIDENCE = {"verified", "secondary", "unverified"}
UNIT_TYPES = {"part", "section", "chapter", "paragraph", "article", "para", "subpara", "def"}
ACT_KINDS = {"law", "code", "constitutional_law", "amending_law"}
STATUSES = {"draft", "adopted", "in_force", "repealed"}
EID_RE = re.compile(r"^[a-z]+(?:_[0-9A-Za-z-]+)*(?:__[a-z]+(?:_[0-9A-Za-z-]+)*)*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

MONTHS_RU_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
MONTHS_KK_LOC = [
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
LAW_HEADS = {
    "law": {
        "ru": "Закона Республики Казахстан",
        "kk": "Қазақстан Республикасы Заңының",
        "en": "the Law of the Republic of Kazakhstan",
    },
    "amending_law": {
        "ru": "Закона Республики Казахстан",
        "kk": "Қазақстан Республикасы Заңының",
        "en": "the Law of the Republic of Kazakhstan",
    },
    "constitutional_law": {
        "ru": "Конституционного закона Республики Казахстан",
        "kk": "Қазақстан Республикасы Конституциялық заңының",
        "en": "the Constitutional Law of the Republic of Kazakhstan",
    },
}


class Problems(list):
    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


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
    return {
        lang: value[lang].strip()
        for lang in LANGS
        if isinstance(value.get(lang), str) and value[lang].strip()
    }


def lines_map(value, where: str, problems: Problems) -> dict[str, str]:
    """{lang: [item, …]} → {lang: "item\\nitem"} (one item a line, as the model stores it)."""
    if not value:
        return {}
    out = {}
    for lang in LANGS:
        items = value.get(lang) or []
        if not isinstance(items, list):
            problems.add(where, f"{lang} should be a list")
            continue
        cleaned = [" ".join(str(item).split()) for item in items if str(item).strip()]
        if cleaned:
            out[lang] = "\n".join(cleaned)
    return out


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


def citation_names(act: dict, editorial: dict, problems: Problems) -> dict[str, str]:
    """The act as it stands after a unit in a standard citation, per language (genitive)."""
    adopted, _ = parse_date(act.get("adopted"), act["slug"], problems)
    number = act.get("number") or ""
    title = act.get("title") or {}
    names = {}
    if act["kind"] == "code":
        heads = editorial["code_citation_heads"].get(act["slug"])
        if not heads:
            problems.add(
                act["slug"], "a code needs its genitive title in kb_editorial.json code_citation_heads"
            )
            return {}
        for lang in LANGS:
            head = heads.get(lang)
            if not head:
                continue
            if lang == "ru" and adopted:
                names[lang] = f"{head} от {format_date_ru(adopted)} года № {number}"
            elif lang == "en" and adopted:
                names[lang] = f"{head} No. {number} of {format_date_en(adopted)}"
            else:
                names[lang] = head
        return names
    heads = LAW_HEADS[act["kind"]]
    if title.get("ru") and adopted:
        names["ru"] = f"{heads['ru']} от {format_date_ru(adopted)} года № {number} «{title['ru']}»"
    if title.get("en") and adopted:
        names["en"] = f"{heads['en']} No. {number} of {format_date_en(adopted)} \u201c{title['en']}\u201d"
    if title.get("kk") and adopted:
        year, month, day = (int(x) for x in adopted.split("-"))
        names["kk"] = (
            f"Қазақстан Республикасының {year} жылғы {day} {MONTHS_KK_LOC[month - 1]} № {number} "
            f"«{title['kk']}» {heads['kk'].removeprefix('Қазақстан Республикасы ')}"
        )
    return names


def format_date_ru(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS_RU_GEN[month - 1]} {year}"


def format_date_en(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS_EN[month - 1]} {year}"


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
                    "title": lang_map(unit.get("title"), here + ".title", problems),
                    "summary": lang_map(unit.get("summary"), here + ".summary", problems),
                    "sanction": lang_map(unit.get("sanction"), here + ".sanction", problems),
                    "status_note": lang_map(unit.get("status_note"), here + ".status_note", problems),
                    "duty_holders": holders,
                    "confidence": confidence,
                    "sources": sources,
                    "corresponds_to": unit.get("corresponds_to"),
                }
            )
            walk(unit.get("children") or [], eid)

    walk(units, None)
    return flat


def build(kb_dir: Path) -> tuple[dict, Problems]:
    problems = Problems()
    editorial = json.loads((Path(__file__).with_name("kb_editorial.json")).read_text("utf-8"))
    duty_holder_codes = {holder["code"] for holder in editorial["duty_holders"]}
    order = {slug: index for index, slug in enumerate(editorial["act_order"])}

    raw_acts = [json.loads(path.read_text("utf-8")) for path in sorted((kb_dir / "acts").glob("*.json"))]
    raw_acts.sort(key=lambda act: (order.get(act.get("slug"), len(order)), act.get("slug", "")))
    acts, eids = [], {}
    for act in raw_acts:
        slug = act.get("slug") or "?"
        if act.get("kind") not in ACT_KINDS:
            problems.add(slug, f"unknown kind {act.get('kind')!r}")
            continue
        if slug not in order:
            problems.add(slug, "missing from act_order in kb_editorial.json")
        adopted, _ = parse_date(act.get("adopted"), slug + ".adopted", problems)
        confidence, sources = check_sourced(act, slug, problems, required=False)
        versions = []
        for version in act.get("versions") or []:
            code = version.get("id") or "?"
            where = f"{slug}@{code}"
            if version.get("status") not in STATUSES:
                problems.add(where, f"unknown status {version.get('status')!r}")
            if version.get("status") == "draft" and version.get("in_force_from"):
                problems.add(where, "a draft cannot be in force")
            date, precision = parse_date(version.get("date"), where + ".date", problems)
            provisions = build_provisions(version.get("units") or [], where, problems, duty_holder_codes)
            eids[(slug, code)] = {p["eid"] for p in provisions}
            versions.append(
                {
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
                    "provisions": provisions,
                }
            )
        acts.append(
            {
                "slug": slug,
                "kind": act["kind"],
                "numbering": editorial["numbering"].get(
                    slug, "parts" if act["kind"] == "code" else "paragraphs"
                ),
                "number": act.get("number") or "",
                "adopted": adopted,
                "title": lang_map(act.get("title"), slug + ".title", problems),
                "short_name": lang_map(act.get("short_name"), slug + ".short_name", problems),
                "citation_name": citation_names(act, editorial, problems),
                "citation_aliases": list(act.get("citation_aliases") or []),
                "adilet_id": act.get("adilet_id") or "",
                "official_urls": dict(act.get("official_urls") or {}),
                "publication": dict(act.get("publication") or {}),
                "partial": bool(act.get("partial")),
                "confidence": confidence,
                "sources": sources,
                "versions": versions,
                "version_notes": act.get("version_notes") or [],
            }
        )

    default_version = {
        act["slug"]: next((v["code"] for v in reversed(act["versions"]) if v["status"] != "draft"), None)
        for act in acts
    }

    def ref(raw: dict, where: str) -> dict | None:
        """Resolve {act, version?, eid}; a missing version means the act's current text."""
        act, eid = raw.get("act"), raw.get("eid")
        version = raw.get("version") or default_version.get(act)
        if (act, version) not in eids:
            problems.add(where, f"unknown act or version {act}@{version}")
            return None
        if eid not in eids[(act, version)]:
            problems.add(where, f"{act}@{version} has no provision {eid!r}")
            return None
        return {"act": act, "version": version, "eid": eid}

    links, notes = [], []
    for act in acts:
        codes = [v["code"] for v in act["versions"]]
        for version in act["versions"]:
            for provision in version["provisions"]:
                target_eid = provision.pop("corresponds_to")
                if not target_eid:
                    continue
                targets = [c for c in codes if c != version["code"] and target_eid in eids[(act["slug"], c)]]
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
        for index, note in enumerate(act.pop("version_notes")):
            where = f"{act['slug']}.version_notes[{index}]"
            to_code, from_code, eid = note.get("to"), note.get("from"), note.get("eid") or ""
            if to_code not in codes or (from_code and from_code not in codes):
                problems.add(where, f"unknown version {from_code} → {to_code}")
                continue
            if eid and eid not in eids[(act["slug"], to_code)]:
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

    terms = [
        {"act": act["slug"], "version": version["code"], "eid": p["eid"], "term": p["title"]}
        for act in acts
        for version in act["versions"]
        for p in version["provisions"]
        if p["type"] == "def" and p["title"]
    ]

    def references(record: dict, keys: dict[str, str], where: str) -> list[dict]:
        out = []
        for key, role in keys.items():
            for index, raw in enumerate(record.get(key) or []):
                resolved = ref(raw, f"{where}.{key}[{index}]")
                if resolved:
                    note = raw.get("note") or {}
                    out.append(
                        {
                            **resolved,
                            "role": role,
                            "note": lang_map(note, f"{where}.{key}[{index}].note", problems),
                            "confidence": note.get("confidence", "") if isinstance(note, dict) else "",
                        }
                    )
        return out

    practices = []
    for raw in json.loads((kb_dir / "prohibited-practices.json").read_text("utf-8")):
        where = f"practice {raw.get('slug')}"
        confidence, sources = check_sourced(raw, where, problems)
        practices.append(
            {
                "slug": raw["slug"],
                "name": lang_map(raw.get("name"), where, problems),
                "description": lang_map(raw.get("description"), where, problems),
                "examples": lines_map(raw.get("examples"), where, problems),
                "examples_note": lang_map(raw.get("examples_note"), where, problems),
                "confidence": confidence,
                "draft_confidence": raw.get("draft_confidence") or "",
                "sources": sources,
                "references": references(
                    raw,
                    {"legal_basis": "basis", "draft_basis": "draft_basis", "related_liability": "liability"},
                    where,
                ),
            }
        )

    obligations = []
    for raw in json.loads((kb_dir / "obligations.json").read_text("utf-8")):
        where = f"obligation {raw.get('slug')}"
        confidence, sources = check_sourced(raw, where, problems)
        levels = raw.get("risk_levels")
        levels = ["minimal", "medium", "high"] if levels == "all" else list(levels or [])
        if not levels or set(levels) - {"minimal", "medium", "high"}:
            problems.add(where, f"risk_levels {raw.get('risk_levels')!r}")
        for code in raw.get("duty_holders") or []:
            if code not in duty_holder_codes:
                problems.add(where, f"unknown duty holder {code!r}")
        obligations.append(
            {
                "slug": raw["slug"],
                "duty_holders": list(raw.get("duty_holders") or []),
                "obligation": lang_map(raw.get("obligation"), where, problems),
                "trigger": lang_map(raw.get("trigger"), where, problems),
                "evidence": lines_map(raw.get("evidence"), where, problems),
                "note": lang_map(raw.get("note"), where, problems),
                "liability_note": lang_map(raw.get("liability_note"), where, problems),
                "risk_levels": levels,
                "confidence": confidence,
                "sources": sources,
                "references": references(raw, {"basis": "basis", "liability": "liability"}, where),
            }
        )

    fixture = {
        "format": FORMAT,
        "duty_holders": editorial["duty_holders"],
        "acts": acts,
        "terms": terms,
        "links": links,
        "version_notes": notes,
        "practices": practices,
        "obligations": obligations,
    }
    return fixture, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kb_dir", type=Path, help="the research data folder (with acts/ and SCHEMA.md)")
    parser.add_argument(
        "--output", type=Path, default=Path(__file__).resolve().parent.parent / "fixtures" / "kb.json"
    )
    args = parser.parse_args(argv)
    if not (args.kb_dir / "acts").is_dir():
        parser.error(f"{args.kb_dir} has no acts/ folder")
    fixture, problems = build(args.kb_dir)
    if problems:
        print(f"{len(problems)} problem(s) in the research data; fixture not written:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    text = json.dumps(fixture, ensure_ascii=False, indent=1) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(args.output)
    count = sum(len(v["provisions"]) for a in fixture["acts"] for v in a["versions"])
    print(
        f"wrote {args.output}: {len(fixture['acts'])} acts, {count} provisions, "
        f"{len(fixture['terms'])} terms, "
        f"{len(fixture['practices'])} practices, {len(fixture['obligations'])} obligations, "
        f"{len(fixture['links'])} links, {len(fixture['version_notes'])} version notes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
