"""Writing and reading stored reports: the PDF of an assessment, and /verify/'s lookup.

A final assessment's report is rendered once per language and stored (ReportRecord);
every later request gets the stored bytes, so the file a lawyer filed and the file kzai
serves are the same, and its SHA-256 identifies it. A draft's report is rendered on each
request and never stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from compliance.models import Assessment, AssessmentStatus, ReportRecord
from kzai.pdf.engine import Rendered, render_pdf

from . import assessment_report

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

#: A kzai report is well under this; anything larger is not one of ours (the page and the API).
MAX_UPLOAD = 25 * 1024 * 1024


def report_filename(assessment: Assessment, language: str) -> str:
    """The download name of a report, the same from the page and the API."""
    draft = "" if assessment.is_final else "-draft"
    return f"kzai-assessment-{assessment.pk}-r{assessment.revision}{draft}-{language}.pdf"


def report_pdf(assessment: Assessment, language: str) -> Rendered:
    """The report in `language`: stored bytes for a final assessment (rendered and stored
    the first time), a fresh rendering with the DRAFT watermark for a draft."""
    if not assessment.is_final:
        return render_pdf(assessment_report.document(assessment, language))
    stored = ReportRecord.objects.filter(assessment=assessment, language=language).first()
    if stored is not None:
        return Rendered(bytes(stored.pdf))
    rendered = render_pdf(assessment_report.document(assessment, language))
    record = ReportRecord(
        assessment=assessment,
        language=language,
        pdf=rendered.pdf,
        sha256=rendered.sha256,
        size=len(rendered.pdf),
        content_hash=assessment.content_hash,
        generated_at=assessment.finalized_at,
    )
    record.full_clean()
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:  # another request stored it first: theirs is the record
        stored = ReportRecord.objects.get(assessment=assessment, language=language)
        return Rendered(bytes(stored.pdf))
    return rendered


@dataclass
class Verification:
    """What /verify/ found for a hash.

    `report`: the hash is a stored report's (the file is an unchanged kzai report);
    `data`: it is the data hash printed in a report's footer, not a file's hash;
    None: kzai knows no report with it (changed, not from kzai, or a draft).
    """

    sha256: str
    kind: str | None = None
    report: ReportRecord | None = None
    assessment: Assessment | None = None

    @property
    def is_report(self) -> bool:
        return self.kind == "report"


def file_sha256(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def verify(sha256: str) -> Verification:
    """Look a SHA-256 (64 hex digits, lower case) up: a stored report, or a data hash."""
    record = (
        ReportRecord.objects.without_pdf()
        .select_related("assessment__organization", "assessment__ai_system", "assessment__next_revision")
        .filter(sha256=sha256)
        .first()
    )
    if record is not None:
        return Verification(sha256, "report", record, record.assessment)
    assessment = (
        Assessment.objects.filter(status=AssessmentStatus.FINAL, content_hash=sha256)
        .select_related("organization", "ai_system")
        .first()
    )
    if assessment is not None:
        return Verification(sha256, "data", None, assessment)
    return Verification(sha256)
