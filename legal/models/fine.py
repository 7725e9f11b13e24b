"""Fines in МРП: the amounts a liability provision sets per category of offender, and the
МРП (monthly calculation index) per year that turns them into tenge.

Both are data loaded from the knowledge base (fixtures/kb.json), never typed into code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated

from .common import Sourced
from .provision import Provision


class OffenderCategory(models.TextChoices):
    """The categories for which the Administrative Code sets different fines."""

    INDIVIDUAL = "individual", _("физическое лицо")
    SMALL = "small", _("субъект малого предпринимательства")
    MEDIUM = "medium", _("субъект среднего предпринимательства")
    LARGE = "large", _("субъект крупного предпринимательства")
    NONPROFIT = "nonprofit", _("некоммерческая организация")


class Mrp(translated("note", _("примечание"), text=True), Sourced, models.Model):
    """The МРП of one year in tenge (set each year by the law on the republican budget)."""

    year = models.PositiveSmallIntegerField(_("год"), unique=True)
    tenge = models.PositiveIntegerField(_("тенге"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        verbose_name = _("МРП")
        verbose_name_plural = _("МРП по годам")

    def __str__(self):
        return f"{self.year}: {self.tenge} ₸"

    def natural_key(self):
        return (self.year,)


class FineSchedule(translated("note", _("примечание"), text=True), models.Model):
    """The fines one unit (usually a part of an article) sets, in МРП per offender category.

    `repeat` is the unit that punishes the same offence repeated (e.g. КоАП 641-1 ч. 2 for
    ч. 1). A category missing from `amounts` is one the unit does not fine.
    """

    provision = models.OneToOneField(
        Provision, on_delete=models.CASCADE, related_name="fine_schedule", verbose_name=_("положение")
    )
    amounts = models.JSONField(_("штраф в МРП по категориям"), default=dict)
    repeat = models.ForeignKey(
        Provision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("повторное нарушение"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("размеры штрафа")
        verbose_name_plural = _("размеры штрафов")

    def __str__(self):
        return f"{self.provision}: {self.amounts}"

    def amount_for(self, category: str) -> int | None:
        value = (self.amounts or {}).get(category)
        return value if isinstance(value, int) else None
