"""scripts/build_kb_fixtures.py on small research folders made here (never the real one)."""

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


def research(tmp_path, *, practice_eid="art_2__para_1", unit_sources=SRC, draft_target="art_2"):
    (tmp_path / "acts").mkdir()
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
    (tmp_path / "acts" / "ai-law.json").write_text(json.dumps(act, ensure_ascii=False), "utf-8")
    practice = {
        "slug": "p",
        "name": {"ru": "Практика"},
        "description": {"ru": "Описание"},
        "legal_basis": [{"act": "ai-law", "version": "2025-11-17", "eid": practice_eid}],
        "examples": {"ru": ["Пример один", "Пример два"]},
        "confidence": "verified",
        "sources": SRC,
    }
    (tmp_path / "prohibited-practices.json").write_text(json.dumps([practice], ensure_ascii=False), "utf-8")
    obligation = {
        "slug": "o",
        "duty_holders": ["owner"],
        "trigger": {"ru": "Когда"},
        "obligation": {"ru": "Что"},
        "basis": [{"act": "ai-law", "eid": "art_2"}],
        "evidence": {"ru": ["Документ"]},
        "liability": [],
        "risk_levels": "all",
        "confidence": "secondary",
        "sources": SRC,
    }
    (tmp_path / "obligations.json").write_text(json.dumps([obligation], ensure_ascii=False), "utf-8")
    return tmp_path


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
    assert build_kb_fixtures.main([str(kb_dir), "--output", str(output)]) == 1
    assert problem in capsys.readouterr().err
    assert not output.exists()


def test_same_input_same_bytes(tmp_path):
    (tmp_path / "kb").mkdir()
    kb_dir = research(tmp_path / "kb")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert build_kb_fixtures.main([str(kb_dir), "--output", str(first)]) == 0
    assert build_kb_fixtures.main([str(kb_dir), "--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
