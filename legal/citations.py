"""Find legal citations in Russian, Kazakh and English text and resolve them to provisions.

    «пп. 3) п. 1 ст. 17 Закона об ИИ»          → ai-law, art_17__para_1__subpara_3
    «части второй статьи 190 Уголовного кодекса» → criminal-code, art_190__para_2
    «Жасанды интеллект туралы Заңның 21-бабы»   → ai-law, art_21
    «Art. 21(2) of the AI Law»                   → ai-law, art_21__para_2

`legal.citation_format` WRITES citations; this module READS them. The act names it knows
are data: every Act's citation aliases, short names, titles and citation names, matched on
stemmed tokens (so «Уголовного кодекса» matches «Уголовный кодекс РК»). The compiled
grammar and the eids of every version are cached in memory and dropped when an Act, a
version or a provision is saved or deleted (legal.freshness). docs/citations.md describes the grammar.
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property

import snowballstemmer
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from legal import freshness
from legal.models import Act, ActVersion, Numbering, Provision
from legal.publication import official_urls
from legal.versions import in_force_among


@dataclass(frozen=True)
class Citation:
    start: int  # span in the input text, text[start:end] is the reference
    end: int
    text: str
    act: str | None  # act slug, None if unknown/unresolved
    version: str | None  # ActVersion.code the reference was resolved against
    eid: str | None  # e.g. "art_190__para_2"; None for a reference to a whole act
    in_kb: bool  # the provision exists in our knowledge base (that version)
    resolved: bool  # act (and, if named, the unit numbers) understood
    reason: str  # "" when resolved and in_kb; otherwise "<code>: <human text>"
    url: str | None  # our permalink when in_kb; the official URL when only resolved; else None

    @property
    def reason_code(self) -> str:
        """The reason's code for programs (`unknown_act`), "" when there is none."""
        return self.reason.partition(":")[0].strip()

    @property
    def reason_message(self) -> str:
        """The reason in the user's language, for people (tooltips, the /cite/ page)."""
        return reason_message(self.reason)


#: A message for people per reason code; `Citation.reason` keeps the code and the details
#: (in English) for programs and logs.
REASON_MESSAGES = {
    "malformed": gettext_lazy("Ссылка записана с ошибкой и не распознана"),
    "unknown_act": gettext_lazy("Такого акта нет в базе знаний kzai"),
    "ambiguous_act": gettext_lazy("Название подходит к нескольким актам: уточните акт"),
    "act_not_specified": gettext_lazy("В ссылке не указан акт"),
    "context_mismatch": gettext_lazy("Ссылка не подходит к акту, в тексте которого она стоит"),
    "context_missing": gettext_lazy("Неясно, к какому положению относится ссылка"),
    "no_such_provision": gettext_lazy("Такого положения в этой редакции акта нет"),
    "not_in_kb": gettext_lazy("Этого положения нет в базе знаний kzai"),
}


def reason_message(reason: str) -> str:
    """`unknown_act: «…» is not …` → «Такого акта нет в базе знаний kzai» (in the active language)."""
    code = reason.partition(":")[0].strip()
    return str(REASON_MESSAGES.get(code) or gettext_lazy("Ссылка не распознана"))


# ---------------------------------------------------------------------------------------
# Text normalisation: a lowercase copy of the text of the same length, so spans found in
# the copy are spans of the original.

_REPLACEMENTS = (
    ("ё", "е"),
    *((dash, "-") for dash in "\u2010\u2011"),  # hyphens: part of a number (73-3)
    *((dash, "–") for dash in "\u2012\u2014\u2015\u2212"),  # dashes: a range (143–145)
    *((space, " ") for space in "\u00a0\u2007\u2009\u202f"),
)


