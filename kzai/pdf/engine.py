"""HTML → PDF/A-3b, with attachments, in a worker process with a time limit.

Why a process: WeasyPrint is CPU-bound and cannot be interrupted from another thread, so
a pathological document (or a bug) would hold a request, and a server thread, for ever.
Each rendering runs in a child forked from the web process (WeasyPrint, fonts and assets
already loaded, so the fork costs milliseconds, not the 0.6 s of an import); past the
time limit the child is killed and `RenderTimeout` says so. The child touches nothing but
the HTML string it was given: no database, no network, no files (see `fetcher`).

Determinism: the same `PdfDocument` gives the same bytes. WeasyPrint's only moving parts
are dates and identifiers, and all are fixed here: the document's dates come from the
HTML (`<meta name="dcterms.created">`, written by the templates from the data), the
attachments carry the dates they are given, and the trailer /ID is derived from the
document's `identifier` (first part) and the content (second part, WeasyPrint's MD5).

One more moving part depends on the machine: the embedded font subsets. WeasyPrint subsets
fonts with HarfBuzz (Debian's `libharfbuzz-subset0`), which keeps each font's own dates,
or, without that library, with fontTools, whose `TTFont.save()` writes the time of the
rendering (to the second) into every subset's `head.modified`: two renderings a second
apart differed. fontTools takes that time from `SOURCE_DATE_EPOCH` when it is set (the
reproducible-builds convention), so `write_pdf` sets it to `FONT_SUBSET_EPOCH` while it
renders; HarfBuzz ignores it. Both subsetters thus give reproducible bytes, though not
the same bytes as each other (they subset differently): a machine's reports reproduce on
that machine, and a final report is stored anyway (docs/reports.md).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings

try:
    import weasyprint

    from .fetcher import AssetFetcher
except OSError as error:  # WeasyPrint loads Pango from the system when imported
    weasyprint = None
    UNAVAILABLE = (
        f"PDF rendering needs the Pango library, which is not installed ({error}). On Debian: "
        "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
    )
else:
    UNAVAILABLE = ""

PDF_VARIANT = "pdf/a-3b"
DEFAULT_TIMEOUT = 60  # seconds; settings.REPORT_RENDER_TIMEOUT overrides it
# The "modified" date fontTools writes into the subset fonts (Unix time; 0 is 1970-01-01):
# fixed, so that fontTools' subsets, like HarfBuzz's, do not depend on when they are made.
FONT_SUBSET_EPOCH = "0"


class RenderError(Exception):
    """The PDF could not be produced; the message says why, for the user."""


class RenderTimeout(RenderError):
    """The rendering took longer than the time limit and was stopped."""


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in the PDF (PDF/A-3 allows any kind): the data a report shows."""

    name: str
    data: bytes
    description: str
    created: datetime.datetime  # fixed, from the data: part of the PDF's bytes
    relationship: str = "Data"


@dataclass(frozen=True)
class PdfDocument:
    """Everything a rendering depends on. Same document, same bytes."""

    html: str
    identifier: str  # stable across renderings of the same document (assessment id and language…)
    attachments: tuple[PdfAttachment, ...] = ()


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    refused: tuple[str, ...] = field(default=())  # URLs the document asked for and did not get

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def render_timeout() -> float:
    return float(getattr(settings, "REPORT_RENDER_TIMEOUT", DEFAULT_TIMEOUT))


def write_pdf(document: PdfDocument) -> Rendered:
    """Render in this process (the worker's job; tests use it too).

    Sets SOURCE_DATE_EPOCH while it renders (see the module's docstring), so render in a
    process from one thread at a time: the web process always renders in a forked child.
    """
    with _fixed_font_dates():
        return _write_pdf(document)


def _write_pdf(document: PdfDocument) -> Rendered:
    fetcher = AssetFetcher()
    attachments = [
        weasyprint.Attachment(
            string=item.data,
            name=item.name,
            description=item.description,
            created=_utc(item.created),
            modified=_utc(item.created),
            relationship=item.relationship,
            url_fetcher=fetcher,
        )
        for item in document.attachments
    ]
    pdf = weasyprint.HTML(string=document.html, base_url=None, url_fetcher=fetcher).write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_identifier=hashlib.md5(document.identifier.encode(), usedforsecurity=False).hexdigest().encode(),
        attachments=attachments,
    )
    return Rendered(pdf, tuple(fetcher.refused))


def render_pdf(document: PdfDocument, timeout: float | None = None) -> Rendered:
    """Render `document` in a forked worker; RenderTimeout after `timeout` seconds."""
    if UNAVAILABLE:
        raise RenderError(UNAVAILABLE)
    limit = render_timeout() if timeout is None else timeout
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(document, sender), name="kzai-pdf", daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(limit):
            raise RenderTimeout(f"PDF rendering took longer than {limit:g} s and was stopped.")
        outcome, payload = receiver.recv()
    except EOFError:
        raise RenderError("The PDF renderer stopped unexpectedly.") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if outcome != "ok":
        raise RenderError(f"The PDF could not be rendered: {payload}")
    return payload


def _work(document: PdfDocument, sender) -> None:
    try:
        result = ("ok", write_pdf(document))
    except Exception as error:  # reported to the parent, which raises RenderError
        result = ("error", f"{type(error).__name__}: {error}")
    sender.send(result)
    sender.close()


@contextlib.contextmanager
def _fixed_font_dates() -> Iterator[None]:
    """fontTools (WeasyPrint's subsetter without libharfbuzz-subset0) dates the fonts it
    saves from SOURCE_DATE_EPOCH if set, else from the clock: fix it, then restore it."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FONT_SUBSET_EPOCH
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _utc(moment: datetime.datetime) -> datetime.datetime:
    """WeasyPrint writes attachment dates as UTC ('…Z') whatever their zone: convert."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(datetime.UTC).replace(tzinfo=None)
