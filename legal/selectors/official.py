"""Reading imported official texts: a provision's wording with its parts, the whole text
of a version in one language, and the stored document for download. A fixed number of
queries each, whatever the number of units (the pages pin them: tests/legal/test_queries.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from legal.models import (
    ActVersion,
    Amendment,
    EditorialNote,
    OfficialDocument,
    OfficialText,
    Provision,
    ProvisionType,
)

OFFICIAL_LANGUAGES = ("ru", "kk")
# The stored file and the import report can be megabytes: pages read them only to download.
HEAVY_DOCUMENT_FIELDS = ("text", "report")
# Units whose page shows their own heading only; the whole text page shows what they hold.
CONTAINERS = {ProvisionType.PART, ProvisionType.SECTION, ProvisionType.CHAPTER, ProvisionType.PARAGRAPH}
# What the table of contents of the text page lists.
TOC_TYPES = CONTAINERS | {ProvisionType.ARTICLE}

# How a numbered unit starts in the official text of each language (Adilet's layout).
_NUMBER_FORMATS = {
    "ru": {
        ProvisionType.SECTION: "Раздел {num}.",
        ProvisionType.CHAPTER: "Глава {num}.",
        ProvisionType.PARAGRAPH: "Параграф {num}.",
        ProvisionType.ARTICLE: "Статья {num}.",
        ProvisionType.PARA: "{num}.",
        ProvisionType.SUBPARA: "{num})",
        ProvisionType.DEF: "{num})",
    },
    "kk": {
        ProvisionType.SECTION: "{num}-бөлім.",
        ProvisionType.CHAPTER: "{num}-тарау.",
        ProvisionType.PARAGRAPH: "{num}-параграф.",
        ProvisionType.ARTICLE: "{num}-бап.",
        ProvisionType.PARA: "{num}.",
        ProvisionType.SUBPARA: "{num})",
        ProvisionType.DEF: "{num})",
    },
}
_NOTE_LABEL = {"ru": "Примечание.", "kk": "Ескертпе."}


def number_label(provision: Provision, language: str) -> str:
    """«Статья 5.», «5-бап.», «2.», «3)», «Примечание.»: the number as the official text
    in `language` writes it before the heading or the words; "" for an unnumbered unit."""
    if provision.type == ProvisionType.NOTE:
        return _NOTE_LABEL.get(language, "")
    if not provision.num:
        return ""
    pattern = _NUMBER_FORMATS.get(language, _NUMBER_FORMATS["ru"]).get(provision.type, "{num}.")
    return pattern.format(num=provision.num)


@dataclass
class Row:
    """One line of an official text in document order: a unit's number, heading and own
    words (`wrap_up` False), or the words a unit ends with after its parts (`wrap_up` True)."""

    provision: Provision
    official: OfficialText
    depth: int
    label: str = ""
    wrap_up: bool = False
    amendments: list[Amendment] = field(default_factory=list)
    notes: list[EditorialNote] = field(default_factory=list)

    @property
    def eid(self) -> str:
        return self.provision.eid

    @property
    def paragraphs(self) -> list[str]:
        """The row's words, one item a paragraph (the reader joins them with "\\n")."""
        words = self.official.wrap_up if self.wrap_up else self.official.text
        return [line for line in words.split("\n") if line.strip()]


@dataclass
class Wording:
    """The official wording of a provision (or a whole version) in one language."""

    language: str
    document: OfficialDocument | None
    own: OfficialText | None  # the provision's own wording (None on the whole text page)
    rows: list[Row]
    amendments: list[Amendment] = field(default_factory=list)  # every row's, in order
    notes: list[EditorialNote] = field(default_factory=list)


def _full_path(provision: Provision) -> str:
    return f"{provision.path}/{provision.eid}" if provision.path else provision.eid


def _is_under(unit: Provision, ancestor: Provision) -> bool:
    full = _full_path(ancestor)
    return unit.path == full or unit.path.startswith(f"{full}/")


def _by_provision(items) -> dict[int | None, list]:
    grouped: dict[int | None, list] = {}
    for item in items:
        grouped.setdefault(item.provision_id, []).append(item)
    return grouped


def build_rows(
    units, texts: dict[int, OfficialText], language: str, amendments=None, notes=None
) -> list[Row]:
    """Rows in document order for `units` (in document order) that have official text in
    `language`; each unit's wrap-up comes after its last part."""
    amendments = amendments or {}
    notes = notes or {}
    rows: list[Row] = []
    pending: list[Row] = []  # units whose parts may still follow
    base = None

    def close(row: Row):
        if row.official.wrap_up:
            rows.append(Row(row.provision, row.official, row.depth, wrap_up=True))

    for unit in units:
        official = texts.get(unit.pk)
        if official is None:
            continue
        while pending and not _is_under(unit, pending[-1].provision):
            close(pending.pop())
        if base is None:
            base = unit.depth
        row = Row(
            unit,
            official,
            depth=max(unit.depth - base, 0),
            label=number_label(unit, language),
            amendments=amendments.get(unit.pk, []),
            notes=notes.get(unit.pk, []),
        )
        rows.append(row)
        pending.append(row)
    while pending:
        close(pending.pop())
    return rows


