"""Kazakh references: the unit words and their abbreviations, which unit a word names, the
endings stripped from a Kazakh word of an act's name, and the Latin look-alikes typed for
Kazakh letters («Заңның 21-бабы» with a Latin «i»). Pure string work: the rest of the core
imports it, it imports nothing of the project.

In Kazakh the act comes first, then the units outermost first: «Қылмыстық кодексінің
190-бабының 2-бөлігінің 3-тармағы». docs/citations.md, section Kazakh, describes the forms.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------
# Latin look-alikes. Without a Kazakh keyboard people type «i» for «і», «h» for «һ», «ə» for
# «ә», «ɵ» for «ө». A word is looked at when one of these touches a Cyrillic letter; it is
# read as Cyrillic only when every Latin letter in it has a Cyrillic twin (then «a», «o»,
# «p», «c»… in it are made Cyrillic too), so «iPhone», «COVID» and «IT» stay Latin. Each
# letter becomes one letter: the text keeps its length (spans stay valid). Looking only for
# those few letters, by one pattern that opens with their class, keeps this to a few ms per MB.

_TWINS = {
    "i": "і", "I": "І", "ə": "ә", "Ə": "Ә", "ɵ": "ө", "Ɵ": "Ө", "h": "һ", "H": "Н",
    "a": "а", "A": "А", "e": "е", "E": "Е", "o": "о", "O": "О", "p": "р", "P": "Р",
    "c": "с", "C": "С", "x": "х", "X": "Х", "k": "к", "K": "К", "B": "В", "M": "М", "T": "Т",
}  # fmt: skip
_TWIN_TABLE = str.maketrans(_TWINS)
_CYR = "а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"
_CYR_SET = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі") | frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі".upper()
)
# One of those letters before or after a Cyrillic one; a class first, so the scan skips fast.
_DETECT = re.compile(rf"[iIhəƏɵƟ](?:(?=[{_CYR}])|(?<=[{_CYR}].))")


def _is_letter(ch: str) -> bool:
    return ch in _CYR_SET or ch.isascii() and ch.isalpha() or ch in _TWINS


def fix_lookalikes(text: str) -> str:
    """`text` with the Latin look-alikes of Cyrillic words made Cyrillic, same length."""
    hits = [m.start() for m in _DETECT.finditer(text)]
    if not hits:
        return text
    pieces, done, n = [], 0, len(text)
    for pos in hits:
        if pos < done:
            continue
        start, end = pos, pos + 1
        while start and _is_letter(text[start - 1]):
            start -= 1
        while end < n and _is_letter(text[end]):
            end += 1
        word = text[start:end]
        if all(ch in _CYR_SET or ch in _TWINS for ch in word):
            pieces += [text[done:start], word.translate(_TWIN_TABLE)]
            done = end
    return "".join([*pieces, text[done:]])


# ---------------------------------------------------------------------------------------
# The endings of a Kazakh word of an act's name: «Заңының», «кодексінің», «ҚК-нің» → заң,
# кодекс, ҚК. Case endings, then the possessive (-сы/-сі after a vowel, -ы/-і after a
# consonant: «кодексі» is кодекс + і, not кодек + сі), at most three, a stem of three
# letters or more.

KK_LETTERS = frozenset("әғқңөұүһі")
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
KK_SUFFIXES = tuple(
    sorted(
        (
            "ның нің дың дің тың тің нан нен дан ден тан тен мен бен пен нда нде ға ге қа ке "
            "на не да де та те ны ні ды ді ты ті сы сі ын ін ы і"
        ).split(),
        key=len,
        reverse=True,
    )
)
KK_SUFFIX_SET = frozenset(KK_SUFFIXES)


def kk_strip(word: str) -> str:
    for _ in range(3):
        for suffix in KK_SUFFIXES:
            if (
                word.endswith(suffix)
                and len(word) - len(suffix) >= 3
                and not (suffix in ("сы", "сі") and word[-3] not in _VOWELS)
            ):
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


# ---------------------------------------------------------------------------------------
# Unit words. бап «article» (бабы, баптың, баптары…), бөлік «part» (бөлігі, бөліктің…),
# тармақ «paragraph» (тармағы, тармақтың…), тармақша «subparagraph», тарау «chapter»; and
# the abbreviations after a dashed number: «21-б.» (бап), «2-т.» (тармақ), «3-бөл.»
# (бөлік), «4-тш.» (тармақша). Not «баба» (grandfather), «бапкер» (coach), «бөлім»
# (section), «тармақталған» (branched).

_CASE = r"(?:тың|тің|қа|ке|та|те|тан|тен|ты|ті|пен)"
_PLURAL = r"(?:тар|тер|дар|дер|лар|лер)\w*"
KK_UNIT_WORD = (
    rf"бап(?:{_CASE}|{_PLURAL})?(?!\w)|бабы\w*"
    rf"|тармақша\w*|тармақ(?:{_CASE}|{_PLURAL})?(?!\w)|тармағ[ыі]\w*"
    rf"|бөлік(?:{_CASE}|{_PLURAL})?(?!\w)|бөлігі\w*"
    r"|тарау\w*"
)
KK_ABBREVIATION = r"(?<=-)(?:б|т|бөл|тш)\.(?!\w)"
KK_UNIT_RE = re.compile(rf"{KK_UNIT_WORD}|{KK_ABBREVIATION}")
KK_PLURAL_RE = re.compile(rf"(?:бап|тармақша|тармақ|бөлік|тарау){_PLURAL}")
#: What the scanner looks for after the numbers of a Kazakh chain (a prefix of the above).
KK_UNIT_TRIGGER = r"ба[пб]|тармақ|тармағ|бөлі[кг]|тарау|(?<=-)(?:б|т|бөл|тш)\."


def kk_unit(word: str, bracket: bool, outer: set[str]) -> str:
    """The unit a Kazakh word names: art, chp, part, para or subpara. `bracket`: the number
    before it closes with «)»; `outer`: the units already named in the chain.

    «N) тармағы» is the «1)» point of a code, and so is a тармақ of a named бөлік
    («190-бабының 2-бөлігінің 3-тармағы»): in the codes, parts hold the «1)» points."""
    if word.startswith(("бап", "баб")) or word == "б.":
        return "art"
    if word.startswith("тарау"):
        return "chp"
    if word.startswith("бөл"):
        return "part"
    if word.startswith("тармақша") or word == "тш." or bracket or "part" in outer:
        return "subpara"
    return "para"


_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}


def opening_quote(low: str, start: int, end: int) -> int:
    """Where a name that opens with its quoted title starts: the quote before it, when the
    name closes it («"Жасанды интеллект туралы" Заңы»)."""
    if start and low[start - 1] in _QUOTES and _QUOTES[low[start - 1]] in low[start:end]:
        return start - 1
    return start
