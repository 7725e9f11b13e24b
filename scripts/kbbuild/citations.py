"""How an act stands after a unit in a standard citation (in the genitive, with date and number).

Grammar only: every number, date and title comes from the research data; the genitive
heads of codes are editorial (scripts/kb_editorial.json).
"""

from __future__ import annotations

from .common import LANGS, Problems, parse_date

MONTHS_RU_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
MONTHS_KK_LOC = [
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
LAW_HEADS = {
    "law": {
        "ru": "Закона Республики Казахстан",
        "kk": "Қазақстан Республикасы Заңының",
        "en": "the Law of the Republic of Kazakhstan",
    },
    "amending_law": {
        "ru": "Закона Республики Казахстан",
        "kk": "Қазақстан Республикасы Заңының",
        "en": "the Law of the Republic of Kazakhstan",
    },
    "constitutional_law": {
        "ru": "Конституционного закона Республики Казахстан",
        "kk": "Қазақстан Республикасы Конституциялық заңының",
        "en": "the Constitutional Law of the Republic of Kazakhstan",
    },
}


def citation_names(act: dict, editorial: dict, problems: Problems) -> dict[str, str]:
    """The act as it stands after a unit in a standard citation, per language (genitive)."""
    adopted, _ = parse_date(act.get("adopted"), act["slug"], problems)
    number = act.get("number") or ""
    title = act.get("title") or {}
    names = {}
    if act["kind"] == "code":
        heads = editorial["code_citation_heads"].get(act["slug"])
        if not heads:
            problems.add(
                act["slug"], "a code needs its genitive title in kb_editorial.json code_citation_heads"
            )
            return {}
        for lang in LANGS:
            head = heads.get(lang)
            if not head:
                continue
            if lang == "ru" and adopted:
                names[lang] = f"{head} от {format_date_ru(adopted)} года № {number}"
            elif lang == "en" and adopted:
                names[lang] = f"{head} No. {number} of {format_date_en(adopted)}"
            else:
                names[lang] = head
        return names
    heads = LAW_HEADS[act["kind"]]
    if title.get("ru") and adopted:
        names["ru"] = f"{heads['ru']} от {format_date_ru(adopted)} года № {number} «{title['ru']}»"
    if title.get("en") and adopted:
        names["en"] = f"{heads['en']} No. {number} of {format_date_en(adopted)} \u201c{title['en']}\u201d"
    if title.get("kk") and adopted:
        year, month, day = (int(x) for x in adopted.split("-"))
        names["kk"] = (
            f"Қазақстан Республикасының {year} жылғы {day} {MONTHS_KK_LOC[month - 1]} № {number} "
            f"«{title['kk']}» {heads['kk'].removeprefix('Қазақстан Республикасы ')}"
        )
    return names


def format_date_ru(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS_RU_GEN[month - 1]} {year}"


def format_date_en(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS_EN[month - 1]} {year}"
