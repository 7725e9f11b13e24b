"""Organisations own what their members enter; a membership's role says what a member may do."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from legal.models import OffenderCategory


class Role(models.TextChoices):
    """Roles in an organisation, from most to least powerful."""

    OWNER = "owner", _("владелец")
    LAWYER = "lawyer", _("юрист")
    VIEWER = "viewer", _("наблюдатель")


#: Roles allowed to create and change the organisation's records.
EDITOR_ROLES = frozenset({Role.OWNER, Role.LAWYER})


class OrganizationQuerySet(models.QuerySet):
    def of_user(self, user):
        """Organisations `user` belongs to (none for an anonymous user)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user).distinct()


class Organization(models.Model):
    """A client of kzai: a company, a law firm, a state body."""

    slug = models.SlugField(_("идентификатор"), unique=True, max_length=60)
    name = models.CharField(_("название"), max_length=200)
    bin = models.CharField(
        _("БИН"), max_length=12, blank=True, help_text=_("Бизнес-идентификационный номер, 12 цифр.")
    )
    category = models.CharField(
        _("категория"), max_length=12, choices=OffenderCategory.choices, blank=True,
        help_text=_("Для какой категории считать штрафы КоАП: спрашивается один раз."),
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations"
    )

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("организация")
        verbose_name_plural = _("организации")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bin="") | models.Q(bin__regex=r"^[0-9]{12}$"),
                name="organization_bin_12_digits",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def role_of(self, user) -> Role | None:
        """The user's role here, or None for a non-member (and for anonymous users)."""
        if not user.is_authenticated:
            return None
        role = self.memberships.filter(user=user).values_list("role", flat=True).first()
        return Role(role) if role else None


class Membership(models.Model):
    """A user's place in an organisation."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("роль"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    joined_at = models.DateTimeField(_("с"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "user"]
        verbose_name = _("участник")
        verbose_name_plural = _("участники")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_once_per_organization"),
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="membership_role_known"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"

    @property
    def can_edit(self) -> bool:
        return self.role in EDITOR_ROLES
