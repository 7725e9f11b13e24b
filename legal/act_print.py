""""Print this act": a PDF of an act version, or of chosen provisions with everything under them.

`select()` reads what is printed in three queries whatever the act's size (the version,
the chosen units, the units with their official texts); `document()` turns it into a
PdfDocument for the engine. The provisions printed also go into the PDF as a JSON
attachment, and the footer carries the SHA-256 of that data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from kzai.i18n import normalize_language
from kzai.pdf import layout
from kzai.pdf.engine import PdfAttachment, PdfDocument
from legal import selectors
from legal.models import ActVersion, Provision
from legal.models.provision import EID_RE
from legal.printed import official_texts_prefetch, printed, provision_data

#: Beyond this a PDF takes too long to be made while the reader waits.
MAX_PROVISIONS = 1500
MAX_EIDS = 100


class SelectionError(ValueError):
    """The `eids` asked for cannot be printed; the message says why."""


@dataclass
class PrintSelection:
    version: ActVersion
    provisions: list[Provision]  # in document order, official texts prefetched
    eids: list[str]  # as asked, in document order; empty for the whole version


def parse_eids(raw: str | None) -> list[str]:
    """`art_17,art_21` → ['art_17', 'art_21'] (duplicates dropped); SelectionError if malformed."""
    if raw is None or not raw.strip():
        return []
    eids = list(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))
    bad = [eid for eid in eids if not EID_RE.match(eid)]
    if bad:
        raise SelectionError(gettext("«%(eid)s» — не идентификатор положения.") % {"eid": bad[0][:80]})
    if len(eids) > MAX_EIDS:
        raise SelectionError(gettext("Можно выбрать не больше %(count)s положений.") % {"count": MAX_EIDS})
    return eids


def select(slug: str, code: str, eids: list[str]) -> PrintSelection:
    """The version (404 if unknown) and the provisions to print; SelectionError for
    unknown eids or a selection too large to print."""
    version = selectors.get_version(slug, code)
    units = Provision.objects.filter(version=version)
    if eids:
        chosen = {p.eid: p for p in units.filter(eid__in=eids).only("id", "eid", "path", "order")}
        unknown = [eid for eid in eids if eid not in chosen]
        if unknown:
            raise SelectionError(
                gettext("В этой редакции нет положений: %(eids)s.") % {"eids": ", ".join(unknown)}
            )
        under = Q(eid__in=eids)
        for unit in chosen.values():
            full = f"{unit.path}/{unit.eid}" if unit.path else unit.eid
            under |= Q(path=full) | Q(path__startswith=f"{full}/")
        units = units.filter(under)
        eids = sorted(eids, key=lambda eid: chosen[eid].order)
    provisions = list(
        units.order_by("order")
        .select_related("term")
        .prefetch_related(official_texts_prefetch())[: MAX_PROVISIONS + 1]
    )
    if len(provisions) > MAX_PROVISIONS:
        raise SelectionError(
            gettext("Слишком много положений для одного PDF (больше %(count)s): выберите статьи.")
            % {"count": MAX_PROVISIONS}
        )
    for provision in provisions:
        provision.version = version  # the TOC-style query does not load it again
    return PrintSelection(version, provisions, eids)


def document(selection: PrintSelection, language: str, printed_on: datetime.date) -> PdfDocument:
    """The PdfDocument of a selection in `language` (ru, kk, en), printed on `printed_on`."""
    language = normalize_language(language)
    version = selection.version
    act = version.act
    with translation.override(language):
        blocks = printed(selection.provisions, language)
        data = {
            "kind": "kzai.act_print",
            "act": act.slug,
            "version": version.code,
            "eids": selection.eids,
            "language": language,
            "printed_on": printed_on.isoformat(),
            "provisions": [provision_data(block) for block in blocks],
        }
        payload = layout.canonical_json(data)
        content_hash = layout.sha256(payload)
        title = f"{act.short_name or act.title} — {version.label or version.code}"
        footer = f"kzai · {act.slug}/{version.code} · SHA-256 {content_hash[:16]}"
        html = render_to_string(
            "reports/act_print.html",
            {
                "lang": language,
                "doc_title": title,
                "doc_author": "kzai",
                "doc_created": layout.w3c_datetime(printed_on),
                "page_style": layout.page_style(running_title=title, footer=footer),
                "act": act,
                "version": version,
                "state": version.state_on(printed_on),
                "printed_on": printed_on,
                "blocks": blocks,
                "eids": selection.eids,
                "content_hash": content_hash,
            },
        )
        description = gettext("Напечатанные положения (машиночитаемо)")
    created = datetime.datetime.combine(printed_on, datetime.time())
    return PdfDocument(
        html=html,
        identifier=f"act:{act.slug}:{version.code}:{','.join(selection.eids)}:{language}",
        attachments=(
            PdfAttachment(
                name="provisions.json",
                data=payload,
                description=description,
                created=created,
            ),
        ),
    )

