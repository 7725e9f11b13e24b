"""Forms of references that need the neighbouring ones: what the scan finds, read again
before acts are shared along lists.

- not citations: a gazette's «№ 13, ст. 83», the heading of an article or a chapter
  («Статья 96.», «Глава 1.»);
- an article's own units listed after its number: «статьями 238 (часть первая), 239»;
- units that take their article from the reference they are joined to: «пунктом 7) части
  второй, частью третьей статьи 99», «подп. 2) ч. 1: Ст. 641-1 КоАП»; a chain with no
  article of its own before a colon never falls back on the text's context act;
- the act named before the units with a few words between: «в КоАП добавлена статья 692-3».

Pure: works on the parser's references (`legal.citations.parser.Ref`, not imported: the
parser calls this module) and the normalised text.
"""

from __future__ import annotations

import dataclasses
import re

from legal.citations.vocabulary import RANK

# «Ведомости Парламента Республики Казахстан, 2014 г., № 13, ст. 83», «САПП РК, 2014 г.,
# № 45, ст. 412»: the «ст.» of a gazette is its own numbering, not an act's article.
_GAZETTE_RE = re.compile(
    r"(?:ведомост\w*|собрани\w*\s+актов|сапп|бюллетен\w*|казахстанск\w*\s+правд\w*|егемен\w*"
    r"|gazette|vedomosti)[^\n;]{0,120}?(?:№|no\.)\s*\d+(?:-\d+)?\s*,\s*\Z"
)
_HEADING_RE = re.compile(r"(?:статья|глава|article|chapter)\s", re.I)
_BETWEEN_ACT_AND_UNITS_RE = re.compile(r"\s+(?:(?!(?:и|или|либо|а|но|and|or)\s)[^\W\d_][\w-]*\s+){1,3}\Z")
_COLON_RE = re.compile(r"\s*:\s*\Z")
_SIBLING_RE = re.compile(r"\s*,\s*(?:и\s+|а\s+также\s+)?\Z|\s+(?:и|а\s+также)\s+\Z")


def reread(refs: list, low: str, text: str) -> list:
    refs = [ref for ref in refs if not _not_a_citation(ref, low, text)]
    refs = [part for ref in refs for part in _split_inner(ref)]
    _share_outer_units(refs, low)
    _act_before_units(refs, low)
    return refs


def _not_a_citation(ref, low: str, text: str) -> bool:
    if not ref.groups or ref.mode == "rel":
        return False
    if _comma_before(low, ref.start) and _GAZETTE_RE.search(low, max(0, ref.start - 160), ref.start):
        return True
    # «Статья 96.», «Глава 1.» opening a line: the unit's own heading
    line_start = low.rfind("\n", 0, ref.start) + 1
    return (
        len(ref.groups) == 1
        and ref.groups[0].unit in ("art", "chp")
        and ref.mode == "none"
        and not low[line_start : ref.start].strip()
        and text[ref.start].isupper()
        and _HEADING_RE.match(text, ref.start) is not None
        and low.startswith(".", ref.end)
        and not low[ref.end + 1 : ref.end + 2].isdigit()
    )


def _comma_before(low: str, start: int) -> bool:
    """A comma is the last thing before `start` but spaces, as in a gazette's «№ 13, ст. 83»
    (the search for the gazette tries every start in its window: only then)."""
    i = start
    while i and low[i - 1].isspace():
        i -= 1
    return low[i - 1 : i] == ","


def _split_inner(ref) -> list:
    """«статьями 238 (часть первая), 239 (части первая и вторая) УК»: one reference per
    article, each with the units in its brackets."""
    arts = [g for g in ref.groups if g.unit == "art"]
    if not arts or not any(item.inner for item in arts[0].items):
        return [ref]
    if len(ref.groups) > 1:
        return [dataclasses.replace(ref, error=ref.error or "units both in brackets and around the article")]
    items = arts[0].items
    out = []
    for index, item in enumerate(items):
        group = dataclasses.replace(arts[0], items=[dataclasses.replace(item, inner=())])
        out.append(
            dataclasses.replace(
                ref,
                start=ref.start if index == 0 else item.start,
                end=ref.end if index == len(items) - 1 else item.end,
                groups=[group, *item.inner],
            )
        )
    return out


def _share_outer_units(refs: list, low: str) -> None:
    """A chain with no article takes the outer units (and the act) of the next one when a
    colon joins them, or a comma or «и» with the next one starting at the same unit:
    «пунктом 7) части второй, частью третьей статьи 99» is article 99's part 2."""
    for index in range(len(refs) - 1, -1, -1):
        ref = refs[index]
        if ref.mode != "none" or not ref.groups or ref.groups[0].unit in ("art", "chp") or ref.error:
            continue
        nxt = refs[index + 1] if index + 1 < len(refs) else None
        between = low[ref.end : nxt.start] if nxt is not None and nxt.start - ref.end < 20 else ""
        colon = nxt is not None and _COLON_RE.match(between) is not None
        top = RANK[ref.groups[0].unit]
        usable = (
            nxt is not None
            and nxt.groups
            and not nxt.error
            and any(RANK[g.unit] > top for g in nxt.groups)
            and (colon or (_SIBLING_RE.match(between) and RANK[nxt.groups[-1].unit] == top))
        )
        if usable:
            outer = [g for g in nxt.groups if RANK[g.unit] > top]
            ref.groups = [*outer, *ref.groups]
            ref.mode, ref.slugs, ref.rel, ref.act_text = nxt.mode, nxt.slugs, nxt.rel, nxt.act_text
            ref.mismatch = nxt.mismatch
        elif colon:  # never the context act's unit: the reference after the colon is another one
            ref.error = "a chain with no article before a colon: the article it belongs to is not read"


def _act_before_units(refs: list, low: str) -> None:
    """«в КоАП добавлена статья 692-3»: an act named on its own, then a few words, then an
    article with no act of its own: the article is the act's."""
    for ref, nxt in zip(refs, refs[1:], strict=False):
        if (
            ref.mode == "act"
            and not ref.groups
            and nxt.mode == "none"
            and nxt.groups
            and nxt.groups[0].unit in ("art", "chp")
            and _BETWEEN_ACT_AND_UNITS_RE.match(low[ref.end : nxt.start])
        ):
            nxt.mode, nxt.slugs, nxt.act_text, nxt.act_first = "act", ref.slugs, ref.act_text, True
            nxt.mismatch = ref.mismatch
