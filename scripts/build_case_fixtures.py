#!/usr/bin/env python3
"""Build fixtures/cases.json, the public case records, from the research data.

    python scripts/build_case_fixtures.py KB_DIR [--kb fixtures/kb.json] [--output fixtures/cases.json]

KB_DIR is the research folder; its cases.json is read (SCHEMA.md, "cases.json"). Every
reference is checked against the knowledge-base fixture (fixtures/kb.json, built by
build_kb_fixtures.py): each act and eid must exist there and each practice slug too. A
reference the knowledge base does not hold stops the build with a list of problems;
nothing is guessed. A reference names an act and an eid; it is pinned to the one
non-draft version of that act holding the eid (a reference may name `"version"` to
choose; an eid held by several non-draft versions must name one).

The application never reads KB_DIR: `manage.py load_cases` loads the fixture this script
writes. Deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kbbuild.common import Problems, check_sourced, lang_map, parse_date  # noqa: E402

FORMAT = 1
ROOT = Path(__file__).resolve().parent.parent
KINDS = {"court_case", "investigation", "regulator_warning", "incident", "legislative_event"}
TECHNIQUES = {"deepfake_video", "voice_clone", "synthetic_image", "chatbot", "other"}
RELATIONS = {"charged", "cited", "violated", "relevant"}
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")
RESERVED_SLUGS = {"new"}


def kb_index(kb: dict) -> tuple[dict[str, list[tuple[str, str, set[str]]]], set[str]]:
    """{act slug: [(version code, status, {eids})]}, {practice slugs} of the kb fixture."""
    acts = {
        act["slug"]: [
            (version["code"], version["status"], {p["eid"] for p in version["provisions"]})
            for version in act["versions"]
        ]
        for act in kb["acts"]
    }
    return acts, {practice["slug"] for practice in kb["practices"]}


def resolve(ref: dict, acts: dict, where: str, problems: Problems) -> dict | None:
    act, eid, wanted = ref.get("act"), ref.get("eid"), ref.get("version")
    relation = ref.get("relation")
    if relation not in RELATIONS:
        problems.add(where, f"relation {relation!r} is not one of {sorted(RELATIONS)}")
    if act not in acts:
        problems.add(where, f"act {act!r} is not in the knowledge base")
        return None
    versions = [(code, status) for code, status, eids in acts[act] if eid in eids]
    if wanted:
        versions = [(code, status) for code, status in versions if code == wanted]
    else:
        versions = [(code, status) for code, status in versions if status != "draft"]
    if not versions:
        at = f"version {wanted!r} of " if wanted else "an adopted version of "
        problems.add(where, f"{at}{act} has no provision {eid!r} in the knowledge base")
        return None
    if len(versions) > 1:
        problems.add(where, f"{act}/{eid} is in versions {[c for c, _ in versions]}: name one as \"version\"")
        return None
    return {"act": act, "version": versions[0][0], "eid": eid, "relation": relation}


def build(cases: list, kb: dict) -> tuple[list[dict], Problems]:
    problems = Problems()
    acts, practices = kb_index(kb)
    out, seen = [], set()
    if not isinstance(cases, list):
        problems.add("cases.json", "expected a list of cases")
        return [], problems
    for number, case in enumerate(cases):
        slug = case.get("slug")
        where = f"cases.json[{number}] {slug or '(no slug)'}"
        if not isinstance(slug, str) or not SLUG_RE.match(slug) or slug in RESERVED_SLUGS:
            problems.add(where, "slug must be letters, digits, '-' and '_' (and not 'new')")
        elif slug in seen:
            problems.add(where, "duplicate slug")
        seen.add(slug)
        date, precision = parse_date(case.get("date"), where + ".date", problems)
        if date is None:
            problems.add(where, "no date")
        if case.get("kind") not in KINDS:
            problems.add(where, f"kind {case.get('kind')!r} is not one of {sorted(KINDS)}")
        if case.get("technique") not in TECHNIQUES:
            problems.add(where, f"technique {case.get('technique')!r} is not one of {sorted(TECHNIQUES)}")
        title = lang_map(case.get("title"), where + ".title", problems)
        if not title:
            problems.add(where, "no title")
        confidence, sources = check_sourced(case, where, problems)
        references = [
            resolve(ref, acts, f"{where}.provisions[{i}]", problems)
            for i, ref in enumerate(case.get("provisions") or [])
        ]
        keys = [(r["act"], r["eid"], r["relation"]) for r in references if r]
        if len(keys) != len(set(keys)):
            problems.add(where, "a provision is listed twice with the same relation")
        for practice in case.get("prohibited_practices") or []:
            if practice not in practices:
                problems.add(where, f"practice {practice!r} is not in the knowledge base")
        out.append(
            {
                "slug": slug,
                "date": date,
                "date_precision": precision,
                "jurisdiction": case.get("jurisdiction") or "KZ",
                "kind": case.get("kind"),
                "technique": case.get("technique"),
                "title": title,
                "body": lang_map(case.get("summary"), where + ".summary", problems),
                "outcome": lang_map(case.get("outcome"), where + ".outcome", problems),
                "note": lang_map(case.get("note"), where + ".note", problems),
                "provisions": [r for r in references if r],
                "practices": list(case.get("prohibited_practices") or []),
                "confidence": confidence,
                "sources": sources,
            }
        )
    out.sort(key=lambda c: (str(c["slug"])))
    return out, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kb_dir", type=Path, help="the research data folder (with cases.json)")
    parser.add_argument("--kb", type=Path, default=ROOT / "fixtures" / "kb.json", help="the kb fixture")
    parser.add_argument("--output", type=Path, default=ROOT / "fixtures" / "cases.json")
    args = parser.parse_args(argv)
    source = args.kb_dir / "cases.json"
    if not source.is_file():
        parser.error(f"{args.kb_dir} has no cases.json")
    try:
        cases = json.loads(source.read_text("utf-8"))
        kb = json.loads(args.kb.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        parser.error(str(exc))
    records, problems = build(cases, kb)
    if problems:
        print(f"{len(problems)} problem(s) in the case data; fixture not written:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    text = json.dumps({"format": FORMAT, "cases": records}, ensure_ascii=False, indent=1) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(args.output)
    links = sum(len(c["provisions"]) for c in records)
    print(f"wrote {args.output}: {len(records)} cases, {links} provision references")
    return 0


if __name__ == "__main__":
    sys.exit(main())
