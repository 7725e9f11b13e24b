# ruff: noqa: E501
"""Sample official texts in the layout Adilet (adilet.zan.kz) publishes, for the tests of the
reader (legal.official) and of the importer.

TEST DATA, NOT LAW: the wording, the titles, the numbers (№ 901-VIII, 905-VIII, …), the dates
and the names are invented for the tests. Only the layout is Adilet's: header line, footnotes
(«Сноска.», «Ескерту.»), editorial notes («Примечание ИЗПИ!»), parts, sections, chapters,
paragraphs, articles, points, subpoints, signature. Nothing here may be shown as law.

`LAW_RU` and `LAW_KK` have the same structure (the same eids); `CODE_RU` is an excerpt of a
code (its article numbers jump: 1, 73-3, 73-4, 641-1, which the reader reports as numbering
gaps, warnings). `as_html` and `as_docx` give the same text as an Adilet-like saved page and a
.docx, which must read into the same tree.
"""

import html
import io

LAW_RU = """О тестовых образцах

Закон Республики Казахстан от 5 марта 2025 года № 901-VIII ЗРК.

Сноска. По всему тексту слова «образец текста» заменены словами «тестовый образец» в соответствии с Законом РК от 01.02.2026 № 905-VIII (вводится в действие с 01.03.2026).

Настоящий Закон регулирует отношения, возникающие при составлении тестовых образцов.

Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия, используемые в настоящем Законе

В настоящем Законе используются следующие основные понятия:
1) образец – текст, составленный для проверки;
2) читатель – программа, читающая образец;
3) заголовок – строка, называющая акт.

Статья 2. Цель настоящего Закона

Целью настоящего Закона является проверка чтения официальных текстов.

Статья 3. Принципы составления образцов

Сноска. Статья 3 с изменениями, внесенными законами РК от 01.02.2026 № 905-VIII
(вводится в действие с 01.03.2026); от 10.02.2026 № 907-VIII (вводится в действие по истечении
десяти календарных дней после дня его первого официального опубликования).

1. Образцы составляются на основе принципов:
1) ясности;
2) полноты,
которые применяются совместно.
2. Принципы не применяются к реальным актам.
Образец не является правом.
3. Исключен Законом РК от 01.02.2026 № 905-VIII (вводится в действие с 01.03.2026).

Статья 4. Исключена Законом РК от 01.02.2026 № 905-VIII (вводится в действие с 01.03.2026).

Глава 2. ПОРЯДОК СОСТАВЛЕНИЯ

Статья 5. Составление образцов

Примечание ИЗПИ!
Статья 5 предусмотрена в тестовой редакции.

Образец составляется на казахском и русском языках.
Образец включает:
1) заголовок;
2) статьи,
после чего образец подписывается.

Статья 6. Проверка образцов

Нормативным постановлением Конституционного Суда РК от 01.01.2026 № 99-НП статья 6 признана соответствующей Конституции.
Образцы проверяются читателем.

Президент
Республики Казахстан К. ТЕСТОВ

Астана, Акорда, 5 марта 2025 года
№ 901-VIII ЗРК
"""

