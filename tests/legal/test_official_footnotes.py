# ruff: noqa: E501
"""Footnotes into amendment history: what was done, by which law, from when; one amendment
per law named. (Invented laws and numbers: see tests/legal/adilet_samples.py.)"""

import datetime

import pytest

from legal.official.footnotes import parse_footnote
from legal.official.layout import parse_date
from legal.official.types import ADDED, AMENDED, EXCLUDED, NEW_WORDING

D = datetime.date
TEN_DAYS_RU = "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"
TEN_DAYS_KK = "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі"


def test_russian_footnote_with_two_laws_gives_one_amendment_each():
    text = (
        "Сноска. Статья 3 с изменениями, внесенными законами РК от 01.02.2026 № 905-VIII "
        f"(вводится в действие с 01.03.2026); от 10.02.2026 № 907-VIII ({TEN_DAYS_RU})."
    )
    first, second = parse_footnote(text, line=22)
    assert (first.action, first.law_kind, first.law_number, first.law_date) == (
        AMENDED,
        "law",
        "905-VIII",
        D(2026, 2, 1),
    )
    assert first.effective_from == D(2026, 3, 1)
    assert first.effective_note == "вводится в действие с 01.03.2026"
    assert (second.law_number, second.law_date, second.effective_from) == ("907-VIII", D(2026, 2, 10), None)
    assert second.effective_note == TEN_DAYS_RU
    assert first.text == second.text == text
    assert first.line == second.line == 22


def test_kazakh_footnote_names_the_law_after_its_dates():
    text = (
        "Ескерту. 3-бапқа өзгерістер енгізілді - ҚР 2026.01.02 № 905-VIII (2026.01.03 бастап "
        f"қолданысқа енгізіледі); 2026.10.02 № 907-VIII ({TEN_DAYS_KK}) Заңдарымен."
    )
    first, second = parse_footnote(text, language="kk")
    assert (first.action, first.law_kind, first.law_number, first.law_date) == (
        AMENDED,
        "law",
        "905-VIII",
        D(2026, 2, 1),
    )
    assert first.effective_from == D(2026, 3, 1)
    assert (second.law_kind, second.law_number, second.effective_from) == ("law", "907-VIII", None)
    assert second.effective_note == TEN_DAYS_KK


def test_kazakh_kind_word_belongs_to_the_law_before_it():
    text = "Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 2026.01.02 № 905-VIII Заңымен; ҚР 2026.10.02 № 906-VIII Кодексімен."
    assert [(a.law_kind, a.law_number) for a in parse_footnote(text)] == [
        ("law", "905-VIII"),
        ("code", "906-VIII"),
    ]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Сноска. Статья 5 с изменениями, внесенными Законом РК от 10.01.2026 № 260-VIII.", AMENDED),
        ("Сноска. Пункт 2 изменен Законом РК от 10.01.2026 № 260-VIII.", AMENDED),
        ("Сноска. Глава 2 дополнена статьей 7-1 Законом РК от 10.01.2026 № 260-VIII.", ADDED),
        ("Сноска. Пункт 3 исключен Законом РК от 10.01.2026 № 260-VIII.", EXCLUDED),
        ("Сноска. Статья 5 в редакции Закона РК от 10.01.2026 № 260-VIII.", NEW_WORDING),
        ("Сноска. Статья 5 изложена в новой редакции Законом РК от 10.01.2026 № 260-VIII.", NEW_WORDING),
        ("Ескерту. 5-бапқа өзгерістер енгізілді - ҚР 2026.10.01 № 260-VIII Заңымен.", AMENDED),
        ("Ескерту. 2-тарау 7-1-баппен толықтырылды - ҚР 2026.10.01 № 260-VIII Заңымен.", ADDED),
        ("Ескерту. 3-тармақ алып тасталды - ҚР 2026.10.01 № 260-VIII Заңымен.", EXCLUDED),
        ("Ескерту. 5-бап жаңа редакцияда - ҚР 2026.10.01 № 260-VIII Заңымен.", NEW_WORDING),
    ],
)
def test_action(text, action):
    (amendment,) = parse_footnote(text)
    assert amendment.action == action
    assert (amendment.law_number, amendment.law_date) == ("260-VIII", D(2026, 1, 10))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Сноска. Статья 5 изменена Кодексом РК от 10.01.2026 № 261-VIII.", "code"),
        (
            "Сноска. Статья 5 изменена Конституционным законом РК от 10.01.2026 № 262-VIII.",
            "constitutional_law",
        ),
        ("Сноска. Статья 5 изменена Указом Президента РК от 10.01.2026 № 1001.", "decree"),
        ("Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 2026.10.01 № 261-VIII Кодексімен.", "code"),
        (
            "Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 2026.10.01 № 262-VIII Конституциялық заңымен.",
            "constitutional_law",
        ),
    ],
)
def test_law_kind(text, kind):
    assert parse_footnote(text)[0].law_kind == kind


def test_kazakh_footnote_with_a_russian_style_date_and_entry_into_force():
    text = "Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 10.01.2026 № 260-VIII Заңымен (01.03.2026 бастап қолданысқа енгізіледі)."
    (amendment,) = parse_footnote(text)
    assert (amendment.law_date, amendment.effective_from) == (D(2026, 1, 10), D(2026, 3, 1))


def test_footnote_naming_no_law_still_records_what_was_done():
    (amendment,) = parse_footnote("Сноска. Заголовок статьи 5 изменен.")
    assert (amendment.action, amendment.law_kind, amendment.law_number, amendment.law_date) == (
        AMENDED,
        "",
        "",
        None,
    )
    assert (amendment.effective_from, amendment.effective_note) == (None, "")


def test_a_parenthesis_that_is_not_about_entry_into_force_is_not_an_effective_note():
    (amendment,) = parse_footnote(
        "Сноска. Статья 5 изменена Законом РК от 10.01.2026 № 260-VIII (см. тестовый пример)."
    )
    assert (amendment.effective_from, amendment.effective_note) == (None, "")


@pytest.mark.parametrize(
    "written, meant",
    [
        ("2020.29.06", datetime.date(2020, 6, 29)),  # Adilet's Kazakh year.day.month
        ("2026.01.03", datetime.date(2026, 3, 1)),
        ("2026.03.15", datetime.date(2026, 3, 15)),  # a last part above 12 is a day
        ("29.06.2020", datetime.date(2020, 6, 29)),
    ],
)
def test_numeric_dates_as_adilet_writes_them(written, meant):
    assert parse_date(written) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Сноска. По всему тексту слова «образец» исключены Законом РК от 01.02.2026 № 905-VIII.",
        "Сноска. Статья 2 дополнена словами «и проверки» Законом РК от 01.02.2026 № 905-VIII.",
        "Ескерту. Бүкіл мәтін бойынша «үлгі» деген сөздер алып тасталды - ҚР 2026.01.02 № 905-VIII Заңымен.",
    ],
)
def test_words_excluded_or_added_amend_the_unit(text):
    assert [amendment.action for amendment in parse_footnote(text)] == [AMENDED]