def _languages_first(languages, first: str) -> list[str]:
    return sorted(set(languages), key=lambda lang: (lang != first, OFFICIAL_LANGUAGES.index(lang)))


def shown_units(provision: Provision, descendants: list[Provision]) -> list[Provision]:
    """The units whose wording a provision page shows: an article or a smaller unit with
    all its parts; a chapter or a larger unit only its heading (the text page has the rest)."""
    if provision.type in CONTAINERS:
        return [provision]
    return [provision, *descendants]


def provision_wordings(provision: Provision, units: list[Provision], page_language: str) -> list[Wording]:
    """The official wording of `provision` and its `units` per language imported, the
    page's language first (three queries: texts with their documents, amendments, notes)."""
    ids = [unit.pk for unit in units]
    texts = list(
        OfficialText.objects.filter(provision_id__in=ids)
        .select_related("document")
        .defer(*(f"document__{name}" for name in HEAVY_DOCUMENT_FIELDS))
    )
    amendments = list(
        Amendment.objects.filter(provision_id__in=ids).select_related("amending_act").order_by("order", "pk")
    )
    notes = list(EditorialNote.objects.filter(provision_id__in=ids).order_by("order", "pk"))
    wordings = []
    for language in _languages_first((t.language for t in texts), page_language):
        by_unit = {t.provision_id: t for t in texts if t.language == language}
        own = by_unit.get(provision.pk)
        in_language_amendments = [a for a in amendments if a.language == language]
        in_language_notes = [n for n in notes if n.language == language]
        rows = build_rows(
            units, by_unit, language, _by_provision(in_language_amendments), _by_provision(in_language_notes)
        )
        document = next((t.document for t in by_unit.values() if t.document_id), None)
        wordings.append(Wording(language, document, own, rows, in_language_amendments, in_language_notes))
    return wordings


# ------------------------------------------------------------- the whole text page


@dataclass
class VersionText:
    """The whole official text of a version in one language, for the text page."""

    version: ActVersion
    language: str
    document: OfficialDocument | None
    languages: list[str]  # the languages the version's official text was imported in
    rows: list[Row] = field(default_factory=list)
    act_amendments: list[Amendment] = field(default_factory=list)  # about the act as a whole
    act_notes: list[EditorialNote] = field(default_factory=list)

    @property
    def toc(self) -> list[Row]:
        return [row for row in self.rows if not row.wrap_up and row.provision.type in TOC_TYPES]


TEXT_PAGE_FIELDS = (
    "id",
    "version_id",
    "parent_id",
    "eid",
    "type",
    "num",
    "order",
    "depth",
    "path",
    "repealed",
)


def version_text(version: ActVersion, language: str, fallback: bool = False) -> VersionText:
    """The version's official text in `language`, or with `fallback` in the other official
    language when there is none in that one (five queries; one when there is none at all:
    `document` is then None and `languages` says which there are)."""
    documents = list(
        OfficialDocument.objects.filter(version=version).defer(*HEAVY_DOCUMENT_FIELDS).order_by("-language")
    )
    document = next((d for d in documents if d.language == language), None)
    if document is None and fallback and documents:
        document = documents[0]  # ru before kk
        language = document.language
    page = VersionText(version, language, document, [d.language for d in documents])
    if document is None:
        return page
    units = Provision.objects.filter(version=version).order_by("order").only(*TEXT_PAGE_FIELDS)
    texts = {
        t.provision_id: t for t in OfficialText.objects.filter(provision__version=version, language=language)
    }
    amendments = _by_provision(
        Amendment.objects.filter(version=version, language=language)
        .select_related("amending_act")
        .order_by("order", "pk")
    )
    notes = _by_provision(
        EditorialNote.objects.filter(version=version, language=language).order_by("order", "pk")
    )
    page.rows = build_rows(units, texts, language, amendments, notes)
    page.act_amendments = amendments.get(None, [])
    page.act_notes = notes.get(None, [])
    return page


def find_document(version: ActVersion, language: str) -> OfficialDocument | None:
    """The stored official text of a version in one language, with the file's text."""
    return OfficialDocument.objects.filter(version=version, language=language).defer("report").first()


def document_languages(version: ActVersion) -> list[str]:
    """The languages the version's official text was imported in (one query)."""
    return list(
        OfficialDocument.objects.filter(version=version)
        .order_by("language")
        .values_list("language", flat=True)
    )


def official_texts_prefetch() -> Prefetch:
    """A provision's official texts with their documents (without the file), by language:
    for the API's provision detail (no query per text)."""
    return Prefetch(
        "official_texts",
        queryset=OfficialText.objects.select_related("document__version")
        .defer(*(f"document__{name}" for name in HEAVY_DOCUMENT_FIELDS))
        .order_by("language"),
    )
