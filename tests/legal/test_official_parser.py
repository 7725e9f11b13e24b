"""The tree an official text reads into, in Russian and Kazakh, from txt, a saved page and a
.docx; and every bad layout reported with its code and line. (Invented acts: see
tests/legal/adilet_samples.py.)"""

# ruff: noqa: E501

import datetime

import pytest

from legal.official import parse, read_official_text
from legal.official.types import (
    ADDED,
    AMENDED,
    ERROR,
    EXCLUDED,
    NOTE_CONSTITUTIONAL_COURT,
    NOTE_IZPI,
    WARNING,
)
from tests.legal import adilet_samples as samples
from tests.legal.adilet_samples import line_of

D = datetime.date
FORMATS = {
    "txt": lambda text: text.encode(),
    "html": samples.as_html,
    "docx": samples.as_docx,
}


def _read(text: str, fmt: str = "txt", language=None):
    return read_official_text(FORMATS[fmt](text), f"act.{fmt}", language)


def _units(doc) -> dict:
    return {unit.eid: unit for unit in doc.walk()}


def _codes(doc, severity) -> list[str]:
    return [problem.code for problem in doc.problems if problem.severity == severity]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("name", "language"), [("LAW_RU", "ru"), ("LAW_KK", "kk")])
def test_law_reads_into_the_same_tree_from_every_format(name, language, fmt):
    text = getattr(samples, name)
    doc = _read(text, fmt)
    assert (doc.language, doc.format) == (language, fmt)
    assert [unit.eid for unit in doc.walk()] == samples.EXPECTED_LAW_EIDS
    assert doc.problems == []
    assert doc.units == _read(text).units  # the same tree as from plain text
    assert doc.text == text.rstrip("\n")


def test_law_header_title_preamble_and_signature():
    doc = _read(samples.LAW_RU)
    header = doc.header
    assert (header.kind, header.number, header.date, header.line) == ("law", "901-VIII", D(2025, 3, 5), 3)
    assert header.title == "О тестовых образцах"
    assert (
        doc.preamble == "Настоящий Закон регулирует отношения, возникающие при составлении тестовых образцов."
    )
    (amendment,) = doc.amendments
    assert (amendment.law_number, amendment.effective_from, amendment.line) == ("905-VIII", D(2026, 3, 1), 5)
    assert doc.signature.split("\n")[:2] == ["Президент", "Республики Казахстан К. ТЕСТОВ"]
    assert "Президент" not in "".join(unit.text + unit.wrap_up for unit in doc.walk())


def test_kazakh_header_and_two_line_signature():
    doc = _read(samples.LAW_KK)
    assert (doc.header.kind, doc.header.number, doc.header.date) == ("law", "901-VIII", D(2025, 3, 5))
    assert doc.header.title == "Тестілік үлгілер туралы"
    assert doc.signature.startswith("Қазақстан Республикасының\nПрезиденті К. ТЕСТОВ")


def test_law_units():
    doc = _read(samples.LAW_RU)
    units = _units(doc)
    chapter = units["chp_1"]
    assert (chapter.type, chapter.num, chapter.heading) == ("chapter", "1", "ОБЩИЕ ПОЛОЖЕНИЯ")
    art1 = units["art_1"]
    assert (art1.type, art1.num, art1.heading) == (
        "article",
        "1",
        "Основные понятия, используемые в настоящем Законе",
    )
    assert art1.text == "В настоящем Законе используются следующие основные понятия:"
    assert [(c.type, c.num, c.text) for c in art1.children][0] == (
        "def",
        "1",
        "образец – текст, составленный для проверки;",
    )
    assert units["art_2"].text == "Целью настоящего Закона является проверка чтения официальных текстов."
    assert units["art_2"].children == []
    point = units["art_3__para_1"]
    assert (point.type, point.num, point.text) == ("para", "1", "Образцы составляются на основе принципов:")
    assert point.wrap_up == "которые применяются совместно."
    assert (units["art_3__para_1__subpara_2"].type, units["art_3__para_1__subpara_2"].text) == (
        "subpara",
        "полноты,",
    )
    assert (
        units["art_3__para_2"].text
        == "Принципы не применяются к реальным актам.\nОбразец не является правом."
    )
    assert units["art_3__para_1"].line == line_of(doc.text, "1. Образцы")


