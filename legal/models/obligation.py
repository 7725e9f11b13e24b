"""Obligations: what an organisation building or running an AI system must do."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated

from .common import CasefoldSearchable, DutyHolder, Origin, OurTranslations, Sourced
from .provision import Provision
from .reference import ProvisionReference


class RiskLevel(models.TextChoices):
    """Risk levels of AI systems (AI Law art. 17 para. 1)."""

    MINIMAL = "minimal", _("минимальный")
    MEDIUM = "medium", _("средний")
    HIGH = "high", _("высокий")


class ObligationQuerySet(models.QuerySet):
    def for_risk_level(self, level: str):
        return self.filter(**{f"applies_to_{level}_risk": True})


class Obligation(
    translated("obligation", _("обязанность"), text=True),
    translated("trigger", _("когда возникает"), text=True),
    translated("evidence", _("чем подтверждается (по одному в строке)"), text=True),
    translated("note", _("примечание"), text=True),
    translated("liability_note", _("примечание об ответственности"), text=True),
    translated("recommendation", _("рекомендация (не правовая обязанность)"), text=True),
    OurTranslations,
    CasefoldSearchable,
    Sourced,
    models.Model,
):
    slug = models.SlugField(_("идентификатор"), unique=True, max_length=80)
    duty_holders = models.ManyToManyField(
        DutyHolder, related_name="obligations", verbose_name=_("на кого возложена")
    )
    applies_to_minimal_risk = models.BooleanField(_("для систем минимального риска"), default=True)
    applies_to_medium_risk = models.BooleanField(_("для систем среднего риска"), default=True)
    applies_to_high_risk = models.BooleanField(_("для систем высокого риска"), default=True)
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    origin = models.CharField(
        _("происхождение"), max_length=10, choices=Origin.choices, default=Origin.EDITOR
    )
    provisions = models.ManyToManyField(Provision, through="ObligationProvision", related_name="obligations")

    objects = ObligationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("обязанность")
        verbose_name_plural = _("обязанности")

    def __str__(self):
        return self.slug

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("legal:obligation", args=[self.slug])

    def searchable_parts(self):
        return [
            self.slug,
            self.obligation_ru,
            self.obligation_kk,
            self.obligation_en,
            self.trigger_ru,
            self.trigger_en,
        ]

    @property
    def risk_levels(self) -> list[str]:
        return [level for level in RiskLevel.values if getattr(self, f"applies_to_{level}_risk")]


class ObligationProvision(ProvisionReference):
    obligation = models.ForeignKey(
        Obligation, on_delete=models.CASCADE, related_name="references", verbose_name=_("обязанность")
    )

    history = HistoricalRecords()

    class Meta(ProvisionReference.Meta):
        verbose_name = _("положение об обязанности")
        verbose_name_plural = _("положения об обязанности")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "provision", "role"], name="unique_obligation_reference"
            ),
        ]
