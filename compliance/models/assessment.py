"""Assessments: one AI system measured against one questionnaire version, draft → final.

A final assessment is a record: its answers, findings and results never change, even when
the rules or the law change later. The model refuses it, the services refuse it, and
database triggers (migration 0004) refuse updates of final rows too. A change after
finalisation is a new revision that points at the previous one.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated
from legal.models import RiskLevel

from .ai_system import AISystem
from .organization import Organization
from .questionnaire import Question, Questionnaire
from .rule import AutonomyLevel, Rule, Severity


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("черновик")
    FINAL = "final", _("окончательная")


class AssessmentFinal(ValidationError):
    """Something tried to change a final assessment."""

    def __init__(self):
        super().__init__(
            _("Оценка окончательная и не изменяется: создайте новую редакцию."), code="final"
        )


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Assessments of the organisations `user` is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__memberships__user=user)

    def drafts(self):
        return self.filter(status=AssessmentStatus.DRAFT)

    def final(self):
        return self.filter(status=AssessmentStatus.FINAL)


class Assessment(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("организация")
    )
    ai_system = models.ForeignKey(
        AISystem, on_delete=models.RESTRICT, related_name="assessments", verbose_name=_("система ИИ"),
        help_text=_("Система с оценками не удаляется: оценки — это записи о соответствии."),
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("опросник")
    )
    as_of = models.DateField(_("на дату"), help_text=_("Дата, на которую оценивается соответствие."))
    status = models.CharField(
        _("статус"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    revision = models.PositiveSmallIntegerField(_("редакция"), default=1)
    previous = models.OneToOneField(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="next_revision",
        verbose_name=_("предыдущая редакция"),
    )
    risk_level = models.CharField(_("степень риска"), max_length=10, choices=RiskLevel.choices, blank=True)
    autonomy_level = models.CharField(
        _("степень автономности"), max_length=10, choices=AutonomyLevel.choices, blank=True
    )
    snapshot = models.JSONField(
        _("данные окончательной оценки"), null=True, blank=True, editable=False,
        help_text=_("assessment_data() на момент завершения: отчёт строится из неё."),
    )
    content_hash = models.CharField(_("SHA-256 данных"), max_length=64, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("создал"),
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменена"), auto_now=True)
    finalized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("завершил"),
    )
    finalized_at = models.DateTimeField(_("завершена"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("оценка соответствия")
        verbose_name_plural = _("оценки соответствия")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AssessmentStatus.values), name="assessment_status_known"
            ),
            models.CheckConstraint(
                condition=Q(status="draft", finalized_at__isnull=True, content_hash="")
                | Q(status="final", finalized_at__isnull=False, snapshot__isnull=False)
                & ~Q(content_hash=""),
                name="assessment_final_has_snapshot",
            ),
            models.CheckConstraint(
                condition=Q(previous__isnull=True, revision=1) | Q(previous__isnull=False, revision__gt=1),
                name="assessment_revision_follows_previous",
            ),
        ]

    def __str__(self):
        return f"{self.ai_system} — {self.questionnaire} #{self.pk} r{self.revision}"

    def get_absolute_url(self):
        return reverse("compliance:assessment", args=[self.pk])

    @property
    def is_final(self) -> bool:
        return self.status == AssessmentStatus.FINAL

    def clean(self):
        errors = {}
        if self.ai_system_id and self.ai_system.organization_id != self.organization_id:
            errors["ai_system"] = _("Система другой организации.")
        if self.questionnaire_id:
            if not self.questionnaire.is_published:
                errors["questionnaire"] = _("Оценку можно проводить только по опубликованному опроснику.")
            if self.as_of and self.as_of < self.questionnaire.as_of:
                errors["as_of"] = _("Дата раньше даты, на которую составлен опросник (%(date)s).") % {
                    "date": self.questionnaire.as_of.isoformat()
                }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.pk and Assessment.objects.final().filter(pk=self.pk).exists():
            raise AssessmentFinal()
        super().save(*args, **kwargs)


class PartOfAssessment(models.Model):
    """A row that belongs to an assessment and freezes with it."""

    class Meta:
        abstract = True

    def _check_draft(self):
        if Assessment.objects.final().filter(pk=self.assessment_id).exists():
            raise AssessmentFinal()

    def save(self, *args, **kwargs):
        self._check_draft()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_draft()
        return super().delete(*args, **kwargs)


class Answer(PartOfAssessment):
    """The current answer to one question; its changes are in AnswerEvent."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("оценка")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("вопрос")
    )
    value = models.JSONField(_("ответ"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("кто ответил"),
    )
    answered_at = models.DateTimeField(_("когда"))

    class Meta:
        ordering = ["assessment", "question__section__order", "question__order"]
        verbose_name = _("ответ")
        verbose_name_plural = _("ответы")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="one_answer_per_question"),
        ]

    def __str__(self):
        return f"{self.question.code} = {self.value!r}"


class AnswerEvent(models.Model):
    """One change of an answer: who, when, what. `value` None means the answer was cleared.

    Append-only: events are never edited, and they stay when a draft's answer changes again.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answer_events", verbose_name=_("оценка")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("вопрос")
    )
    value = models.JSONField(_("ответ"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("кто"),
    )
    at = models.DateTimeField(_("когда"))

    class Meta:
        ordering = ["assessment", "at", "pk"]
        verbose_name = _("изменение ответа")
        verbose_name_plural = _("история ответов")

    def __str__(self):
        return f"{self.question.code} ← {self.value!r} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValidationError(_("История ответов не изменяется."))
        if Assessment.objects.final().filter(pk=self.assessment_id).exists():
            raise AssessmentFinal()
        super().save(*args, **kwargs)


class Finding(
    translated("title", _("заголовок")),
    translated("explanation", _("пояснение"), text=True),
    translated("actions", _("рекомендуемые действия"), text=True),
    PartOfAssessment,
):
    """A rule's finding as it stood when the assessment was finalised.

    Texts and citations are copies, so the finding reads the same after the rule or the
    knowledge base changes; `rule` only points back at where it came from.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="findings", verbose_name=_("оценка")
    )
    rule = models.ForeignKey(
        Rule, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("правило")
    )
    rule_code = models.CharField(_("код правила"), max_length=80)
    severity = models.CharField(_("серьёзность"), max_length=10, choices=Severity.choices)
    citations = models.JSONField(
        _("цитируемые положения"), default=list,
        help_text=_("[{act, version, eid, citation…}] в редакции на дату опросника."),
    )
    obligations = models.JSONField(_("обязанности"), default=list)
    practices = models.JSONField(_("запрещённые практики"), default=list)
    liability = models.JSONField(
        _("ответственность"), default=list,
        help_text=_("Связи «ответственность» обязанностей вывода из базы знаний на дату завершения."),
    )
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        ordering = ["assessment", "order"]
        verbose_name = _("вывод")
        verbose_name_plural = _("выводы")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "rule_code"], name="one_finding_per_rule"),
            models.CheckConstraint(condition=Q(severity__in=Severity.values), name="finding_severity_known"),
        ]

    def __str__(self):
        return f"[{self.severity}] {self.title}"
