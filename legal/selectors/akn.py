"""What the Akoma Ntoso export of a version reads: a fixed number of queries whatever the
size of the act (the version with its act, its imported document, its provisions, their
official texts, its amendment history, its publisher's notes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from legal.models import ActVersion, Amendment, EditorialNote, OfficialDocument, OfficialText, Provision

from .acts import get_version

PROVISION_FIELDS = ("id", "parent_id", "eid", "type", "num", "order", "repealed")


@dataclass
class AknSource:
    """One version in one official language, as the export needs it."""

    version: ActVersion
    language: str  # ru or kk
    document: OfficialDocument | None
    provisions: list[Provision]  # document order
    texts: dict[int, OfficialText]  # provision id → its official text in `language`
    amendments: list[Amendment]  # every language: the lifecycle's dates are the same in each
    notes: list[EditorialNote] = field(default_factory=list)  # in `language`


def akn_source(slug: str, code: str, language: str) -> AknSource:
    """The version `code` of the act `slug` (404 if none) for the export in `language`."""
    version = get_version(slug, code)
    document = OfficialDocument.objects.filter(version=version, language=language).first()
    provisions = list(
        Provision.objects.filter(version=version).order_by("order", "pk").only(*PROVISION_FIELDS)
    )
    texts = {
        text.provision_id: text
        for text in OfficialText.objects.filter(provision__version=version, language=language).only(
            "provision_id", "heading", "text", "wrap_up"
        )
    }
    amendments = list(
        Amendment.objects.filter(version=version)
        .select_related("amending_act")
        .order_by("order", "pk")
    )
    notes = list(
        EditorialNote.objects.filter(version=version, language=language).order_by("order", "pk")
    )
    return AknSource(version, language, document, provisions, texts, amendments, notes)
