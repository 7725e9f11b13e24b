"""The parser: text → references (`Ref`), each a chain of units and how its act is named
(an act of the catalogue, an unknown act, «настоящего Закона», or none). Pure: it needs
only a catalogue (the trie of act names), never the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from legal.citations import forms, identity
from legal.citations.catalogue import Catalogue
from legal.citations.chains import Group, parse_kk_chain, parse_ordinal_chain, parse_unit_chain
from legal.citations.kazakh import opening_quote
from legal.citations.text import last_word, skip_ws
from legal.citations.vocabulary import (
    CONNECT_RE,
    EN_OF_RE,
    EN_REL_RE,
    EN_UNKNOWN_ACT_RE,
    FOREIGN_AFTER_RE,
    FOREIGN_BEFORE_RE,
    KK_ACT_WORDS,
    KK_REL_RE,
    KK_UNKNOWN_ACT_RE,
    MAX_SKIPS,
    NUMBER_SIGN_RE,
    OPENERS,
    QUOTED_TITLE_RE,
    RU_REL_RE,
    RU_UNKNOWN_ACT_RE,
    TRAIL_RE,
    UNIT_RE,
    UNKNOWN_TITLE_RE,
    UNKNOWN_WORDS_RE,
)


def parse(catalogue: Catalogue, low: str, text: str) -> list[Ref]:
    """The references in `text` (`low` is its normalised copy), in order, with the act
    shared along lists («ст. 147 и ст. 174 УК»)."""
    refs = forms.reread(_scan(catalogue, low, text), low, text)
    _share_acts(refs, low)
    return refs


@dataclass
class Ref:
    """A reference found in the text, before it is resolved: its chain and its act."""

    start: int
    end: int
    lang: str
    groups: list[Group] = field(default_factory=list)  # outermost first
    mode: str = "none"  # none, act, rel, unknown
    slugs: frozenset = frozenset()
    rel: str | None = None  # act_law, act_code, art, pt, sub, part, chp, para, subpara
    act_text: str = ""
    error: str = ""
    act_first: bool = False  # «ҚК 147-бабы», «Criminal Code art. 147»: its act is its own
    mismatch: str = ""  # the date or number given is not the named act's (legal.citations.identity)
    title: str = ""  # «статья 143 «Защита чести…» ГК»: the article's title quoted in the reference


def _scan(catalogue: Catalogue, low: str, text: str) -> list[Ref]:
    refs: list[Ref] = []
    done = 0
    for m in catalogue.trigger_re.finditer(low):
        pos = m.start()
        if pos < done:
            continue
        kind = m.lastgroup
        ref = None
        if kind == "unit":
            ref = _unit_ref(catalogue, low, text, pos)
        elif kind == "rel":
            ref = _rel_ref(catalogue, low, text, pos)
        elif kind == "kk":
            ref = _kk_ref(low, text, pos, refs)
        elif kind == "ordnum":
            ref = _ordinal_ref(catalogue, low, text, pos)
        if ref is None and kind in ("unit", "act"):
            ref = _act_ref(catalogue, low, text, pos)
        if ref is not None:
            refs.append(ref)
            done = ref.end
    return refs


def _unit_ref(catalogue: Catalogue, low: str, text: str, pos: int) -> Ref | None:
    parsed = parse_unit_chain(low, pos)
    if parsed is None:
        return None
    groups, end, lang, error = parsed
    _fix_trailing_paren(low, pos, groups)
    end = max(item.end for g in groups for item in g.items) if groups else end
    ref = Ref(pos, end, lang, groups, error=error)
    _parse_act_after(catalogue, low, text, ref)
    return ref


def _ordinal_ref(catalogue: Catalogue, low: str, text: str, pos: int) -> Ref | None:
    parsed = parse_ordinal_chain(low, pos)
    if parsed is None:
        return None
    groups, end = parsed
    ref = Ref(pos, end, "ru", groups)
    _parse_act_after(catalogue, low, text, ref)
    return ref


def _fix_trailing_paren(low: str, pos: int, groups: list[Group]) -> None:
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


def _rel_ref(catalogue: Catalogue, low: str, text: str, pos: int) -> Ref | None:
    m = RU_REL_RE.match(low, pos)
    if m:
        return Ref(pos, m.end(), "ru", mode="rel", rel=m.lastgroup)
    m = EN_REL_RE.match(low, pos)
    if m and text[m.start(m.lastgroup)].isupper():  # «this Law», not «this article we wrote»
        return Ref(pos, m.end(), "en", mode="rel", rel=m.lastgroup)
    m = KK_REL_RE.match(low, pos)
    if m:
        ref = Ref(pos, m.end(), "kk", mode="rel", rel=m.lastgroup)
        _attach_kk_chain(low, ref)
        return ref
    return None


def _attach_kk_chain(low: str, ref: Ref) -> None:
    k = skip_ws(low, ref.end)
    if k == ref.end and ref.end < len(low):
        return
    parsed = parse_kk_chain(low, k)
    if parsed:
        ref.groups, ref.end, ref.error = parsed


def _kk_ref(low: str, text: str, pos: int, refs: list[Ref]) -> Ref | None:
    parsed = parse_kk_chain(low, pos)
    if parsed is None:
        return None
    groups, end, error = parsed
    ref = Ref(pos, end, "kk", groups, error=error)
    before = low[max(0, pos - 120) : pos]
    word = last_word(before)  # the search tries every start in the window: only when it can end
    unknown = KK_UNKNOWN_ACT_RE.search(before) if any(w in word for w in KK_ACT_WORDS) else None
    if unknown and not (refs and refs[-1].end > pos - len(before) + unknown.start()):
        # «… туралы Заңның 5-бабы» with a name we do not know
        ref.mode = "unknown"
        ref.start = pos - len(before) + unknown.start()
        ref.act_text = text[ref.start : pos].strip()
    return ref


def _act_ref(catalogue: Catalogue, low: str, text: str, pos: int) -> Ref | None:
    found = catalogue.walk(low, text, pos)
    if not found:
        return None
    slugs, end = found
    end = _extend_act(catalogue, low, pos, end, slugs)
    slugs, end, mismatch = identity.check(catalogue, low, pos, end, slugs)
    pos = opening_quote(low, pos, end)  # «"Жасанды интеллект туралы" Заңы»: the title first
    ref = Ref(pos, end, "kk", mode="act", slugs=slugs, act_text=text[pos:end], mismatch=mismatch)
    if _mark_foreign(low, text, ref, pos):
        end = ref.end
    k = skip_ws(low, end)
    if k > end:
        parsed = parse_kk_chain(low, k)
        if parsed:  # «ҚК 147-бабы»: in Kazakh the act comes first
            ref.groups, ref.end, ref.error = parsed
            ref.act_first = True
        elif (unit := UNIT_RE.match(low, k)) and unit.lastgroup.startswith("en_"):
            chain = parse_unit_chain(low, k)  # «Criminal Code art. 147»: an English habit
            if chain and chain[2] == "en" and chain[0]:
                ref.groups, _end, ref.lang, ref.error = chain
                ref.end = max(item.end for g in ref.groups for item in g.items)
                ref.act_first = True
    return ref


def _mark_foreign(low: str, text: str, ref: Ref, name_start: int) -> bool:
    """Another state's act («УК РФ»): the reference becomes an unknown act, its span taking
    in the state. True if it was."""
    after = FOREIGN_AFTER_RE.match(low, skip_ws(low, ref.end))
    before = FOREIGN_BEFORE_RE.search(low[max(0, name_start - 60) : name_start])
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


def _share_acts(refs: list[Ref], low: str) -> None:
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
            if nxt.groups and CONNECT_RE[ref.lang].match(between):
                ref.mode, ref.slugs, ref.rel, ref.act_text = nxt.mode, nxt.slugs, nxt.rel, nxt.act_text
    for index in range(1, len(refs)):
        ref, prev = refs[index], refs[index - 1]
        if ref.mode == "none" and ref.lang == prev.lang == "kk" and prev.mode != "none" and prev.groups:
            between = low[prev.end : ref.start] if ref.start - prev.end < 20 else "…"
            if CONNECT_RE["kk"].match(between):
                ref.mode, ref.slugs, ref.rel, ref.act_text = prev.mode, prev.slugs, prev.rel, prev.act_text


def _open_paren_before(low: str, pos: int) -> bool:
    window = low[max(0, pos - 300) : pos]
    return window.rfind("(") > window.rfind(")")


def _parse_act_after(catalogue: Catalogue, low: str, text: str, ref: Ref) -> None:
    """What follows a Russian or English chain: an act, «настоящей статьи», «of this Law»;
    or the article's quoted title and then one of those («статья 143 «…» ГК РК»)."""
    _parse_act_directly_after(catalogue, low, text, ref)
    title = QUOTED_TITLE_RE.match(low, ref.end) if ref.mode == "none" else None
    if title is None:
        return
    end = ref.end
    ref.end = title.end()
    _parse_act_directly_after(catalogue, low, text, ref)
    if ref.mode == "none":
        ref.end = end
    else:
        group = next(g for g in ("title", "title2", "title3") if title.group(g) is not None)
        ref.title = text[title.start(group) : title.end(group)].strip()


