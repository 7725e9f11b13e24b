"""Which version a text goes to, and a new edition: a version made when the official
text differs from the one imported before, with the previous edition's provisions, our
editorial work on them included, copied over. The previous edition stays as it was, only
its in-force period now ends."""

import datetime

from django.db.models import F
from django.utils import translation

from kzai.localized import format_date
from legal.models import (
    ActVersion,
    LinkKind,
    LinkOrigin,
    Provision,
    ProvisionLink,
    Term,
    VersionStatus,
)
from legal.official.types import Document

from . import rows
from .checks import error
from .types import ImportOptions, ImportRefused

# Provision columns that belong to the version's tree, set anew for the copy.
_TREE_FIELDS = {"id", "version", "parent"}


def target_version(act, document: Document, options: ImportOptions, source_url: str) -> ActVersion:
    """`options.version` (created when the act has none of that code), else the act's
    latest version that is not a draft, else a new one dated by the header."""
    versions = ActVersion.objects.filter(act=act)
    if options.version:
        found = versions.filter(code=options.version).first()
        return found or new_version(act, options.version, document, options, source_url)
    latest = (
        versions.exclude(status=VersionStatus.DRAFT)
        .with_start()
        .order_by(F("starts").desc(nulls_last=True), F("date").desc(nulls_last=True), "-pk")
        .first()
    )
    if latest is not None:
        return latest
    dated = options.in_force_from or options.date or document.header.date
    if dated is None:
        raise ImportRefused([error("no_version", "Не указана редакция (--version), и в заголовке нет даты.")])
    return new_version(act, dated.isoformat(), document, options, source_url)


def new_version(act, code: str, document: Document, options: ImportOptions, source_url: str) -> ActVersion:
    status = options.status or VersionStatus.IN_FORCE
    starts = None if status == VersionStatus.DRAFT else options.in_force_from
    dated = options.date or document.header.date or options.in_force_from
    version = ActVersion(
        act=act,
        code=code,
        status=status,
        date=dated,
        in_force_from=starts,
        consolidated_as_of=options.date,
        sources=[source_url],
        **labels(starts, dated),
    )
    version.full_clean(validate_unique=False, validate_constraints=False)
    version.save()
    return version


def new_edition(
    previous: ActVersion, document: Document, options: ImportOptions, source_url: str
) -> ActVersion:
    """The next edition of `previous`, in force from `options.in_force_from`, holding a
    copy of every provision of `previous`."""
    starts = options.in_force_from
    if starts is None:
        raise ImportRefused(
            [
                error(
                    "in_force_from",
                    f"Текст отличается от импортированного в редакцию «{previous.code}»: это новая редакция. "
                    "Укажите дату её вступления в силу (--in-force-from).",
                )
            ]
        )
    if previous.in_force_from and starts <= previous.in_force_from:
        raise ImportRefused(
            [
                error(
                    "in_force_from",
                    f"Новая редакция должна вступить в силу позже редакции «{previous.code}» "
                    f"(действует с {previous.in_force_from:%d.%m.%Y}).",
                )
            ]
        )
    code = options.version if options.version and options.version != previous.code else starts.isoformat()
    if ActVersion.objects.filter(act=previous.act, code=code).exists():
        raise ImportRefused(
            [error("version_exists", f"Редакция «{code}» уже есть: укажите другую (--version).")]
        )
    if not previous.is_draft and (previous.in_force_until is None or previous.in_force_until > starts):
        previous.in_force_until = starts
        previous.save(update_fields=["in_force_until"])
    edition = ActVersion(
        act=previous.act,
        code=code,
        status=options.status or (VersionStatus.IN_FORCE if previous.is_draft else previous.status),
        date=options.date or starts,
        in_force_from=starts,
        consolidated_as_of=options.date,
        sources=[source_url],
        **labels(starts, options.date or starts),
    )
    edition.full_clean(validate_unique=False, validate_constraints=False)
    edition.save()
    copy_provisions(previous, edition)
    return edition


LABELS = {
    "ru": ("Редакция, действующая с {date}", "Текст от {date}"),
    "kk": ("Редакция (қолданысқа енгізілген күні — {date})", "Мәтін, {date}"),
    "en": ("Version in force from {date}", "Text of {date}"),
}


def labels(starts: datetime.date | None, dated: datetime.date | None) -> dict[str, str]:
    """A version's label in every language: from when it is in force, or the text's date."""
    found = {}
    for language, (in_force, text_of) in LABELS.items():
        with translation.override(language):
            if starts:
                found[f"label_{language}"] = in_force.format(date=format_date(starts))
            elif dated:
                found[f"label_{language}"] = text_of.format(date=format_date(dated))
    return found


def copy_provisions(previous: ActVersion, edition: ActVersion) -> dict[int, Provision]:
    """Every provision of `previous` into `edition`, with its duty holders, terms and the
    knowledge base's and editors' links. Returns the copies by the original's pk."""
    originals = list(Provision.objects.filter(version=previous).order_by("depth", "order"))
    names = [f.attname for f in Provision._meta.concrete_fields if f.name not in _TREE_FIELDS]
    copies: dict[int, Provision] = {}
    for level in sorted({p.depth for p in originals}):
        batch = []
        for original in originals:
            if original.depth != level:
                continue
            copy = Provision(version=edition, **{name: getattr(original, name) for name in names})
            copy.parent = copies.get(original.parent_id)
            copies[original.pk] = copy
            batch.append(copy)
        rows.create(Provision, batch)
    holders = Provision.duty_holders.through
    holders.objects.bulk_create(
        holders(provision_id=copies[row.provision_id].pk, dutyholder_id=row.dutyholder_id)
        for row in holders.objects.filter(provision__version=previous)
    )
    term_names = [f.attname for f in Term._meta.concrete_fields if f.name not in {"id", "provision"}]
    rows.create(
        Term,
        [
            Term(provision=copies[t.provision_id], **{name: getattr(t, name) for name in term_names})
            for t in Term.objects.filter(provision__version=previous)
        ],
    )
    _copy_links(previous, copies)
    return copies


def _copy_links(previous: ActVersion, copies: dict[int, Provision]) -> None:
    """Our links go with the copy; a link inside the version points to the copy. Links read
    from the old text are not copied: the new text's are extracted again."""
    link_names = [
        f.attname for f in ProvisionLink._meta.concrete_fields if f.name not in {"id", "source", "target"}
    ]
    links = []
    for link in ProvisionLink.objects.filter(source__version=previous).exclude(origin=LinkOrigin.EXTRACTED):
        target = copies.get(link.target_id)
        if link.kind == LinkKind.CORRESPONDS_TO and target is not None:
            continue  # «corresponds to» joins two versions; inside one it means nothing
        links.append(
            ProvisionLink(
                source=copies[link.source_id],
                target_id=target.pk if target else link.target_id,
                **{name: getattr(link, name) for name in link_names},
            )
        )
    rows.create(ProvisionLink, links)
