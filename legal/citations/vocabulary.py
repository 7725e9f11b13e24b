"""The vocabulary of references: unit words and their forms, ordinals, list and range
separators, relative words («настоящей статьи», «осы Заңның», «this Law»), and what may
stand around an act's name (the Republic, a date, quotes) without being part of it.

Pure data and regular expressions over the normalised text (legal.citations.text).
docs/citations.md describes the grammar.
"""

from __future__ import annotations

import re

# Act names: what may stand between or around the words of a name without being part of it.

_MONTHS_RU = r"(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
_MONTHS_EN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_RK = (
    r"республик[а-я]*\s+казахстан[а-я]*|рк(?!\w)|казахстан[а-я]*(?!\w)"
    r"|қазақстан\s+республикасы\w*|қр(?!\w)"
    r"|(?:of\s+)?(?:the\s+)?republic\s+of\s+kazakhstan(?:['’]s)?(?!\w)|(?:of\s+)?kazakhstan(?:['’]s)?(?!\w)"
)
# Another state's act: «УК РФ», «Гражданского кодекса Российской Федерации», «Criminal Code of
# the Russian Federation», «Ресей Федерациясының Қылмыстық кодексі». Our names (УК, ГК,
# Criminal Code) are Kazakhstan's; followed (or, in Kazakh, preceded) by another state they
# are not, and the reference is an unknown act, never ours.
_FOREIGN_STATE = (
    r"рф|российской\s+федерации|россии|республики\s+беларусь|беларуси|рб|кыргызской\s+республики"
    r"|кыргызстана|кр|республики\s+узбекистан|узбекистана|руз|украины|ес|европейского\s+союза"
)
FOREIGN_AFTER_RE = re.compile(
    rf"(?:{_FOREIGN_STATE})(?!\w)"
    r"|of\s+(?:the\s+)?(?:russian\s+federation|russia|kyrgyz\s+republic|kyrgyzstan|belarus|uzbekistan"
    r"|ukraine|european\s+union)(?!\w)"
)
FOREIGN_BEFORE_RE = re.compile(
    r"(?:ресей\s+федерациясы|қырғыз\s+республикасы|беларусь\s+республикасы|өзбекстан\s+республикасы"
    r"|украина|еуропалық\s+одақ)\w*\s+\Z"
)
_DATE = (
    rf"(?:от\s+)?\d{{1,2}}\s+{_MONTHS_RU}\s+\d{{4}}(?:\s*(?:года|г\.))?"
    r"|от\s+\d{1,2}\.\d{1,2}\.\d{4}(?:\s*(?:года|г\.))?"
    rf"|(?:of\s+|dated\s+)?\d{{1,2}}\s+{_MONTHS_EN}\s+\d{{4}}"
    r"|\d{4}\s+жылғы\s+\d{1,2}\s+\w+"
)
# Skipped inside a name (and before it): quotes, brackets, the number sign, "the",
# the Republic of Kazakhstan, a date of adoption.
SKIP_RE = re.compile(rf"[«»\"“”„‟‹›()\[\]]|№|n°|no\.(?=\s*\d)|the(?!\w)|{_RK}|{_DATE}")
SKIP_FIRST = frozenset('«»"“”„‟‹›()[]№ntрккқokrdо0123456789')  # what a skipped thing starts with
TRAIL_RE = re.compile(rf"(?:{_RK}|{_DATE})")
NUMBER_SIGN_RE = re.compile(r"(?:№|no\.|n°)\s*([\w-]+)")
WORD_RE = re.compile(r"\w+(?:-\w+)*")
OPENERS = {"»": "«", ")": "(", "”": "“", "“": "„"}

