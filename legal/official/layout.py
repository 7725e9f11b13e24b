"""The grammar of an Adilet text, line by line, in Russian and Kazakh: what kind of line
each one is (a header, a heading, a point, a footnote, a note, …) and its parts.

Both languages' patterns are tried on every line: they never collide, and an act in one
language quotes the other's headings only inside ordinary text."""

import datetime
import re

NUM = r"\d+(?:-\d+)*"

# Kinds of line.
HEADER = "header"
TOC = "toc"
PART = "part"
SECTION = "section"
CHAPTER = "chapter"
PARAGRAPH = "paragraph"
ARTICLE = "article"
POINT = "point"  # «1.», «1-1.»
SUBPOINT = "subpoint"  # «1)», «1-1)»
FOOTNOTE = "footnote"  # «Сноска.», «Ескерту.»
IZPI = "izpi"  # «Примечание ИЗПИ!», «ЗҚАИ-ның ескертпесі!»
COURT = "court"  # «Нормативным постановлением Конституционного Суда …»
NOTE = "note"  # «Примечание.», «Ескертпе.»: law, inside an article
SIGNATURE = "signature"
BLANK = "blank"
TEXT = "text"

HEADINGS = (PART, SECTION, CHAPTER, PARAGRAPH, ARTICLE)
# Lines that end a wrapped footnote or an editorial note.
STRUCTURAL = frozenset((*HEADINGS, HEADER, TOC, POINT, SUBPOINT, FOOTNOTE, IZPI, COURT, NOTE, SIGNATURE))

RU_MONTHS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
KK_MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
    "желтоқсан",
)  # fmt: skip

_WORD_DATE_RU = r"\d{1,2}\s+[а-яё]+\s+\d{4}(?:\s*года)?"
_WORD_DATE_KK = r"\d{4}\s+жылғы\s+\d{1,2}\s+[а-яәғқңөұүһі]+"
_NUMERIC_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\.\d{1,2}\.\d{1,2}"
DATE = rf"(?:{_WORD_DATE_KK}|{_WORD_DATE_RU}|{_NUMERIC_DATE})"
ACT_NUMBER = r"\d[\w/-]*"

# Older texts write «N 6» for «№ 6».
_HEADER_RU = re.compile(
    rf"^(?P<kind>Конституционный\s+закон|Закон|Кодекс)\s+Республики\s+Казахстан\s+от\s+(?P<date>{DATE})"
    rf"\s*[№N]\s*(?P<number>{ACT_NUMBER})(?:\s*ЗРК)?\s*\.?$",
    re.IGNORECASE,
)
_HEADER_KK = re.compile(
    rf"^Қазақстан\s+Республикасының\s+(?P<kind>Конституциялық\s+заңы|Заңы|Кодексі)\s+(?P<date>{DATE})"
    rf"\s*[№N]\s*(?P<number>{ACT_NUMBER})(?:\s*ҚРЗ)?\s*\.?$",
    re.IGNORECASE,
)
# Acts of the Supreme Council (the Civil Code's General Part): a date, no number; the kind
# comes from the title.
_HEADER_SUPREME_RU = re.compile(
    rf"^Принят\s+Верховным\s+Советом\s+Республики\s+Казахстан\s+(?P<date>{DATE})\s*\.?$", re.IGNORECASE
)
_HEADER_SUPREME_KK = re.compile(
    r"^Қазақстан\s+Республикасының\s+Жоғарғы\s+Кеңесі\s+(?P<date>\d{4}\s+жылғы\s+\d{1,2}\s+[а-яәғқңөұүһі]+?)"
    r"(?:да|де|та|те)?\s+қабылдаған\s*\.?$",
    re.IGNORECASE,
)
HEADER_KINDS = {
    "конституционный закон": "constitutional_law",
    "закон": "law",
    "кодекс": "code",
    "конституциялық заңы": "constitutional_law",
    "заңы": "law",
    "кодексі": "code",
}

# «Статья 5. Title», «Глава 1» alone, «Глава 1 ОБЩИЕ ПОЛОЖЕНИЯ» (an upper-case title without the
# dot); never «Статья 5 предусмотрена …», a sentence about the article.
_TITLED = r"(?:\.\s*(?P<title>.*)|\s+(?P<upper>[^a-zа-яёәғқңөұүһі]+))?$"
_PATTERNS = (
    (PART, re.compile(r"^(?P<title>ОБЩАЯ ЧАСТЬ|ОСОБЕННАЯ ЧАСТЬ|ЖАЛПЫ БӨЛІМ|ЕРЕКШЕ БӨЛІМ)\.?$")),
    (SECTION, re.compile(rf"^(?:Раздел\s+(?P<num>{NUM})|(?P<knum>{NUM})-бөлім){_TITLED}")),
    (CHAPTER, re.compile(rf"^(?:Глава\s+(?P<num>{NUM})|(?P<knum>{NUM})-тарау){_TITLED}")),
    (PARAGRAPH, re.compile(rf"^(?:Параграф\s+(?P<num>{NUM})|(?P<knum>{NUM})-параграф){_TITLED}")),
    (ARTICLE, re.compile(rf"^(?:Статья\s+(?P<num>{NUM})|(?P<knum>{NUM})-бап){_TITLED}")),
    (POINT, re.compile(rf"^(?P<num>{NUM})\.(?:\s+(?P<title>.*))?$")),
    (SUBPOINT, re.compile(rf"^(?P<num>{NUM})\)\s*(?P<title>.*)$")),
    (FOOTNOTE, re.compile(r"^(?:Сноска|Ескерту)\s*\.\s*(?P<title>.*)$")),
    (
        IZPI,
        re.compile(r"^(?:Примечание\s+(?:ИЗПИ|РЦПИ)|(?:ЗҚАИ|ҚРОА)-ның\s+ескертпесі)\s*[!.]\s*(?P<title>.*)$"),
    ),
    (
        COURT,
        re.compile(
            r"^(?P<title>(?:Нормативным\s+постановлением|(?:Қазақстан\s+Республикасы\s+)?"
            r"Конституциялық\s+Сотының)\s.*)$"
        ),
    ),
    (NOTE, re.compile(r"^(?:Примечани[ея]|Ескертпе(?:лер)?)\s*\.\s*(?P<title>.*)$")),
    (TOC, re.compile(r"^(?P<title>ОГЛАВЛЕНИЕ|Оглавление|МАЗМҰНЫ|Мазмұны)\.?$")),
    (SIGNATURE, re.compile(r"^(?P<title>(?:Қазақстан\s+Республикасының\s+)?Президент(?:і|\b).*)$")),
)
# A cheap test before the patterns: most lines of an act are ordinary text.
_MAYBE = re.compile(
    r"^(?:\d|Раздел|Глава|Параграф|Статья|Сноска|Ескерту|Примечани|Ескертпе|ЗҚАИ|ҚРОА|Нормативн|Конституц"
    r"|ОБЩАЯ|ОСОБЕННАЯ|ЖАЛПЫ|ЕРЕКШЕ|ОГЛАВЛЕНИЕ|Оглавление|МАЗМҰНЫ|Мазмұны|Президент|Қазақстан|Закон|Кодекс"
    r"|Принят)"
)
# The court's decisions are cited in ordinary text too; only the note's own form counts.
_COURT_NOTE = re.compile(r"(?:постановлением|қаулысымен)")


