"""The workspace endpoints of API v1: AI systems, case records, questionnaires, assessments.

Everything an organisation enters is scoped to the caller's organisations: another
organisation's record is a 404 (as if it did not exist), a viewer's change a 403, an
anonymous caller a 401 — except the public case records and the published
questionnaires, which anyone may read. Writing flows are compliance.assessments'.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, ProtectedError, RestrictedError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from compliance import access, results
from compliance import assessments as services
from compliance.case_selectors import InvalidCaseFilter, case_filter, cases, filter_choices
from compliance.models import (
    AISystem,
    Assessment,
    AssessmentFinal,
    CaseKind,
    CaseRecord,
    Option,
    Question,
    Questionnaire,
    Rule,
    Section,
    Technique,
)
from kzai.api.exceptions import ApiError
from kzai.api.views import ApiMixin
from legal.models import Provision

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


def _require_editor_of(user, organization) -> None:
    if not access.can_edit(user, organization):
        raise PermissionDenied(_("Роль «наблюдатель» позволяет только читать записи организации."))


# ------------------------------------------------------------------ AI systems


@extend_schema(tags=["ai-systems"])
class AISystemList(WorkspaceView, generics.ListCreateAPIView):
    """The AI systems of your organisations; owners and lawyers add them."""

    serializer_class = s.AISystemSerializer

    def get_queryset(self):
        return (
            AISystem.objects.filter(organization_id__in=access.organization_ids(self.request.user))
            .select_related("organization")
            .order_by("organization__slug", "name", "pk")
        )

    def perform_create(self, serializer):
        _require_editor_of(self.request.user, serializer.validated_data["organization"])
        serializer.save()


@extend_schema(tags=["ai-systems"])
class AISystemDetail(WorkspaceView, generics.RetrieveUpdateDestroyAPIView):
    """One AI system (another organisation's is a 404). A system with assessments is not deleted (409)."""

    serializer_class = s.AISystemSerializer
    pagination_class = None
    error_responses = {**MEMBERS_ONLY, "409": "The system has assessments."}

    def get_queryset(self):
        return AISystem.objects.filter(
            organization_id__in=access.organization_ids(self.request.user)
        ).select_related("organization")


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
        _require_editor_of(self.request.user, serializer.validated_data["organization"])
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


# -------------------------------------------------------------- questionnaires


@extend_schema(tags=["questionnaires"])
class QuestionnaireList(ApiMixin, generics.ListAPIView):
    """Published questionnaires, newest version first."""

    permission_classes = [permissions.AllowAny]
    serializer_class = s.QuestionnaireSerializer
    queryset = Questionnaire.objects.published().order_by("slug", "-version")


@extend_schema(tags=["questionnaires"])
class QuestionnaireDetail(ApiMixin, generics.RetrieveAPIView):
    """The whole definition of a published questionnaire: sections, questions with their options,
    conditions (`visible_if`) and provisions, and the rules with their conditions and citations."""

    permission_classes = [permissions.AllowAny]
    serializer_class = s.QuestionnaireDetailSerializer
    pagination_class = None
    queryset = Questionnaire.objects.published().select_related("context_act").prefetch_related(
        Prefetch("sections", queryset=Section.objects.select_related(*services.LINK_ACTS)),
        Prefetch(
            "questions",
            queryset=Question.objects.select_related("section")
            .prefetch_related(
                Prefetch("options", queryset=Option.objects.order_by("order", "pk")),
                Prefetch("provisions", queryset=Provision.objects.select_related("version__act")),
            )
            .order_by("section__order", "order", "pk"),
        ),
        Prefetch(
            "rules",
            queryset=Rule.objects.select_related(*services.LINK_ACTS).prefetch_related(
                Prefetch("provisions", queryset=Provision.objects.select_related("version__act")),
                "obligations",
                "practices",
            ).order_by("kind", "order", "pk"),
        ),
    )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "swagger_fake_view", False) or "pk" not in self.kwargs:
            return {**context, "questions_by_section": {}}
        by_section: dict[int, list] = {}
        for question in self.get_object().questions.all():
            by_section.setdefault(question.section_id, []).append(question)
        return {**context, "questions_by_section": by_section}

    def get_object(self):
        if not hasattr(self, "_questionnaire"):
            self._questionnaire = super().get_object()
        return self._questionnaire


# ----------------------------------------------------------------- assessments


def _assessments(user):
    return Assessment.objects.filter(organization_id__in=access.organization_ids(user)).select_related(
        "organization", "questionnaire", "created_by", "finalized_by"
    )


def _state(assessment: Assessment) -> dict:
    """The answers that count, the questions asked, the required ones missing (fixed queries)."""
    definition = services.Definition.of(assessment.questionnaire)
    stored = services.stored_answers(assessment)
    shown = definition.visibility(stored)
    answered = {q.code: stored[q.code] for q in definition.questions if shown[q.code] and q.code in stored}
    return {
        "answers": answered,
        "visible": [q.code for q in definition.questions if shown[q.code]],
        "missing_required": [
            q.code for q in definition.questions if q.required and shown[q.code] and q.code not in answered
        ],
    }


def _final_conflict():
    return ApiError(
        409,
        "assessment-final",
        "Assessment is final",
        _("Оценка окончательная и не изменяется: создайте новую редакцию (POST …/revise/)."),
    )


