"""Akoma Ntoso-style FRBR URIs for acts, versions and provisions, and their lookup.

    work        /akn/kz/act/law/2025/230
    expression  /akn/kz/act/law/2025/230/rus@2025-11-17
    component   /akn/kz/act/law/2025/230/rus@2025-11-17/!main~art_21__para_2

- `act/<subtype>`: the kind of act (`law`, `code`, `constitutional-law`; an amending law is a law);
- `<year>/<number>`: the year of adoption and the act's number without its convocation
  suffix (230-VIII → 230; the full number, 230-viii, is accepted too);
- `<language>@<version>`: rus, kaz or eng (we give rus; all three name the same provision)
  and the version's code, which is the date of the text for dated versions
  (`@2025-11-17`) and the code otherwise (`@draft-2025-01`, `@current`);
- `!main~<eid>`: the provision's eid in the main body.

An act without a date of adoption or a number has no URI. The builders live in
legal.akn.frbr (the Akoma Ntoso export uses them too); parsing and lookup are here.
"""

import re
from dataclasses import dataclass

from legal.akn.frbr import LANGUAGES, SUBTYPES, component_uri, expression_uri, work_uri
from legal.akn.frbr import act_number as _number
from legal.models import Act

__all__ = ["LANGUAGES", "SUBTYPES", "component_uri", "expression_uri", "work_uri", "parse", "find_act"]

URI_RE = re.compile(
    r"^/akn/kz/act/(?P<subtype>[a-z-]+)/(?P<year>\d{4})/(?P<number>[0-9A-Za-z-]+)"
    r"(?:/(?P<language>rus|kaz|eng)@(?P<version>[A-Za-z0-9_-]+)"
    r"(?:/!main(?:~(?P<eid>[a-z][A-Za-z0-9_-]*))?)?)?/?$"
)


class InvalidUri(ValueError):
    pass


@dataclass
class Parsed:
    subtype: str
    year: int
    number: str
    version: str | None
    eid: str | None


def parse(uri: str) -> Parsed:
    match = URI_RE.match(uri or "")
    if match is None:
        raise InvalidUri(uri)
    return Parsed(
        subtype=match["subtype"],
        year=int(match["year"]),
        number=match["number"].lower(),
        version=match["version"],
        eid=match["eid"],
    )


def find_act(parsed: Parsed) -> Act | None:
    """The act a parsed URI names (one query), or None."""
    kinds = [kind for kind, subtype in SUBTYPES.items() if subtype == parsed.subtype]
    candidates = Act.objects.filter(kind__in=kinds, adopted__year=parsed.year).only(
        "id", "slug", "kind", "number", "adopted"
    )
    for act in candidates:
        if parsed.number in (_number(act), act.number.lower()):
            return act
    return None
