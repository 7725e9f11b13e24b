"""The AI system an organisation assesses, described in the terms of the AI Law."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .organization import Organization


class SystemRole(models.TextChoices):
    """The organisation's roles towards a system (AI Law art. 1: developer, owner, holder, user)."""

    DEVELOPER = "developer", _("разработчик")
    OWNER = "owner", _("собственник")
    HOLDER = "holder", _("владелец")
    USER = "user", _("пользователь")


class DeploymentMode(models.TextChoices):
    """How the system is made available (AI Law art. 17 p. 4)."""

    OPEN = "open", _("открытая")
    CLOSED = "closed", _("закрытая")
    LOCAL = "local", _("локальная")


def validate_system_roles(value):
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Укажите хотя бы одну роль организации в отношении системы."))
    unknown = [role for role in value if role not in SystemRole.values]
    if unknown:
        raise ValidationError(_("Неизвестная роль: %(role)s"), params={"role": unknown[0]})
    if len(set(value)) != len(value):
        raise ValidationError(_("Роль указана дважды."))


class AISystemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Systems of the organisations `user` is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__memberships__user=user)


DESCRIPTION_MAX_LENGTH = 3000
PURPOSE_MAX_LENGTH = 1000


class AISystem(models.Model):
    """An AI system as the organisation describes it; assessments are made of it."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="ai_systems")
    name = models.CharField(_("название"), max_length=200)
    # Limits (enforced by forms and the API): the texts go whole into the PDF report.
    description = models.TextField(_("описание"), blank=True, max_length=DESCRIPTION_MAX_LENGTH)
    purpose = models.TextField(_("назначение"), blank=True, max_length=PURPOSE_MAX_LENGTH)
    sector = models.CharField(_("отрасль"), max_length=120, blank=True)
    roles = models.JSONField(
        _("роли организации"), default=list, validators=[validate_system_roles],
        help_text=_("Разработчик, собственник, владелец и/или пользователь системы."),
    )
    deployment_mode = models.CharField(
        _("режим предоставления"), max_length=10, choices=DeploymentMode.choices, blank=True
    )
    produces_synthetic_content = models.BooleanField(_("создаёт синтетический контент"), default=False)
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменена"), auto_now=True)

    objects = AISystemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "name", "pk"]
        verbose_name = _("система ИИ")
        verbose_name_plural = _("системы ИИ")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="ai_system_name_unique_in_organization"
            ),
            models.CheckConstraint(
                condition=models.Q(deployment_mode="") | models.Q(deployment_mode__in=DeploymentMode.values),
                name="ai_system_deployment_mode_known",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("compliance:ai_system", args=[self.pk])

    def get_roles_display(self) -> list[str]:
        return [str(SystemRole(role).label) for role in self.roles]
