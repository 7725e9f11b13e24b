"""Hyperlinks and hover definitions in the texts kzai renders (summaries, sanctions, notes …).

`link_html(text, context)` escapes the text, then wraps each citation `extract_citations`
finds in a link (our page, the official publication, or a marked unresolved span) and the
first occurrence of each defined term of the context act version in a hover definition.

The defined terms of every version are kept in memory like the citation grammar (a
`legal.freshness.KnowledgeBaseMemo`): one query builds them again after any change to the
knowledge base.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from kzai.i18n import LANGUAGE_CODES, normalize_language, pick
from legal import selectors
from legal.citations import Citation, extract_citations, token_key
from legal.freshness import KnowledgeBaseMemo, invalidate
from legal.models import Act, ActVersion, Provision, Term


@dataclass(frozen=True)
class LinkContext:
    """Where a text sits: its act (slug), version (code) and provision (eid), and the date
    the page is read on (`as_of`, None for today)."""

    act: str | None = None
    version: str | None = None
    eid: str | None = None
    as_of: datetime.date | None = None


def context_of(obj, as_of: datetime.date | None = None) -> LinkContext:
    """A LinkContext from a Provision (with version and act loaded), an ActVersion, an Act,
    an act's slug, a LinkContext or None."""
    if isinstance(obj, LinkContext):
        return obj if as_of is None else LinkContext(obj.act, obj.version, obj.eid, as_of)
    if isinstance(obj, Provision):
        version = obj.version
        return LinkContext(version.act.slug, version.code, obj.eid, as_of)
    if isinstance(obj, ActVersion):
        return LinkContext(obj.act.slug, obj.code, None, as_of)
    if isinstance(obj, Act):
        return LinkContext(obj.slug, None, None, as_of)
    if isinstance(obj, str) and obj:
        return LinkContext(obj, None, None, as_of)
    return LinkContext(as_of=as_of)


# ---------------------------------------------------------------------------------------
# Defined terms, cached per (act slug, version code).

_WORD_RE = re.compile(r"\w+(?:-\w+)*")


CiteUrl = Callable[[Citation], "str | None"]


@dataclass(frozen=True)
class TermEntry:
    eid: str
    url: str
    terms: dict  # {lang: term text}
    definitions: dict  # {lang: unofficial summary of the def}
    keys: dict  # {lang: tuple of token keys of the term}


def _keys(text: str) -> tuple[str, ...]:
    return tuple(token_key(word) for word in _WORD_RE.findall(text or ""))


def _build_terms() -> dict[tuple[str, str], list[TermEntry]]:
    fields = [f"term_{lang}" for lang in LANGUAGE_CODES] + [
        f"provision__summary_{lang}" for lang in LANGUAGE_CODES
    ]
    rows = Term.objects.order_by("provision__order").values(
        "provision__eid", "provision__version__code", "provision__version__act__slug", *fields
    )
    out: dict[tuple[str, str], list[TermEntry]] = {}
    for row in rows:
        slug, code, eid = (
            row["provision__version__act__slug"],
            row["provision__version__code"],
            row["provision__eid"],
        )
        terms = {lang: row[f"term_{lang}"] for lang in LANGUAGE_CODES if row[f"term_{lang}"]}
        out.setdefault((slug, code), []).append(
            TermEntry(
                eid=eid,
                url=reverse("legal:provision", args=[slug, code, eid]),
                terms=terms,
                definitions={
                    lang: row[f"provision__summary_{lang}"]
                    for lang in LANGUAGE_CODES
                    if row[f"provision__summary_{lang}"]
                },
                keys={lang: _keys(text) for lang, text in terms.items()},
            )
        )
    return out


# Rebuilt after any change to the knowledge base (legal.freshness).
_terms = KnowledgeBaseMemo(_build_terms, size=1)


def terms_by_version() -> dict[tuple[str, str], list[TermEntry]]:
    return _terms.get()


def version_terms(act: str | None, version: str | None) -> list[TermEntry]:
    if not act or not version:
        return []
    return terms_by_version().get((act, version), [])


def terms_in(texts, act: str | None, version: str | None, lang: str) -> list[TermEntry]:
    """The defined terms of an act version that occur in `texts` (in `lang`), in the
    version's order: the glossary of a document such as a PDF report."""
    entries = version_terms(act, version)
    found = set()
    for text in texts:
        if text and entries:
            found.update(entry.eid for _start, _end, entry in _term_spans(str(text), lang, entries, [], None))
    return [entry for entry in entries if entry.eid in found]


def invalidate_term_cache(**kwargs) -> None:
    """Forget the defined terms (with every value kept per process): see
    legal.freshness.invalidate."""
    invalidate()


# ---------------------------------------------------------------------------------------
# Rendering.

_ids = itertools.count(1)


