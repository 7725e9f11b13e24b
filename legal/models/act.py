"""Acts (the work) and their versions (the act's text at a point in time)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated

from .common import CasefoldSearchable, Confidence, validate_sources


class ActKind(models.TextChoices):
    LAW = "law", _("закон")
    CODE = "code", _("кодекс")
    CONSTITUTIONAL_LAW = "constitutional_law", _("конституционный закон")
    AMENDING_LAW = "amending_law", _("закон о внесении изменений")


class Numbering(models.TextChoices):
    """What an article's numbered units are called. Codes of criminal and administrative
    law number «1.» units as parts (часть) and «1)» units as points (пункт); laws and the
    Civil Code call them пункт and подпункт. eids are `para`/`subpara` either way."""

    PARTS = "parts", _("«1.» — часть, «1)» — пункт (УК, КоАП)")
    PARAGRAPHS = "paragraphs", _("«1.» — пункт, «1)» — подпункт (законы, ГК)")


class Act(
    translated("title", _("название")),
    translated("short_name", _("краткое название")),
    translated("citation_name", _("название в ссылке")),
    CasefoldSearchable,
    models.Model,
):
    """A legal act as a work, whatever its versions (FRBR work level)."""

    slug = models.SlugField(_("идентификатор"), unique=True, max_length=60)
    kind = models.CharField(_("вид акта"), max_length=20, choices=ActKind.choices)
    numbering = models.CharField(
        _("нумерация частей статьи"), max_length=10, choices=Numbering.choices, default=Numbering.PARAGRAPHS
    )
    number = models.CharField(_("номер"), max_length=40, blank=True)
    numbering_group = models.SlugField(
        _("общая нумерация статей"),
        max_length=60,
        blank=True,
        help_text=_("Акты из нескольких частей с одной нумерацией статей (Общая и Особенная части ГК)."),
    )
    adopted = models.DateField(_("дата принятия"), null=True, blank=True)
    citation_aliases = models.JSONField(_("обозначения в ссылках"), default=list, blank=True)
    adilet_id = models.CharField(_("идентификатор Әділет"), max_length=40, blank=True)
    official_urls = models.JSONField(_("официальные публикации"), default=dict, blank=True)
    translation_urls = models.JSONField(
        _("неофициальные переводы"),
        default=dict,
        blank=True,
        help_text=_("{язык: ссылка}: например, английский текст на Әділет — неофициальный перевод."),
    )
    publication = models.JSONField(_("официальное опубликование"), default=dict, blank=True)
    partial = models.BooleanField(
        _("частично"), default=False, help_text=_("В базе только относящиеся к делу статьи.")
    )
    confidence = models.CharField(_("достоверность"), max_length=12, choices=Confidence.choices, blank=True)
    sources = models.JSONField(_("источники"), default=list, blank=True, validators=[validate_sources])
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("акт")
        verbose_name_plural = _("акты")

    def __str__(self):
        return str(self.short_name or self.title) or self.slug

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("legal:act", args=[self.slug])

    def searchable_parts(self):
        return [
            self.slug,
            self.number,
            self.adilet_id,
            self.title_ru,
            self.title_kk,
            self.title_en,
            self.short_name_ru,
            self.short_name_kk,
            self.short_name_en,
            *self.citation_aliases,
        ]


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("проект")
    ADOPTED = "adopted", _("принят")
    IN_FORCE = "in_force", _("действует")
    REPEALED = "repealed", _("утратил силу")


class DatePrecision(models.TextChoices):
    DAY = "day", _("день")
    MONTH = "month", _("месяц")
    YEAR = "year", _("год")


def in_force_between(starts: datetime.date | None, until: datetime.date | None, on: datetime.date) -> bool:
    """The in-force rule of one version, in Python: it took effect on or before `on` and
    had not stopped by then (`until` is the first day it no longer applies). A draft has no
    `starts`. `ActVersionQuerySet.in_force_on` is the same rule in SQL; legal.versions picks
    one version among several."""
    return bool(starts and starts <= on and (until is None or on < until))


class ActVersionQuerySet(models.QuerySet):
    def with_start(self):
        """Annotate `starts`: the day the version took effect (for a consolidated text
        with no date of its own, the act's adoption)."""
        return self.annotate(starts=Coalesce(F("in_force_from"), F("act__adopted")))

    def in_force_on(self, date: datetime.date):
        """Versions in force on `date`, the most recent first. Drafts never are."""
        return (
            self.with_start()
            .exclude(status=VersionStatus.DRAFT)
            .filter(starts__isnull=False, starts__lte=date)
            .filter(Q(in_force_until__isnull=True) | Q(in_force_until__gt=date))
            .order_by("-starts", F("date").desc(nulls_last=True), "-pk")
        )

    def in_document_order(self):
        """Drafts first, then by date: the order a lawyer reads a bill's history in."""
        return self.annotate(
            draft_rank=Case(When(status=VersionStatus.DRAFT, then=Value(0)), default=Value(1))
        ).order_by("draft_rank", F("date").asc(nulls_last=True), "pk")


class ActVersion(
    translated("label", _("обозначение")),
    translated("note", _("примечание"), text=True),
    models.Model,
):
    """The text of an act at a point in time: a draft, the adopted text, a consolidation."""

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="versions", verbose_name=_("акт"))
    code = models.SlugField(
        _("код редакции"), max_length=40, help_text=_("Часть адреса: 2025-11-17, draft-2025-01, current.")
    )
    status = models.CharField(_("статус"), max_length=12, choices=VersionStatus.choices)
    date = models.DateField(_("дата"), null=True, blank=True)
    date_precision = models.CharField(
        _("точность даты"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    in_force_from = models.DateField(_("действует с"), null=True, blank=True)
    in_force_until = models.DateField(_("действует до"), null=True, blank=True)
    consolidated_as_of = models.DateField(
        _("текст сверен на"),
        null=True,
        blank=True,
        help_text=_("Для сводной редакции: дата текста, по которому сверены положения."),
    )
    sources = models.JSONField(_("источники"), default=list, blank=True, validators=[validate_sources])

    objects = ActVersionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["act", "date", "pk"]
        verbose_name = _("редакция акта")
        verbose_name_plural = _("редакции актов")
        constraints = [
            models.UniqueConstraint(fields=["act", "code"], name="unique_version_code_per_act"),
            models.CheckConstraint(
                condition=~Q(status="draft") | Q(in_force_from__isnull=True),
                name="draft_never_in_force",
            ),
            models.CheckConstraint(
                condition=Q(in_force_until__isnull=True)
                | Q(in_force_from__isnull=True)
                | Q(in_force_until__gt=F("in_force_from")),
                name="in_force_period_is_positive",
            ),
        ]

    def __str__(self):
        return f"{self.act} — {self.label or self.code}"

    def natural_key(self):
        return (self.act.slug, self.code)

    def get_absolute_url(self):
        return reverse("legal:version", args=[self.act.slug, self.code])

    def clean(self):
        if self.status == VersionStatus.DRAFT and self.in_force_from:
            raise ValidationError({"in_force_from": _("Проект не может вступить в силу.")})
        if self.status == VersionStatus.REPEALED and not self.in_force_until:
            raise ValidationError({"in_force_until": _("Укажите, с какой даты редакция утратила силу.")})
        if self.in_force_from and self.in_force_until and self.in_force_until <= self.in_force_from:
            raise ValidationError({"in_force_until": _("Дата окончания раньше даты вступления в силу.")})

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT

    @property
    def starts_on(self) -> datetime.date | None:
        """When this version took effect; None for drafts and undated texts."""
        if self.is_draft:
            return None
        return self.in_force_from or self.act.adopted

    def is_in_force_on(self, date: datetime.date) -> bool:
        return in_force_between(self.starts_on, self.in_force_until, date)

    def wording_may_differ_on(self, date: datetime.date) -> bool:
        """A consolidated text checked on a later day may not be the wording of `date`."""
        return bool(self.consolidated_as_of and date < self.consolidated_as_of)

    def state_on(self, date: datetime.date) -> str:
        """draft / pending (adopted, not yet in force) / in_force / repealed, on `date`."""
        if self.is_draft:
            return "draft"
        if self.in_force_until and date >= self.in_force_until:
            return "repealed"
        if self.is_in_force_on(date):
            return "in_force"
        return "pending"
