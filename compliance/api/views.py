"""The workspace endpoints of API v1: AI systems and case records, and the parts the
questionnaire and assessment endpoints (views_assessments) share.

Everything an organisation enters is scoped to the caller's organisations: another
organisation's record is a 404 (as if it did not exist), a viewer's change a 403, an
anonymous caller a 401 — except the public case records and the published
questionnaires, which anyone may read. Writing flows are compliance.services'.
"""

from __future__ import annotations

from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions
from rest_framework.exceptions import PermissionDenied

from compliance import access, selectors
from compliance.models import (
    CaseKind,
    CaseRecord,
    Technique,
)
from compliance.selectors import InvalidCaseFilter, case_filter, cases, filter_choices
from kzai.api.exceptions import ApiError
from kzai.api.views import ApiMixin

from . import serializers as s

NOT_AUTHENTICATED = {"401": "Sign in (session) or send `Authorization: Token …`."}
MEMBERS_ONLY = {**NOT_AUTHENTICATED, "403": "A viewer may only read; CSRF token missing for a session."}
CASE_FILTERS = ("kind", "technique", "date_from", "date_to", "act", "provision", "practice")


class IsEditorForWrites(permissions.BasePermission):
    """Reads for members; changes for owners and lawyers of the record's organisation."""

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        if obj.organization_id is None or not access.can_edit(request.user, obj.organization_id):
            raise PermissionDenied(_viewer_message(obj))
        return True


def _viewer_message(obj) -> str:
    if getattr(obj, "organization_id", 1) is None:
        return _("Публичные записи kzai изменяются только редакцией.")
    return _("Роль «наблюдатель» позволяет только читать записи организации.")


class WorkspaceView(ApiMixin, generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticated, IsEditorForWrites]
    error_responses = MEMBERS_ONLY

    def perform_destroy(self, instance):
        try:
            instance.delete()
        except (ProtectedError, RestrictedError):
            raise ApiError(
                409, "protected", "Protected", _("Запись нельзя удалить: на неё ссылаются оценки.")
            ) from None


def require_editor_of(user, organization) -> None:
    if not access.can_edit(user, organization):
        raise PermissionDenied(_("Роль «наблюдатель» позволяет только читать записи организации."))


# ------------------------------------------------------------------ AI systems


@extend_schema(tags=["ai-systems"])
class AISystemList(WorkspaceView, generics.ListCreateAPIView):
    """The AI systems of your organisations; owners and lawyers add them."""

    serializer_class = s.AISystemSerializer

    def get_queryset(self):
        return (
            selectors.systems_of(self.request.user).order_by("organization__slug", "name", "pk")
        )

    def perform_create(self, serializer):
        require_editor_of(self.request.user, serializer.validated_data["organization"])
        serializer.save()


@extend_schema(tags=["ai-systems"])
class AISystemDetail(WorkspaceView, generics.RetrieveUpdateDestroyAPIView):
    """One AI system (another organisation's is a 404). A system with assessments is not deleted (409)."""

    serializer_class = s.AISystemSerializer
    pagination_class = None
    error_responses = {**MEMBERS_ONLY, "409": "The system has assessments."}

    def get_queryset(self):
        return selectors.systems_of(self.request.user)


# ----------------------------------------------------------------------- cases


def _case_queryset(user):
    return cases(user).prefetch_related("practices")


CASE_PARAMETERS = [
    OpenApiParameter("kind", str, enum=CaseKind.values, description="The kind of record."),
    OpenApiParameter("technique", str, enum=Technique.values, description="The technique used."),
    OpenApiParameter("date_from", OpenApiTypes.DATE, description="Records whose period ends on or after."),
    OpenApiParameter("date_to", OpenApiTypes.DATE, description="Records whose period starts on or before."),
    OpenApiParameter("act", str, description="Records linked to a provision of this act (slug)."),
    OpenApiParameter("provision", str, description="…to this provision of `act` or a unit inside it (eid)."),
    OpenApiParameter("practice", str, description="Records involving this prohibited practice (slug)."),
]


@extend_schema_view(
    get=extend_schema(parameters=CASE_PARAMETERS),
    post=extend_schema(responses={201: s.CaseSerializer}),
)
@extend_schema(tags=["cases"])
class CaseList(WorkspaceView, generics.ListCreateAPIView):
    """Public case records (anyone) and your organisations' private ones, newest first, with the
    filters of the site's /cases/; owners and lawyers add private records."""

    serializer_class = s.CaseSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    extra_query_parameters = CASE_FILTERS
    error_responses = {"401": MEMBERS_ONLY["401"], "403": MEMBERS_ONLY["403"]}

    def get_queryset(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False):
            return CaseRecord.objects.none()
        if self.request.method != "GET":
            return CaseRecord.objects.none()
        try:
            chosen = case_filter(self.request.query_params, *filter_choices())
        except InvalidCaseFilter as error:
            raise ApiError(
                400, "invalid-parameter", "Invalid parameter", str(error), {error.parameter: [str(error)]}
            ) from None
        return cases(user, chosen).prefetch_related("practices")

    def perform_create(self, serializer):
        require_editor_of(self.request.user, serializer.validated_data["organization"])
        serializer.save()


@extend_schema(tags=["cases"])
class CaseDetail(WorkspaceView, generics.RetrieveUpdateDestroyAPIView):
    """One case record: a public one to anyone, a private one to its organisation's members."""

    serializer_class = s.CaseSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsEditorForWrites]
    pagination_class = None
    lookup_field = "slug"

    def get_queryset(self):
        return _case_queryset(self.request.user)
