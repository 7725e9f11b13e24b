"""A curated pointer from an editorial record (a practice, an obligation) to a provision."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kzai.i18n import translated

from .common import Confidence, OurTranslations
from .provision import Provision


class ReferenceRole(models.TextChoices):
    BASIS = "basis", _("правовое основание")
    DRAFT_BASIS = "draft_basis", _("основание в проекте")
    LIABILITY = "liability", _("ответственность")


class ProvisionReference(translated("note", _("примечание"), text=True), OurTranslations, models.Model):
    provision = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="%(class)ss", verbose_name=_("положение")
    )
    role = models.CharField(_("роль"), max_length=12, choices=ReferenceRole.choices)
    confidence = models.CharField(
        _("достоверность"),
        max_length=12,
        choices=Confidence.choices,
        blank=True,
        help_text=_("Если отличается от достоверности записи."),
    )
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        abstract = True
        ordering = ["role", "order"]
