"""Acts, their versions, tables of contents and act-level notes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.shortcuts import get_object_or_404

from legal.models import Act, ActVersion, Origin, Provision, ProvisionType, VersionNote, build_tree
from legal.versions import versions_in_force


@dataclass
class ActRow:
    act: Act
    version: ActVersion | None  # the version in force on the day asked about


def act_rows(on: datetime.date) -> list[ActRow]:
    """All acts with the version in force on `on` (two queries)."""
    acts = list(Act.objects.all())
    in_force = versions_in_force(on)
    return [ActRow(act, in_force.get(act.pk)) for act in acts]


def get_act(slug: str) -> Act:
    return get_object_or_404(Act, slug=slug)


def versions_of(act: Act) -> list[ActVersion]:
    """The act's versions, drafts first then by date; each with `act` set (no query)."""
    versions = list(act.versions.in_document_order())
    for version in versions:
        version.act = act
    return versions


def get_version(slug: str, code: str) -> ActVersion:
    return get_object_or_404(ActVersion.objects.select_related("act"), act__slug=slug, code=code)


TOC_FIELDS = (
    "id", "parent_id", "eid", "type", "num", "order", "depth",
    "title_ru", "title_kk", "title_en", "summary_ru", "summary_kk", "summary_en", "our_translations",
)


TERM_FIELDS = ("term__id", "term__provision_id", "term__term_ru", "term__term_kk", "term__term_en")


# Units an outline always shows; below them, only our own (the knowledge base's, with
# their summaries): the points an import created, tens of thousands in a code, are on the
# article pages and in the whole official text.
OUTLINE_TYPES = (
    ProvisionType.PART,
    ProvisionType.SECTION,
    ProvisionType.CHAPTER,
    ProvisionType.PARAGRAPH,
    ProvisionType.ARTICLE,
)


def toc_provisions(version: ActVersion, *, outline: bool = False):
    """The version's provisions in document order with just what a TOC shows (one query);
    `outline`: the version page's table of contents (see OUTLINE_TYPES)."""
    provisions = Provision.objects.filter(version=version)
    if outline:
        provisions = provisions.filter(Q(type__in=OUTLINE_TYPES) | ~Q(origin=Origin.IMPORT))
    return provisions.order_by("order").select_related("term").only(*TOC_FIELDS, *TERM_FIELDS)


def table_of_contents(version: ActVersion, *, outline: bool = False):
    return build_tree(toc_provisions(version, outline=outline))


def act_notes(version: ActVersion) -> list[VersionNote]:
    """Notes about the act as a whole (no eid) that concern this version."""
    return list(
        VersionNote.objects.filter(act_id=version.act_id, eid="")
        .filter(Q(to_version=version) | Q(from_version=version))
        .select_related("from_version", "to_version")
        .order_by("order", "pk")
    )
