"""scripts/build_kb_fixtures.py on small research folders made here (never the real one).

`research()` writes a folder; `research_data()` gives its content to edit first (hostile
data). tests/legal/test_kb_translations.py and test_kb_fines.py use them too.
"""

import importlib.util
import json
from pathlib import Path

import pytest
from django.conf import settings

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "build_kb_fixtures.py"
spec = importlib.util.spec_from_file_location("build_kb_fixtures", SCRIPT)
build_kb_fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_kb_fixtures)

SRC = ["https://example.org/source"]


def unit(eid, num, type_="article", children=(), **extra):
    return {
        "type": type_,
        "eid": eid,
        "num": num,
        "title": {"ru": f"Статья {num}"},
        "summary": {"ru": "Изложение."},
        "confidence": "verified",
        "sources": SRC,
        "children": list(children),
        **extra,
    }


def research_data(*, practice_eid="art_2__para_1", unit_sources=SRC, draft_target="art_2") -> dict:
    """A tiny AI law (a draft and the adopted text), one practice, one obligation."""
    act = {
        "slug": "ai-law",
        "kind": "law",
        "number": "230-VIII",
        "adopted": "2025-11-17",
        "title": {"ru": "Об искусственном интеллекте", "kk": "Жасанды интеллект туралы"},
        "short_name": {"ru": "Закон об ИИ"},
        "citation_aliases": ["Закон об ИИ"],
        "adilet_id": "Z1",
        "official_urls": {"ru": "https://adilet.zan.kz/rus/docs/Z1"},
        "translation_urls": {"en": "https://adilet.zan.kz/eng/docs/Z1"},
        "partial": False,
        "versions": [
            {
                "id": "draft-2025-01",
                "status": "draft",
                "date": "2025-01",
                "in_force_from": None,
                "label": {"ru": "Проект"},
                "sources": SRC,
                "units": [unit("unk_x", None, corresponds_to=draft_target)],
            },
            {
                "id": "2025-11-17",
                "status": "in_force",
                "date": "2025-11-17",
                "in_force_from": "2026-01-18",
                "label": {"ru": "Закон"},
                "sources": SRC,
                "units": [
                    unit("art_1", "1", children=[unit("art_1__def_1", "1", "def")]),
                    {
                        **unit("art_2", "2", children=[unit("art_2__para_1", "1", "para")]),
                        "sources": unit_sources,
                    },
                    # Liability that reaches only owners and holders (a part inherits them).
                    unit(
                        "art_3",
                        "3",
                        duty_holders=["owner", "holder"],
                        sanction={"ru": "Штраф."},
                        children=[unit("art_3__para_1", "1", "para", sanction={"ru": "Штраф."})],
                    ),
                ],
            },
        ],
        "version_notes": [
            {
                "eid": "art_2",
                "from": "draft-2025-01",
                "to": "2025-11-17",
                "change": {"ru": "Изменено."},
                "confidence": "secondary",
                "sources": SRC,
            }
        ],
    }
    practice = {
        "slug": "p",
        "name": {"ru": "Практика"},
        "description": {"ru": "Описание"},
        "legal_basis": [{"act": "ai-law", "version": "2025-11-17", "eid": practice_eid}],
        "related_liability": [
            {"act": "ai-law", "version": "2025-11-17", "eid": "art_3", "note": {"ru": "Если был вред."}}
        ],
        "liability_note": {"ru": "Особой санкции нет.", "en": "No specific sanction."},
        "examples": {"ru": ["Пример один", "Пример два"]},
        "confidence": "verified",
        "sources": SRC,
    }
    obligation = {
        "slug": "o",
        "duty_holders": ["owner"],
        "trigger": {"ru": "Когда"},
        "obligation": {"ru": "Что"},
        "recommendation": {"ru": "Совет, не обязанность.", "en": "Advice, not a duty."},
        "basis": [{"act": "ai-law", "eid": "art_2"}],
        "evidence": {"ru": ["Документ"]},
        "liability": [
            {"act": "ai-law", "eid": "art_3__para_1", "note": {"ru": "Условие.", "confidence": "secondary"}}
        ],
        "risk_levels": "all",
        "confidence": "secondary",
        "sources": SRC,
    }
    return {"acts": {"ai-law": act}, "practices": [practice], "obligations": [obligation]}


def write_research(tmp_path: Path, data: dict) -> Path:
    (tmp_path / "acts").mkdir(parents=True, exist_ok=True)
    for slug, act in data["acts"].items():
        (tmp_path / "acts" / f"{slug}.json").write_text(json.dumps(act, ensure_ascii=False), "utf-8")
    for name, key in (("prohibited-practices.json", "practices"), ("obligations.json", "obligations")):
        (tmp_path / name).write_text(json.dumps(data[key], ensure_ascii=False), "utf-8")
    if "mrp" in data:
        (tmp_path / "mrp.json").write_text(json.dumps(data["mrp"], ensure_ascii=False), "utf-8")
    return tmp_path


