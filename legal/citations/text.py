"""Text normalisation and the comparison key of a word: pure string work, no knowledge base.

The normalised copy of a text is lowercase and of the same length, so spans found in the
copy are spans of the original. Token keys say how a word of an act's name is compared.
"""

from __future__ import annotations

import re
import threading

import snowballstemmer

from legal.citations.kazakh import KK_LETTERS, KK_SUFFIX_SET, fix_lookalikes, kk_strip

_REPLACEMENTS = (
    ("ё", "е"),
    *((dash, "-") for dash in "\u2010\u2011"),  # hyphens: part of a number (73-3)
    *((dash, "–") for dash in "\u2012\u2014\u2015\u2212"),  # dashes: a range (143–145)
    *((space, " ") for space in "\u00a0\u2007\u2009\u202f"),
)


def normalize(text: str) -> str:
    text = fix_lookalikes(text)  # «Заңның» typed with a Latin «i»
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


def _compute_key(token: str) -> str:
    low = normalize(token)
    if any(ch.isdigit() for ch in low):
        return low
    if len(token) <= 5 and sum(ch.isupper() for ch in token) >= 2:
        return low  # an abbreviation: УК, КоАП, ЗРК, ҚК, PDL
    if "-" in low:
        head, _, tail = low.rpartition("-")
        if head and tail in KK_SUFFIX_SET:  # ҚК-нің, КоАП-тың
            return _compute_key(token[: len(head)])
    if _LATIN_RE.match(low):
        return _stemmer("english").stemWord(low)
    if KK_LETTERS.intersection(low):
        return kk_strip(low)
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


WS_RE = re.compile(r"\s*")


def skip_ws(low: str, i: int) -> int:
    if i < len(low) and low[i].isspace():
        i += 1  # one space is the usual case: no regular expression for it (a hot path)
        if i < len(low) and low[i].isspace():
            return WS_RE.match(low, i).end()
    return i


def last_word(text: str) -> str:
    r"""The run of word characters `text` ends with, its trailing spaces left out: a pattern
    ending in `stem\w*\s*\Z` matches `text` only if the stem is in that word."""
    end = len(text.rstrip())  # str.isspace and str.isalnum are what `\s` and `\w` test
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end]