def _parse_act_directly_after(catalogue: Catalogue, low: str, text: str, ref: Ref) -> None:
    k = skip_ws(low, ref.end)
    if ref.lang == "en":
        of = EN_OF_RE.match(low, ref.end)
        if not of:
            return
        k = of.end()
        rel = EN_REL_RE.match(low, k)
    else:
        rel = RU_REL_RE.match(low, k)
    if rel:
        ref.mode, ref.rel, ref.end = "rel", rel.lastgroup, rel.end()
        return
    found = catalogue.walk(low, text, k)
    if found:
        slugs, end = found
        end = _extend_act(catalogue, low, k, end, slugs)
        slugs, ref.end, ref.mismatch = identity.check(catalogue, low, k, end, slugs)
        ref.mode, ref.slugs = "act", slugs
        ref.act_text = text[k : ref.end]
        _mark_foreign(low, text, ref, k)
        return
    unknown = (EN_UNKNOWN_ACT_RE if ref.lang == "en" else RU_UNKNOWN_ACT_RE).match(low, k)
    if unknown:
        ref.mode, ref.end = "unknown", _extend_unknown(low, unknown.end())
        ref.act_text = text[k : ref.end]


def _extend_act(catalogue: Catalogue, low: str, start: int, end: int, slugs: frozenset) -> int:
    """Take in what may follow a name: «Республики Казахстан», the date, its own number,
    the closing quotes and brackets opened inside the name."""
    numbers = {catalogue.acts[s].number for s in slugs if s in catalogue.acts}
    for _ in range(MAX_SKIPS):
        j = skip_ws(low, end)
        m = TRAIL_RE.match(low, j)
        if m and m.end() > j:
            end = m.end()
            continue
        m = NUMBER_SIGN_RE.match(low, j)
        if m and m.group(1) in numbers:
            end = m.end()
            continue
        break
    while end < len(low) and low[end] in OPENERS:
        segment = low[start:end]
        closer = low[end]
        if segment.count(OPENERS[closer]) > segment.count(closer):
            end += 1
        else:
            break
    if low[start:end].count('"') % 2 and low.startswith('"', end):
        end += 1
    return end


def _extend_unknown(low: str, end: int) -> int:
    j = end
    for _ in range(MAX_SKIPS):
        k = skip_ws(low, j)
        m = TRAIL_RE.match(low, k) or NUMBER_SIGN_RE.match(low, k)
        if m and m.end() > k:
            j = m.end()
            continue
        break
    m = UNKNOWN_TITLE_RE.match(low, j) or UNKNOWN_WORDS_RE.match(low, j)
    return m.end() if m else j