def _citation_html(group: list[Citation], text: str, cite_url: CiteUrl | None = None) -> str:
    first = group[0]
    label = escape(text[first.start : first.end])
    linked = [c for c in group if c.in_kb] or [c for c in group if c.resolved]
    if linked and linked[0].in_kb:
        cite = linked[0]
        url = cite_url(cite) if cite_url else cite.url
        if url is None:
            return format_html('<span class="cite">{}</span>', label)
        title = ""
        if len(group) > 1:
            title = gettext("Ссылка на несколько положений; открыто первое: %(eid)s") % {"eid": cite.eid}
        return format_html(
            '<a href="{}" class="cite"{}>{}</a>',
            url,
            format_html(' title="{}"', title) if title else "",
            label,
        )
    if linked and linked[0].url:
        cite = linked[0]
        return format_html(
            '<a href="{}" class="cite cite-external" rel="noopener" title="{}">{}</a>',
            cite.url,
            gettext("Этого положения нет в базе знаний kzai — ссылка ведёт на официальную публикацию акта"),
            label,
        )
    return format_html(
        '<span class="cite cite-unresolved" title="{}" data-reason="{}">{}</span>',
        first.reason_message,
        first.reason_code,
        label,
    )


def _same_stem(a: str, b: str) -> bool:
    """Snowball stems of one word may differ by a suffix letter or two («систем» → «сист»,
    «система» → «систем»): one stem a prefix of the other, both of 4+ letters, counts."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and len(long_) - len(short) <= 2 and long_.startswith(short)


def _term_spans(
    text: str, lang: str, entries: list[TermEntry], blocked: list[tuple[int, int]], own_eid: str | None
) -> list[tuple[int, int, TermEntry]]:
    """The first occurrence of each term outside citations, longer terms first."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
    if not words:
        return []
    keys = [token_key(w) for _, _, w in words]

    def is_blocked(start, end):
        return any(s < end and start < e for s, e in blocked)

    taken: list[tuple[int, int]] = []
    spans = []
    candidates = [(e, e.keys.get(lang)) for e in entries if e.eid != own_eid and e.keys.get(lang)]
    candidates.sort(key=lambda item: -len(item[1]))
    for entry, term_keys in candidates:
        n = len(term_keys)
        for i in range(len(words) - n + 1):
            if not all(_same_stem(keys[i + k], term_keys[k]) for k in range(n)):
                continue
            start, end = words[i][0], words[i + n - 1][1]
            gaps_ok = all(not text[words[j][1] : words[j + 1][0]].strip() for j in range(i, i + n - 1))
            if not gaps_ok or is_blocked(start, end) or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            spans.append((start, end, entry))
            break
    return spans


def _term_html(entry: TermEntry, label: str, lang: str) -> tuple[str, str]:
    """The marked term and, separately, the hidden description it points to (appended
    after the text, so the text itself reads on unchanged). The tooltip is drawn by CSS
    from data-definition on :hover and :focus."""
    definition = pick(entry.definitions, lang)
    if not definition:
        definition = gettext("Изложения определения нет.")
    definition = " ".join(str(definition).split())
    heading = gettext("Определение (неофициальное изложение kzai):")
    tip_id = f"term-def-{next(_ids)}"
    term = format_html(
        '<span class="term" tabindex="0" data-definition="{}" data-label="{}" aria-describedby="{}">'
        "{}</span>",
        definition,
        heading,
        tip_id,
        label,
    )
    description = format_html(
        ' <span class="term__description" id="{}" hidden>{} {}</span>', tip_id, heading, definition
    )
    return term, description


def link_html(
    text, context: LinkContext | None = None, lang: str | None = None, cite_url: CiteUrl | None = None
) -> str:
    """The escaped text with citation links and hover definitions (safe HTML).

    `cite_url(citation)` replaces our permalink of a provision in the knowledge base (a PDF
    links to its own appendix); None from it: the reference is shown, not linked."""
    if text is None:
        return ""
    lang = lang or getattr(text, "lang", None)
    text = str(text)
    if not text:
        return ""
    context = context or LinkContext()
    as_of = context.as_of or selectors.today()
    found = extract_citations(
        text, act=context.act, provision_eid=context.eid, version=context.version, as_of=as_of
    )
    # Citations that share a span (several units with several numbers) are one link.
    groups: list[list[Citation]] = []
    for cite in found:
        if groups and groups[-1][0].start == cite.start and groups[-1][0].end == cite.end:
            groups[-1].append(cite)
        elif groups and cite.start < groups[-1][0].end:
            continue  # overlapping: keep the first
        else:
            groups.append([cite])
    blocked = [(g[0].start, g[0].end) for g in groups]
    lang = normalize_language(lang)
    entries = version_terms(context.act, context.version)
    term_spans = _term_spans(text, lang, entries, blocked, context.eid) if entries else []

    pieces = [(g[0].start, g[0].end, "cite", g) for g in groups]
    pieces += [(s, e, "term", entry) for s, e, entry in term_spans]
    pieces.sort(key=lambda p: p[0])
    out, descriptions, pos = [], [], 0
    for start, end, kind, payload in pieces:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        if kind == "cite":
            out.append(_citation_html(payload, text, cite_url))
        else:
            term, description = _term_html(payload, escape(text[start:end]), lang)
            out.append(term)
            descriptions.append(description)
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out + descriptions))
