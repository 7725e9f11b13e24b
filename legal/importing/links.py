"""References inside the official text, read by the citation engine and stored as
`refers_to` links (origin: extracted) to the provisions they resolve to."""

import datetime
from collections import defaultdict
from collections.abc import Callable

from legal.citations import extract_citations
from legal.models import LinkKind, LinkOrigin, OfficialText, Provision, ProvisionLink

from . import rows

STEP = 500  # progress is reported every so many units


def link_references(
    version,
    language: str,
    texts: dict[str, str],
    as_of: datetime.date,
    progress: Callable[[str, int, int], None],
) -> int:
    """Replace the version's extracted links with those its official texts give: `texts`
    is this import's {eid: text}; the stored texts of the version's other language are
    read again so that their links stay. Only to provisions the knowledge base holds,
    never to the unit itself, once each. Returns the number of links stored."""
    act_slug = version.act.slug
    pks = dict(Provision.objects.filter(version=version).values_list("eid", "pk"))
    everything = defaultdict(list)
    for eid, text in texts.items():
        everything[eid].append(text)
    others = OfficialText.objects.filter(provision__version=version).exclude(language=language)
    for eid, text, wrap_up in others.values_list("provision__eid", "text", "wrap_up"):
        everything[eid].append(f"{text}\n{wrap_up}")
    wanted: dict[int, set[tuple[str, str, str]]] = defaultdict(set)
    total = len(everything)
    for done, (eid, parts) in enumerate(everything.items(), start=1):
        if eid not in pks:
            continue
        for text in parts:
            for citation in extract_citations(
                text, act=act_slug, provision_eid=eid, version=version.code, as_of=as_of
            ):
                if citation.in_kb and citation.eid and citation.act and citation.version:
                    wanted[pks[eid]].add((citation.act, citation.version, citation.eid))
        if done % STEP == 0:
            progress("link", done, total)
    targets = _targets(act_slug, version.code, pks, {key for keys in wanted.values() for key in keys})
    ProvisionLink.objects.filter(
        source__version=version, kind=LinkKind.REFERS_TO, origin=LinkOrigin.EXTRACTED
    ).delete()
    kept = set(
        ProvisionLink.objects.filter(source__version=version, kind=LinkKind.REFERS_TO).values_list(
            "source_id", "target_id"
        )
    )
    links = [
        ProvisionLink(
            source_id=source, target_id=target, kind=LinkKind.REFERS_TO, origin=LinkOrigin.EXTRACTED
        )
        for source, keys in wanted.items()
        for target in sorted({targets[key] for key in keys if key in targets})
        if target != source and (source, target) not in kept
    ]
    rows.create(ProvisionLink, links)
    progress("link", total, total)
    return len(links)


def _targets(act_slug: str, code: str, pks: dict[str, int], keys) -> dict[tuple[str, str, str], int]:
    """The pk of each (act, version, eid): this version's from memory, the others' with
    one query per cited version."""
    found = {}
    elsewhere = defaultdict(set)
    for key in keys:
        act, version, eid = key
        if (act, version) == (act_slug, code):
            if eid in pks:
                found[key] = pks[eid]
        else:
            elsewhere[(act, version)].add(eid)
    for (act, version), eids in elsewhere.items():
        query = Provision.objects.filter(version__act__slug=act, version__code=version, eid__in=eids)
        for eid, pk in query.values_list("eid", "pk"):
            found[(act, version, eid)] = pk
    return found
