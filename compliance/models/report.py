"""The PDF report of a final assessment, kept as first generated: the bytes are the record
(deleted only with its assessment, e.g. when the organisation is deleted).

A final assessment's report must be the same document every time anyone downloads it, and
`/verify/` must recognise it years later, whatever has changed since in kzai's knowledge
base, its templates or its PDF library. So the first rendering of each (assessment,
language) is stored here, in the database with the assessment (one backup, one
transaction, every app server sees it), and served from here ever after; its SHA-256 is
what `/verify/` looks up. Drafts are never stored: their reports say "DRAFT".
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kzai.i18n import LANGUAGE_CODES

from .assessment import Assessment


class ReportRecordQuerySet(models.QuerySet):
    def without_pdf(self):
        """Everything but the bytes (lists and /verify/ need no PDF)."""
        return self.defer("pdf")


class ReportRecord(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("оценка")
    )
    language = models.CharField(_("язык"), max_length=2, choices=[(code, code) for code in LANGUAGE_CODES])
    sha256 = models.CharField(_("SHA-256 файла"), max_length=64, db_index=True)
    size = models.PositiveIntegerField(_("размер, байт"))
    pdf = models.BinaryField(_("PDF"), editable=False)
    content_hash = models.CharField(
        _("SHA-256 данных оценки"), max_length=64, help_text=_("Хеш данных, из которых составлен отчёт.")
    )
    generated_at = models.DateTimeField(
        _("дата отчёта"), help_text=_("Момент завершения оценки: дата, которую несёт сам PDF.")
    )
    stored_at = models.DateTimeField(_("сохранён"), auto_now_add=True)

    objects = ReportRecordQuerySet.as_manager()

    class Meta:
        ordering = ["assessment", "language"]
        verbose_name = _("PDF-отчёт")
        verbose_name_plural = _("PDF-отчёты")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "language"], name="one_report_per_language"),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="report_language_known"
            ),
            models.CheckConstraint(
                condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="report_sha256_hex"
            ),
        ]

    def __str__(self):
        return f"{self.assessment_id} [{self.language}] {self.sha256[:12]}"

    def clean(self):
        if not self.assessment.is_final:
            raise ValidationError(_("PDF сохраняется только для окончательной оценки."))
        if hashlib.sha256(bytes(self.pdf)).hexdigest() != self.sha256 or len(self.pdf) != self.size:
            raise ValidationError(_("SHA-256 и размер должны быть вычислены по самому PDF."))