LAW_KK = """Тестілік үлгілер туралы

Қазақстан Республикасының Заңы 2025 жылғы 5 наурыздағы № 901-VIII ҚРЗ.

Ескерту. Бүкіл мәтін бойынша «мәтін үлгісі» деген сөздер «тестілік үлгі» деген сөздермен ауыстырылды - ҚР 2026.02.01 № 905-VIII Заңымен (2026.03.01 бастап қолданысқа енгізіледі).

Осы Заң тестілік үлгілерді жасау кезінде туындайтын қатынастарды реттейді.

1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР

1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар

Осы Заңда мынадай негізгі ұғымдар пайдаланылады:
1) үлгі – тексеру үшін жасалған мәтін;
2) оқырман – үлгіні оқитын бағдарлама;
3) тақырып – актіні атайтын жол.

2-бап. Осы Заңның мақсаты

Осы Заңның мақсаты ресми мәтіндерді оқуды тексеру болып табылады.

3-бап. Үлгілерді жасау қағидаттары

Ескерту. 3-бапқа өзгерістер енгізілді - ҚР 2026.02.01 № 905-VIII (2026.03.01 бастап
қолданысқа енгізіледі); 2026.02.10 № 907-VIII (алғашқы ресми жарияланған күнінен кейін
күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңдарымен.

1. Үлгілер мынадай қағидаттар негізінде жасалады:
1) айқындық;
2) толықтық,
олар бірлесіп қолданылады.
2. Қағидаттар нақты актілерге қолданылмайды.
Үлгі құқық болып табылмайды.
3. Алып тасталды - ҚР 2026.02.01 № 905-VIII Заңымен (2026.03.01 бастап қолданысқа енгізіледі).

4-бап. Алып тасталды - ҚР 2026.02.01 № 905-VIII Заңымен (2026.03.01 бастап қолданысқа енгізіледі).

2-тарау. ЖАСАУ ТӘРТІБІ

5-бап. Үлгілерді жасау

ЗҚАИ-ның ескертпесі!
5-бап тестілік редакцияда көзделген.

Үлгі қазақ және орыс тілдерінде жасалады.
Үлгі мыналарды қамтиды:
1) тақырыпты;
2) баптарды,
содан кейін үлгіге қол қойылады.

6-бап. Үлгілерді тексеру

ЗҚАИ-ның ескертпесі!
Қазақстан Республикасы Конституциялық Сотының 2026.01.01 № 99-НҚ нормативтік қаулысымен 6-бап Конституцияға сәйкес деп танылды.

Үлгілерді оқырман тексереді.

Қазақстан Республикасының
Президенті К. ТЕСТОВ

Астана, Ақорда, 2025 жылғы 5 наурыз
№ 901-VIII ҚРЗ
"""

EXPECTED_LAW_EIDS = [
    "chp_1",
    "art_1",
    "art_1__def_1",
    "art_1__def_2",
    "art_1__def_3",
    "art_2",
    "art_3",
    "art_3__para_1",
    "art_3__para_1__subpara_1",
    "art_3__para_1__subpara_2",
    "art_3__para_2",
    "art_3__para_3",
    "art_4",
    "chp_2",
    "art_5",
    "art_5__para_1",
    "art_5__para_2",
    "art_5__para_2__subpara_1",
    "art_5__para_2__subpara_2",
    "art_6",
]

CODE_RU = """Тестовый кодекс Республики Казахстан

Кодекс Республики Казахстан от 3 июля 2024 года № 950-VIII.

ОГЛАВЛЕНИЕ

ОБЩАЯ ЧАСТЬ
Раздел 1. ОСНОВНЫЕ ПОЛОЖЕНИЯ
Глава 1. ЗАДАЧИ КОДЕКСА
Статья 1. Задачи настоящего Кодекса
Глава 2. ОТВЕТСТВЕННОСТЬ
Параграф 1. Общие условия
Статья 73-3. Тестовое правонарушение
Параграф 2. Особые условия
Статья 73-4. Особые условия ответственности
ОСОБЕННАЯ ЧАСТЬ
Раздел 2. ОТДЕЛЬНЫЕ СОСТАВЫ
Глава 2-1. ДОПОЛНИТЕЛЬНЫЕ СОСТАВЫ
Статья 641-1. Нарушение порядка тестирования

ОБЩАЯ ЧАСТЬ

Раздел 1. ОСНОВНЫЕ ПОЛОЖЕНИЯ

Глава 1. ЗАДАЧИ КОДЕКСА

Статья 1. Задачи настоящего Кодекса

1. Задачами настоящего Кодекса являются:
1) проверка чтения кодексов;
2) проверка сносок.
2. Настоящий Кодекс применяется только к тестовым данным.
Сноска. Пункт 2 изменен Кодексом РК от 01.02.2026 № 906-VIII (вводится в действие с 01.03.2026).

Глава 2.
ОТВЕТСТВЕННОСТЬ

Параграф 1. Общие условия

Статья 73-3. Тестовое правонарушение

Сноска. Глава 2 дополнена статьей 73-3 в соответствии с Кодексом РК от 01.02.2026 № 906-VIII (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).

1. Нарушение порядка составления тестов –
влечет предупреждение.
2. То же действие, совершенное повторно в течение года после наложения взыскания, –
влечет штраф в размере десяти тестовых единиц.
Примечание.
1. Для целей настоящей статьи тестовой единицей признается единица, установленная тестом.
2. Повторность определяется в течение одного года.

Параграф 2. Особые условия

Статья 73-4. Особые условия ответственности

Особые условия устанавливаются только для тестов.

ОСОБЕННАЯ ЧАСТЬ

Раздел 2. ОТДЕЛЬНЫЕ СОСТАВЫ

Глава 2-1. ДОПОЛНИТЕЛЬНЫЕ СОСТАВЫ

Сноска. Кодекс дополнен главой 2-1 в соответствии с Кодексом РК от 01.02.2026 № 906-VIII (вводится в действие с 01.03.2026).

Статья 641-1. Нарушение порядка тестирования

Нарушение порядка тестирования –
влечет штраф в размере пяти тестовых единиц.

Президент
Республики Казахстан К. ТЕСТОВ
"""

