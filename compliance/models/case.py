"""Case records: court cases, investigations, regulator warnings, incidents and legislative
events about AI misuse, linked to the provisions they concern and the practices involved.

A record is either public (curated by kzai, `organization` empty, loaded from
fixtures/cases.json by `load_cases`) or private to one organisation (entered by its
members). The date keeps the precision the source gives: a month-only date "2023-10" is
stored as its first day with `date_precision = month` and never shown as a day.
"""

import calendar
import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import LANGUAGE_CODES, translated
from legal.models import Confidence, DatePrecision, Origin, ProhibitedPractice, Provision
from legal.models.common import Sourced

from .organization import Membership, Organization

#: Slugs that would clash with the addresses of the case pages (/cases/new/).
RESERVED_SLUGS = frozenset({"new"})


class CaseKind(models.TextChoices):
    COURT_CASE = "court_case", _("судебное дело")
    INVESTIGATION = "investigation", _("расследование")
    REGULATOR_WARNING = "regulator_warning", _("предупреждение органа")
    INCIDENT = "incident", _("инцидент")
    LEGISLATIVE_EVENT = "legislative_event", _("законодательное событие")


class Technique(models.TextChoices):
    DEEPFAKE_VIDEO = "deepfake_video", _("дипфейк-видео")
    VOICE_CLONE = "voice_clone", _("клонирование голоса")
    SYNTHETIC_IMAGE = "synthetic_image", _("синтетическое изображение")
    CHATBOT = "chatbot", _("чат-бот")
    OTHER = "other", _("другое")


class CaseRelation(models.TextChoices):
    """How a case concerns a provision."""

    CHARGED = "charged", _("вменяется")
    CITED = "cited", _("приводится")
    VIOLATED = "violated", _("нарушено")
    RELEVANT = "relevant", _("имеет отношение")


def period_start(day: datetime.date, precision: str) -> datetime.date:
    """The first day of the month or year containing `day` (the day itself for DAY)."""
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    return day


def period_end(day: datetime.date, precision: str) -> datetime.date:
    if precision == DatePrecision.YEAR:
        return day.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


class CaseRecordQuerySet(models.QuerySet):
    def public(self):
        return self.filter(organization__isnull=True)

    def visible_to(self, user):
        """Public records plus the private records of `user`'s organisations (no extra query:
        the memberships are a subquery)."""
        public = Q(organization__isnull=True)
        if not user.is_authenticated:
            return self.filter(public)
        own = Membership.objects.filter(user=user).values("organization_id")
        return self.filter(public | Q(organization__in=own))

    def from_date(self, day: datetime.date):
        """Records whose period ends on or after `day` (a month-only October 2023 record
        matches from 15 October 2023)."""
        return self.filter(
            Q(date_precision=DatePrecision.DAY, date__gte=day)
            | Q(date_precision=DatePrecision.MONTH, date__gte=period_start(day, DatePrecision.MONTH))
            | Q(date_precision=DatePrecision.YEAR, date__gte=period_start(day, DatePrecision.YEAR))
        )

    def until_date(self, day: datetime.date):
        """Records whose period starts on or before `day`."""
        return self.filter(date__lte=day)


class CaseRecord(
    translated("title", _("заголовок")),
    translated("body", _("описание (Markdown)"), text=True),
    translated("outcome", _("итог"), text=True),
    translated("note", _("примечание редакции"), text=True),
    Sourced,
    models.Model,
):
    """A case, incident or event, as the sources report it (an unofficial summary)."""

    slug = models.SlugField(_("идентификатор"), max_length=120, unique=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="case_records",
        verbose_name=_("организация"),
        help_text=_("Пусто — публичная запись базы знаний kzai."),
    )
    origin = models.CharField(
        _("происхождение"), max_length=10, choices=Origin.choices, default=Origin.EDITOR
    )
    kind = models.CharField(_("вид"), max_length=20, choices=CaseKind.choices)
    date = models.DateField(_("дата"), help_text=_("Для месяца или года — первый день периода."))
    date_precision = models.CharField(
        _("точность даты"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    jurisdiction = models.CharField(_("юрисдикция"), max_length=2, default="KZ")
    technique = models.CharField(_("техника"), max_length=20, choices=Technique.choices)
    provisions = models.ManyToManyField(
        Provision, through="CaseProvision", related_name="case_records", verbose_name=_("положения")
    )
    practices = models.ManyToManyField(
        ProhibitedPractice, blank=True, related_name="case_records", verbose_name=_("запрещённые практики")
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменена"), auto_now=True)

    objects = CaseRecordQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[practices])

    class Meta:
        ordering = ["-date", "slug"]
        verbose_name = _("дело")
        verbose_name_plural = _("дела и инциденты")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=CaseKind.values), name="case_kind_known"),
            models.CheckConstraint(condition=Q(technique__in=Technique.values), name="case_technique_known"),
            models.CheckConstraint(
                condition=Q(date_precision__in=DatePrecision.values), name="case_date_precision_known"
            ),
            models.CheckConstraint(
                condition=Q(confidence__in=Confidence.values), name="case_confidence_known"
            ),
            models.CheckConstraint(
                condition=~Q(origin=Origin.KB) | Q(organization__isnull=True),
                name="case_from_kb_is_public",
            ),
            models.CheckConstraint(
                condition=~Q(title_ru="") | ~Q(title_kk="") | ~Q(title_en=""), name="case_has_title"
            ),
        ]
        indexes = [models.Index(fields=["organization", "-date"], name="case_by_organization_date")]

    def __str__(self):
        return str(self.title) or self.slug

    def get_absolute_url(self):
        return reverse("compliance:case", args=[self.slug])

    @staticmethod
    def new_private_slug(organization: Organization) -> str:
        """A unique, unguessable address for a record an organisation enters."""
        return f"{organization.slug}-{secrets.token_hex(5)}"

    @property
    def is_public(self) -> bool:
        return self.organization_id is None

    @property
    def date_until(self) -> datetime.date:
        """The last day of the period the date stands for."""
        return period_end(self.date, self.date_precision)

    def clean(self):
        errors = {}
        if not any(getattr(self, f"title_{lang}") for lang in LANGUAGE_CODES):
            errors["title_ru"] = _("Укажите заголовок хотя бы на одном языке.")
        if self.date and self.date != period_start(self.date, self.date_precision):
            errors["date"] = _(
                "Если известен только месяц или год, укажите первый день периода: день не выдумывается."
            )
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Этот идентификатор занят адресом страницы.")
        if self.origin == Origin.KB and self.organization_id is not None:
            errors["organization"] = _("Записи базы знаний kzai публичны.")
        if errors:
            raise ValidationError(errors)


class CaseProvision(models.Model):
    """A provision a case concerns, and how (charged, cited, violated, relevant)."""

    case = models.ForeignKey(
        CaseRecord, on_delete=models.CASCADE, related_name="provision_links", verbose_name=_("дело")
    )
    provision = models.ForeignKey(
        Provision, on_delete=models.PROTECT, related_name="case_links", verbose_name=_("положение")
    )
    relation = models.CharField(_("связь"), max_length=10, choices=CaseRelation.choices)
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("положение по делу")
        verbose_name_plural = _("положения по делу")
        constraints = [
            models.UniqueConstraint(fields=["case", "provision", "relation"], name="case_provision_once"),
            models.CheckConstraint(condition=Q(relation__in=CaseRelation.values), name="case_relation_known"),
        ]

    def __str__(self):
        return f"{self.case} → {self.provision} ({self.get_relation_display()})"
