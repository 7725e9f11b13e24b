"""The citation check as a PDF report: counts, then every citation with its verdict.

`document()` turns a `CheckResult` into a PdfDocument for the kzai.pdf engine (like
legal.act_print). The memo itself is not printed (it may be 100 KB and confidential): the
report names it by the SHA-256 of its text, and carries the verdicts as a JSON attachment.
"""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from kzai.pdf import layout
from kzai.pdf.engine import PdfAttachment, PdfDocument
from legal.citation_check import CheckResult


def report_data(result: CheckResult, text_hash: str) -> dict:
    """The machine-readable verdicts (the attachment, and what the footer's hash covers)."""
    return {
        "kind": "kzai.citation_check",
        "as_of": result.as_of.isoformat(),
        "language": result.language,
        "text_sha256": text_hash,
        "found": result.found,
        "truncated": result.truncated,
        "counts": result.counts,
        "citations": [
            {
                "start": c.citation.start,
                "end": c.citation.end,
                "text": c.citation.text,
                "verdict": c.verdict,
                "act": c.citation.act,
                "version": c.citation.version,
                "eid": c.citation.eid,
            }
            for c in result.citations
        ],
    }


def document(result: CheckResult, text: str, printed_on: datetime.date) -> PdfDocument:
    """The PdfDocument of a check, in the result's language."""
    language = result.language
    text_hash = layout.sha256(text.encode())
    payload = layout.canonical_json(report_data(result, text_hash))
    content_hash = layout.sha256(payload)
    with translation.override(language):
        title = gettext("Проверка ссылок на %(date)s") % {"date": result.as_of.isoformat()}
        footer = f"kzai · {gettext('проверка ссылок')} · SHA-256 {content_hash[:16]}"
        html = render_to_string(
            "reports/citation_check.html",
            {
                "lang": language,
                "doc_title": title,
                "doc_author": "kzai",
                "doc_created": layout.w3c_datetime(printed_on),
                "page_style": layout.page_style(running_title=title, footer=footer),
                "result": result,
                "rows": [(c, c.title(language), c.summary(language)) for c in result.citations],
                "printed_on": printed_on,
                "text_hash": text_hash,
                "content_hash": content_hash,
            },
        )
        description = gettext("Результаты проверки ссылок (машиночитаемо)")
    return PdfDocument(
        html=html,
        identifier=f"citation-check:{result.as_of.isoformat()}:{text_hash}:{language}",
        attachments=(
            PdfAttachment(
                name="citation-check.json",
                data=payload,
                description=description,
                created=datetime.datetime.combine(printed_on, datetime.time()),
            ),
        ),
    )