EXPECTED_CODE_EIDS = [
    "part_general",
    "sec_1",
    "chp_1",
    "art_1",
    "art_1__para_1",
    "art_1__para_1__subpara_1",
    "art_1__para_1__subpara_2",
    "art_1__para_2",
    "chp_2",
    "chp_2__subchp_1",
    "art_73-3",
    "art_73-3__para_1",
    "art_73-3__para_2",
    "art_73-3__note_1",
    "chp_2__subchp_2",
    "art_73-4",
    "part_special",
    "sec_2",
    "chp_2-1",
    "art_641-1",
]

# The code sample is an excerpt: 1 → 73-3 and 73-4 → 641-1 are reported as numbering gaps.
EXPECTED_CODE_WARNING_CODES = ["gap", "gap"]


def line_of(text: str, start: str) -> int:
    """The 1-based number of the first line of `text` that starts with `start`."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(start):
            return number
    raise ValueError(start)


def _signature_start(lines: list[str]) -> int:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].startswith("Президент"):
            if lines[index].startswith("Президенті") and lines[index - 1] == "Қазақстан Республикасының":
                return index - 1
            return index
    return len(lines)


def as_html(text: str, language: str = "ru") -> bytes:
    """An Adilet-like saved page: site chrome (header, menu, scripts, footer) around the
    text's container, one <p> per line (an empty line is a <p>&nbsp;</p>), indented with
    non-breaking spaces as Adilet does."""
    paragraphs = []
    for line in text.rstrip("\n").split("\n"):
        indent = "&nbsp;&nbsp;&nbsp; " if line and line[0].isdigit() else ""
        paragraphs.append(f"<p>{indent}{html.escape(line)}</p>" if line else "<p>&nbsp;</p>")
    body = "\n".join(paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>ИПС «Әділет» (тестовая страница)</title>
<style>p {{ margin: 0 }}</style>
<script>var headline = "Статья 99. Это не текст акта";</script></head>
<body>
<header><a href="/">ИПС «Әділет»</a> Информационно-правовая система</header>
<nav><ul><li>Законы</li><li>Кодексы</li></ul></nav>
<div class="lang-switch">Русский | Қазақша | Войти</div>
<main><div class="container"><article class="text" id="text">
{body}
</article></div></main>
<noscript>Включите JavaScript</noscript>
<footer>© Тестовый футер сайта</footer>
</body></html>""".encode()


def as_docx(text: str) -> bytes:
    """A .docx made in memory: one paragraph per line, the signature block in a table (one
    row per line), as in the Word files Adilet offers."""
    import docx

    document = docx.Document()
    lines = text.rstrip("\n").split("\n")
    split = _signature_start(lines)
    for line in lines[:split]:
        document.add_paragraph(("\t" + line) if line[:1].isdigit() else line)
    if split < len(lines):
        table = document.add_table(rows=0, cols=1)
        for line in lines[split:]:
            table.add_row().cells[0].text = line
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# Bad inputs.


def cp1251_bytes(text: str = LAW_RU) -> bytes:
    return text.encode("cp1251")


def utf16_bytes(text: str = LAW_RU) -> bytes:
    return text.encode("utf-16")  # with its BOM


# Cut in the middle of article 3, at a line ending with «:», with no signature.
TRUNCATED_RU = LAW_RU[: LAW_RU.index("1) ясности;")]

# Article 2 again where article 5 should be: a duplicated article number.
DUPLICATED_ARTICLE_RU = LAW_RU.replace("Статья 5. Составление образцов", "Статья 2. Составление образцов")

# Point 2 of article 3 twice.
DUPLICATED_POINT_RU = LAW_RU.replace("3. Исключен Законом", "2. Исключен Законом")

# A complete act without its signature block.
UNSIGNED_RU = LAW_RU[: LAW_RU.index("Президент")]

# A letter, not an act: no header, no article.
NOT_AN_ACT_RU = """Уважаемые коллеги!

Направляем вам тестовое письмо. Оно не является нормативным правовым актом.

С уважением,
тестовый отправитель
"""