def research(tmp_path, **kwargs):
    return write_research(tmp_path, research_data(**kwargs))


def adopted_units(data: dict) -> dict:
    """{eid: unit} of the adopted AI law in `data`, to edit."""
    found = {}

    def walk(units):
        for item in units:
            found[item["eid"]] = item
            walk(item["children"])

    walk(data["acts"]["ai-law"]["versions"][1]["units"])
    return found


def cli(tmp_path: Path, kb_dir: Path, output: Path, *extra: str) -> int:
    """main() without the project's own translations and fines (they name the real acts)."""
    empty = tmp_path / "no-kk"
    empty.mkdir(exist_ok=True)
    fines = tmp_path / "no-fines.json"
    fines.write_text('{"fines": []}', "utf-8")
    return build_kb_fixtures.main(
        [str(kb_dir), "--output", str(output), "--kk", str(empty), "--fines", str(fines), *extra]
    )


def test_builds_a_fixture_from_research_data(tmp_path):
    fixture, problems = build_kb_fixtures.build(research(tmp_path))
    assert not problems
    (act,) = fixture["acts"]
    draft, adopted = act["versions"]
    assert draft["date"] == "2025-01-01" and draft["date_precision"] == "month"
    assert [(p["eid"], p["parent"]) for p in adopted["provisions"]] == [
        ("art_1", None),
        ("art_1__def_1", "art_1"),
        ("art_2", None),
        ("art_2__para_1", "art_2"),
        ("art_3", None),
        ("art_3__para_1", "art_3"),
    ]
    assert draft["provisions"][0]["num"] == ""
    assert fixture["links"] == [
        {
            "source": {"act": "ai-law", "version": "draft-2025-01", "eid": "unk_x"},
            "target": {"act": "ai-law", "version": "2025-11-17", "eid": "art_2"},
            "kind": "corresponds_to",
            "note": {},
            "confidence": "verified",
            "sources": SRC,
        }
    ]
    assert fixture["terms"] == [
        {"act": "ai-law", "version": "2025-11-17", "eid": "art_1__def_1", "term": {"ru": "Статья 1"}}
    ]
    # An obligation without a version refers to the act's current (latest non-draft) text.
    assert fixture["obligations"][0]["references"][0]["version"] == "2025-11-17"
    assert fixture["obligations"][0]["risk_levels"] == ["minimal", "medium", "high"]
    assert fixture["practices"][0]["examples"] == {"ru": "Пример один\nПример два"}
    assert act["citation_name"]["ru"] == (
        "Закона Республики Казахстан от 17 ноября 2025 года № 230-VIII «Об искусственном интеллекте»"
    )
    assert fixture["mrp"] == [] and fixture["fines"] == []


def test_new_research_fields_are_carried(tmp_path):
    data = research_data()
    units = adopted_units(data)
    del units["art_2"]["title"]  # no official heading seen: the builder must not demand one
    units["art_2"]["title_note"] = {"ru": "Официальный заголовок не видели.", "en": "Heading not seen."}
    fixture, problems = build_kb_fixtures.build(write_research(tmp_path, data))
    assert not problems
    (act,) = fixture["acts"]
    assert act["official_urls"] == {"ru": "https://adilet.zan.kz/rus/docs/Z1"}
    assert act["translation_urls"] == {"en": "https://adilet.zan.kz/eng/docs/Z1"}
    art_2 = next(p for p in act["versions"][1]["provisions"] if p["eid"] == "art_2")
    assert art_2["title"] == {} and art_2["title_note"]["ru"] == "Официальный заголовок не видели."
    assert art_2["our_translations"] == []
    (practice,) = fixture["practices"]
    assert practice["liability_note"] == {"ru": "Особой санкции нет.", "en": "No specific sanction."}
    assert practice["references"][1]["note"] == {"ru": "Если был вред."}
    (obligation,) = fixture["obligations"]
    assert obligation["recommendation"] == {"ru": "Совет, не обязанность.", "en": "Advice, not a duty."}
    liability = obligation["references"][1]
    assert (liability["role"], liability["note"], liability["confidence"]) == (
        "liability",
        {"ru": "Условие."},
        "secondary",
    )