def test_footnote_wrapped_over_three_lines_naming_two_laws():
    doc = _read(samples.LAW_RU)
    first, second = _units(doc)["art_3"].amendments
    assert [first.law_number, second.law_number] == ["905-VIII", "907-VIII"]
    assert (first.action, first.effective_from, second.effective_from) == (AMENDED, D(2026, 3, 1), None)
    assert first.text.endswith("после дня его первого официального опубликования).")
    assert first.line == line_of(doc.text, "Сноска. Статья 3")


@pytest.mark.parametrize(
    ("name", "words"), [("LAW_RU", "Исключена Законом РК"), ("LAW_KK", "Алып тасталды - ҚР")]
)
def test_repealed_article_and_point(name, words):
    units = _units(_read(getattr(samples, name)))
    article = units["art_4"]
    assert (article.repealed, article.heading, article.children) == (True, "", [])
    assert article.text.startswith(words)
    (amendment,) = article.amendments
    assert (amendment.action, amendment.law_number, amendment.law_date) == (
        EXCLUDED,
        "905-VIII",
        D(2026, 2, 1),
    )
    assert amendment.effective_from == D(2026, 3, 1)
    point = units["art_3__para_3"]
    assert point.repealed and point.amendments[0].action == EXCLUDED


@pytest.mark.parametrize("name", ["LAW_RU", "LAW_KK"])
def test_unnumbered_paragraphs_are_the_articles_parts(name):
    units = _units(_read(getattr(samples, name)))
    first, second = units["art_5__para_1"], units["art_5__para_2"]
    assert (first.num, second.num) == ("", "")
    assert [child.eid for child in second.children] == [
        "art_5__para_2__subpara_1",
        "art_5__para_2__subpara_2",
    ]
    assert second.wrap_up.endswith(("подписывается.", "қол қойылады."))
    assert units["art_5"].text == ""


def test_editorial_notes_are_not_law():
    for name in ("LAW_RU", "LAW_KK"):
        units = _units(_read(getattr(samples, name)))
        (izpi,) = units["art_5"].notes
        assert izpi.kind == NOTE_IZPI
        assert izpi.text in (
            "Статья 5 предусмотрена в тестовой редакции.",
            "5-бап тестілік редакцияда көзделген.",
        )
        (court,) = units["art_6"].notes
        assert court.kind == NOTE_CONSTITUTIONAL_COURT
        assert "Конституц" in court.text
        assert units["art_6"].text in ("Образцы проверяются читателем.", "Үлгілерді оқырман тексереді.")
        assert "ИЗПИ" not in units["art_5"].text + units["art_5__para_1"].text


@pytest.mark.parametrize("fmt", FORMATS)
def test_code_reads_into_the_same_tree_from_every_format(fmt):
    doc = _read(samples.CODE_RU, fmt)
    assert [unit.eid for unit in doc.walk()] == samples.EXPECTED_CODE_EIDS
    assert _codes(doc, WARNING) == samples.EXPECTED_CODE_WARNING_CODES
    assert _codes(doc, ERROR) == []
    assert doc.units == _read(samples.CODE_RU).units