def classify(line: str) -> tuple[str, dict[str, str]]:
    """The kind of a normalised line and its parts: num, title (heading or the text after a
    label), for a header kind, date and number."""
    if not line:
        return BLANK, {}
    if not _MAYBE.match(line):
        return TEXT, {}
    header = _HEADER_RU.match(line) or _HEADER_KK.match(line)
    if header:
        return HEADER, header.groupdict()
    header = _HEADER_SUPREME_RU.match(line) or _HEADER_SUPREME_KK.match(line)
    if header:
        return HEADER, {"kind": "", "number": "", **header.groupdict()}
    for kind, pattern in _PATTERNS:
        found = pattern.match(line)
        if found:
            if kind == COURT and not _COURT_NOTE.search(line[:300]):
                continue
            groups = {key: value for key, value in found.groupdict().items() if value is not None}
            if "knum" in groups:
                groups["num"] = groups.pop("knum")
            if "upper" in groups:
                groups["title"] = groups.pop("upper")
            groups.setdefault("title", "")
            groups["title"] = groups["title"].strip()
            return kind, groups
    return TEXT, {}


def header_kind(words: str) -> str:
    return HEADER_KINDS.get(" ".join(words.lower().split()), "")


def parse_date(text: str) -> datetime.date | None:
    """«17 ноября 2025 года», «2025 жылғы 17 қарашадағы», «17.11.2025», «2025.17.11» (Kazakh)."""
    text = text.strip().lower()
    try:
        found = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if found:
            return datetime.date(int(found[3]), int(found[2]), int(found[1]))
        found = re.fullmatch(r"(\d{4})\.(\d{1,2})\.(\d{1,2})", text)
        if found:
            # Adilet's Kazakh texts write year.day.month («ҚР 2020.29.06 № 351-VI Заңымен»);
            # a last part above 12 can only be a day (year.month.day).
            year, first, second = int(found[1]), int(found[2]), int(found[3])
            day, month = (second, first) if second > 12 else (first, second)
            return datetime.date(year, month, day)
        found = re.fullmatch(r"(\d{1,2})\s+([а-яё]+)\s+(\d{4})(?:\s*года)?", text)
        if found:
            month = _month(found[2], RU_MONTHS)
            return datetime.date(int(found[3]), month, int(found[1])) if month else None
        found = re.fullmatch(r"(\d{4})\s+жылғы\s+(\d{1,2})\s+(\S+)", text)
        if found:
            month = _month(found[3], KK_MONTHS)
            return datetime.date(int(found[1]), month, int(found[2])) if month else None
    except ValueError:  # 31.02.2025
        return None
    return None


def _month(word: str, stems: tuple[str, ...]) -> int:
    """Month by its stem; «март» is tried before «ма» (мая)."""
    for index, stem in enumerate(stems, start=1):
        if word.startswith(stem):
            return index
    return 0


def num_key(num: str) -> tuple[int, ...]:
    """«73-3» → (73, 3): numbers compared, for the numbering checks."""
    return tuple(int(part) for part in num.split("-") if part.isdigit())


def follows(previous: str, current: str) -> bool:
    """Whether `current` is a number that may come right after `previous` with nothing
    missing: 5 → 6, 5 → 5-1, 5-1 → 5-2, 5-2 → 6."""
    before, after = num_key(previous), num_key(current)
    if not before or not after:
        return True
    if after == (*before, 1):
        return True
    return any(after == (*before[: k - 1], before[k - 1] + 1) for k in range(1, len(before) + 1))


def is_definitions(heading: str) -> bool:
    """An article whose heading speaks of notions or terms: its «1)» items are definitions."""
    words = heading.lower()
    return any(stem in words for stem in ("понят", "термин", "ұғым"))


def is_repealed(text: str) -> bool:
    """«Исключена Законом РК от …», «Алып тасталды - ҚР … Заңымен»."""
    return bool(re.match(r"^(?:исключен|алып\s+тасталды)", text.strip(), re.IGNORECASE))
