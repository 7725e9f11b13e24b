"""Our Kazakh translations (scripts/kb_kk/*.json, format in its README.md) in the builder:
merged as the `kk` value and listed in `our_translations`; research Kazakh wins; a stale or
misplaced translation is refused. Small data made here, never the project's own files."""

import hashlib
import json

from tests.legal.test_build_kb_fixtures import build_kb_fixtures, cli, research_data, write_research


def sha(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:10]


def kk(text: str, ru: str) -> dict:
    return {"kk": text, "ru_sha": sha(ru)}


def build(tmp_path, translations: dict | list[dict], data: dict | None = None):
    kb_dir = write_research(tmp_path / "kb", data or research_data())
    kk_dir = tmp_path / "kk"
    kk_dir.mkdir()
    for number, content in enumerate(translations if isinstance(translations, list) else [translations]):
        (kk_dir / f"{number}.json").write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return build_kb_fixtures.build(kb_dir, kk_dir=kk_dir)


def unit_of(fixture, eid):
    return next(p for p in fixture["acts"][0]["versions"][1]["provisions"] if p["eid"] == eid)


def test_translations_are_merged_and_listed_as_ours(tmp_path):
    data = research_data()
    data["practices"][0]["legal_basis"].append({"act": "ai-law", "version": "2025-11-17", "eid": "art_3"})
    data["practices"][0]["legal_basis"][1]["note"] = {"ru": "Основание."}
    translations = {
        "_comment": "ignored",
        "provisions": {
            "ai-law@2025-11-17": {
                "art_2": {"summary": kk("Баяндама.", "Изложение."), "title": kk("2-бап", "Статья 2")},
            }
        },
        "practices": {
            "p": {
                "name": kk("Тәжірибе", "Практика"),
                "examples": kk(["Бірінші мысал", "Екінші мысал"], "Пример один\nПример два"),
                "references": {
                    "ai-law/art_3": kk("Негіз.", "Основание."),
                    "ai-law/art_3#2": kk("Зиян болса.", "Если был вред."),
                },
            }
        },
        "obligations": {"o": {"recommendation": kk("Кеңес.", "Совет, не обязанность.")}},
    }
    fixture, problems = build(tmp_path, translations, data)
    assert not problems
    art_2 = unit_of(fixture, "art_2")
    assert art_2["summary"] == {"ru": "Изложение.", "kk": "Баяндама."}
    assert art_2["our_translations"] == ["summary_kk", "title_kk"]
    practice = fixture["practices"][0]
    assert (
        practice["name"]["kk"] == "Тәжірибе" and practice["examples"]["kk"] == "Бірінші мысал\nЕкінші мысал"
    )
    assert practice["our_translations"] == ["examples_kk", "name_kk"]
    # Keys count occurrences in research order: legal_basis, draft_basis, related_liability.
    first, second = (r for r in practice["references"] if r["eid"] == "art_3")
    assert (first["role"], first["note"]["kk"], first["our_translations"]) == ("basis", "Негіз.", ["note_kk"])
    assert (second["role"], second["note"]["kk"]) == ("liability", "Зиян болса.")
    obligation = fixture["obligations"][0]
    assert obligation["recommendation"] == {
        "ru": "Совет, не обязанность.",
        "kk": "Кеңес.",
        "en": "Advice, not a duty.",
    }
    assert obligation["our_translations"] == ["recommendation_kk"]
    # The defined term of a `def` unit is research data only, never our translation.
    assert fixture["terms"][0]["term"] == {"ru": "Статья 1"}


def test_kazakh_in_the_research_data_wins_over_ours(tmp_path):
    translations = {
        "provisions": {"ai-law@2025-11-17": {"art_2": {"title": kk("Біздің аударма", "Статья 2")}}}
    }
    data = research_data()
    data["acts"]["ai-law"]["versions"][1]["units"][1]["title"]["kk"] = "Ресми тақырып"
    fixture, problems = build(tmp_path, translations, data)
    assert not problems
    art_2 = unit_of(fixture, "art_2")
    assert art_2["title"]["kk"] == "Ресми тақырып" and art_2["our_translations"] == []


def test_a_stale_translation_is_refused_and_named(tmp_path, capsys):
    stale = {"provisions": {"ai-law@2025-11-17": {"art_2": {"summary": kk("Ескі.", "Старое изложение.")}}}}
    kb_dir = write_research(tmp_path / "kb", research_data())
    (tmp_path / "kk").mkdir()
    (tmp_path / "kk" / "ai-law.json").write_text(json.dumps(stale), "utf-8")
    output = tmp_path / "out.json"
    assert cli(tmp_path, kb_dir, output, "--kk", str(tmp_path / "kk")) == 1
    err = capsys.readouterr().err
    assert "kb_kk/ai-law.json: provisions/ai-law@2025-11-17/art_2/summary: ru_sha" in err
    assert "is stale" in err and not output.exists()


def test_a_translation_of_nothing_is_refused(tmp_path):
    translations = {
        "provisions": {
            "ai-law@2025-11-17": {"art_99": {"summary": kk("Жоқ.", "Нет.")}},
            "ai-law@1999": {"art_2": {"summary": kk("Жоқ.", "Нет.")}},
        },
        "practices": {"no-such-practice": {"name": kk("Жоқ.", "Нет.")}, "p": {"mood": kk("Жоқ.", "Нет.")}},
        "obligations": {"o": {"references": {"ai-law/art_2#2": kk("Жоқ.", "Нет.")}}},
        "cases": {},
    }
    _, problems = build(tmp_path, translations)
    for path in (
        "provisions/ai-law@2025-11-17/art_99/summary",
        "provisions/ai-law@1999/art_2/summary",
        "practices/no-such-practice/name",
        "practices/p/mood",
        "obligations/o/references/ai-law/art_2#2",
    ):
        assert any(path in p and "no such text" in p for p in problems), (path, problems)
    assert any("unknown section 'cases'" in p for p in problems)


def test_a_text_without_russian_cannot_be_translated_from_it(tmp_path):
    translations = {"provisions": {"ai-law@2025-11-17": {"art_2": {"sanction": kk("Айыппұл.", "Штраф.")}}}}
    _, problems = build(tmp_path, translations)
    assert any("art_2/sanction: the research data has no Russian text" in p for p in problems), problems


def test_malformed_and_duplicate_entries_are_refused(tmp_path):
    entry = {"provisions": {"ai-law@2025-11-17": {"art_2": {"summary": kk("Баяндама.", "Изложение.")}}}}
    broken = {"obligations": {"o": {"trigger": {"kk": "", "ru_sha": sha("Когда")}, "note": "text"}}}
    _, problems = build(tmp_path, [entry, entry, broken])
    assert any("art_2/summary: also in kb_kk/0.json" in p for p in problems), problems
    assert any("obligations/o/trigger: expected" in p for p in problems), problems
    assert any("obligations/o/note: expected" in p for p in problems), problems