def test_code_units():
    doc = _read(samples.CODE_RU)
    units = _units(doc)
    assert (doc.header.kind, doc.header.number, doc.header.title) == (
        "code",
        "950-VIII",
        "Тестовый кодекс Республики Казахстан",
    )
    assert (units["part_general"].type, units["part_general"].num) == ("part", "")
    assert units["sec_1"].heading == "ОСНОВНЫЕ ПОЛОЖЕНИЯ"
    assert units["chp_2"].heading == "ОТВЕТСТВЕННОСТЬ"  # the title on the line after «Глава 2.»
    assert (units["chp_2__subchp_1"].type, units["chp_2__subchp_1"].heading) == ("paragraph", "Общие условия")
    assert units["chp_2__subchp_1"].line > line_of(doc.text, "Параграф 1.")  # not the table of contents' line
    assert units["art_73-3__para_1"].text == "Нарушение порядка составления тестов –\nвлечет предупреждение."
    note = units["art_73-3__note_1"]
    assert note.type == "note"
    assert note.text.split("\n") == [
        "1. Для целей настоящей статьи тестовой единицей признается единица, установленная тестом.",
        "2. Повторность определяется в течение одного года.",
    ]
    assert units["art_641-1"].text.endswith("влечет штраф в размере пяти тестовых единиц.")


def test_code_footnotes_go_to_the_unit_whose_heading_they_follow():
    units = _units(_read(samples.CODE_RU))
    assert [(a.action, a.law_kind) for a in units["art_1__para_2"].amendments] == [(AMENDED, "code")]
    assert [(a.action, a.effective_from) for a in units["chp_2-1"].amendments] == [(ADDED, D(2026, 3, 1))]
    (added,) = units["art_73-3"].amendments
    assert (added.action, added.effective_from) == (ADDED, None)
    assert added.effective_note.startswith("вводится в действие по истечении десяти")


KK_CODE = """Тестілік кодекс

Қазақстан Республикасының Кодексі 2024 жылғы 3 шілдедегі № 950-VIII ҚРЗ.

ЖАЛПЫ БӨЛІМ

1-бөлім. НЕГІЗГІ ЕРЕЖЕЛЕР

1-тарау. КОДЕКСТІҢ МІНДЕТТЕРІ

1-параграф. Жалпы шарттар

1-бап. Осы Кодекстің міндеттері

1. Кодекс тестілік деректерге ғана қолданылады.
Ескертпе.
1. Тестілік бірлік тестпен белгіленеді.

ЕРЕКШЕ БӨЛІМ

2-бап. Тестілеу тәртібін бұзу

Тестілеу тәртібін бұзу –
ескерту жасауға әкеп соғады.

Қазақстан Республикасының Президенті К. ТЕСТОВ
"""


def test_kazakh_code_units():
    doc = _read(KK_CODE)
    assert (doc.language, doc.header.kind, doc.header.date) == ("kk", "code", D(2024, 7, 3))
    assert [unit.eid for unit in doc.walk()] == [
        "part_general", "sec_1", "chp_1", "chp_1__subchp_1", "art_1", "art_1__para_1", "art_1__note_1",
        "part_special", "art_2",
    ]  # fmt: skip
    assert _units(doc)["art_1__note_1"].text == "1. Тестілік бірлік тестпен белгіленеді."
    assert doc.signature == "Қазақстан Республикасының Президенті К. ТЕСТОВ"
    assert doc.problems == []


@pytest.mark.parametrize(
    ("header", "kind", "date", "number"),
    [
        (
            "Конституционный закон Республики Казахстан от 17.11.2025 № 230-VIII ЗРК.",
            "constitutional_law",
            D(2025, 11, 17),
            "230-VIII",
        ),
        ("Закон Республики Казахстан от 17 ноября 2025 года № 230-VIII.", "law", D(2025, 11, 17), "230-VIII"),
        ("Кодекс Республики Казахстан от 3 июля 2014 года № 226-V ЗРК", "code", D(2014, 7, 3), "226-V"),
        (
            "Қазақстан Республикасының Конституциялық заңы 2025 жылғы 17 қарашадағы № 230-VIII ҚРЗ.",
            "constitutional_law",
            D(2025, 11, 17),
            "230-VIII",
        ),
    ],
)
def test_header_variants_and_title_after_the_header(header, kind, date, number):
    doc = parse([header, "Тестовый заголовок", "", "Статья 1. Первая", "Текст.", "", "Президент"])
    assert (doc.header.kind, doc.header.date, doc.header.number) == (kind, date, number)
    assert doc.header.title == "Тестовый заголовок"
    assert doc.preamble == ""
    assert doc.problems == []


