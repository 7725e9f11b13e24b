"""Forms of references people paste, and references that must never link to the wrong
act (issue #14): read on a catalogue written in memory, no database."""

import datetime
from types import SimpleNamespace

import pytest

from legal.citations.catalogue import ActRecord, Catalogue, VersionRecord, act_names
from legal.citations.resolver import extract
from legal.versions import in_force_among

TODAY = datetime.date(2026, 6, 1)


def _version(pk, eids):
    day = datetime.date(2020, 1, 1)
    return VersionRecord(pk, "current", "in_force", day, day, None, set(eids), {e: "" for e in eids})


def _catalogue() -> Catalogue:
    ai_law = SimpleNamespace(
        kind="law",
        number="230-VIII",
        citation_aliases=["Закон об ИИ", "Закон о ИИ", "AI Law"],
        **{f"{f}_{lang}": "" for f in ("short_name", "citation_name") for lang in ("ru", "kk", "en")},
        title_ru="Об искусственном интеллекте",
        title_kk="",
        title_en="On Artificial Intelligence",
    )
    acts = [
        ActRecord(
            "ai-law",
            "law",
            False,
            True,
            "230-viii",
            None,
            [_version(1, {"art_15", "art_15__para_1", "art_15__para_1__subpara_2", "art_21"})],
            adopted=datetime.date(2025, 11, 17),
        ),
        ActRecord(
            "criminal-code",
            "code",
            True,
            False,
            "226-v",
            None,
            [_version(2, {"art_147", "art_190", "art_194", "art_238", "art_239"})],
            adopted=datetime.date(2014, 7, 3),
        ),
        ActRecord(
            "admin-code",
            "code",
            True,
            False,
            "235-v",
            None,
            [_version(3, {"art_641-1", "art_641-1__para_1", "art_641-1__para_1__subpara_2", "art_692-3"})],
            adopted=datetime.date(2014, 7, 5),
        ),
        ActRecord(
            "civil-code",
            "code",
            False,
            False,
            "268-xiii",
            None,
            [_version(4, {"art_143", "art_152"})],
            adopted=datetime.date(1994, 12, 27),
            numbering_group="civil-code",
        ),
        ActRecord(
            "civil-code-special",
            "code",
            False,
            False,
            "409-i",
            None,
            [_version(5, {"art_917", "art_951"})],
            adopted=datetime.date(1999, 7, 1),
            numbering_group="civil-code",
        ),
        ActRecord(
            "personal-data-law",
            "law",
            False,
            False,
            "94-v",
            None,
            [_version(6, {"art_7"})],
            adopted=datetime.date(2013, 5, 21),
        ),
    ]
    names = [
        *(("ai-law", n) for n in act_names(ai_law)),
        *(("criminal-code", n) for n in ("Уголовный кодекс", "УК", "Criminal Code")),
        *(("admin-code", n) for n in ("КоАП", "Кодекс об административных правонарушениях")),
        *(("civil-code", n) for n in ("Гражданский кодекс", "ГК", "Civil Code")),
        *(("civil-code-special", n) for n in ("ГК (Особенная часть)",)),
        *(
            ("personal-data-law", n)
            for n in ("Закон о персональных данных", "Закон о защите персональных данных", "Закон № 94-V")
        ),
    ]
    return Catalogue(acts, names, in_force=in_force_among)


CATALOGUE = _catalogue()


def _read(text, **context):
    context.setdefault("as_of", TODAY)
    return [(c.text, c.act, c.eid, c.reason_code) for c in extract(CATALOGUE, text, **context)]


def _acts(text, **context):
    return [(c.act, c.eid, c.reason_code) for c in extract(CATALOGUE, text, as_of=TODAY, **context)]