# Words of the kind of an act (not act names): they make an unrecognised name an unknown act.
RU_UNKNOWN_ACT_RE = re.compile(
    r"(?:[^\W\d_]+(?:-[^\W\d_]+)?(?:ого|его|ой|ей|ых|их)\s+){0,2}"  # «Уголовно-процессуального»
    r"(?:закона|кодекса|конституции|указа|постановления|приказа|регламента|директивы|конвенции"
    r"|договора|соглашения|правил)(?!\w)"
)
EN_UNKNOWN_ACT_RE = re.compile(
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?"
    r"(?:law|code|act|constitution|decree|regulation|directive|convention|treaty|order)(?!\w)"
)
KK_ACT_WORDS = ("заң", "кодекс", "жарлы", "қаулы", "конституция")  # what KK_UNKNOWN_ACT_RE ends with
KK_UNKNOWN_ACT_RE = re.compile(
    r"(?:(?:[^\W\d_][\w-]*\s+){1,4}туралы\s+|[^\W\d_][\w-]*\s+(?=кодекс))?"
    rf"(?:{'|'.join(KK_ACT_WORDS)})\w*\s*\Z"
)
UNKNOWN_TITLE_RE = re.compile(r"\s*(?:«[^»\n]{1,200}»|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”)")
# An article's title quoted between its number and the act: «статья 143 «Защита чести» ГК».
QUOTED_TITLE_RE = re.compile(
    r"\s*(?:«(?P<title>[^»\n]{1,200})»|“(?P<title2>[^”\n]{1,200})”|\"(?P<title3>[^\"\n]{1,200})\")"
)
UNKNOWN_WORDS_RE = re.compile(  # «Закона о пчеловодстве»: a few words of the title, if any
    r"\s+(?:о|об|on)((?:\s+(?!(?:и|или|в|на|по|с|к|для|and|or|in)\s)[^\W\d_][\w-]*){1,4})"
)

# ---------------------------------------------------------------------------------------
# Units. Group names: <lang>_<unit>; units are art, chp, part, pt (пункт), sub (подпункт),
# para and subpara (units whose level does not depend on the kind of act).

UNIT_RE = re.compile(
    r"""
    (?P<ru_artpl>ст\.\s?ст\.|стст\.|(?:статей|статьями|статьям|статьях)(?!\w))
   |(?P<ru_art>стать(?:я|и|е|ю|ей|ею)(?!\w)|ст\.|ст(?=\s*\d))
   |(?P<ru_sub>подпункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)|подп\.|пп\.|пп(?=\s*\d))
   |(?P<ru_ptpl>п\.\s?п\.|(?:пункты|пунктов|пунктами|пунктам|пунктах)(?!\w))
   |(?P<ru_pt>пункт(?:а|у|ом|е)?(?!\w)|(?<!т\.)(?<!т\.\s)п\.)
   |(?P<ru_part>част(?:ь|и|ью|ей|ям|ями|ях)(?!\w)|(?<!\d\s)(?<!\d)ч\.|ч\.(?=\s?\d+(?:-\d+)?\s+ст))
   |(?P<ru_chp>глав(?:а|ы|е|у|ой|ою|ам|ами|ах)?(?!\w)|гл\.)
   |(?P<en_artpl>articles|arts\.)
   |(?P<en_art>article(?!\w)|art\.|art(?=\s*\d))
   |(?P<en_subpara>sub-?paragraphs?(?!\w)|sub-?paras?\.|points?(?!\w)|items?(?!\w))
   |(?P<en_para>paragraphs?(?!\w)|paras?\.|para(?=\s*\d))
   |(?P<en_part>parts?(?!\w))
   |(?P<en_chp>chapters?(?!\w)|ch\.)
    """,
    re.X,
)
PART_AFTER_NUMBER_RE = re.compile(r"(?P<ru_part>ч\.)(?=\s?\d)")
RANK = {"sub": 1, "subpara": 1, "pt": 2, "part": 2, "para": 2, "art": 4, "chp": 5}
ORDER = {"chp": 0, "art": 1, "para": 2, "subpara": 3}

