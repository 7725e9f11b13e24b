"""Prohibited AI practices: editorial records grounded in the provisions that ban them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated

from .common import CasefoldSearchable, Confidence, Origin, OurTranslations, Sourced
from .provision import Provision
from .reference import ProvisionReference


class ProhibitedPractice(
    translated("name", _("название")),
    translated("description", _("описание"), text=True),
    translated("examples", _("примеры (по одному в строке)"), text=True),
    translated("examples_note", _("примечание к примерам"), text=True),
    translated("liability_note", _("примечание об ответственности"), text=True),
    OurTranslations,
    CasefoldSearchable,
    Sourced,
    models.Model,
):
    """An AI practice the law forbids (or a draft proposed to forbid)."""

    slug = models.SlugField(_("идентификатор"), unique=True, max_length=80)
    draft_confidence = models.CharField(
        _("достоверность сведений о проекте"), max_length=12, choices=Confidence.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    origin = models.CharField(
        _("происхождение"), max_length=10, choices=Origin.choices, default=Origin.EDITOR
    )
    provisions = models.ManyToManyField(Provision, through="PracticeProvision", related_name="practices")

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("запрещённая практика")
        verbose_name_plural = _("запрещённые практики")

    def __str__(self):
        return str(self.name) or self.slug

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("legal:practice", args=[self.slug])

    def searchable_parts(self):
        return [self.slug, self.name_ru, self.name_kk, self.name_en, self.description_ru, self.description_en]

    @property
    def is_in_force_ban(self) -> bool:
        """False for a ban that only a draft proposed (no basis in an adopted text)."""
        return any(ref.role == "basis" for ref in self.references.all())


class PracticeProvision(ProvisionReference):
    practice = models.ForeignKey(
        ProhibitedPractice, on_delete=models.CASCADE, related_name="references", verbose_name=_("практика")
    )

    history = HistoricalRecords()

    class Meta(ProvisionReference.Meta):
        verbose_name = _("положение о практике")
        verbose_name_plural = _("положения о практике")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "provision", "role"], name="unique_practice_reference"
            ),
        ]
