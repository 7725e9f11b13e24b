"""Words, stems and highlighting shared by both search backends.

Everything that decides *what matches* happens here, in Python, so SQLite and
PostgreSQL see the same tokens and stems and return the same result sets:

- `words(text)`: lowercase word tokens (ё→е), letters and digits only;
- `stem(word, language)`: Snowball Russian/English, our light Kazakh suffix stripper;
- `query_stems(word)`: every stem a query word may have in an index row of any language;
- `highlight(text, language, stems)`: an HTML-escaped snippet with `<mark>` around
  words whose stem is one of `stems` (`mark` finds them, `snippet` cuts and escapes).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import escape as _escape

import snowballstemmer

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

_RU = snowballstemmer.stemmer("russian")
_EN = snowballstemmer.stemmer("english")

# PostgreSQL's `russian` configuration drops these (its tsearch_data/russian.stop, copied
# here) and sends ASCII words to english_stem, which drops english.stop. Russian index rows
# leave them out and queries drop them, on both backends, so both match the same rows.
RU_STOP = frozenset(
    """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только
    ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни
    быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где
    есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж
    тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы
    нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над
    больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою
    этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между
    """.split()
)
EN_STOP = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now
    """.split()
)


# Kazakh: no Snowball stemmer exists. We strip, from the end, at most one case ending,
# then one possessive ending, then one plural ending, keeping a stem of 3+ letters.
# Longest endings first within each group.
_KK_CASE = sorted(
    """ның нің дың дің тың тің
    ға ге қа ке на не
    ны ні ды ді ты ті
    нда нде да де та те
    нан нен дан ден тан тен
    мен бен пен менен
    ша ше
    дай дей тай тей""".split(),
    key=len,
    reverse=True,
)
_KK_POSSESSIVE = sorted(
    "ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ым ім ың ің сы сі ы і".split(), key=len, reverse=True
)
_KK_PLURAL = sorted("лар лер дар дер тар тер".split(), key=len, reverse=True)
_KK_MIN_STEM = 3


def kazakh_stem(word: str) -> str:
    """A light stemmer: деректер/деректерді/деректердің → дерек; жүйесінің → жүйе."""
    for group in (_KK_CASE, _KK_POSSESSIVE, _KK_PLURAL):
        for ending in group:
            if word.endswith(ending) and len(word) - len(ending) >= _KK_MIN_STEM:
                word = word[: -len(ending)]
                break
    return word


def words(text: str) -> list[str]:
    """Lowercase word tokens of `text`, ё folded to е (as PostgreSQL's russian does)."""
    return [w.replace("ё", "е") for w in WORD_RE.findall(text.casefold())]


@functools.lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of one lowercase token as it is indexed in a row of `language`.

    ru rows follow PostgreSQL's `russian` config: Cyrillic → Snowball Russian, ASCII →
    Snowball English. en rows: Snowball English. kk rows: `kazakh_stem`."""
    if language == "kk":
        return kazakh_stem(word)
    if language == "ru" and not word.isascii():
        return _RU.stemWord(word)
    if word.isascii() and not word.isdigit():
        return _EN.stemWord(word)
    return word


def indexed_stems(tokens: list[str], language: str) -> list[str]:
    """The stems of a row's words as the index holds them (ru rows: no stop words)."""
    if language == "ru":
        tokens = [w for w in tokens if not (w in EN_STOP if w.isascii() else w in RU_STOP)]
    return [stem(w, language) for w in tokens]


def stem_text(text: str, language: str) -> str:
    """The stemmed form of `text` that goes into the index (space-separated stems)."""
    return " ".join(indexed_stems(words(text), language))


def is_stop(word: str) -> bool:
    return word in RU_STOP or word in EN_STOP


def query_stems(word: str) -> tuple[str, ...]:
    """Every stem `word` can have in an index row (ru, kk, en), without duplicates."""
    found: list[str] = []
    for language in ("ru", "kk", "en"):
        s = stem(word, language)
        if s and s not in found:
            found.append(s)
    return tuple(found)


SNIPPET_WORDS = 32


@dataclass(frozen=True)
class Marked:
    """A text's words (spans) and which of them match (indexes into `spans`)."""

    text: str
    language: str
    spans: list[tuple[int, int]]
    hits: list[int]


def mark(text: str, language: str, stems: set[str]) -> Marked:
    """Find the words of `text` whose stem (as indexed in `language`) is one of `stems`."""
    spans = [m.span() for m in WORD_RE.finditer(text or "")]
    hits = [
        i for i, (a, b) in enumerate(spans) if stem(text[a:b].casefold().replace("ё", "е"), language) in stems
    ]
    return Marked(text or "", language, spans, hits)


def highlight(text: str, language: str, stems: set[str], *, size: int = SNIPPET_WORDS) -> str:
    """An escaped window of `text` around the first matching word, matches in <mark>."""
    return snippet(mark(text, language, stems), size=size)


def snippet(marked: Marked, *, size: int = SNIPPET_WORDS) -> str:
    """The escaped window of `size` words of a `mark()`ed text, matches in <mark>."""
    text, spans, hits = marked.text, marked.spans, marked.hits
    if not text:
        return ""
    if not spans:
        return _escape(text[:300])
    start_word = max(0, (hits[0] if hits else 0) - size // 4)
    end_word = min(len(spans), start_word + size)
    begin = spans[start_word][0] if start_word else 0
    end = spans[end_word - 1][1] if end_word < len(spans) else len(text)
    out: list[str] = ["…" if begin else ""]
    pos = begin
    for i in hits:
        if start_word <= i < end_word:
            a, b = spans[i]
            out += [_escape(text[pos:a]), "<mark>", _escape(text[a:b]), "</mark>"]
            pos = b
    out.append(_escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)
