"""API v1: questionnaires (published ones, to anyone) and assessments (members of their
organisation). Thin: the flows are compliance.services.assessments', the reads
compliance.selectors', what the results show compliance.services.results'.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from compliance import selectors
from compliance.models import Assessment, AssessmentFinal
from compliance.services import assessments, results
from kzai.api.exceptions import ApiError
from kzai.api.views import ApiMixin

from . import serializers_assessments as s
from .serializers import model_errors
from .views import MEMBERS_ONLY, WorkspaceView, require_editor_of

# -------------------------------------------------------------- questionnaires


@extend_schema(tags=["questionnaires"])
class QuestionnaireList(ApiMixin, generics.ListAPIView):
    """Published questionnaires, newest version first."""

    permission_classes = [permissions.AllowAny]
    serializer_class = s.QuestionnaireSerializer
    queryset = selectors.published_questionnaires()


@extend_schema(tags=["questionnaires"])
class QuestionnaireDetail(ApiMixin, generics.RetrieveAPIView):
    """The whole definition of a published questionnaire: sections, questions with their options,
    conditions (`visible_if`) and provisions, and the rules with their conditions and citations."""

    permission_classes = [permissions.AllowAny]
    serializer_class = s.QuestionnaireDetailSerializer
    pagination_class = None
    queryset = selectors.questionnaire_definitions()

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


def _final_conflict():
    return ApiError(
        409,
        "assessment-final",
        "Assessment is final",
        _("Оценка окончательная и не изменяется: создайте новую редакцию (POST …/revise/)."),
    )


class AssessmentView(WorkspaceView):
    def get_queryset(self):
        return selectors.assessments_of(self.request.user)

    def assessment(self, edits: bool = False) -> Assessment:
        assessment = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if edits:
            require_editor_of(self.request.user, assessment.organization_id)
        return assessment

    def state_response(self, assessment, code=status.HTTP_200_OK):
        context = {**self.get_serializer_context(), "state": assessments.answer_state(assessment)}
        return Response(s.AssessmentStateSerializer(assessment, context=context).data, status=code)

    def created_response(self, assessment):
        """A 201 with the new assessment read as the list reads it."""
        created = selectors.assessments_of(self.request.user).get(pk=assessment.pk)
        return self.state_response(created, status.HTTP_201_CREATED)


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
        require_editor_of(request.user, data["ai_system"].organization_id)
        questionnaire = data.get("questionnaire") or assessments.default_questionnaire()
        if questionnaire is None:
            raise NotFound()
        try:
            assessment = assessments.start_assessment(
                data["ai_system"],
                questionnaire,
                by=request.user,
                as_of=data.get("as_of"),  # none: assessments.default_as_of
                category=data.get("organization", {}).get("category", ""),
            )
        except DjangoValidationError as exc:
            raise model_errors(exc) from None
        return self.created_response(assessment)


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
    An unknown code or a value that does not fit is a 400 naming it; an answer to a question
    the answers do not ask is not stored and is listed in `ignored` (the wizard's rule too);
    a final assessment is a 409."""

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
            saved = assessments.save_answers(assessment, request.data, by=request.user)
        except AssessmentFinal:
            raise _final_conflict() from None
        except DjangoValidationError as exc:
            raise model_errors(exc) from None
        return Response(
            {"changed": saved.changed, "ignored": saved.ignored, **assessments.answer_state(assessment)}
        )


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
            assessments.finalize(assessment, by=request.user)
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
            revision = assessments.revise(assessment, by=request.user)
        except DjangoValidationError as exc:
            raise ApiError(409, "not-revisable", "Cannot revise", " ".join(exc.messages)) from None
        return self.created_response(revision)


@extend_schema(tags=["assessments"], responses=s.FindingsSerializer)
class AssessmentFindings(AssessmentView):
    """Risk, autonomy and findings with their citations: a final assessment's stored record, a
    draft's preview (`preview: true`)."""

    serializer_class = s.FindingsSerializer
    pagination_class = None

    def get(self, request, pk):
        assessment = self.assessment()
        return Response(results.findings(assessment))
