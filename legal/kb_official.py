"""What `load_kb` leaves to imported official texts. The knowledge base is research data;
an imported official text is the law as published. Reloading the knowledge base (every
`make run` does) must not undo an import: the document order of a version with official
text, the headings and defined terms taken from it, and the end of an edition that a newer
imported edition replaced stay as the import set them."""

from legal.importing.ordering import document_order
from legal.models import ActVersion, OfficialDocument, OfficialText, Provision


def has_official_text(version: ActVersion) -> bool:
    return OfficialDocument.objects.filter(version=version).exists()


def official_headings(version: ActVersion) -> dict[str, set[str]]:
    """{eid: languages} of the version's units that have an imported official heading."""
    found: dict[str, set[str]] = {}
    rows = OfficialText.objects.filter(provision__version=version).exclude(heading="")
    for eid, language in rows.values_list("provision__eid", "language"):
        found.setdefault(eid, set()).add(language)
    return found


def keep_imported(
    values: dict, eid: str, headings: dict[str, set[str]], official: bool, existing: bool
) -> dict:
    """The knowledge base's values for one provision, less what the import owns: its place
    in a version with official text, and a heading the knowledge base leaves empty."""
    kept = dict(values)
    if official and existing:
        kept.pop("order")
    for language in headings.get(eid, ()):
        if not kept.get(f"title_{language}"):
            kept.pop(f"title_{language}", None)
    return kept


def place_new_units(version: ActVersion, kb_order: list[tuple[str, str | None]], created: set[str]) -> int:
    """Units the knowledge base just added (`created`) to a version with official text go
    right after the sibling they follow in the knowledge base; the rest keep the imported
    order. Returns how many rows moved."""
    rows = Provision.objects.filter(version=version).order_by("order")
    current = [(eid, parent) for eid, parent in rows.values_list("eid", "parent__eid") if eid not in created]
    wanted = {eid: index for index, eid in enumerate(document_order(current, kb_order))}
    moved = [p for p in rows.only("pk", "eid", "order") if p.order != wanted.get(p.eid, p.order)]
    for provision in moved:
        provision.order = wanted[provision.eid]
    Provision.objects.bulk_update(moved, ["order"], batch_size=500)
    return len(moved)


def keep_imported_term(provision: Provision, values: dict) -> dict:
    """A defined term the import took from the official text in a language stays."""
    languages = set(provision.official_texts.values_list("language", flat=True))
    return {name: value for name, value in values.items() if name.rsplit("_", 1)[-1] not in languages}


def replaced_by_import(version: ActVersion | None) -> bool:
    """An edition imported later starts the day this version ends: the end is the import's."""
    if version is None or version.in_force_until is None:
        return False
    return ActVersion.objects.filter(
        act_id=version.act_id, in_force_from=version.in_force_until, official_documents__isnull=False
    ).exists()
