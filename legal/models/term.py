"""Defined terms: the definitions of an act's article 1, for the glossary and hover help."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated

from .provision import Provision, ProvisionType


class Term(translated("term", _("термин")), models.Model):
    """A defined term; its definition is the `def` provision it is attached to."""

    provision = models.OneToOneField(
        Provision, on_delete=models.CASCADE, related_name="term", verbose_name=_("определение")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["provision__version", "provision__order"]
        verbose_name = _("термин")
        verbose_name_plural = _("термины")

    def __str__(self):
        return str(self.term)

    def clean(self):
        if self.provision_id and self.provision.type != ProvisionType.DEF:
            raise ValidationError({"provision": _("Термин привязывается к определению (вид «def»).")})

    @property
    def version(self):
        return self.provision.version