@pytest.mark.parametrize(
    ("title", "header", "kind", "date", "number"),
    [
        ("Тестовый закон", "Закон Республики Казахстан от 10 июня 1996 года N 6.", "law", D(1996, 6, 10), "6"),
        (
            "Тестовый кодекс Республики Казахстан (Общая часть)",
            "Принят Верховным Советом Республики Казахстан 27 декабря 1994 года",
            "code",
            D(1994, 12, 27),
            "",
        ),
        (
            "Қазақстан Республикасының Тестілік кодексі (Жалпы бөлім)",
            "Қазақстан Республикасының Жоғарғы Кеңесі 1994 жылғы 27 желтоқсанда қабылдаған",
            "code",
            D(1994, 12, 27),
            "",
        ),
    ],
)
def test_older_headers(title, header, kind, date, number):
    doc = parse([title, header, "", "Статья 1. Первая", "Текст.", "", "Президент"])
    assert (doc.header.kind, doc.header.date, doc.header.number, doc.header.title) == (kind, date, number, title)
    assert not doc.errors


def test_language_may_be_given():
    assert _read(samples.LAW_RU, language="kk").language == "kk"


# Bad layouts.


def _problem(doc, code):
    found = [problem for problem in doc.problems if problem.code == code]
    assert found, doc.problems
    return found[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_not_an_act(fmt):
    doc = _read(samples.NOT_AN_ACT_RU, fmt)
    assert set(_codes(doc, ERROR)) == {"no_header", "no_units"}


def test_truncated_text():
    doc = _read(samples.TRUNCATED_RU)
    problem = _problem(doc, "truncated")
    assert problem.severity == ERROR
    assert problem.line == line_of(doc.text, "1. Образцы составляются")
    assert "no_signature" not in _codes(doc, WARNING)


def test_text_cut_after_an_article_heading_is_truncated():
    doc = _read(samples.LAW_RU[: samples.LAW_RU.index("Образец составляется")])
    problem = _problem(doc, "truncated")
    assert "статьи 5" in problem.message
    assert "empty_article" not in _codes(doc, WARNING)


def test_unsigned_complete_text_is_a_warning():
    doc = _read(samples.UNSIGNED_RU)
    assert _codes(doc, ERROR) == []
    assert _problem(doc, "no_signature").severity == WARNING


def test_duplicated_article_names_both_lines():
    doc = _read(samples.DUPLICATED_ARTICLE_RU)
    problem = _problem(doc, "duplicate_article")
    first, second = line_of(doc.text, "Статья 2. Цель"), line_of(doc.text, "Статья 2. Составление")
    assert problem.severity == ERROR and problem.line == second
    assert f"{first}" in problem.message and f"{second}" in problem.message
    assert _codes(doc, ERROR) == ["duplicate_article"]  # its points are not reported again


def test_duplicated_point():
    doc = _read(samples.DUPLICATED_POINT_RU)
    problem = _problem(doc, "duplicate_number")
    assert (problem.severity, problem.line) == (ERROR, line_of(doc.text, "2. Исключен"))


ACT_HEAD = ["Тест", "Закон Республики Казахстан от 05.03.2025 № 901-VIII ЗРК.", ""]
SIGNED = ["", "Президент", "Республики Казахстан К. ТЕСТОВ"]


def test_numbering_gaps_are_warnings():
    doc = parse(
        [
            *ACT_HEAD,
            "Статья 1. А",
            "1. Один.",
            "3. Три.",
            "Статья 2. Б",
            "Текст.",
            "Статья 4. Г",
            "Текст.",
            *SIGNED,
        ]
    )
    gaps = [(p.severity, p.line) for p in doc.problems if p.code == "gap"]
    assert gaps == [(WARNING, 6), (WARNING, 9)]


def test_text_between_a_chapter_and_its_first_article_is_reported():
    doc = parse([*ACT_HEAD, "Глава 1. ГЛАВА", "", "Непонятная строка.", "Статья 1. А", "Текст.", *SIGNED])
    problem = _problem(doc, "unknown_line")
    assert (problem.severity, problem.line) == (WARNING, 6)


def test_empty_article_is_a_warning():
    doc = parse([*ACT_HEAD, "Статья 1. А", "", "Статья 2. Б", "Текст.", *SIGNED])
    assert (_problem(doc, "empty_article").severity, _problem(doc, "empty_article").line) == (WARNING, 4)


def test_table_of_contents_is_not_read_as_units():
    doc = _read(samples.CODE_RU)
    toc_line = line_of(doc.text, "ОГЛАВЛЕНИЕ")
    assert all(unit.line > toc_line + 15 for unit in doc.walk())


def test_large_code_reads_completely():
    """A generated code of 1,000 articles (speed is measured in bench/, not here)."""
    lines = [*ACT_HEAD]
    for number in range(1, 1001):
        lines += [
            f"Статья {number}. Статья {number}",
            "1. Пункт первый:",
            "1) подпункт;",
            "2) подпункт.",
            "2. Пункт второй.",
        ]
    doc = parse([*lines, *SIGNED])
    assert doc.counts() == {"article": 1000, "para": 2000, "subpara": 2000}
    assert doc.problems == []


# An excerpt of a code as Adilet lays it out: a chapter heading wrapped over two lines, a
# footnote after an article's text naming the article, one naming the added article first
# by its chapter (invented wording and numbers: test data).
WRAPPED_CODE = """Тестовый кодекс Республики Казахстан

Кодекс Республики Казахстан от 5 марта 2025 года № 902-VIII ЗРК.

ОСОБЕННАЯ ЧАСТЬ
Глава 3. ТЕСТОВЫЕ ПРАВОНАРУШЕНИЯ
В ОБЛАСТИ ОБРАЗЦОВ

Статья 10. Нарушение порядка составления образцов

1. Нарушение порядка составления образцов –
влечет предупреждение.
2. Повторное нарушение –
влечет штраф.
Сноска. Статья 10 с изменением, внесенным Законом РК от 01.02.2026 № 905-VIII (вводится в действие с 01.03.2026).

Статья 10-1. Нарушение порядка проверки образцов
Сноска. Глава 3 дополнена статьей 10-1 в соответствии с Законом РК от 01.02.2026 № 905-VIII.
Сноска. Пункт 1 статьи 10-1 изложен в новой редакции Законом РК от 10.02.2026 № 907-VIII.

1. Нарушение порядка проверки образцов –
влечет предупреждение.

Президент
Республики Казахстан К. ТЕСТОВ
"""


def test_a_wrapped_chapter_heading_and_footnotes_go_to_the_unit_they_name():
    doc = _read(WRAPPED_CODE)
    units = _units(doc)

    assert not doc.errors and not [p for p in doc.warnings if p.code == "unknown_line"]
    assert units["chp_3"].heading == "ТЕСТОВЫЕ ПРАВОНАРУШЕНИЯ В ОБЛАСТИ ОБРАЗЦОВ"
    assert units["chp_3"].text == ""
    assert [a.law_number for a in units["art_10"].amendments] == ["905-VIII"]
    assert units["art_10__para_2"].amendments == []
    # A footnote on a point read before the point itself stays with the article it names.
    assert [(a.action, a.law_number) for a in units["art_10-1"].amendments] == [
        ("added", "905-VIII"),
        ("new_wording", "907-VIII"),
    ]
