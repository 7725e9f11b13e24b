"""МРП (research mrp.json) and fines (scripts/kb_fines.json) in the builder: every amount
is checked against the unit's Russian sanction, so a typo or a guessed category is refused."""

import json

import pytest

from tests.legal.test_build_kb_fixtures import (
    SRC,
    adopted_units,
    build_kb_fixtures,
    research_data,
    unit,
    write_research,
)

PART_1 = (
    "физические лица 15 МРП; субъекты малого предпринимательства или НКО 20 МРП; "
    "субъекты среднего предпринимательства 30 МРП; субъекты крупного предпринимательства 1 000 МРП"
)
PART_2 = (
    "физические лица 30 МРП; малый бизнес или НКО 50 МРП; средний бизнес 70 МРП; крупный бизнес 2 000 МРП"
)


def fines_data() -> dict:
    data = research_data()
    art_3 = adopted_units(data)["art_3"]
    art_3["children"][0]["sanction"] = {"ru": PART_1}
    art_3["children"].append(unit("art_3__para_2", "2", "para", sanction={"ru": PART_2}))
    data["mrp"] = {
        "what": "МРП",
        "values": [
            {
                "year": 2026,
                "tenge": 4325,
                "confidence": "secondary",
                "sources": SRC,
                "note": {"ru": "По СМИ."},
            },
            {"year": 2025, "tenge": 3932, "confidence": "secondary", "sources": SRC},
        ],
    }
    return data


def entry(eid="art_3__para_1", amounts=None, repeat="art_3__para_2", **extra):
    if amounts is None:
        amounts = {"individual": 15, "small": 20, "nonprofit": 20, "medium": 30, "large": 1000}
    return {
        "act": "ai-law",
        "eid": eid,
        "amounts": amounts,
        "repeat": repeat,
        "note": {"ru": "Примечание."},
        **extra,
    }


REPEAT = entry("art_3__para_2", {"large": 2000, "individual": 30}, None)


def build(tmp_path, fines: list, data: dict | None = None):
    kb_dir = write_research(tmp_path / "kb", data or fines_data())
    path = tmp_path / "kb_fines.json"
    path.write_text(json.dumps({"_comment": "test", "fines": fines}, ensure_ascii=False), "utf-8")
    return build_kb_fixtures.build(kb_dir, fines=path)


def test_fines_and_mrp_are_built(tmp_path):
    fixture, problems = build(tmp_path, [entry(), REPEAT])
    assert not problems
    first, repeat = fixture["fines"]
    assert first == {
        "act": "ai-law",
        "version": "2025-11-17",
        "eid": "art_3__para_1",
        # In OffenderCategory order, whatever the file's order.
        "amounts": {"individual": 15, "small": 20, "medium": 30, "large": 1000, "nonprofit": 20},
        "repeat": "art_3__para_2",
        "note": {"ru": "Примечание."},
    }
    assert repeat["amounts"] == {"individual": 30, "large": 2000} and repeat["repeat"] is None
    assert fixture["mrp"] == [
        {"year": 2025, "tenge": 3932, "confidence": "secondary", "sources": SRC, "note": {}},
        {"year": 2026, "tenge": 4325, "confidence": "secondary", "sources": SRC, "note": {"ru": "По СМИ."}},
    ]


@pytest.mark.parametrize(
    "fines, message",
    [
        # A typo: 150 is not in the text.
        ([entry(amounts={"individual": 150}), REPEAT], "individual: 150 МРП does not appear"),
        ([entry(amounts={"large": 100}), REPEAT], "large: 100 МРП does not appear"),
        ([entry(amounts={"officials": 20}), REPEAT], "unknown category 'officials'"),
        ([entry(amounts={"small": "20"}), REPEAT], "small: '20' is not a positive whole number"),
        ([entry(amounts={}), REPEAT], "amounts must be an object"),
        ([entry(eid="art_3__para_9"), REPEAT], "ai-law@2025-11-17 has no provision 'art_3__para_9'"),
        ([entry(repeat="art_3__para_7"), REPEAT], "repeat 'art_3__para_7' is not another unit"),
        ([entry(repeat="art_3__para_1"), REPEAT], "repeat 'art_3__para_1' is not another unit"),
        ([entry()], "repeat art_3__para_2 has no entry of its own"),
        ([entry(), REPEAT, REPEAT], "the unit already has an entry ([1])"),
        ([entry(eid="art_2", amounts={"individual": 2}, repeat=None)], "has no Russian sanction text"),
        ([entry(note={"en": "Only English."}), REPEAT], "note: has English but no Russian"),
    ],
)
def test_wrong_fines_are_refused(tmp_path, fines, message):
    _, problems = build(tmp_path, fines)
    assert any(message in problem for problem in problems), problems


def test_a_category_the_sanction_does_not_name_is_refused(tmp_path):
    data = fines_data()
    adopted_units(data)["art_3"]["children"][0]["sanction"] = {
        "ru": "должностные лица 20 МРП; крупный бизнес 100 МРП"
    }
    _, problems = build(tmp_path, [entry(amounts={"individual": 20, "large": 100}), REPEAT], data)
    assert any("individual: the unit's Russian sanction does not name this category" in p for p in problems)
    assert not any("large:" in p for p in problems), problems


@pytest.mark.parametrize(
    "values, message",
    [
        (
            [{"year": 2026, "tenge": 1, "confidence": "secondary", "sources": SRC}] * 2,
            "the year is listed twice",
        ),
        ([{"year": "2026", "tenge": 1, "confidence": "secondary", "sources": SRC}], "is not a year"),
        (
            [{"year": 2026, "tenge": 0, "confidence": "secondary", "sources": SRC}],
            "tenge 0 is not a positive",
        ),
        ([{"year": 2026, "tenge": 1, "confidence": "secondary", "sources": []}], "no sources"),
        (
            [{"year": 2026, "tenge": 1, "confidence": "verified", "sources": SRC, "note": {"en": "x"}}],
            "has English but no Russian",
        ),
    ],
)
def test_wrong_mrp_is_refused(tmp_path, values, message):
    data = fines_data()
    data["mrp"]["values"] = values
    _, problems = build(tmp_path, [], data)
    assert any(message in problem for problem in problems), problems


def test_without_mrp_file_there_are_no_years(tmp_path):
    data = fines_data()
    del data["mrp"]
    fixture, problems = build(tmp_path, [], data)
    assert not problems and fixture["mrp"] == []


def test_numbers_read_thousands_with_spaces():
    from kbbuild.fines import numbers  # importable once the builder script ran

    assert {1000, 2000, 15} <= numbers("15 МРП; 1 000 МРП; 2\u00a0000 МРП")
