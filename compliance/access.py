"""Who may see and change an organisation's records: the one place that answers it.

Rules (docs/compliance.md, "Organisations and access"):

- Everything a client enters (AI systems, private case records, assessments) belongs to
  one organisation. A user who is not a member of it gets **404**, as if the record did
  not exist; an anonymous user is sent to the login page first.
- A member with the role *viewer* reads; *owner* and *lawyer* also change. A viewer who
  tries to change anything gets **403**.
- Lists and "new …" pages work in the **current organisation**: the one the user picked
  with the switcher (kept in the session), else the first of their organisations.

Views use the mixins (`MemberRequiredMixin` for pages of the current organisation,
`OrganizationObjectMixin` for pages of one record); function views and the API use the
plain functions. A user's memberships are read once per request (one query, cached on
the user object, so a DRF request and its Django request share it).
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from .models import Membership, Organization

SESSION_KEY = "kzai_organization"
_CACHE_ATTR = "_kzai_memberships"


def memberships_of(user) -> list[Membership]:
    """The user's memberships with their organisation, by organisation name (one query,
    then cached on the user object; none for an anonymous user)."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user)
            .select_related("organization")
            .order_by("organization__name", "organization__slug")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_memberships(user) -> None:
    """Drop the per-request cache (after adding or removing a membership in the same request)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def organization_ids(user) -> list[int]:
    return [membership.organization_id for membership in memberships_of(user)]


def membership_in(user, organization: Organization | int | None) -> Membership | None:
    """The user's membership in `organization` (an instance or id), None for a non-member."""
    organization_id = getattr(organization, "pk", organization)
    for membership in memberships_of(user):
        if membership.organization_id == organization_id:
            return membership
    return None


def can_edit(user, organization: Organization | int | None) -> bool:
    membership = membership_in(user, organization)
    return membership is not None and membership.can_edit


def current_membership(request) -> Membership | None:
    """The membership of the organisation chosen in this session, else the first one."""
    memberships = memberships_of(request.user)
    if not memberships:
        return None
    chosen = membership_in(request.user, request.session.get(SESSION_KEY))
    return chosen or memberships[0]


def switch_organization(request, slug: str) -> Membership:
    """Make the organisation `slug` current for this session; 404 for a non-member."""
    for membership in memberships_of(request.user):
        if membership.organization.slug == slug:
            request.session[SESSION_KEY] = membership.organization_id
            return membership
    raise Http404(_("Вы не состоите в этой организации."))


def require_editor(membership: Membership | None) -> None:
    """PermissionDenied (403) unless the member may change the organisation's records."""
    if membership is None or not membership.can_edit:
        raise PermissionDenied(_("Роль «наблюдатель» позволяет только читать записи организации."))


def scoped_or_404(user, queryset, **lookup):
    """(record, membership) for a record of one of the user's organisations; Http404 for
    any other record, so a non-member cannot tell whether it exists."""
    record = get_object_or_404(queryset.filter(organization_id__in=organization_ids(user)), **lookup)
    return record, membership_in(user, record.organization_id)


class Workspace:
    """The user's organisations for templates (`workspace` from the context processor);
    nothing is queried unless a template reads it."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def memberships(self) -> list[Membership]:
        return memberships_of(self.request.user)

    @cached_property
    def current(self) -> Membership | None:
        return current_membership(self.request)


class MemberRequiredMixin(LoginRequiredMixin):
    """Pages of the current organisation (lists, "new …"). Sets `self.membership` and
    `self.organization`; with `edits = True` a viewer gets 403. A signed-in user without
    any organisation gets 403 with an explanation."""

    edits = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.membership = current_membership(request)
        if self.membership is None:
            raise PermissionDenied(_("Вы не состоите ни в одной организации. Обратитесь к её владельцу."))
        if self.edits:
            require_editor(self.membership)
        self.organization = self.membership.organization
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            membership=self.membership,
            organization=self.organization,
            can_edit=self.membership.can_edit,
            **kwargs,
        )


class OrganizationObjectMixin(LoginRequiredMixin):
    """Pages of one record with an `organization` (detail, edit, delete): a record of an
    organisation the user is not a member of is a 404; with `edits = True` a viewer gets
    403. Sets `self.membership` to the membership in the record's organisation."""

    edits = False

    def get_queryset(self):
        return super().get_queryset().filter(organization_id__in=organization_ids(self.request.user))

    def get_object(self, queryset=None):
        record = super().get_object(queryset)
        self.membership = membership_in(self.request.user, record.organization_id)
        if self.edits:
            require_editor(self.membership)
        return record

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            membership=self.membership,
            organization=self.membership.organization,
            can_edit=self.membership.can_edit,
            **kwargs,
        )
