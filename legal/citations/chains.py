"""Chains of units: «пп. 3) п. 1 ст. 17», «paragraph 2 of Article 21», «17-баптың
3-тармағының 6) тармақшасы». The numbers after each unit word (lists, ranges, ordinals,
Article 17(3)(6)), in the unit words' order. Pure: needs neither a catalogue nor the
knowledge base; which act a chain belongs to is the parser's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legal.citations.kazakh import KK_PLURAL_RE, KK_UNIT_RE, kk_unit
from legal.citations.text import skip_ws
from legal.citations.vocabulary import (
    EN_OF_RE,
    ITEM_RE,
    LIST_SEP,
    MAX_ITEMS,
    MAX_RANGE,
    ORDINAL_NUMBER_RE,
    ORDINAL_RE,
    ORDINALS,
    PART_AFTER_NUMBER_RE,
    RANGE_FROM,
    RANGE_SEP,
    RANK,
    SUBS_RE,
    UNIT_RE,
)


@dataclass
class Item:
    """One number (or range) after a unit word, with its span."""

    start: int
    end: int
    nums: tuple[str, ...]  # more than one for a range
    subs: tuple[str, ...] = ()  # English Article 17(3)(6): ("3", "6")
    inner: tuple[Group, ...] = ()  # «238 (часть первая)»: the article's units
    # Tuples, not lists: a long text holds thousands of items until it is resolved, and the
    # garbage collector stops following a tuple of strings (fewer full collections).


@dataclass
class Group:
    """A unit word and the numbers listed after it: «пункты 2 и 3»."""

    unit: str  # art, chp, part, pt, sub, para, subpara
    items: list[Item]


def _parse_items(
    low: str, i: int, lang: str, plural: bool, articles: bool = False
) -> tuple[list[Item], int, str]:
    """Numbers after a unit word: 21; 147, 174; 143–145; 2) и 3); второй; 17(3)(6)."""
    items: list[Item] = []
    error = ""
    if lang in RANGE_FROM:
        m = RANGE_FROM[lang].match(low, i)
        if m:
            i = m.end()
    while True:
        item = _one_item(low, i, lang)
        if item is None:
            break
        num, subs, start, end = item
        nums = (num,)
        rm = RANGE_SEP[lang].match(low, end)
        second = _one_item(low, rm.end(), lang) if rm else None
        if second is not None and not subs and not second[1]:
            a, b = num, second[0]
            spaced = rm.group() != rm.group().strip() or rm.group().strip() in ("по", "to", "through")
            if not (a.isdigit() and b.isdigit()):
                error = error or f"a range over dashed numbers ({low[start : second[3]]}) is ambiguous"
                nums, end = (f"{a}–{b}",), second[3]
            elif int(b) < int(a) and spaced:
                second = None  # «ст. 21 — 5 лет»: a dash in the sentence, not a range
            elif len(b) < len(a) and not plural:
                nums, end = (f"{a}-{b}",), second[3]  # «ст. 641–1», «641−1»: a dashed number (145–143 is not)
            elif int(b) <= int(a) or int(b) - int(a) > MAX_RANGE:
                error = error or f"the range {low[start : second[3]]} is not a valid range"
                nums, end = (f"{a}–{b}",), second[3]
            else:
                nums, end = tuple(str(n) for n in range(int(a), int(b) + 1)), second[3]
        elif plural and re.fullmatch(r"\d+-\d+", num):
            a, b = num.split("-")
            if int(b) > int(a) and int(b) - int(a) <= MAX_RANGE:  # «ст.ст. 143-145»: a range
                nums = tuple(str(n) for n in range(int(a), int(b) + 1))
        inner, end = _inner_units(low, end, lang, articles)
        items.append(Item(start, end, nums, subs, inner))
        sm = LIST_SEP[lang].match(low, end)
        if sm and len(items) <= MAX_ITEMS and _one_item(low, sm.end(), lang) is not None:
            i = sm.end()
            continue
        i = end
        break
    return items, i, error


_INNER_OPEN_RE = re.compile(r"\s*\(\s*")
_INNER_CLOSE_RE = re.compile(r"\s*\)")


def _inner_units(low: str, end: int, lang: str, articles: bool) -> tuple[tuple[Group, ...], int]:
    """«238 (часть первая)», «239 (части первая и вторая)»: an article's units in brackets
    after its number (outermost first), and where the brackets end."""
    m = _INNER_OPEN_RE.match(low, end) if articles else None
    parsed = parse_unit_chain(low, m.end()) if m else None
    if parsed is None:
        return (), end
    groups, j, glang, error = parsed
    if error or glang != lang or any(RANK[g.unit] >= RANK["art"] for g in groups):
        return (), end
    close = _INNER_CLOSE_RE.match(low, j)
    if close is None and low[j - 1 : j] == ")":  # «(п. 1)»: the bracket closes, it is no «1)»
        for item in groups[-1].items:
            item.end -= item.end == j
        return tuple(groups), j
    return (tuple(groups), close.end()) if close else ((), end)


def _one_item(low: str, i: int, lang: str) -> tuple[str, tuple[str, ...], int, int] | None:
    m = ITEM_RE.match(low, i)
    if m:
        num, subs_text, paren = m.group("num", "subs", "paren")
        if lang == "en":
            return num, tuple(SUBS_RE.findall(subs_text)) if subs_text else (), m.start(), m.end()
        if subs_text:  # «п. 2(1)» is not Russian or Kazakh numbering: only the number counts
            return num, (), m.start(), m.end("num")
        return num, (), m.start(), m.end() if paren else m.end("num")
    if lang == "ru":
        m = ORDINAL_RE.match(low, i)
        if m:
            return ORDINALS[m.group("stem") or m.group("stem2")], (), m.start(), m.end()
    return None


def parse_unit_chain(low: str, pos: int) -> tuple[list[Group], int, str, str] | None:
    """A Russian or English chain, innermost unit first in the text: «пп. 3) п. 1 ст. 17»,
    «paragraph 2 of Article 21». Returns (groups outermost first, end, lang, error)."""
    groups: list[Group] = []
    lang = None
    outer_first = False  # «ст. 190 ч. 2 п. 1 УК РК»: the article first, as court papers write it
    i, end, error = pos, pos, ""
    comma_at: tuple[int, int] | None = None  # «статьёй 194, частью 2»: where a comma joined units
    while True:
        m = UNIT_RE.match(low, i)
        if not m and groups and lang == "ru":
            m = PART_AFTER_NUMBER_RE.match(low, i)  # «ст. 190 ч. 2»: «ч.» after the number
        if not m and groups and lang == "ru" and _full_words(low, pos, groups):
            comma = _COMMA_UNIT_RE.match(low, i)
            m = UNIT_RE.match(low, comma.end()) if comma else None
            if m and m.group().endswith("."):
                m = None  # whole words only: «ст. 147, п. 2» stays two references
            if m and comma_at is None:
                comma_at = (len(groups), end)
        if not m:
            break
        glang, unit = m.lastgroup.split("_", 1)
        if lang and glang != lang:
            break
        plural = unit.endswith("pl")
        unit = unit.removesuffix("pl")
        if groups and unit in {g.unit for g in groups}:
            break
        if len(groups) == 1 and glang == "ru" and groups[0].unit == "art" and RANK[unit] < RANK["art"]:
            outer_first = True
        if groups and (
            RANK[unit] > RANK[groups[-1].unit] if outer_first else RANK[unit] < RANK[groups[-1].unit]
        ):
            break
        articles = unit == "art" and glang == "ru"
        items, j, err = _parse_items(low, skip_ws(low, m.end()), glang, plural, articles)
        if not items:
            break
        lang = glang
        groups.append(Group(unit, items))
        error = error or err
        end = j
        if lang == "en":
            of = EN_OF_RE.match(low, end)
            if of and UNIT_RE.match(low, of.end()):
                i = of.end()
                continue
            break
        i = skip_ws(low, end)
    if not groups:
        return None
    if comma_at and (len(groups) == comma_at[0] or UNIT_RE.match(low, skip_ws(low, end))):
        # «статьёй 194, частью 2 статьи 195»: the comma began another reference
        del groups[comma_at[0] :]
        end = comma_at[1]
    if lang == "en" and any(g.unit == "part" for g in groups):
        for g in groups:  # «paragraph 3) of part 1»: with a part named, a paragraph is the «1)» unit
            if g.unit == "para":
                g.unit = "subpara"
    if not outer_first:
        groups.reverse()
    return groups, end, lang, error


_COMMA_UNIT_RE = re.compile(r",\s*")


def _full_words(low: str, pos: int, groups: list[Group]) -> bool:
    """The chain opened with a whole word for a single article («статьёй 194», not «ст. 194»)."""
    return len(groups) >= 1 and groups[0].unit == "art" and not UNIT_RE.match(low, pos).group().endswith(".")


def parse_ordinal_chain(low: str, pos: int) -> tuple[list[Group], int] | None:
    """«190-й статьи», «2-й части 190-й статьи»: numbers with an ordinal ending before
    their unit words, innermost first. Returns (groups outermost first, end)."""
    groups: list[Group] = []
    i, end = pos, pos
    while m := ORDINAL_NUMBER_RE.match(low, i):
        unit_m = UNIT_RE.match(low, m.end())
        if unit_m is None or not unit_m.lastgroup.startswith("ru_") or unit_m.group().endswith("."):
            break
        unit = unit_m.lastgroup.split("_", 1)[1].removesuffix("pl")
        if groups and RANK[unit] <= RANK[groups[-1].unit]:
            break
        groups.append(Group(unit, [Item(m.start("num"), m.end("num"), (m.group("num"),))]))
        end = unit_m.end()
        i = skip_ws(low, end)
    if not groups:
        return None
    groups.reverse()
    return groups, end


def parse_kk_chain(low: str, pos: int) -> tuple[list[Group], int, str] | None:
    """A Kazakh chain, outermost first: «17-баптың 3-тармағының 6) тармақшасы»."""
    groups: list[Group] = []
    i, end, error = pos, pos, ""
    while True:
        items, j, err = _parse_items(low, i, "kk", False)
        if not items:
            break
        k = skip_ws(low, j)
        if low.startswith("-", k):
            k = skip_ws(low, k + 1)
        m = KK_UNIT_RE.match(low, k)
        if not m:
            break
        word = m.group()
        if KK_PLURAL_RE.match(word):  # «143-145-баптары» is a range, «73-3-бабы» a number
            items, j, err = _parse_items(low, i, "kk", True)
        unit = kk_unit(word, low[items[-1].end - 1] == ")", {g.unit for g in groups})
        if groups and (unit in {g.unit for g in groups} or RANK[unit] > RANK[groups[-1].unit]):
            if word == "б." and unit == "art":  # «190-б. 2-б.»: бап or бөлік? Never guess.
                error, end = error or f"«{low[pos : m.end()]}»: «б.» twice", m.end()
            break
        groups.append(Group(unit, items))
        error = error or err
        end = m.end()
        i = skip_ws(low, end)
    if not groups:
        return None
    return groups, end, error
