"""Typed links between provisions, and notes on how a provision changed between versions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated

from .act import Act, ActVersion
from .common import Confidence, Origin, validate_sources
from .provision import Provision


class LinkKind(models.TextChoices):
    REFERS_TO = "refers_to", _("ссылается на")
    LIABILITY_FOR = "liability_for", _("устанавливает ответственность за")
    IMPLEMENTS = "implements", _("реализует")
    AMENDS = "amends", _("изменяет")
    CORRESPONDS_TO = "corresponds_to", _("соответствует (в другой редакции)")


class LinkOrigin(models.TextChoices):
    KB = "kb", _("база знаний kzai")
    EDITOR = "editor", _("добавлена редактором")
    EXTRACTED = "extracted", _("извлечена из текста")


class ProvisionLink(translated("note", _("примечание"), text=True), models.Model):
    """A directed, typed edge between two provisions (possibly of different acts)."""

    source = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="outgoing_links", verbose_name=_("откуда")
    )
    target = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="incoming_links", verbose_name=_("куда")
    )
    kind = models.CharField(_("вид связи"), max_length=20, choices=LinkKind.choices)
    origin = models.CharField(
        _("происхождение"), max_length=10, choices=LinkOrigin.choices, default=LinkOrigin.EDITOR
    )
    confidence = models.CharField(_("достоверность"), max_length=12, choices=Confidence.choices, blank=True)
    sources = models.JSONField(_("источники"), default=list, blank=True, validators=[validate_sources])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("связь положений")
        verbose_name_plural = _("связи положений")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="unique_typed_link"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="link_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.source} → {self.target} ({self.get_kind_display()})"

    def clean(self):
        if self.source_id and self.source_id == self.target_id:
            raise ValidationError(_("Связь положения с самим собой."))
        if self.kind == LinkKind.CORRESPONDS_TO and self.source_id and self.target_id:
            if self.source.version.act_id != self.target.version.act_id:
                raise ValidationError(_("«Соответствует» связывает редакции одного акта."))
            if self.source.version_id == self.target.version_id:
                raise ValidationError(_("«Соответствует» связывает разные редакции."))


class VersionNote(translated("change", _("изменение"), text=True), models.Model):
    """What changed in a provision (or, without an eid, in the whole act) between two
    versions, or by which amending law a consolidated text got its wording."""

    act = models.ForeignKey(
        Act, on_delete=models.CASCADE, related_name="version_notes", verbose_name=_("акт")
    )
    eid = models.CharField(_("eid"), max_length=200, blank=True, help_text=_("Пусто — об акте в целом."))
    from_version = models.ForeignKey(
        ActVersion,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("из редакции"),
    )
    to_version = models.ForeignKey(
        ActVersion, on_delete=models.CASCADE, related_name="version_notes", verbose_name=_("в редакцию")
    )
    confidence = models.CharField(_("достоверность"), max_length=12, choices=Confidence.choices, blank=True)
    sources = models.JSONField(_("источники"), default=list, blank=True, validators=[validate_sources])
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    origin = models.CharField(
        _("происхождение"), max_length=10, choices=Origin.choices, default=Origin.EDITOR
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["act", "order"]
        verbose_name = _("примечание о редакции")
        verbose_name_plural = _("примечания о редакциях")

    def __str__(self):
        return f"{self.act} {self.eid or '*'}"

    def clean(self):
        for version in (self.from_version, self.to_version):
            if version is not None and self.act_id and version.act_id != self.act_id:
                raise ValidationError(_("Редакция другого акта."))
