"""A footnote («Сноска. …», «Ескерту. …») or a repeal («Исключена Законом РК от …») into
the amendments it records: one per law it names, each with what was done and, when the
footnote says it, from when.

Russian names the law before its date («Законом РК от 10.01.2026 № 260-VIII»), Kazakh after
it («ҚР 2026.01.10 № 260-VIII Заңымен»); several laws share one kind word («законами РК от …;
от …», «… Заңдарымен»)."""

import re

from legal.official.layout import ACT_NUMBER, DATE, parse_date
from legal.official.types import ADDED, AMENDED, EXCLUDED, NEW_WORDING, Amendment

_LAW = re.compile(rf"(?P<date>{DATE})\s*№\s*(?P<number>{ACT_NUMBER})", re.IGNORECASE)
_KIND = re.compile(
    r"(?P<word>(?:конституционн\w+\s+)?(?:закон(?:ом|ами|а|ы|у)?|кодекс(?:ом|ами|а|ы|у)?|указ(?:ом|ами|а)?)"
    r"|(?:конституциялық\s+)?(?:заң(?:ымен|дарымен|ына|ы)|кодекс(?:імен|терімен|іне|і))|жарлығ(?:ымен|ы))(?!\w)",
    re.IGNORECASE,
)
_ACTIONS = (
    (EXCLUDED, re.compile(r"исключ|алып\s+тасталды", re.IGNORECASE)),
    (NEW_WORDING, re.compile(r"в\s+редакции|новой\s+редакции|редакцияда", re.IGNORECASE)),
    (ADDED, re.compile(r"дополн|толықтырыл", re.IGNORECASE)),
    (AMENDED, re.compile(r"изменен|внесен|замен|өзгеріс|ауыстырыл", re.IGNORECASE)),
)
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_IN_FORCE = re.compile(r"действие|қолданысқа", re.IGNORECASE)
_FROM_RU = re.compile(rf"\bс\s+({DATE})", re.IGNORECASE)
_FROM_KK = re.compile(rf"({DATE})\s+бастап", re.IGNORECASE)
_KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)


# Words in the unit excluded, added or replaced («слова … исключены», «по всему тексту»): the
# unit itself was amended, not excluded or added.
_WORDING = re.compile(r"по\s+всему\s+тексту|(?<!\w)слов|(?<!\w)цифр|бүкіл\s+мәтін|деген\s+сөз", re.IGNORECASE)


def action_of(text: str, default: str = AMENDED) -> str:
    """What the words say was done: the earliest of «исключен», «в редакции», «дополнен»,
    «изменен» (and their Kazakh forms); words excluded from or added to a unit amend it."""
    found = [(match.start(), action) for action, pattern in _ACTIONS if (match := pattern.search(text))]
    action = min(found)[1] if found else default
    if action in (EXCLUDED, ADDED) and _WORDING.search(text):
        return AMENDED
    return action


def law_kind(word: str) -> str:
    word = word.lower()
    if "конституц" in word:
        return "constitutional_law"
    if word.startswith(("закон", "заң")):
        return "law"
    if word.startswith("кодекс"):
        return "code"
    if word.startswith(("указ", "жарлы")):
        return "decree"
    return ""


def parse_footnote(text: str, line: int = 0, language: str | None = None) -> list[Amendment]:
    """The amendments of one footnote, its wrapped lines already joined: one per law named,
    or one with no law when it names none."""
    kazakh = language == "kk" if language else bool(_KAZAKH.search(text))
    laws = list(_LAW.finditer(text))
    overall = action_of(text)
    if not laws:
        return [Amendment(overall, "", "", None, *_in_force(text), text=text, line=line)]
    kinds = list(_KIND.finditer(text))
    amendments = []
    for index, law in enumerate(laws):
        before_start = laws[index - 1].end() if index else 0
        after_end = laws[index + 1].start() if index + 1 < len(laws) else len(text)
        action = action_of(text[before_start : law.start()], default=overall)
        effective_from, effective_note = _in_force(text[law.end() : after_end])
        amendments.append(
            Amendment(
                action=action,
                law_kind=_kind_for(law, kinds, kazakh),
                law_number=law["number"],
                law_date=parse_date(law["date"]),
                effective_from=effective_from,
                effective_note=effective_note,
                text=text,
                line=line,
            )
        )
    return amendments


def _kind_for(law: re.Match, kinds: list[re.Match], kazakh: bool) -> str:
    """The kind word nearest the law on the side the language puts it (Russian before,
    Kazakh after), else the nearest on the other side."""
    before = [kind for kind in kinds if kind.end() <= law.start()]
    after = [kind for kind in kinds if kind.start() >= law.end()]
    first, second = (after[:1], before[-1:]) if kazakh else (before[-1:], after[:1])
    chosen = first or second
    return law_kind(chosen[0]["word"]) if chosen else ""


def _in_force(text: str) -> tuple:
    """(effective_from, effective_note) from the first parenthesis on entry into force."""
    for found in _PARENTHESES.finditer(text):
        words = found[1].strip()
        if not _IN_FORCE.search(words):
            continue
        date = _FROM_RU.search(words) or _FROM_KK.search(words)
        return (parse_date(date[1]) if date else None), words
    return None, ""
