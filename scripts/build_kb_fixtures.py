#!/usr/bin/env python3
"""Build fixtures/kb.json, the knowledge-base fixture, from the research data.

    python scripts/build_kb_fixtures.py KB_DIR [--output fixtures/kb.json]
                                        [--kk scripts/kb_kk] [--fines scripts/kb_fines.json]

KB_DIR is the research folder (acts/*.json, prohibited-practices.json, obligations.json,
mrp.json; its SCHEMA.md describes them). The application never reads KB_DIR: it loads the
fixture this script writes (`manage.py load_kb`). Our own data is added from scripts/:
kb_editorial.json (act order, duty-holder labels, citation grammar), kb_kk/*.json (our
Kazakh translations) and kb_fines.json (fines in МРП per offender category). Everything is
checked as it goes (references resolve, facts are sourced, every displayed text has
Russian, a duty is only linked to liability that reaches its holder, translations match
the current Russian, fines match the sanction text); any problem stops the build with a
list and no fixture is written.

Deterministic: the same input gives the same bytes. The parts are in scripts/kbbuild/.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kbbuild.acts import Index, build_acts, build_links, build_terms, build_version_notes  # noqa: E402
from kbbuild.common import Problems  # noqa: E402
from kbbuild.fines import build_fines, build_mrp  # noqa: E402
from kbbuild.kk import merge_translations  # noqa: E402
from kbbuild.records import build_obligations, build_practices  # noqa: E402

FORMAT = 1
HERE = Path(__file__).resolve().parent
EDITORIAL = HERE / "kb_editorial.json"
KK_DIR = HERE / "kb_kk"
FINES = HERE / "kb_fines.json"


def build(kb_dir: Path, *, kk_dir: Path | None = None, fines: Path | None = None) -> tuple[dict, Problems]:
    """The fixture and the problems found. Without `kk_dir` / `fines` (tests' small
    research folders) there are no translations and no fines."""
    return build_with_counts(kb_dir, kk_dir=kk_dir, fines=fines)[:2]


def build_with_counts(
    kb_dir: Path, *, kk_dir: Path | None = None, fines: Path | None = None
) -> tuple[dict, Problems, Counter]:
    problems = Problems()
    editorial = json.loads(EDITORIAL.read_text("utf-8"))
    acts = build_acts(kb_dir, editorial, problems)
    index = Index(acts, problems)
    holder_codes = {holder["code"] for holder in editorial["duty_holders"]}
    fixture = {
        "format": FORMAT,
        "duty_holders": editorial["duty_holders"],
        "acts": acts,
        "terms": build_terms(acts),
        "links": build_links(acts, index, problems),
        "version_notes": build_version_notes(acts, index, problems),
        "practices": build_practices(kb_dir, index, problems),
        "obligations": build_obligations(kb_dir, index, holder_codes, problems),
        "mrp": build_mrp(kb_dir, problems),
        "fines": build_fines(fines, index, problems),
    }
    translations = merge_translations(fixture, kk_dir, problems)
    return fixture, problems, translations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kb_dir", type=Path, help="the research data folder (with acts/ and SCHEMA.md)")
    parser.add_argument("--output", type=Path, default=HERE.parent / "fixtures" / "kb.json")
    parser.add_argument(
        "--kk", type=Path, default=KK_DIR, help="our Kazakh translations (default: %(default)s)"
    )
    parser.add_argument("--fines", type=Path, default=FINES, help="fines in МРП (default: %(default)s)")
    args = parser.parse_args(argv)
    if not (args.kb_dir / "acts").is_dir():
        parser.error(f"{args.kb_dir} has no acts/ folder")
    fixture, problems, translations = build_with_counts(args.kb_dir, kk_dir=args.kk, fines=args.fines)
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
        f"{len(fixture['links'])} links, {len(fixture['version_notes'])} version notes, "
        f"{len(fixture['mrp'])} МРП years, {len(fixture['fines'])} fine schedules, "
        f"{translations['used']} of our Kazakh translations"
        + (
            f" ({translations['research kk wins']} not used: the research data has Kazakh)"
            if translations["research kk wins"]
            else ""
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