def _normalize(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters lowercase to two (İ → i̇): keep those as they are
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    for old, new in _REPLACEMENTS:  # str.replace is much faster than str.translate here
        if old in low:
            low = low.replace(old, new)
    return low


# ---------------------------------------------------------------------------------------
# Token keys: how a word of an act's name is compared. Abbreviations (УК, КоАП, ЗРК) as they
# are; Russian words by their Snowball stem; English words by the English stem; Kazakh words
# (with a Kazakh letter) without their case and possessive endings.

_KK_LETTERS = frozenset("әғқңөұүһі")
_KK_SUFFIXES = tuple(
    sorted(
        (
            "ның нің дың дің тың тің нан нен дан ден тан тен мен бен пен ға ге қа ке на не "
            "да де та те ны ні ды ді ты ті сы сі ы і"
        ).split(),
        key=len,
        reverse=True,
    )
)
_KK_SUFFIX_SET = frozenset(_KK_SUFFIXES)
_LATIN_RE = re.compile(r"^[a-z'’-]+$")
_stemmers = threading.local()
_KEY_CACHE: dict[str, str] = {}
_KEY_CACHE_LIMIT = 200_000


def _stemmer(language: str):
    stemmer = getattr(_stemmers, language, None)
    if stemmer is None:  # Snowball stemmers keep state: one per thread
        stemmer = snowballstemmer.stemmer(language)
        setattr(_stemmers, language, stemmer)
    return stemmer


def _kk_strip(word: str) -> str:
    for _ in range(3):
        for suffix in _KK_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def _compute_key(token: str) -> str:
    low = _normalize(token)
    if any(ch.isdigit() for ch in low):
        return low
    if len(token) <= 5 and sum(ch.isupper() for ch in token) >= 2:
        return low  # an abbreviation: УК, КоАП, ЗРК, ҚК, PDL
    if "-" in low:
        head, _, tail = low.rpartition("-")
        if head and tail in _KK_SUFFIX_SET:  # ҚК-нің, КоАП-тың
            return _compute_key(token[: len(head)])
    if _LATIN_RE.match(low):
        return _stemmer("english").stemWord(low)
    if _KK_LETTERS.intersection(low):
        return _kk_strip(low)
    return _stemmer("russian").stemWord(low)


def token_key(token: str) -> str:
    """The comparison key of a word (its stem, or itself for numbers and abbreviations):
    act names are matched on these, and legal.linking matches defined terms with them."""
    key = _KEY_CACHE.get(token)
    if key is None:
        if len(_KEY_CACHE) > _KEY_CACHE_LIMIT:
            _KEY_CACHE.clear()
        key = _KEY_CACHE[token] = _compute_key(token)
    return key


# ---------------------------------------------------------------------------------------
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
_FOREIGN_AFTER_RE = re.compile(
    rf"(?:{_FOREIGN_STATE})(?!\w)"
    r"|of\s+(?:the\s+)?(?:russian\s+federation|russia|kyrgyz\s+republic|kyrgyzstan|belarus|uzbekistan"
    r"|ukraine|european\s+union)(?!\w)"
)
_FOREIGN_BEFORE_RE = re.compile(
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
_SKIP_RE = re.compile(rf"[«»\"“”„‟‹›()\[\]]|№|n°|no\.(?=\s*\d)|the(?!\w)|{_RK}|{_DATE}")
_SKIP_FIRST = frozenset("«»\"“”„‟‹›()[]№ntрккқokrdо0123456789")  # what a skipped thing starts with
_TRAIL_RE = re.compile(rf"(?:{_RK}|{_DATE})")
_NUMBER_SIGN_RE = re.compile(r"(?:№|no\.|n°)\s*([\w-]+)")
_WORD_RE = re.compile(r"\w+(?:-\w+)*")
_WS_RE = re.compile(r"\s*")
_OPENERS = {"»": "«", ")": "(", "”": "“", "“": "„"}

# Words of the kind of an act (not act names): they make an unrecognised name an unknown act.
_RU_UNKNOWN_ACT_RE = re.compile(
    r"(?:[^\W\d_]+(?:ого|его|ой|ей|ых|их)\s+){0,2}"
    r"(?:закона|кодекса|конституции|указа|постановления|приказа|регламента|директивы|конвенции"
    r"|договора|соглашения|правил)(?!\w)"
)
_EN_UNKNOWN_ACT_RE = re.compile(
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?"
    r"(?:law|code|act|constitution|decree|regulation|directive|convention|treaty|order)(?!\w)"
)
_KK_UNKNOWN_ACT_RE = re.compile(
    r"(?:(?:[^\W\d_][\w-]*\s+){1,4}туралы\s+)?(?:заң|кодекс|жарлы|қаулы|конституция)\w*\s*\Z"
)
_UNKNOWN_TITLE_RE = re.compile(r"\s*(?:«[^»\n]{1,200}»|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”)")
_UNKNOWN_WORDS_RE = re.compile(  # «Закона о пчеловодстве»: a few words of the title, if any
    r"\s+(?:о|об|on)((?:\s+(?!(?:и|или|в|на|по|с|к|для|and|or|in)\s)[^\W\d_][\w-]*){1,4})"
)

# ---------------------------------------------------------------------------------------
# Units. Group names: <lang>_<unit>; units are art, chp, part, pt (пункт), sub (подпункт),
# para and subpara (units whose level does not depend on the kind of act).

_UNIT_RE = re.compile(
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
_PART_AFTER_NUMBER_RE = re.compile(r"(?P<ru_part>ч\.)(?=\s?\d)")
_KK_UNIT_RE = re.compile(r"(?:ба[пб]|тармақша|тармақ|тармағ|бөлі[кг]|тарау)\w*")
_KK_PLURAL_RE = re.compile(r"(?:ба[пб]|тармақша|тармақ|тармағ|бөлі[кг]|тарау)(?:лар|лер|тар|тер|дар|дер)")
_RANK = {"sub": 1, "subpara": 1, "pt": 2, "part": 2, "para": 2, "art": 4, "chp": 5}
_ORDER = {"chp": 0, "art": 1, "para": 2, "subpara": 3}

_ITEM_RE = re.compile(r"(?P<num>\d+(?:-\d+)?)(?P<subs>(?:\(\d+(?:-\d+)?\))*)(?P<paren>\))?")
_SUBS_RE = re.compile(r"\((\d+(?:-\d+)?)\)")
_ORDINAL_STEMS = (
    "перв втор трет четверт пят шест седьм восьм девят десят одиннадцат двенадцат "
    "тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат"
).split()
_ORDINALS = {stem: str(n) for n, stem in enumerate(_ORDINAL_STEMS, start=1)}
_ORDINAL_RE = re.compile(
    r"(?P<stem>трет)(?:ий|ья|ье|ьего|ьему|ьим|ьем|ью|ьей|ьею|ьи|ьих|ьими)(?!\w)"
    r"|(?P<stem2>" + "|".join(s for s in _ORDINAL_STEMS if s != "трет") + r")"
    r"(?:ый|ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ою)(?!\w)"
)
_LIST_SEP = {
    "ru": re.compile(r"\s*,\s*(?:и\s+|а\s+также\s+)?|\s+(?:и|или|либо|а\s+также)\s+"),
    "en": re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+"),
    "kk": re.compile(r"\s*,\s*|\s+(?:және|мен|бен|пен|немесе)\s+"),
}
_RANGE_SEP = {
    "ru": re.compile(r"\s*–\s*|\s+-\s+|\s+по\s+"),
    "en": re.compile(r"\s*–\s*|\s+-\s+|\s+(?:to|through)\s+"),
    "kk": re.compile(r"\s*–\s*|\s+-\s+"),
}
_RANGE_FROM = {"ru": re.compile(r"с\s+(?=\d)"), "en": re.compile(r"from\s+(?=\d)")}
_MAX_RANGE = 200  # numbers in one range
_MAX_ITEMS = 50  # numbers listed after one unit word
_MAX_SKIPS = 12  # quotes, dates, «Республики Казахстан» … inside or after one name

_RU_REL_RE = re.compile(
    r"настоящ(?:ий|его|ему|им|ем|ая|ей|ую|ое|ие|их|ими)\s+"
    r"(?:(?P<act_law>закон\w*)|(?P<act_code>кодекс\w*)|(?P<art>стать\w*)|(?P<sub>подпункт\w*)"
    r"|(?P<pt>пункт\w*)|(?P<part>част\w*)|(?P<chp>глав\w*))"
)
_EN_REL_RE = re.compile(
    r"this\s+(?:(?P<act_law>law)|(?P<act_code>code)|(?P<art>article)|(?P<subpara>subparagraph)"
    r"|(?P<para>paragraph)|(?P<part>part)|(?P<chp>chapter))(?!\w)"
)
_KK_REL_RE = re.compile(
    r"осы\s+(?:(?P<act_law>заң\w*)|(?P<act_code>кодекс\w*)|(?P<art>ба[пб]\w*)|(?P<subpara>тармақша\w*)"
    r"|(?P<para>тармақ\w*|тармағ\w*)|(?P<part>бөлі[кг]\w*)|(?P<chp>тарау\w*))"
)
_EN_OF_RE = re.compile(r"\s+of\s+")
_CONNECT_RE = {
    "ru": re.compile(r"\s*(?:,|;)?\s*(?:и|или|либо|а\s+также)?\s*\Z"),
    "en": re.compile(r"\s*(?:,|;)?\s*(?:and|or)?\s*\Z"),
    "kk": re.compile(r"\s*,?\s*(?:және|мен|бен|пен|немесе)?\s*\Z"),
}

_KIND_WORDS = {  # how the kind of an act is named next to its title (vocabulary, not names)
    "law": ("Закон", "Заң", "Law"),
    "amending_law": ("Закон", "Заң", "Law"),
    "constitutional_law": ("Конституционный закон", "Конституциялық заң", "Constitutional Law"),
}
# «ЗРК «Об искусственном интеллекте»»: the usual abbreviation of «Закон Республики Казахстан».
_KIND_ABBREVIATIONS = {"law": "ЗРК", "amending_law": "ЗРК"}


# ---------------------------------------------------------------------------------------
# The grammar: the trie of act names and what we know about every act and version.


@dataclass
class _Version:
    pk: int
    code: str
    status: str
    date: datetime.date | None
    starts_on: datetime.date | None  # None for a draft
    in_force_until: datetime.date | None
    eids: set[str] = field(default_factory=set)
    paths: dict[str, str] = field(default_factory=dict)


@dataclass
class _Act:
    slug: str
    kind: str
    numbered_in_parts: bool  # «1.» is a часть and «1)» a пункт (Criminal, Administrative Codes)
    complete: bool  # every provision of its adopted text is in the knowledge base (not `partial`)
    number: str
    official_url: str | None
    versions: list[_Version]
    picked: dict = field(default_factory=dict)  # (as_of, code) → version

    @property
    def is_code(self) -> bool:
        return self.kind == "code"

    def version(self, as_of: datetime.date, code: str | None = None) -> _Version | None:
        key = (as_of, code)
        if key not in self.picked:
            if len(self.picked) > 1000:
                self.picked.clear()
            self.picked[key] = self._pick(as_of, code)
        return self.picked[key]

    def _pick(self, as_of: datetime.date, code: str | None) -> _Version | None:
        """The version asked for by code; else the one in force that day; else, none in
        force (the AI law before 2026-01-18), the latest adopted; else the latest draft."""
        if code:
            for version in self.versions:
                if version.code == code:
                    return version
        live = in_force_among(self.versions, as_of)
        if live is not None:
            return live
        adopted = [v for v in self.versions if v.status != "draft"]
        if adopted:
            day = datetime.date.min
            return max(adopted, key=lambda v: (v.starts_on or v.date or day, v.date or day, v.pk))
        if self.versions:
            return max(self.versions, key=lambda v: (v.date or datetime.date.min, v.pk))
        return None


_END = ""  # the trie key that marks the end of a name (no token has an empty key)


class _Grammar:
    def __init__(self, acts: dict[str, _Act], names: list[tuple[str, str]]):
        self.acts = acts
        self.trie: dict = {}
        # Where a name may start: the part of its first word that the key keeps (a stem is a
        # prefix of the word it comes from), as a whole word when that is short (УК, ГК).
        roots: set[str] = {"қазақстан", "қр", "kazakhstan"}  # a name may open with the Republic
        for slug, name in names:
            tokens = _name_tokens(name)
            if not tokens:
                continue
            node = self.trie
            for _surface, key in tokens:
                node = node.setdefault(key, {})
            node[_END] = node.get(_END, frozenset()) | {slug}
            surface, key = tokens[0]
            prefix = os.path.commonprefix([surface, key])
            roots.add(prefix if len(prefix) >= 2 else surface)
        act_roots = "|".join(
            re.escape(root) + (r"(?!\w)" if len(root) <= 3 else "")
            for root in sorted(roots, key=lambda r: (-len(r), r))
        ) or r"(?!x)x"
        self.trigger_re = re.compile(
            r"(?<!\w)(?:"
            r"(?P<unit>ст\.|ст(?=\s*\d)|стст\.|стат|подп|пп|пункт|п\.|част|ч\.|глав|гл\."
            r"|art|paragraph|para|sub|point|item|part|chapter|ch\.)"
            r"|(?P<rel>настоящ|осы\s|this\s)"
            r"|(?P<kk>\d+(?:-\d+)?\)?(?:(?:\s*,\s*|\s+(?:және|мен|бен|пен|немесе)\s+|\s*–\s*|\s+-\s+)"
            rf"\d+(?:-\d+)?\)?){{0,{_MAX_ITEMS}}}\s*-?\s*(?:ба[пб]|тармақ|тармағ|бөлі[кг]|тарау))"
            rf"|(?P<act>{act_roots})"
            r")"
        )
        self.urls: dict[tuple, str] = {}

    def walk(self, low: str, text: str, pos: int) -> tuple[frozenset, int] | None:
        """The longest act name starting at `pos`: (slugs, end) or None."""
        node, i, best, n, skips = self.trie, pos, None, len(low), 0
        while i < n:
            i = _skip_ws(low, i)
            m = _SKIP_RE.match(low, i) if low[i : i + 1] in _SKIP_FIRST else None
            if m and m.end() > i:
                skips += 1
                if skips > _MAX_SKIPS:
                    break
                i = m.end()
                continue
            m = _WORD_RE.match(low, i)
            if not m:
                break
            child = node.get(token_key(text[m.start() : m.end()]))
            if child is None:  # an abbreviation written in lowercase: «закон об ии»
                child = node.get(m.group())
                if child is None:
                    break
            node, i = child, m.end()
            if _END in node:
                best = (node[_END], i)
        return best

    def url(self, prefix: str, slug: str, code: str | None, eid: str | None) -> str:
        key = (prefix, slug, code, eid)
        url = self.urls.get(key)
        if url is None:
            if eid and code:
                url = reverse("legal:provision", args=[slug, code, eid])
            elif code:
                url = reverse("legal:version", args=[slug, code])
            else:
                url = reverse("legal:act", args=[slug])
            self.urls[key] = url
        return url


def _name_tokens(name: str) -> list[tuple[str, str]]:
    """(lowercase surface, key) of the words of a name, skipping what a walk skips."""
    low, tokens, i = _normalize(name), [], 0
    while i < len(low):
        i = _WS_RE.match(low, i).end()
        if i >= len(low):
            break
        m = _SKIP_RE.match(low, i)
        if m and m.end() > i:
            i = m.end()
            continue
        m = _WORD_RE.match(low, i)
        if not m:
            i += 1  # other punctuation in a name is not part of it
            continue
        tokens.append((m.group(), token_key(name[m.start() : m.end()])))
        i = m.end()
    return tokens


def _act_names(act: Act) -> list[str]:
    names = [*(a for a in act.citation_aliases or [] if isinstance(a, str))]
    for lang in ("ru", "kk", "en"):
        names += [getattr(act, f"short_name_{lang}"), getattr(act, f"citation_name_{lang}")]
    if act.kind == "code":
        names += [act.title_ru, act.title_kk, act.title_en]
    else:
        ru, kk, en = _KIND_WORDS.get(act.kind, _KIND_WORDS["law"])
        number = act.number
        for title, template in (
            (act.title_ru, [f"{ru} {{t}}", f"{ru} № {number} {{t}}"]),
            (act.title_kk, [f"{{t}} {kk}", f"№ {number} {{t}} {kk}"]),
            (act.title_en, [f"{en} {{t}}", f"{en} No. {number} {{t}}"]),
        ):
            if title:
                names += [t.format(t=title) for t in (template if number else template[:1])]
        if number:
            names += [f"{ru} № {number}", f"{en} No. {number}"]
        if act.title_ru and act.kind in _KIND_ABBREVIATIONS:
            names.append(f"{_KIND_ABBREVIATIONS[act.kind]} {act.title_ru}")
    return [n for n in names if n and n.strip()]


def _build() -> _Grammar:
    versions: dict[int, _Version] = {}
    by_act: dict[int, list[_Version]] = {}
    for row in ActVersion.objects.values(
        "pk", "act_id", "code", "status", "date", "in_force_from", "in_force_until", "act__adopted"
    ):
        starts = None if row["status"] == "draft" else (row["in_force_from"] or row["act__adopted"])
        version = _Version(
            row["pk"], row["code"], row["status"], row["date"], starts, row["in_force_until"]
        )
        versions[row["pk"]] = version
        by_act.setdefault(row["act_id"], []).append(version)
    for version_id, eid, path in Provision.objects.values_list("version_id", "eid", "path"):
        version = versions.get(version_id)
        if version is not None:
            version.eids.add(eid)
            version.paths[eid] = path
    acts: dict[str, _Act] = {}
    names: list[tuple[str, str]] = []
    for act in Act.objects.all():
        urls = official_urls(act) if isinstance(act.official_urls, dict) else {}
        official = next((urls[lang] for lang in ("ru", "kk") if urls.get(lang)), None)
        acts[act.slug] = _Act(
            act.slug,
            act.kind,
            act.numbering == Numbering.PARTS,
            not act.partial,
            (act.number or "").lower(),
            official,
            by_act.get(act.pk, []),
        )
        names += [(act.slug, name) for name in _act_names(act)]
    return _Grammar(acts, names)


# Rebuilt after any change to the knowledge base (legal.freshness).
_grammar = freshness.KnowledgeBaseMemo(_build, size=1)


def _get_grammar() -> _Grammar:
    return _grammar.get()


def invalidate_citation_cache(**kwargs) -> None:
    """Forget the compiled grammar and the eids (with every other value kept per process);
    the next extraction rebuilds them. Saves and deletes do it by themselves; call it after
    changes that send no signals (queryset.update(), bulk_create, raw SQL, a rolled-back
    transaction that had rebuilt the cache)."""
    freshness.invalidate()


# ---------------------------------------------------------------------------------------
# Parsing: references found in the text, before they are resolved.


@dataclass
class _Item:
    start: int
    end: int
    nums: list[str]  # more than one for a range
    subs: tuple[str, ...] = ()  # English Article 17(3)(6): ("3", "6")


@dataclass
class _Group:
    unit: str  # art, chp, part, pt, sub, para, subpara
    items: list[_Item]


@dataclass
class _Ref:
    start: int
    end: int
    lang: str
    groups: list[_Group] = field(default_factory=list)  # outermost first
    mode: str = "none"  # none, act, rel, unknown
    slugs: frozenset = frozenset()
    rel: str | None = None  # act_law, act_code, art, pt, sub, part, chp, para, subpara
    act_text: str = ""
    error: str = ""
    act_first: bool = False  # «ҚК 147-бабы», «Criminal Code art. 147»: its act is its own


class _Malformed(Exception):
    pass


def _skip_ws(low: str, i: int) -> int:
    if i < len(low) and low[i].isspace():
        return _WS_RE.match(low, i).end()
    return i


def _open_paren_before(low: str, pos: int) -> bool:
    window = low[max(0, pos - 300) : pos]
    return window.rfind("(") > window.rfind(")")


def _parse_items(low: str, i: int, lang: str, plural: bool) -> tuple[list[_Item], int, str]:
    """Numbers after a unit word: 21; 147, 174; 143–145; 2) и 3); второй; 17(3)(6)."""
    items: list[_Item] = []
    error = ""
    if lang in _RANGE_FROM:
        m = _RANGE_FROM[lang].match(low, i)
        if m:
            i = m.end()
    while True:
        item = _one_item(low, i, lang)
        if item is None:
            break
        num, subs, start, end = item
        nums = [num]
        rm = _RANGE_SEP[lang].match(low, end)
        second = _one_item(low, rm.end(), lang) if rm else None
        if second is not None and not subs and not second[1]:
            a, b = num, second[0]
            spaced = rm.group() != rm.group().strip() or rm.group().strip() in ("по", "to", "through")
            if not (a.isdigit() and b.isdigit()):
                error = error or f"a range over dashed numbers ({low[start:second[3]]}) is ambiguous"
                nums, end = [f"{a}–{b}"], second[3]
            elif int(b) < int(a) and spaced:
                second = None  # «ст. 21 — 5 лет»: a dash in the sentence, not a range
            elif int(b) <= int(a) or int(b) - int(a) > _MAX_RANGE:
                error = error or f"the range {low[start:second[3]]} is not a valid range"
                nums, end = [f"{a}–{b}"], second[3]
            else:
                nums, end = [str(n) for n in range(int(a), int(b) + 1)], second[3]
        elif plural and re.fullmatch(r"\d+-\d+", num):
            a, b = num.split("-")
            if int(b) > int(a) and int(b) - int(a) <= _MAX_RANGE:  # «ст.ст. 143-145»: a range
                nums = [str(n) for n in range(int(a), int(b) + 1)]
        items.append(_Item(start, end, nums, subs))
        sm = _LIST_SEP[lang].match(low, end)
        if sm and len(items) <= _MAX_ITEMS and _one_item(low, sm.end(), lang) is not None:
            i = sm.end()
            continue
        i = end
        break
    return items, i, error


def _one_item(low: str, i: int, lang: str) -> tuple[str, tuple[str, ...], int, int] | None:
    m = _ITEM_RE.match(low, i)
    if m:
        num, subs_text, paren = m.group("num", "subs", "paren")
        if lang == "en":
            return num, tuple(_SUBS_RE.findall(subs_text)) if subs_text else (), m.start(), m.end()
        if subs_text:  # «п. 2(1)» is not Russian or Kazakh numbering: only the number counts
            return num, (), m.start(), m.end("num")
        return num, (), m.start(), m.end() if paren else m.end("num")
    if lang == "ru":
        m = _ORDINAL_RE.match(low, i)
        if m:
            return _ORDINALS[m.group("stem") or m.group("stem2")], (), m.start(), m.end()
    return None


def _parse_unit_chain(low: str, pos: int) -> tuple[list[_Group], int, str, str] | None:
    """A Russian or English chain, innermost unit first in the text: «пп. 3) п. 1 ст. 17»,
    «paragraph 2 of Article 21». Returns (groups outermost first, end, lang, error)."""
    groups: list[_Group] = []
    lang = None
    outer_first = False  # «ст. 190 ч. 2 п. 1 УК РК»: the article first, as court papers write it
    i, end, error = pos, pos, ""
    while True:
        m = _UNIT_RE.match(low, i)
        if not m and groups and lang == "ru":
            m = _PART_AFTER_NUMBER_RE.match(low, i)  # «ст. 190 ч. 2»: «ч.» after the number
        if not m:
            break
        glang, unit = m.lastgroup.split("_", 1)
        if lang and glang != lang:
            break
        plural = unit.endswith("pl")
        unit = unit.removesuffix("pl")
        if groups and unit in {g.unit for g in groups}:
            break
        if len(groups) == 1 and glang == "ru" and groups[0].unit == "art" and _RANK[unit] < _RANK["art"]:
            outer_first = True
        if groups and (
            _RANK[unit] > _RANK[groups[-1].unit] if outer_first else _RANK[unit] < _RANK[groups[-1].unit]
        ):
            break
        items, j, err = _parse_items(low, _skip_ws(low, m.end()), glang, plural)
        if not items:
            break
        lang = glang
        groups.append(_Group(unit, items))
        error = error or err
        end = j
        if lang == "en":
            of = _EN_OF_RE.match(low, end)
            if of and _UNIT_RE.match(low, of.end()):
                i = of.end()
                continue
            break
        i = _skip_ws(low, end)
    if not groups:
        return None
    if lang == "en" and any(g.unit == "part" for g in groups):
        for g in groups:  # «paragraph 3) of part 1»: with a part named, a paragraph is the «1)» unit
            if g.unit == "para":
                g.unit = "subpara"
    if not outer_first:
        groups.reverse()
    return groups, end, lang, error


def _parse_kk_chain(low: str, pos: int) -> tuple[list[_Group], int, str] | None:
    """A Kazakh chain, outermost first: «17-баптың 3-тармағының 6) тармақшасы»."""
    groups: list[_Group] = []
    i, end, error = pos, pos, ""
    while True:
        items, j, err = _parse_items(low, i, "kk", False)
        if not items:
            break
        k = _skip_ws(low, j)
        if low.startswith("-", k):
            k = _skip_ws(low, k + 1)
        m = _KK_UNIT_RE.match(low, k)
        if not m:
            break
        word = m.group()
        if _KK_PLURAL_RE.match(word):  # «143-145-баптары» is a range, «73-3-бабы» a number
            items, j, err = _parse_items(low, i, "kk", True)
        if word.startswith(("бап", "баб")):
            unit = "art"
        elif word.startswith("тарау"):
            unit = "chp"
        elif word.startswith("бөлі"):
            unit = "part"
        elif word.startswith("тармақша") or low[items[-1].end - 1] == ")":
            unit = "subpara"  # «6) тармақшасы» in a law, «3) тармағы» (a point) in a code
        else:
            unit = "para"
        if groups and (unit in {g.unit for g in groups} or _RANK[unit] > _RANK[groups[-1].unit]):
            break
        groups.append(_Group(unit, items))
        error = error or err
        end = m.end()
        i = _skip_ws(low, end)
    if not groups:
        return None
    return groups, end, error


def _parse_act_after(grammar: _Grammar, low: str, text: str, ref: _Ref) -> None:
    """What follows a Russian or English chain: an act, «настоящей статьи», «of this Law»."""
    k = _skip_ws(low, ref.end)
    if ref.lang == "en":
        of = _EN_OF_RE.match(low, ref.end)
        if not of:
            return
        k = of.end()
        rel = _EN_REL_RE.match(low, k)
    else:
        rel = _RU_REL_RE.match(low, k)
    if rel:
        ref.mode, ref.rel, ref.end = "rel", rel.lastgroup, rel.end()
        return
    found = grammar.walk(low, text, k)
    if found:
        slugs, end = found
        ref.mode, ref.slugs = "act", slugs
        ref.end = _extend_act(grammar, low, k, end, slugs)
        ref.act_text = text[k : ref.end]
        _mark_foreign(low, text, ref, k)
        return
    unknown = (_EN_UNKNOWN_ACT_RE if ref.lang == "en" else _RU_UNKNOWN_ACT_RE).match(low, k)
    if unknown:
        ref.mode, ref.end = "unknown", _extend_unknown(low, unknown.end())
        ref.act_text = text[k : ref.end]


def _extend_act(grammar: _Grammar, low: str, start: int, end: int, slugs: frozenset) -> int:
    """Take in what may follow a name: «Республики Казахстан», the date, its own number,
    the closing quotes and brackets opened inside the name."""
    numbers = {grammar.acts[s].number for s in slugs if s in grammar.acts}
    for _ in range(_MAX_SKIPS):
        j = _skip_ws(low, end)
        m = _TRAIL_RE.match(low, j)
        if m and m.end() > j:
            end = m.end()
            continue
        m = _NUMBER_SIGN_RE.match(low, j)
        if m and m.group(1) in numbers:
            end = m.end()
            continue
        break
    while end < len(low) and low[end] in _OPENERS:
        segment = low[start:end]
        closer = low[end]
        if segment.count(_OPENERS[closer]) > segment.count(closer):
            end += 1
        else:
            break
    if low[start:end].count('"') % 2 and low.startswith('"', end):
        end += 1
    return end


def _extend_unknown(low: str, end: int) -> int:
    j = end
    for _ in range(_MAX_SKIPS):
        k = _skip_ws(low, j)
        m = _TRAIL_RE.match(low, k) or _NUMBER_SIGN_RE.match(low, k)
        if m and m.end() > k:
            j = m.end()
            continue
        break
    m = _UNKNOWN_TITLE_RE.match(low, j) or _UNKNOWN_WORDS_RE.match(low, j)
    return m.end() if m else j


# ---------------------------------------------------------------------------------------
# Resolution.


_CONTEXT_LEVELS = {"chp": "chp", "art": "art", "para": "para", "subpara": "subpara", "def": "subpara"}


class _Context:
    """Where the text sits; what it costs to know (today, the script prefix, the context
    version) is worked out only when a reference needs it."""

    def __init__(self, grammar, act_slug, provision_eid, version_code, as_of):
        self.grammar = grammar
        self.act_slug, self.provision_eid, self.version_code = act_slug, provision_eid, version_code
        self._as_of = as_of
        self._script_prefix: str | None = None
        self.act = grammar.acts.get(act_slug) if act_slug else None
        self.parts: list[tuple[str, str]] = []
        for component in (provision_eid or "").split("__"):
            kind, _, num = component.partition("_")
            if kind in _CONTEXT_LEVELS and num:
                self.parts.append((_CONTEXT_LEVELS[kind], num))

    @property
    def as_of(self) -> datetime.date:
        if self._as_of is None:
            self._as_of = timezone.localdate()
        return self._as_of

    @property
    def script_prefix(self) -> str:
        if self._script_prefix is None:  # reverse() depends on it; read it once
            self._script_prefix = get_script_prefix()
        return self._script_prefix

    @cached_property
    def version(self) -> _Version | None:
        return self.act.version(self.as_of, self.version_code) if self.act else None

    def chapter(self) -> str | None:
        for level, num in self.parts:
            if level == "chp":
                return num
        if self.version and self.provision_eid:
            path = self.version.paths.get(self.provision_eid, "")
            for eid in [*path.split("/"), self.provision_eid]:
                if eid.startswith("chp_"):
                    return eid[4:]
        return None

    def prefix(self, through: str) -> list[tuple[str, str]] | None:
        """The context provision's units down to `through` (art, para, subpara, chp)."""
        if through == "chp":
            chapter = self.chapter()
            return [("chp", chapter)] if chapter else None
        if not any(level == through for level, _ in self.parts):
            return None
        out = []
        for level, num in self.parts:
            if level == "chp":
                continue
            out.append((level, num))
            if level == through:
                return out
        return None

    def above(self, level: str) -> list[tuple[str, str]] | None:
        """The context provision's units above `level` (for a bare «п. 2» inside an article)."""
        out = [(lv, n) for lv, n in self.parts if lv != "chp" and _ORDER[lv] < _ORDER[level]]
        return out if any(lv == "art" for lv, _ in out) else None


def _resolve(ref: _Ref, text: str, ctx: _Context) -> list[Citation]:
    whole = text[ref.start : ref.end]
    quoted = f"«{whole}»"
    if ref.error:
        return _spread(ref, text, f"malformed: {ref.error}")
    # Which act.
    rel_level = None
    if ref.mode == "unknown":
        return _spread(ref, text, f"unknown_act: «{ref.act_text}» is not an act in the knowledge base")
    if ref.mode == "act":
        if len(ref.slugs) > 1:
            names = ", ".join(sorted(ref.slugs))
            return _spread(ref, text, f"ambiguous_act: «{ref.act_text}» names several acts ({names})")
        act = ctx.grammar.acts.get(next(iter(ref.slugs)))
        if act is None:
            return _spread(ref, text, f"unknown_act: «{ref.act_text}» is not in the knowledge base")
        own = ctx.act is not None and act.slug == ctx.act.slug
        version = act.version(ctx.as_of, ctx.version_code if own else None)
    else:
        if ctx.act is None:
            reason = (
                f"unknown_act: the context act {ctx.act_slug!r} is not in the knowledge base"
                if ctx.act_slug
                else f"act_not_specified: {quoted} names no act and the text has no context act"
            )
            return _spread(ref, text, reason)
        act, version = ctx.act, ctx.version
        if ref.mode == "rel" and ref.rel in ("act_law", "act_code"):
            if (ref.rel == "act_code") != act.is_code:
                reason = f"context_mismatch: {quoted} but the context act {act.slug} is a {act.kind}"
                return _spread(ref, text, reason)
        elif ref.mode == "rel":
            rel_level = {
                "art": "art",
                "chp": "chp",
                "para": "para",
                "subpara": "subpara",
                "pt": "subpara" if act.numbered_in_parts else "para",
                "sub": "subpara",
                "part": "para",
            }[ref.rel]
    # Which units.
    try:
        levels = _map_levels(ref.groups, act, rel_level)
    except _Malformed as exc:
        return _spread(ref, text, f"malformed: {exc}")
    if any(item.subs for level, g in levels if level == "art" for item in g.items) and any(
        level in ("para", "subpara") for level, _ in levels
    ):
        return _spread(ref, text, f"malformed: {quoted} numbers the paragraph twice")
    if rel_level:
        prefix = ctx.prefix(rel_level)
        if prefix is None:
            return _spread(ref, text, f"context_missing: {quoted} needs the provision the text is in")
    elif ref.mode == "none" and levels and levels[0][0] not in ("art", "chp"):
        prefix = ctx.above(levels[0][0])
        if prefix is None:
            return _spread(ref, text, f"context_missing: {quoted} names no article")
    else:
        prefix = []
    if levels and not any(lv == "art" for lv, _ in prefix + levels) and any(
        lv != "chp" for lv, _ in levels
    ):
        return _spread(ref, text, f"malformed: {quoted} names no article")
    # Expand lists and ranges, build the eids.
    code = version.code if version else None
    eids = version.eids if version else set()
    out: list[Citation] = []
    for (start, end), combo in _expand(ref, levels):
        eid = _eid(prefix, combo, act, eids) if (prefix or combo) else None
        in_kb = version is not None and (eid is None or eid in eids)
        if in_kb:
            url, reason = ctx.grammar.url(ctx.script_prefix, act.slug, code, eid), ""
        elif eid and version is not None and act.complete and version.status != "draft":
            # We hold this text whole: what it lacks does not exist in it. Never link a guess.
            reason = f"no_such_provision: {act.slug}@{code} has no {eid}"
            out.append(Citation(start, end, text[start:end], None, None, None, False, False, reason, None))
            continue
        else:
            url = act.official_url
            where = f"{act.slug}@{code}" if code else f"{act.slug} (no version in the knowledge base)"
            reason = f"not_in_kb: {eid or 'the act'} is not in {where}"
        out.append(Citation(start, end, text[start:end], act.slug, code, eid, in_kb, True, reason, url))
    return out


def _spread(ref: _Ref, text: str, reason: str) -> list[Citation]:
    """Unresolved: one citation per listed number, as a resolved one would be."""
    return [
        Citation(start, end, text[start:end], None, None, None, False, False, reason, None)
        for (start, end), _ in _expand(ref, [(g.unit, g) for g in ref.groups])
    ]


def _map_levels(groups: list[_Group], act: _Act, outer: str | None) -> list[tuple[str, _Group]]:
    """Linguistic units → structural levels of this kind of act, outermost first."""
    out: list[tuple[str, _Group]] = []
    prev = outer
    names = {g.unit for g in groups}
    for group in groups:
        unit = group.unit
        if unit in ("art", "chp", "para", "subpara"):
            level = unit
        elif unit == "pt":
            level = "subpara" if act.numbered_in_parts else "para"
        elif unit == "sub":
            if act.numbered_in_parts and "pt" in names:
                raise _Malformed("a подпункт inside a пункт of a code is not a unit of the knowledge base")
            level = "subpara"
        else:  # part
            if act.numbered_in_parts:
                level = "para"
            elif prev == "para":
                continue  # a part of a law's пункт is a block of text, not a unit of the eids
            else:
                level = "para"
        if prev and _ORDER[level] <= _ORDER[prev]:
            raise _Malformed("the units are not nested one in another")
        out.append((level, group))
        prev = level
    if len(out) > 1 and out[0][0] == "chp" and out[1][0] == "art":
        out = out[1:]  # «статьи 17 главы 4»: the article is enough
    elif len(out) > 1 and out[0][0] == "chp":
        raise _Malformed("a chapter is divided into articles")
    return out


def _expand(ref: _Ref, levels: list[tuple[str, _Group]]):
    """((start, end), [(level, num, subs), …]) for every combination of listed numbers.

    Per-number spans when only one unit lists several numbers: the first takes the text
    before it, the last the text after it, the numbers of a range share one span. When
    several units list numbers, every combination gets the whole span."""
    groups = [g for _, g in levels]
    options = [[(item, num) for item in g.items for num in item.nums] for g in groups]
    listed = [i for i, g in enumerate(groups) if len(g.items) > 1]
    for combo in itertools.product(*options):  # one empty combination when there is no unit
        start, end = ref.start, ref.end
        if len(listed) == 1:
            items = groups[listed[0]].items
            item = combo[listed[0]][0]
            if item is not items[0]:
                start = item.start
            if item is not items[-1]:
                end = item.end
        yield (start, end), [(lv, num, item.subs) for (lv, _), (item, num) in zip(levels, combo, strict=True)]


def _eid(prefix: list[tuple[str, str]], combo, act: _Act, eids: set[str]) -> str:
    parts = [*prefix, *((level, num) for level, num, _ in combo)]
    subs = next((s for _, _, s in combo if s), ())
    if all(level == "chp" for level, _ in parts):
        return f"chp_{parts[-1][1]}"
    parts = [(level, num) for level, num in parts if level != "chp"]
    eid = ""
    for index, (level, num) in enumerate(parts):
        if level == "art":
            eid = f"art_{num}"
        elif level == "para":
            eid = f"{eid}__para_{num}"
        elif index > 0 and parts[index - 1][0] == "para":
            eid = f"{eid}__subpara_{num}"
        else:
            eid = _direct_subpara(eid, num, act, eids)
    for depth, num in enumerate(subs):  # Article 17(3)(6): the levels the article really has
        if depth == 0:
            candidates = [f"{eid}__para_{num}", f"{eid}__subpara_{num}", f"{eid}__def_{num}"]
            eid = next((c for c in candidates if c in eids), candidates[0])
        elif "__para_" in eid and "__subpara_" not in eid:
            eid = f"{eid}__subpara_{num}"
        else:
            eid = f"{eid}__item_{num}"
    return eid


def _direct_subpara(article_eid: str, num: str, act: _Act, eids: set[str]) -> str:
    """A «1)» unit directly in an article: a subparagraph, or a definition (art. 1 of a law)."""
    candidates = [f"{article_eid}__subpara_{num}", f"{article_eid}__def_{num}"]
    for candidate in candidates:
        if candidate in eids:
            return candidate
    if not act.is_code and article_eid == "art_1":
        return candidates[1]
    return candidates[0]


# ---------------------------------------------------------------------------------------
# The scan.


def extract_citations(
    text: str,
    *,
    act: str | None = None,
    provision_eid: str | None = None,
    version: str | None = None,
    as_of: datetime.date | None = None,
) -> list[Citation]:
    """Every citation in `text`, in order, lists and ranges expanded.

    `act`, `provision_eid` and `version` say where the text sits (for «настоящей статьи»,
    «настоящего Закона» and a bare «ст. 21»); `as_of` (default today) picks the version of
    each act: the one in force that day, else the latest adopted one."""
    if not text or not isinstance(text, str):
        return []
    grammar = _get_grammar()
    low = _normalize(text)
    refs = _scan(grammar, low, text)
    _share_acts(refs, low)
    if not refs:
        return []
    ctx = _Context(grammar, act, provision_eid, version, as_of)
    citations: list[Citation] = []
    for ref in refs:
        citations.extend(_resolve(ref, text, ctx))
    return citations


def _scan(grammar: _Grammar, low: str, text: str) -> list[_Ref]:
    refs: list[_Ref] = []
    done = 0
    for m in grammar.trigger_re.finditer(low):
        pos = m.start()
        if pos < done:
            continue
        kind = m.lastgroup
        ref = None
        if kind == "unit":
            ref = _unit_ref(grammar, low, text, pos)
        elif kind == "rel":
            ref = _rel_ref(grammar, low, text, pos)
        elif kind == "kk":
            ref = _kk_ref(low, text, pos, refs)
        if ref is None and kind in ("unit", "act"):
            ref = _act_ref(grammar, low, text, pos)
        if ref is not None:
            refs.append(ref)
            done = ref.end
    return refs


def _unit_ref(grammar: _Grammar, low: str, text: str, pos: int) -> _Ref | None:
    parsed = _parse_unit_chain(low, pos)
    if parsed is None:
        return None
    groups, end, lang, error = parsed
    _fix_trailing_paren(low, pos, groups)
    end = max(item.end for g in groups for item in g.items) if groups else end
    ref = _Ref(pos, end, lang, groups, error=error)
    _parse_act_after(grammar, low, text, ref)
    return ref


def _fix_trailing_paren(low: str, pos: int, groups: list[_Group]) -> None:
    """«(п. 1)»: the bracket closes the parenthesis, it is not the «1)» of a subparagraph."""
    last = groups[0].items[-1]  # the outermost unit comes last in the text
    item = low[last.start : last.end]
    if (
        item.endswith(")")
        and item.count(")") > item.count("(")  # not the «(2)» of «Article 21(2)»
        and not low.startswith(")", last.end)  # «(пп. 6))»: the first one is the subparagraph's
        and _open_paren_before(low, pos)
    ):
        last.end -= 1


def _rel_ref(grammar: _Grammar, low: str, text: str, pos: int) -> _Ref | None:
    m = _RU_REL_RE.match(low, pos)
    if m:
        return _Ref(pos, m.end(), "ru", mode="rel", rel=m.lastgroup)
    m = _EN_REL_RE.match(low, pos)
    if m and text[m.start(m.lastgroup)].isupper():  # «this Law», not «this article we wrote»
        return _Ref(pos, m.end(), "en", mode="rel", rel=m.lastgroup)
    m = _KK_REL_RE.match(low, pos)
    if m:
        ref = _Ref(pos, m.end(), "kk", mode="rel", rel=m.lastgroup)
        _attach_kk_chain(low, ref)
        return ref
    return None


def _attach_kk_chain(low: str, ref: _Ref) -> None:
    k = _skip_ws(low, ref.end)
    if k == ref.end and ref.end < len(low):
        return
    parsed = _parse_kk_chain(low, k)
    if parsed:
        ref.groups, ref.end, ref.error = parsed


def _kk_ref(low: str, text: str, pos: int, refs: list[_Ref]) -> _Ref | None:
    parsed = _parse_kk_chain(low, pos)
    if parsed is None:
        return None
    groups, end, error = parsed
    ref = _Ref(pos, end, "kk", groups, error=error)
    before = low[max(0, pos - 120) : pos]
    unknown = _KK_UNKNOWN_ACT_RE.search(before)
    if unknown and not (refs and refs[-1].end > pos - len(before) + unknown.start()):
        # «… туралы Заңның 5-бабы» with a name we do not know
        ref.mode = "unknown"
        ref.start = pos - len(before) + unknown.start()
        ref.act_text = text[ref.start : pos].strip()
    return ref


def _act_ref(grammar: _Grammar, low: str, text: str, pos: int) -> _Ref | None:
    found = grammar.walk(low, text, pos)
    if not found:
        return None
    slugs, end = found
    end = _extend_act(grammar, low, pos, end, slugs)
    ref = _Ref(pos, end, "kk", mode="act", slugs=slugs, act_text=text[pos:end])
    if _mark_foreign(low, text, ref, pos):
        end = ref.end
    k = _skip_ws(low, end)
    if k > end:
        parsed = _parse_kk_chain(low, k)
        if parsed:  # «ҚК 147-бабы»: in Kazakh the act comes first
            ref.groups, ref.end, ref.error = parsed
            ref.act_first = True
        elif (unit := _UNIT_RE.match(low, k)) and unit.lastgroup.startswith("en_"):
            chain = _parse_unit_chain(low, k)  # «Criminal Code art. 147»: an English habit
            if chain and chain[2] == "en" and chain[0]:
                ref.groups, _end, ref.lang, ref.error = chain
                ref.end = max(item.end for g in ref.groups for item in g.items)
                ref.act_first = True
    return ref


def _mark_foreign(low: str, text: str, ref: _Ref, name_start: int) -> bool:
    """Another state's act («УК РФ»): the reference becomes an unknown act, its span taking
    in the state. True if it was."""
    after = _FOREIGN_AFTER_RE.match(low, _skip_ws(low, ref.end))
    before = _FOREIGN_BEFORE_RE.search(low[max(0, name_start - 60) : name_start])
    if not (after or before):
        return False
    if after:
        ref.end = after.end()
    start = name_start - len(before.group()) if before else name_start
    if ref.start == name_start:  # the reference begins with the name: take the state in
        ref.start = start
    ref.mode, ref.slugs = "unknown", frozenset()
    ref.act_text = text[start : ref.end].strip()
    return True


def _share_acts(refs: list[_Ref], low: str) -> None:
    """«ст. 147 и ст. 174 УК»: a chain with no act of its own, joined to the next one by a
    comma or «и», shares its act (in Kazakh, the previous one's)."""
    for index in range(len(refs) - 2, -1, -1):
        ref, nxt = refs[index], refs[index + 1]
        if (
            ref.mode == "none"
            and ref.groups
            and nxt.mode != "none"
            and not nxt.act_first
            and ref.lang == nxt.lang != "kk"
        ):
            between = low[ref.end : nxt.start] if nxt.start - ref.end < 20 else "…"
            if nxt.groups and _CONNECT_RE[ref.lang].match(between):
                ref.mode, ref.slugs, ref.rel, ref.act_text = nxt.mode, nxt.slugs, nxt.rel, nxt.act_text
    for index in range(1, len(refs)):
        ref, prev = refs[index], refs[index - 1]
        if ref.mode == "none" and ref.lang == prev.lang == "kk" and prev.mode != "none" and prev.groups:
            between = low[prev.end : ref.start] if ref.start - prev.end < 20 else "…"
            if _CONNECT_RE["kk"].match(between):
                ref.mode, ref.slugs, ref.rel, ref.act_text = prev.mode, prev.slugs, prev.rel, prev.act_text
