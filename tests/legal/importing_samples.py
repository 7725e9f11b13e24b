"""Official texts for the importer's tests, built as the reader (legal.official) gives them.

TEST DATA, NOT LAW: the wording is invented; only the eids and the numbers of the test
act (tests.legal.factories.build_sample: «t-ai-law», № 230-VIII of 17.11.2025) match.
"""

import datetime

from legal.official.types import Amendment, Document, Header, Note, Unit

D = datetime.date
ADOPTED = D(2025, 11, 17)
AMENDED_ON = D(2026, 2, 1)
AMENDED_FROM = D(2026, 3, 1)
GENERATED_ON = D(2025, 1, 10)
HEADER = {
    "ru": "Закон Республики Казахстан от 17 ноября 2025 года № 230-VIII ЗРК.",
    "kk": "Қазақстан Республикасының Заңы 2025 жылғы 17 қарашадағы № 230-VIII ҚРЗ.",
}


def unit(type, eid, num="", heading="", text="", children=(), **fields) -> Unit:
    return Unit(type=type, eid=eid, num=num, heading=heading, text=text, children=list(children), **fields)


def document(units, language="ru", number="230-VIII", date=ADOPTED, kind="law", title="Тест") -> Document:
    """A Document whose `text` is its units' words, so that another wording is another text."""
    lines = [title, "", HEADER[language].replace("230-VIII", number), ""]
    for u in _walk(units):
        lines += [f"{u.eid} {u.heading}".strip(), u.text, u.wrap_up]
    return Document(
        language=language,
        format="txt",
        text="\n".join(lines),
        header=Header(kind=kind, title=title, date=date, number=number, line=3),
        units=list(units),
    )


def _walk(units):
    for u in units:
        yield from u.walk()


def amendment(law_number="905-VIII", law_date=AMENDED_ON, effective_from=AMENDED_FROM) -> Amendment:
    return Amendment(
        action="amended",
        law_kind="law",
        law_number=law_number,
        law_date=law_date,
        effective_from=effective_from,
        effective_note=f"вводится в действие с {effective_from:%d.%m.%Y}",
        text=f"Сноска. С изменениями, внесенными Законом РК от {law_date:%d.%m.%Y} № {law_number}.",
    )


def ai_law(wording="маркируются", omit=(), language="ru") -> Document:
    """The sample AI law's text: the units kzai's sample holds, and more (art_2,
    art_17__para_2, art_21__para_1, a repealed art_22). `wording` changes art. 21(2)."""
    units = [
        unit(
            "chapter",
            "chp_1",
            "1",
            "ОБЩИЕ ПОЛОЖЕНИЯ",
            children=[
                unit(
                    "article",
                    "art_1",
                    "1",
                    "Основные понятия, используемые в настоящем Законе",
                    "В настоящем Законе используются следующие основные понятия:",
                    children=[
                        unit(
                            "def",
                            "art_1__def_3",
                            "3",
                            text="система искусственного интеллекта – тестовая система;",
                        ),
                        unit(
                            "def",
                            "art_1__def_4",
                            "4",
                            text=(
                                "синтетические результаты деятельности систем искусственного интеллекта – "
                                "тестовые результаты;"
                            ),
                        ),
                    ],
                ),
                unit(
                    "article",
                    "art_2",
                    "2",
                    "Цель настоящего Закона",
                    "Целью является проверка импорта.",
                    notes=[Note(kind="izpi", text="Примечание ИЗПИ! Тестовое примечание.")],
                ),
            ],
        ),
        unit(
            "chapter",
            "chp_3",
            "3",
            "ПРАВОВОЙ РЕЖИМ",
            children=[
                unit(
                    "article",
                    "art_17",
                    "17",
                    "Правовой режим систем искусственного интеллекта",
                    children=[
                        unit("para", "art_17__para_1", "1", text="Системы делятся по степени риска."),
                        unit(
                            "para",
                            "art_17__para_2",
                            "2",
                            text="Требования статьи 21 настоящего Закона применяются.",
                        ),
                        unit(
                            "para",
                            "art_17__para_3",
                            "3",
                            text="Запрещаются системы:",
                            children=[
                                unit(
                                    "subpara", "art_17__para_3__subpara_1", "1", text="манипулирующие людьми;"
                                ),
                            ],
                        ),
                    ],
                ),
                unit(
                    "article",
                    "art_21",
                    "21",
                    "Прозрачность систем ИИ",
                    children=[
                        unit("para", "art_21__para_1", "1", text="Пользователь уведомляется."),
                        unit(
                            "para",
                            "art_21__para_2",
                            "2",
                            text=f"Синтетические результаты {wording} согласно пункту 1 настоящей статьи.",
                            amendments=[amendment()],
                        ),
                    ],
                ),
                unit(
                    "article",
                    "art_22",
                    "22",
                    text="Исключена Законом РК от 01.02.2026 № 905-VIII.",
                    repealed=True,
                ),
            ],
        ),
    ]
    if omit:
        units = [_without(u, set(omit)) for u in units]
    return document(units, language=language, title="Об искусственном интеллекте")


def _without(u: Unit, omit: set) -> Unit:
    u.children = [_without(c, omit) for c in u.children if c.eid not in omit]
    return u


def generated_law(articles: int, number="777-VIII", date=GENERATED_ON) -> Document:
    """A law of `articles` articles in chapters of ten, each with two points, the second
    citing the article before."""
    chapters = []
    for c in range((articles + 9) // 10):
        arts = []
        for a in range(c * 10 + 1, min(articles, c * 10 + 10) + 1):
            arts.append(
                unit(
                    "article",
                    f"art_{a}",
                    str(a),
                    f"Статья номер {a}",
                    children=[
                        unit("para", f"art_{a}__para_1", "1", text=f"Текст статьи {a}."),
                        unit(
                            "para",
                            f"art_{a}__para_2",
                            "2",
                            text=f"Как указано в статье {max(a - 1, 1)} настоящего Закона.",
                        ),
                    ],
                )
            )
        chapters.append(unit("chapter", f"chp_{c + 1}", str(c + 1), f"ГЛАВА {c + 1}", children=arts))
    return document(chapters, number=number, date=date, title="Большой тестовый закон")
