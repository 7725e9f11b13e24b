"""The resolver: references + catalogue + context → citations. Which act and version a
reference means, which units of that act its words name (a «пункт» of a code is not a
«пункт» of a law), the eids of every listed number, and why a reference is not in the
knowledge base. Pure: reads only the catalogue (and, for a permalink, the URLconf).
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import itertools
from functools import cached_property

from django.urls import get_script_prefix, reverse
from django.utils import timezone

from legal.citations.catalogue import ActRecord, Catalogue, VersionRecord
from legal.citations.chains import Group
from legal.citations.identity import says_kazakhstan
from legal.citations.parser import Ref, parse
from legal.citations.text import normalize
from legal.citations.types import Citation
from legal.citations.vocabulary import ORDER


def extract(
    catalogue: Catalogue,
    text: str,
    *,
    act: str | None = None,
    provision_eid: str | None = None,
    version: str | None = None,
    as_of: datetime.date | None = None,
    jurisdiction: str = "kz",
) -> list[Citation]:
    """Every citation in `text` read against `catalogue` (`legal.citations.extract_citations`
    on the knowledge base's catalogue): parse, then resolve each reference in the context.
    `jurisdiction` is the state the text is about: in another one, an act's generic name
    («УК», «Гражданского кодекса») is not ours unless the reference says Kazakhstan."""
    if not text or not isinstance(text, str):
        return []
    with _collector_paused():
        low = normalize(text)
        refs = parse(catalogue, low, text)
        if not refs:
            return []
        ctx = Context(catalogue, act, provision_eid, version, as_of)
        ctx.jurisdiction = (jurisdiction or "kz").lower()
        citations: list[Citation] = []
        for ref in refs:
            citations.extend(resolve(ref, text, ctx))
        return citations


@contextlib.contextmanager
def _collector_paused():
    """The cyclic garbage collector held off while a text is read. A long text's references
    (tens of thousands of small objects, no cycles) all live until they are resolved: the
    collector took them for long-lived and walked the whole heap for nothing, ~70 ms in a
    2 MB document (issue #14). Reference counting frees them as usual; if the collector
    was on, it is on again after."""
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Malformed(Exception):
    pass


_CONTEXT_LEVELS = {"chp": "chp", "art": "art", "para": "para", "subpara": "subpara", "def": "subpara"}


class Context:
    """Where the text sits; what it costs to know (today, the script prefix, the context
    version) is worked out only when a reference needs it."""

    def __init__(
        self,
        catalogue: Catalogue,
        act_slug: str | None,
        provision_eid: str | None,
        version_code: str | None,
        as_of: datetime.date | None,
    ):
        self.catalogue = catalogue
        self.act_slug, self.provision_eid, self.version_code = act_slug, provision_eid, version_code
        self._as_of = as_of
        self.jurisdiction = "kz"
        self._script_prefix: str | None = None
        self.act = catalogue.acts.get(act_slug) if act_slug else None
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
    def version(self) -> VersionRecord | None:
        return self.catalogue.version(self.act, self.as_of, self.version_code) if self.act else None

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
        out = [(lv, n) for lv, n in self.parts if lv != "chp" and ORDER[lv] < ORDER[level]]
        return out if any(lv == "art" for lv, _ in out) else None


def resolve(ref: Ref, text: str, ctx: Context) -> list[Citation]:
    whole = text[ref.start : ref.end]
    quoted = f"«{whole}»"
    if ref.error:
        return _spread(ref, text, "malformed", f"{ref.error}")
    # Which act.
    rel_level = None
    if ref.mode == "unknown":
        return _spread(ref, text, "unknown_act", f"«{ref.act_text}» is not an act in the knowledge base")
    if ref.mode == "act":
        if len(ref.slugs) > 1:
            names = ", ".join(sorted(ref.slugs))
            return _spread(ref, text, "ambiguous_act", f"«{ref.act_text}» names several acts ({names})")
        act = ctx.catalogue.acts.get(next(iter(ref.slugs)))
        if act is None:
            return _spread(ref, text, "unknown_act", f"«{ref.act_text}» is not in the knowledge base")
        if ref.mismatch:
            return _spread(ref, text, "other_act_version", f"«{ref.act_text}»: {ref.mismatch}")
        if ctx.jurisdiction != "kz" and not says_kazakhstan(act, normalize(ref.act_text)):
            detail = f"«{ref.act_text}» in a text about {ctx.jurisdiction!r} does not say it is Kazakhstan's"
            return _spread(ref, text, "unknown_act", detail)
        own = ctx.act is not None and act.slug == ctx.act.slug
        version = ctx.catalogue.version(act, ctx.as_of, ctx.version_code if own else None)
    else:
        if ctx.act is None:
            if ctx.act_slug:
                detail = f"the context act {ctx.act_slug!r} is not in the knowledge base"
                return _spread(ref, text, "unknown_act", detail)
            detail = f"{quoted} names no act and the text has no context act"
            return _spread(ref, text, "act_not_specified", detail)
        act, version = ctx.act, ctx.version
        if ref.mode == "rel" and ref.rel in ("act_law", "act_code"):
            if (ref.rel == "act_code") != act.is_code:
                detail = f"{quoted} but the context act {act.slug} is a {act.kind}"
                return _spread(ref, text, "context_mismatch", detail)
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
        return _spread(ref, text, "malformed", f"{exc}")
    if any(item.subs for level, g in levels if level == "art" for item in g.items) and any(
        level in ("para", "subpara") for level, _ in levels
    ):
        return _spread(ref, text, "malformed", f"{quoted} numbers the paragraph twice")
    if rel_level:
        prefix = ctx.prefix(rel_level)
        if prefix is None:
            return _spread(ref, text, "context_missing", f"{quoted} needs the provision the text is in")
    elif ref.mode == "none" and levels and levels[0][0] not in ("art", "chp"):
        prefix = ctx.above(levels[0][0])
        if prefix is None:
            return _spread(ref, text, "context_missing", f"{quoted} names no article")
    else:
        prefix = []
    if levels and not any(lv == "art" for lv, _ in prefix + levels) and any(lv != "chp" for lv, _ in levels):
        return _spread(ref, text, "malformed", f"{quoted} names no article")
    # Expand lists and ranges, build the eids.
    code = version.code if version else None
    eids = version.eids if version else set()
    out: list[Citation] = []
    named = (act, version, code, eids)
    for (start, end), combo in _expand(ref, levels):
        act, version, code, eids = named
        eid = _eid(prefix, combo, act, eids) if (prefix or combo) else None
        if eid and eid not in eids and (part := ctx.catalogue.part_holding(act, ctx.as_of, eid)):
            act = part  # «статья 917 настоящего Кодекса» in the General Part: the Special Part's
            version = ctx.catalogue.version(part, ctx.as_of)
            code, eids = version.code, version.eids
        in_kb = version is not None and (eid is None or eid in eids)
        permalink, reason_code, detail = None, "", ""
        if in_kb:
            permalink = _permalink(ctx, act.slug, code, eid)
        elif eid and version is not None and act.complete and version.status != "draft":
            # We hold this text whole: what it lacks does not exist in it. Never link a guess.
            detail = f"{act.slug}@{code} has no {eid}"
            out.append(_unresolved(text, start, end, "no_such_provision", detail))
            continue
        else:
            where = f"{act.slug}@{code}" if code else f"{act.slug} (no version in the knowledge base)"
            reason_code, detail = "not_in_kb", f"{eid or 'the act'} is not in {where}"
        out.append(
            Citation(
                start,
                end,
                text[start:end],
                act.slug,
                code,
                eid,
                in_kb,
                True,
                reason_code=reason_code,
                detail=detail,
                permalink=permalink,
                official_url=act.official_url,
                title=ref.title,
            )
        )
    return out


def _unresolved(text: str, start: int, end: int, reason_code: str, detail: str) -> Citation:
    return Citation(start, end, text[start:end], None, None, None, False, False, reason_code, detail)


def _permalink(ctx: Context, slug: str, code: str | None, eid: str | None) -> str:
    """kzai's page of the provision (or version, or act); kept on the catalogue."""
    key = (ctx.script_prefix, slug, code, eid)
    url = ctx.catalogue.urls.get(key)
    if url is None:
        if eid and code:
            url = reverse("legal:provision", args=[slug, code, eid])
        elif code:
            url = reverse("legal:version", args=[slug, code])
        else:
            url = reverse("legal:act", args=[slug])
        ctx.catalogue.urls[key] = url
    return url


def _spread(ref: Ref, text: str, reason_code: str, detail: str) -> list[Citation]:
    """Unresolved: one citation per listed number, as a resolved one would be."""
    return [
        _unresolved(text, start, end, reason_code, detail)
        for (start, end), _ in _expand(ref, [(g.unit, g) for g in ref.groups])
    ]


def _map_levels(groups: list[Group], act: ActRecord, outer: str | None) -> list[tuple[str, Group]]:
    """Linguistic units → structural levels of this kind of act, outermost first."""
    out: list[tuple[str, Group]] = []
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
        if prev and ORDER[level] <= ORDER[prev]:
            raise _Malformed("the units are not nested one in another")
        out.append((level, group))
        prev = level
    if len(out) > 1 and out[0][0] == "chp" and out[1][0] == "art":
        out = out[1:]  # «статьи 17 главы 4»: the article is enough
    elif len(out) > 1 and out[0][0] == "chp":
        raise _Malformed("a chapter is divided into articles")
    return out


def _expand(ref: Ref, levels: list[tuple[str, Group]]):
    """((start, end), [(level, num, subs), …]) for every combination of listed numbers.

    Per-number spans when only one unit lists several numbers: the first takes the text
    before it, the last the text after it, the numbers of a range share one span. When
    several units list numbers, every combination gets the whole span."""
    groups = [g for _, g in levels]
    if all(len(g.items) == 1 and len(g.items[0].nums) == 1 for g in groups):  # the usual case
        yield (ref.start, ref.end), [(lv, g.items[0].nums[0], g.items[0].subs) for lv, g in levels]
        return
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


def _eid(prefix: list[tuple[str, str]], combo, act: ActRecord, eids: set[str]) -> str:
    parts = list(prefix)
    subs: tuple[str, ...] = ()
    for level, num, item_subs in combo:
        parts.append((level, num))
        subs = subs or item_subs
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


def _direct_subpara(article_eid: str, num: str, act: ActRecord, eids: set[str]) -> str:
    """A «1)» unit directly in an article: a subparagraph, or a definition (art. 1 of a law)."""
    candidates = [f"{article_eid}__subpara_{num}", f"{article_eid}__def_{num}"]
    for candidate in candidates:
        if candidate in eids:
            return candidate
    if not act.is_code and article_eid == "art_1":
        return candidates[1]
    return candidates[0]
