"""Is the act a reference names the act we hold? A name says which work («Уголовный
кодекс»); a date of adoption, a number or the Kazakh SSR in the reference say which one of
its kind. «Уголовный кодекс Казахской ССР от 22 июля 1959 года» is a predecessor of ours:
linking it to today's code would be a silent wrong link. Pure: compares the reference's
text with the catalogue's records.
"""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    **{
        m: n
        for n, m in enumerate(
            "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр".split(), 1
        )
    },
    **{m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
}
DATE_RE = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<m>[a-zа-я]+)\s+(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})"
)
# The Kazakh SSR (and «КазССР»): an act of the state before 1991, never one of ours.
PREDECESSOR_RE = re.compile(
    r"\s*(?:казахской\s+сср|казсср|казахской\s+советской\s+социалистической\s+республики"
    r"|of\s+the\s+kazakh\s+ssr|қазақ\s+сср\w*)(?!\w)"
)
# What may follow a name and say which act it is: a date, «№ …» (read whether or not it is
# the act's own, unlike the name's trail).
_TRAIL_RE = re.compile(
    r"\s*,?\s*(?:(?:от|of|dated)\s+)?(?:\d{1,2}\s+[a-zа-я]+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?:\s*(?:года|г\.))?"
)
NUMBER_SIGN_RE = re.compile(r"(?:№|no\.|n°)\s*(\d[\w-]*)")  # an act's number starts with a digit
_KZ_RE = re.compile(
    r"(?<!\w)(?:рк|республик\w*\s+казахстан|казахстан\w*|қр|қазақстан\w*|kazakhstan\w*)(?!\w)"
)


def _month(word: str) -> int | None:
    for stem, n in _MONTHS.items():
        if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
            return n
    return None


def dates(low: str) -> list[datetime.date | None]:
    """The dates written in `low` (None for one that is no real date)."""
    out: list[datetime.date | None] = []
    for m in DATE_RE.finditer(low):
        try:
            if m.group("d"):
                month = _month(m.group("m"))
                if month is None:
                    continue
                out.append(datetime.date(int(m.group("y")), month, int(m.group("d"))))
            else:
                out.append(datetime.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))))
        except ValueError:
            out.append(None)
    return out


def extend_identity(low: str, end: int) -> int:
    """Take in what follows a name and says which act it is: «Казахской ССР», a date,
    «№ 167-I» (a number not the act's own is left out of the name by the walk)."""
    for _ in range(4):
        m = PREDECESSOR_RE.match(low, end) or _TRAIL_RE.match(low, end)
        if not m:
            k = re.compile(r"\s*").match(low, end).end()
            m = NUMBER_SIGN_RE.match(low, k)
        if not m or m.end() <= end:
            break
        end = m.end()
    return end


def mismatch(act, low_span: str) -> str:
    """Why the act named in `low_span` (the name and what follows it) is not `act`, or ""."""
    if PREDECESSOR_RE.search(low_span):
        return "an act of the Kazakh SSR, not the act in force in Kazakhstan"
    if act.adopted:
        for day in dates(low_span):
            if day != act.adopted:
                return f"adopted {day or 'on another day'}, {act.slug} on {act.adopted}"
    if act.number:
        for m in NUMBER_SIGN_RE.finditer(low_span):
            if m.group(1) != act.number:
                return f"No. {m.group(1)}, {act.slug} is No. {act.number}"
    return ""


def says_kazakhstan(act, low_span: str) -> bool:
    """The reference says the act is Kazakhstan's: the Republic, or the act's own number."""
    if _KZ_RE.search(low_span):
        return True
    return bool(act.number) and any(m.group(1) == act.number for m in NUMBER_SIGN_RE.finditer(low_span))


def check(catalogue, low: str, start: int, end: int, slugs: frozenset) -> tuple[frozenset, int, str]:
    """The acts of `slugs` that the name at low[start:end] and what follows it may mean:
    (slugs, end, mismatch). A date or a number picks among acts of one name; when none is
    left, the reference is to another act (`mismatch` says why) and takes in what said so.
    Kept on the catalogue per name as written: a text names its acts the same way again."""
    longer = extend_identity(low, end)
    key = (low[start:longer], slugs)
    found = catalogue.identities.get(key)
    if found is None:
        if len(catalogue.identities) > 10_000:
            catalogue.identities.clear()
        found = catalogue.identities[key] = _pick(catalogue, key[0], slugs)
    keep, why = found
    return (slugs, longer, why) if why else (keep, end, "")


def _pick(catalogue, span: str, slugs: frozenset) -> tuple[frozenset, str]:
    """(the acts `span` may mean, ""), or (`slugs`, why none of them) when it means none."""
    acts = [catalogue.acts[s] for s in slugs if s in catalogue.acts]
    reasons = {act.slug: mismatch(act, span) for act in acts}
    keep = frozenset(slug for slug, why in reasons.items() if not why)
    if keep or not reasons:
        return (keep if keep else slugs), ""
    return slugs, "; ".join(why for why in reasons.values())