def english_only(data, target):
    """Make one displayed text of `data` English-only."""
    units = adopted_units(data)
    practice, obligation = data["practices"][0], data["obligations"][0]
    act = data["acts"]["ai-law"]
    places = {
        "unit title": (units["art_2"], "title"),
        "unit summary": (units["art_2"], "summary"),
        "unit sanction": (units["art_3"], "sanction"),
        "status note": (units["art_2"], "status_note"),
        "title note": (units["art_2"], "title_note"),
        "version label": (act["versions"][1], "label"),
        "version note": (act["versions"][1], "note"),
        "version change": (act["version_notes"][0], "change"),
        "act title": (act, "title"),
        "practice name": (practice, "name"),
        "practice description": (practice, "description"),
        "liability note": (practice, "liability_note"),
        "examples note": (practice, "examples_note"),
        "obligation": (obligation, "obligation"),
        "trigger": (obligation, "trigger"),
        "recommendation": (obligation, "recommendation"),
        "reference note": (obligation["liability"][0], "note"),
    }
    record, key = places[target]
    record[key] = {"en": "Only in English."}
    return record


@pytest.mark.parametrize(
    "target",
    [
        "unit title",
        "unit summary",
        "unit sanction",
        "status note",
        "title note",
        "version label",
        "version note",
        "version change",
        "act title",
        "practice name",
        "practice description",
        "liability note",
        "examples note",
        "obligation",
        "trigger",
        "recommendation",
        "reference note",
    ],
)
def test_text_only_in_english_is_refused(tmp_path, capsys, target):
    data = research_data()
    english_only(data, target)
    output = tmp_path / "out.json"
    assert cli(tmp_path, write_research(tmp_path / "kb", data), output) == 1
    assert "has English but no Russian text" in capsys.readouterr().err
    assert not output.exists()


def test_examples_only_in_english_are_refused_and_kazakh_with_english_still_needs_russian(tmp_path):
    data = research_data()
    data["practices"][0]["examples"] = {"en": ["Example"]}
    adopted_units(data)["art_2"]["title"] = {"kk": "Қазақша", "en": "English"}
    _, problems = build_kb_fixtures.build(write_research(tmp_path, data))
    assert any("practice p.examples: has English but no Russian" in p for p in problems), problems
    assert any("art_2.title: has English but no Russian" in p for p in problems), problems


def test_an_official_kazakh_heading_alone_is_allowed(tmp_path):
    data = research_data()
    adopted_units(data)["art_2"]["title"] = {"kk": "Онлайн-платформалар туралы"}
    fixture, problems = build_kb_fixtures.build(write_research(tmp_path, data))
    assert not problems
    art_2 = next(p for p in fixture["acts"][0]["versions"][1]["provisions"] if p["eid"] == "art_2")
    assert art_2["title"] == {"kk": "Онлайн-платформалар туралы"}


def test_an_english_page_is_never_listed_as_official(tmp_path):
    data = research_data()
    data["acts"]["ai-law"]["official_urls"]["en"] = "https://adilet.zan.kz/eng/docs/Z1"
    _, problems = build_kb_fixtures.build(write_research(tmp_path, data))
    assert any("ai-law.official_urls: 'en' is not one of" in p for p in problems), problems


def test_a_duty_linked_to_liability_that_does_not_reach_its_holders_is_refused(tmp_path, capsys):
    data = research_data()
    data["obligations"][0]["duty_holders"] = ["user"]  # users' duty, owners-only article
    output = tmp_path / "out.json"
    assert cli(tmp_path, write_research(tmp_path / "kb", data), output) == 1
    err = capsys.readouterr().err
    assert (
        "obligation o: o binds user, but its liability ai-law/art_3__para_1 reaches only holder, owner" in err
    )
    assert not output.exists()


def test_liability_reaching_anyone_or_one_of_the_holders_is_accepted(tmp_path):
    data = research_data()
    data["obligations"][0]["duty_holders"] = ["user", "holder"]
    data["obligations"][0]["liability"].append({"act": "ai-law", "eid": "art_2"})  # names no one: anyone
    _, problems = build_kb_fixtures.build(write_research(tmp_path, data))
    assert not problems


@pytest.mark.parametrize(
    "kwargs, problem",
    [
        ({"practice_eid": "art_99"}, "ai-law@2025-11-17 has no provision 'art_99'"),
        ({"unit_sources": []}, "ai-law@2025-11-17/art_2: no sources"),
        ({"draft_target": "art_42"}, "'art_42' must be in exactly one other version"),
    ],
)
def test_problems_are_reported_and_nothing_is_written(tmp_path, capsys, kwargs, problem):
    (tmp_path / "kb").mkdir()
    kb_dir = research(tmp_path / "kb", **kwargs)
    output = tmp_path / "out.json"
    assert cli(tmp_path, kb_dir, output) == 1
    assert problem in capsys.readouterr().err
    assert not output.exists()


def test_same_input_same_bytes(tmp_path, capsys):
    (tmp_path / "kb").mkdir()
    kb_dir = research(tmp_path / "kb")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert cli(tmp_path, kb_dir, first) == 0
    assert cli(tmp_path, kb_dir, second) == 0
    assert first.read_bytes() == second.read_bytes()
    assert "1 acts, 7 provisions" in capsys.readouterr().out