ITEM_RE = re.compile(r"(?P<num>\d+(?:-\d+)?)(?P<subs>(?:\(\d+(?:-\d+)?\))*)(?P<paren>\))?")
SUBS_RE = re.compile(r"\((\d+(?:-\d+)?)\)")
_ORDINAL_STEMS = (
    "перв втор трет четверт пят шест седьм восьм девят десят одиннадцат двенадцат "
    "тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат"
).split()
ORDINALS = {stem: str(n) for n, stem in enumerate(_ORDINAL_STEMS, start=1)}
ORDINAL_RE = re.compile(
    r"(?P<stem>трет)(?:ий|ья|ье|ьего|ьему|ьим|ьем|ью|ьей|ьею|ьи|ьих|ьими)(?!\w)"
    r"|(?P<stem2>" + "|".join(s for s in _ORDINAL_STEMS if s != "трет") + r")"
    r"(?:ый|ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ою)(?!\w)"
)
# «190-й статьи», «в 147-й статье», «641-1-й статьи»: a number with an ordinal ending.
ORDINAL_NUMBER_RE = re.compile(r"(?P<num>\d+(?:-\d+)?)-(?:й|я|е|ю|го|ого|му|ому|м|ом|ой|ая|ую|ий|ым)\s+")
LIST_SEP = {
    "ru": re.compile(r"\s*,\s*(?:и\s+|а\s+также\s+)?|\s+(?:и|или|либо|а\s+также)\s+"),
    "en": re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+"),
    "kk": re.compile(r"\s*,\s*|\s+(?:және|мен|бен|пен|немесе)\s+"),
}
RANGE_SEP = {
    "ru": re.compile(r"\s*–\s*|\s+-\s+|\s+по\s+"),
    "en": re.compile(r"\s*–\s*|\s+-\s+|\s+(?:to|through)\s+"),
    "kk": re.compile(r"\s*–\s*|\s+-\s+"),
}
RANGE_FROM = {"ru": re.compile(r"с\s+(?=\d)"), "en": re.compile(r"from\s+(?=\d)")}
MAX_RANGE = 200  # numbers in one range
MAX_ITEMS = 50  # numbers listed after one unit word
MAX_SKIPS = 12  # quotes, dates, «Республики Казахстан» … inside or after one name

RU_REL_RE = re.compile(
    r"настоящ(?:ий|его|ему|им|ем|ая|ей|ую|ое|ие|их|ими)\s+"
    r"(?:(?P<act_law>закон\w*)|(?P<act_code>кодекс\w*)|(?P<art>стать\w*)|(?P<sub>подпункт\w*)"
    r"|(?P<pt>пункт\w*)|(?P<part>част\w*)|(?P<chp>глав\w*))"
)
EN_REL_RE = re.compile(
    r"this\s+(?:(?P<act_law>law)|(?P<act_code>code)|(?P<art>article)|(?P<subpara>subparagraph)"
    r"|(?P<para>paragraph)|(?P<part>part)|(?P<chp>chapter))(?!\w)"
)
KK_REL_RE = re.compile(
    r"осы\s+(?:(?P<act_law>заң\w*)|(?P<act_code>кодекс\w*)|(?P<art>ба[пб]\w*)|(?P<subpara>тармақша\w*)"
    r"|(?P<para>тармақ\w*|тармағ\w*)|(?P<part>бөлі[кг]\w*)|(?P<chp>тарау\w*))"
)
EN_OF_RE = re.compile(r"\s+of\s+")
CONNECT_RE = {
    "ru": re.compile(r"\s*(?:,|;)?\s*(?:и|или|либо|а\s+также)?\s*\Z"),
    "en": re.compile(r"\s*(?:,|;)?\s*(?:and|or)?\s*\Z"),
    "kk": re.compile(r"\s*,?\s*(?:және|мен|бен|пен|немесе)?\s*\Z"),
}

KIND_WORDS = {  # how the kind of an act is named next to its title (vocabulary, not names)
    "law": ("Закон", "Заң", "Law"),
    "amending_law": ("Закон", "Заң", "Law"),
    "constitutional_law": ("Конституционный закон", "Конституциялық заң", "Constitutional Law"),
}
# «ЗРК «Об искусственном интеллекте»»: the usual abbreviation of «Закон Республики Казахстан».
KIND_ABBREVIATIONS = {"law": "ЗРК", "amending_law": "ЗРК"}