IN_AI_15 = {"act": "ai-law", "provision_eid": "art_15__para_1"}
IN_CIVIL = {"act": "civil-code", "provision_eid": "art_143"}
IN_SPECIAL = {"act": "civil-code-special", "provision_eid": "art_917"}
UNKNOWN = (None, None, "unknown_act")
OTHER = (None, None, "other_act_version")


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        # an act we do not know, named after the units, is never the context act
        ("частью 2 статьи 68 Уголовно-процессуального кодекса", IN_AI_15, [UNKNOWN]),
        ("статьей 12 Предпринимательского кодекса", IN_AI_15, [UNKNOWN]),
        ("Article 12 of the Entrepreneurial Code", IN_AI_15, [UNKNOWN]),
        # a predecessor, or a date or number that is not the act's own
        ("Уголовный кодекс Казахской ССР от 22 июля 1959 года", {}, [OTHER]),
        ("ст. 190 Уголовного кодекса от 16 июля 1997 года № 167-I", {}, [OTHER]),
        ("ст. 190 Уголовного кодекса от 3 июля 2014 года № 226-V", {}, [("criminal-code", "art_190", "")]),
        ("Закон РК от 18.11.2025 № 230-VIII", {}, [OTHER]),
        ("Закон РК от 17.11.2025 № 230-VIII", {}, [("ai-law", None, "")]),
        ("Закон от 21 мая 2013 года № 94-V", {}, [("personal-data-law", None, "")]),
        ("Article 190 of the Criminal Code dated 16 July 1997", {}, [OTHER]),
        ("Law dated 17 November 2025 No. 230-VIII", {}, [("ai-law", None, "")]),
        # gazettes and headings are not citations
        ("Ведомости Парламента Республики Казахстан, 2014 г., № 13, ст. 83", IN_AI_15, []),
        ("Собрание актов Президента и Правительства РК, 2014 г., № 45, ст. 412", IN_AI_15, []),
        ("Статья 96. Порядок", IN_AI_15, []),
        ("Article 96. Procedure", IN_AI_15, []),
        # a chain does not run across a colon into the context act
        (
            "по подп. 2) ч. 1: Ст. 641-1 КоАП",
            IN_AI_15,
            [("admin-code", "art_641-1__para_1__subpara_2", ""), ("admin-code", "art_641-1", "")],
        ),
        ("по подп. 2) ч. 1: Закон об ИИ", IN_AI_15, [(None, None, "malformed"), ("ai-law", None, "")]),
    ],
)
def test_no_silent_wrong_link(text, context, expected):
    assert _acts(text, **context) == expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("статья 917 настоящего Кодекса", IN_CIVIL, [("civil-code-special", "art_917", "")]),
        ("статья 143 настоящего Кодекса", IN_SPECIAL, [("civil-code", "art_143", "")]),
        ("ст. 951 ГК", {}, [("civil-code-special", "art_951", "")]),
        ("ст. 152 ГК", {}, [("civil-code", "art_152", "")]),
        # held by neither part: the part named, not in the knowledge base
        ("ст. 5000 ГК", {}, [("civil-code", "art_5000", "not_in_kb")]),
    ],
)
def test_a_code_in_two_parts_numbers_as_one(text, context, expected):
    assert _acts(text, **context) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "статьями 238 (часть первая), 239 (части первая и вторая) УК",
            [
                ("criminal-code", "art_238__para_1", "not_in_kb"),
                ("criminal-code", "art_239__para_1", "not_in_kb"),
                ("criminal-code", "art_239__para_2", "not_in_kb"),
            ],
        ),
        (
            "пунктом 7) части второй, частью третьей статьи 99 УК",
            [
                ("criminal-code", "art_99__para_2__subpara_7", "not_in_kb"),
                ("criminal-code", "art_99__para_3", "not_in_kb"),
            ],
        ),
        (
            "статьёй 194, частью 2, пунктом 3 УК РК",
            [("criminal-code", "art_194__para_2__subpara_3", "not_in_kb")],
        ),
        (
            "статьёй 194, частью 2 статьи 195 УК РК",
            [("criminal-code", "art_194", ""), ("criminal-code", "art_195__para_2", "not_in_kb")],
        ),
        ("ст. 147, п. 2 УК", [("criminal-code", "art_147", ""), (None, None, "malformed")]),
        ("ст. 641−1 КоАП", [("admin-code", "art_641-1", "")]),
        ("ст. 641–1 КоАП", [("admin-code", "art_641-1", "")]),
        ("ст. 145–143 УК", [(None, None, "malformed")]),
        ("190-й статьи УК", [("criminal-code", "art_190", "")]),
        ("в 147-й статье Уголовного кодекса", [("criminal-code", "art_147", "")]),
        ("в КоАП добавлена статья 692-3", [("admin-code", None, ""), ("admin-code", "art_692-3", "")]),
        ("Закон о защите персональных данных", [("personal-data-law", None, "")]),
        ("закон о ИИ", [("ai-law", None, "")]),
    ],
)
def test_forms_people_paste(text, expected):
    assert _acts(text) == expected


def test_an_article_title_between_the_number_and_the_act():
    (ru,) = extract(CATALOGUE, "статья 143 «Защита чести, достоинства» Гражданского кодекса", as_of=TODAY)
    assert (ru.act, ru.eid, ru.title) == ("civil-code", "art_143", "Защита чести, достоинства")
    (en,) = extract(CATALOGUE, "Article 143 “Protection of honour” of the Civil Code", as_of=TODAY)
    assert (en.act, en.eid, en.title) == ("civil-code", "art_143", "Protection of honour")


def test_spans():
    assert _read("по подп. 2) ч. 1: Ст. 641-1 КоАП")[0][0] == "подп. 2) ч. 1"
    assert [t for t, *_ in _read("190-й статьи УК и ст. 641–1 КоАП")] == ["190-й статьи УК", "ст. 641–1 КоАП"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ст. 190 УК", [UNKNOWN]),
        ("статья 143 Гражданского кодекса", [UNKNOWN]),
        ("ст. 190 УК РК", [("criminal-code", "art_190", "")]),
        ("ст. 143 Гражданского кодекса Республики Казахстан", [("civil-code", "art_143", "")]),
        ("Закон № 94-V", [("personal-data-law", None, "")]),
        ("ст. 21", [(None, None, "act_not_specified")]),
    ],
)
def test_another_jurisdiction(text, expected):
    assert _acts(text, jurisdiction="ru") == expected
    assert _acts("ст. 190 УК") == [("criminal-code", "art_190", "")]