class AssessmentView(WorkspaceView):
    def get_queryset(self):
        return _assessments(self.request.user)

    def assessment(self, edits: bool = False) -> Assessment:
        assessment = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if edits:
            _require_editor_of(self.request.user, assessment.organization_id)
        return assessment

    def state_response(self, assessment, code=status.HTTP_200_OK):
        context = {**self.get_serializer_context(), "state": _state(assessment)}
        return Response(s.AssessmentStateSerializer(assessment, context=context).data, status=code)


@extend_schema(tags=["assessments"])
@extend_schema_view(post=extend_schema(responses={201: s.AssessmentStateSerializer}))
class AssessmentList(AssessmentView, generics.ListCreateAPIView):
    """Your organisations' assessments, newest first; owners and lawyers start one for an AI system."""

    serializer_class = s.AssessmentSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("-created_at", "-pk")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        _require_editor_of(request.user, data["ai_system"].organization_id)
        questionnaire = data.get("questionnaire") or Questionnaire.objects.current(
            services.MAIN_QUESTIONNAIRE
        )
        if questionnaire is None:
            raise NotFound()
        try:
            assessment = services.start_assessment(
                data["ai_system"],
                questionnaire,
                by=request.user,
                as_of=data.get("as_of"),  # none: services.default_as_of
                category=data.get("organization", {}).get("category", ""),
            )
        except DjangoValidationError as exc:
            raise s.model_errors(exc) from None
        return self.state_response(_assessments(request.user).get(pk=assessment.pk), status.HTTP_201_CREATED)


@extend_schema(tags=["assessments"], responses=s.AssessmentStateSerializer)
class AssessmentDetail(AssessmentView):
    """One assessment with its answers, the questions asked now and the required ones missing."""

    serializer_class = s.AssessmentStateSerializer
    pagination_class = None

    def get(self, request, pk):
        return self.state_response(self.assessment())


@extend_schema(
    tags=["assessments"],
    request={
        "application/json": {
            "type": "object",
            "additionalProperties": True,
            "description": "question code → answer (null clears it)",
        }
    },
    responses={200: s.AnswersResultSerializer},
)
class AssessmentAnswers(AssessmentView):
    """Save some answers at once (`{"code": value, …}`): all or nothing. Values by kind: yes/no
    true/false; single an option code; multiple a list of codes; text; date YYYY-MM-DD; number.
    An unknown code, a value that does not fit, or a question the answers do not ask is a 400
    naming it; a final assessment is a 409."""

    serializer_class = s.AnswersResultSerializer
    pagination_class = None
    error_responses = {**MEMBERS_ONLY, "409": "The assessment is final: start a new revision."}

    def put(self, request, pk):
        assessment = self.assessment(edits=True)
        if assessment.is_final:
            raise _final_conflict()
        if not isinstance(request.data, dict):
            raise ApiError(
                400, "invalid-body", "Invalid body", _("Ответы передаются объектом «код вопроса → ответ».")
            )
        try:
            changed = services.save_answers(assessment, request.data, by=request.user)
        except AssessmentFinal:
            raise _final_conflict() from None
        except DjangoValidationError as exc:
            raise s.model_errors(exc) from None
        return Response({"changed": changed, **_state(assessment)})


@extend_schema(tags=["assessments"], request=None, responses={200: s.AssessmentStateSerializer})
class AssessmentFinalize(AssessmentView):
    """Freeze the assessment: its findings are stored and never change. A 400 lists the required
    questions still unanswered (in `errors`). Idempotent: finalising an assessment that is already
    final (a retry, a double click) answers 200 with its final state, unchanged."""

    serializer_class = s.AssessmentStateSerializer
    pagination_class = None
    error_responses = MEMBERS_ONLY

    def post(self, request, pk):
        assessment = self.assessment(edits=True)
        try:
            services.finalize(assessment, by=request.user)
        except DjangoValidationError as exc:
            raise ApiError(
                400,
                "missing-answers",
                "Required answers missing",
                _("Нет ответов на обязательные вопросы: %(codes)s.") % {"codes": ", ".join(exc.message_dict)},
                errors=exc.message_dict,
            ) from None
        return self.state_response(self.assessment())


@extend_schema(tags=["assessments"], request=None, responses={201: s.AssessmentStateSerializer})
class AssessmentRevise(AssessmentView):
    """A new draft revision of a final assessment, with its answers copied (409 for a draft or an
    assessment already revised)."""

    serializer_class = s.AssessmentStateSerializer
    pagination_class = None
    error_responses = {**MEMBERS_ONLY, "409": "A draft, or an assessment that already has a next revision."}

    def post(self, request, pk):
        assessment = self.assessment(edits=True)
        try:
            revision = services.revise(assessment, by=request.user)
        except DjangoValidationError as exc:
            raise ApiError(409, "not-revisable", "Cannot revise", " ".join(exc.messages)) from None
        return self.state_response(_assessments(request.user).get(pk=revision.pk), status.HTTP_201_CREATED)


@extend_schema(tags=["assessments"], responses=s.FindingsSerializer)
class AssessmentFindings(AssessmentView):
    """Risk, autonomy and findings with their citations: a final assessment's stored record, a
    draft's preview (`preview: true`)."""

    serializer_class = s.FindingsSerializer
    pagination_class = None

    def get(self, request, pk):
        assessment = self.assessment()
        data = services.assessment_data(assessment)
        return Response(
            {
                "assessment": assessment.pk,
                "status": assessment.status,
                "preview": not assessment.is_final,
                "as_of": assessment.as_of.isoformat(),
                "risk": data["risk"],
                "autonomy": data["autonomy"],
                "findings": data["findings"],
                "summary": results.summary_of(data),
                "exposure": data.get("exposure"),
                "content_hash": data.get("content_hash"),
            }
        )
