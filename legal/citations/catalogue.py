"""The catalogue of acts: what the engine knows of every act and version, and the trie of
act names it walks over the text. Pure data: built from plain records, so the parser and
the resolver run on a catalogue written in memory; `catalogue_db` builds it from the
knowledge base and keeps it in the knowledge-base cache.

The act names it knows are data: every Act's citation aliases, short names, titles and
citation names, matched on stemmed tokens (so «Уголовного кодекса» matches «Уголовный
кодекс РК»).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from legal.citations.kazakh import KK_UNIT_TRIGGER
from legal.citations.text import WS_RE, normalize, token_key
from legal.citations.vocabulary import (
    KIND_ABBREVIATIONS,
    KIND_WORDS,
    MAX_ITEMS,
    MAX_SKIPS,
    SKIP_FIRST,
    SKIP_RE,
    WORD_RE,
)


@dataclass
class VersionRecord:
    """What the engine keeps of an ActVersion: its dates, and the eids of its provisions."""

    pk: int
    code: str
    status: str
    date: datetime.date | None
    starts_on: datetime.date | None  # None for a draft
    in_force_until: datetime.date | None
    eids: set[str] = field(default_factory=set)
    paths: dict[str, str] = field(default_factory=dict)


@dataclass
class ActRecord:
    """What the engine keeps of an Act."""

    slug: str
    kind: str
    numbered_in_parts: bool  # «1.» is a часть and «1)» a пункт (Criminal, Administrative Codes)
    complete: bool  # every provision of its adopted text is in the knowledge base (not `partial`)
    number: str
    official_url: str | None
    versions: list[VersionRecord]
    adopted: datetime.date | None = None  # «от 22 июля 1959 года» that differs: another act
    numbering_group: str = ""  # acts in several parts numbered as one (the Civil Code's two parts)
    picked: dict = field(default_factory=dict, repr=False)  # (as_of, code) → version

    @property
    def is_code(self) -> bool:
        return self.kind == "code"


_END = ""  # the trie key that marks the end of a name (no token has an empty key)


class Catalogue:
    """Every act the engine knows, with its versions and eids, and the trie of their names.

    Built from plain records (`legal.citations.catalogue_db.from_database` reads them from
    the knowledge base; tests write them by hand). `in_force` is the rule that picks the
    version in force on a day among an act's versions (`legal.versions.in_force_among`):
    it is passed in because that module reads the database too, and it stays the one rule.
    """

    def __init__(
        self,
        acts: Iterable[ActRecord],
        names: Iterable[tuple[str, str]],
        *,
        in_force: Callable[[list[VersionRecord], datetime.date], VersionRecord | None],
    ):
        self.acts = {act.slug: act for act in acts}
        self.in_force = in_force
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
        act_roots = (
            "|".join(
                re.escape(root) + (r"(?!\w)" if len(root) <= 3 else "")
                for root in sorted(roots, key=lambda r: (-len(r), r))
            )
            or r"(?!x)x"
        )
        self.trigger_re = re.compile(
            r"(?<!\w)(?:"
            r"(?P<unit>ст\.|ст(?=\s*\d)|стст\.|стат|подп|пп|пункт|п\.|част|ч\.|глав|гл\."
            r"|art|paragraph|para|sub|point|item|part|chapter|ch\.)"
            r"|(?P<rel>настоящ|осы\s|this\s)"
            r"|(?P<ordnum>\d+(?:-\d+)?-[а-я]{1,3}\s+(?:стат|част|пункт|подпункт|глав))"
            r"|(?P<kk>\d+(?:-\d+)?\)?(?:(?:\s*,\s*|\s+(?:және|мен|бен|пен|немесе)\s+|\s*–\s*|\s+-\s+)"
            rf"\d+(?:-\d+)?\)?){{0,{MAX_ITEMS}}}\s*-?\s*(?:{KK_UNIT_TRIGGER}))"
            rf"|(?P<act>{act_roots})"
            r")"
        )
        self.groups: dict[str, list[ActRecord]] = {}  # numbering group → its acts
        for act in self.acts.values():
            if act.numbering_group:
                self.groups.setdefault(act.numbering_group, []).append(act)
        self.urls: dict[tuple, str] = {}  # the permalinks the resolver built (reverse() is slow)
        self.identities: dict[tuple, tuple] = {}  # legal.citations.identity.check per name as written

    def walk(self, low: str, text: str, pos: int) -> tuple[frozenset, int] | None:
        """The longest act name starting at `pos`: (slugs, end) or None."""
        node, i, best, n, skips = self.trie, pos, None, len(low), 0
        while i < n:
            if low[i].isspace():  # skip_ws, inlined: this loop is the hottest of the engine
                i += 1
                if i < n and low[i].isspace():
                    i = WS_RE.match(low, i).end()
                if i >= n:
                    break
            if low[i] in SKIP_FIRST and (m := SKIP_RE.match(low, i)) and m.end() > i:
                skips += 1
                if skips > MAX_SKIPS:
                    break
                i = m.end()
                continue
            m = WORD_RE.match(low, i)
            if not m:
                break
            start, end = m.span()
            child = node.get(token_key(text[start:end]))
            if child is None:  # an abbreviation written in lowercase: «закон об ии»
                child = node.get(low[start:end])
                if child is None:
                    break
            node, i = child, end
            if _END in node:
                best = (node[_END], i)
        return best

    def version(self, act: ActRecord, as_of: datetime.date, code: str | None = None) -> VersionRecord | None:
        """The version of `act` a reference means on `as_of` (or the one named by `code`)."""
        key = (as_of, code)
        if key not in act.picked:
            if len(act.picked) > 1000:
                act.picked.clear()
            act.picked[key] = self._pick(act, as_of, code)
        return act.picked[key]

    def part_holding(self, act: ActRecord, as_of: datetime.date, eid: str) -> ActRecord | None:
        """Another part of an act numbered as one (the Civil Code's Special Part for the
        General Part) whose version that day holds the article of `eid`, or None."""
        article = eid.split("__")[0]
        for other in self.groups.get(act.numbering_group, []) if act.numbering_group else []:
            version = self.version(other, as_of) if other is not act else None
            if version is not None and article in version.eids:
                return other
        return None

    def _pick(self, act: ActRecord, as_of: datetime.date, code: str | None) -> VersionRecord | None:
        """The version asked for by code; else the one in force that day; else, none in
        force (the AI law before 2026-01-18), the latest adopted; else the latest draft."""
        if code:
            for version in act.versions:
                if version.code == code:
                    return version
        live = self.in_force(act.versions, as_of)
        if live is not None:
            return live
        adopted = [v for v in act.versions if v.status != "draft"]
        if adopted:
            day = datetime.date.min
            return max(adopted, key=lambda v: (v.starts_on or v.date or day, v.date or day, v.pk))
        if act.versions:
            return max(act.versions, key=lambda v: (v.date or datetime.date.min, v.pk))
        return None


def _name_tokens(name: str) -> list[tuple[str, str]]:
    """(lowercase surface, key) of the words of a name, skipping what a walk skips."""
    low, tokens, i = normalize(name), [], 0
    while i < len(low):
        i = WS_RE.match(low, i).end()
        if i >= len(low):
            break
        m = SKIP_RE.match(low, i)
        if m and m.end() > i:
            i = m.end()
            continue
        m = WORD_RE.match(low, i)
        if not m:
            i += 1  # other punctuation in a name is not part of it
            continue
        tokens.append((m.group(), token_key(name[m.start() : m.end()])))
        i = m.end()
    return tokens


def act_names(act) -> list[str]:
    """The names an act is cited by, from an Act (or anything with its fields): its
    aliases, short and citation names, and its title with the kind of act and number."""
    names = [*(a for a in act.citation_aliases or [] if isinstance(a, str))]
    for lang in ("ru", "kk", "en"):
        names += [getattr(act, f"short_name_{lang}"), getattr(act, f"citation_name_{lang}")]
    if act.kind == "code":
        names += [act.title_ru, act.title_kk, act.title_en]
    else:
        ru, kk, en = KIND_WORDS.get(act.kind, KIND_WORDS["law"])
        number = act.number
        for title, template in (
            (act.title_ru, [f"{ru} {{t}}", f"{ru} № {number} {{t}}"]),
            (act.title_kk, [f"{{t}} {kk}", f"№ {number} {{t}} {kk}", f"{{t}} № {number} {kk}"]),
            (act.title_en, [f"{en} {{t}}", f"{en} No. {number} {{t}}"]),
        ):
            if title:
                names += [t.format(t=title) for t in (template if number else template[:1])]
        if number:
            names += [f"{ru} № {number}", f"№ {number} {kk}", f"{en} No. {number}"]
        if act.title_ru and act.kind in KIND_ABBREVIATIONS:
            names.append(f"{KIND_ABBREVIATIONS[act.kind]} {act.title_ru}")
    return [n for n in names if n and n.strip()]
