"""API v1: an assessment's PDF report and the verification of a report by hash or file.

GET  /api/v1/assessments/<id>/report.pdf[?lang=kk]   members of the organisation only (404 otherwise)
POST /api/v1/verify/   {"sha256": "…"} as JSON, or the PDF as multipart `file`

The PDF is the same bytes as the page's (stored once for a final assessment).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from compliance.access import membership_in, scoped_or_404
from compliance.models import Assessment
from kzai.api.exceptions import ApiError
from kzai.api.views import ApiMixin
from kzai.pdf.engine import RenderError
from kzai.pdf.http import pdf_response

from . import services


@extend_schema(
    tags=["assessments"],
    responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="PDF/A-3b")},
)
class AssessmentReportPdf(ApiMixin, APIView):
    """The assessment's PDF report in `lang` (ru, kk, en). A final assessment's report is
    the same file every time; a draft's carries a DRAFT watermark."""

    permission_classes = [permissions.IsAuthenticated]
    error_responses = {"401": "Sign in or send a token.", "503": "Rendering took too long."}

    def get(self, request, pk: int) -> HttpResponse:
        assessment, _membership = scoped_or_404(
            request.user, Assessment.objects.select_related("organization", "ai_system"), pk=pk
        )
        try:
            rendered = services.report_pdf(assessment, self.language)
        except RenderError as error:
            raise ApiError(503, "render-failed", "PDF not produced", str(error)) from None
        return pdf_response(rendered, services.report_filename(assessment, self.language))


class VerifyHash(serializers.Serializer):
    """JSON: the SHA-256 of a PDF, or the data hash printed in a report's footer."""

    sha256 = serializers.RegexField(r"^[0-9a-fA-F]{64}$", help_text="64 hexadecimal digits.")


class VerifyFile(serializers.Serializer):
    """multipart/form-data: the PDF itself."""

    file = serializers.FileField(help_text="The PDF, at most 25 MB.")

    def validate_file(self, upload):
        if upload.size > services.MAX_UPLOAD:
            raise serializers.ValidationError(_("Файл больше 25 МБ — это не отчёт kzai."))
        return upload


@extend_schema(
    tags=["reports"],
    request={"application/json": VerifyHash, "multipart/form-data": VerifyFile},
    responses=inline_serializer(
        "Verification",
        {
            "sha256": serializers.CharField(),
            "verified": serializers.BooleanField(),
            "kind": serializers.ChoiceField(["report", "data"], allow_null=True),
            "assessment": serializers.DictField(allow_null=True),
        },
    ),
)
class Verify(ApiMixin, APIView):
    """Is this PDF (or SHA-256) an unchanged kzai report, and of which assessment?
    Anyone may ask; organisation and AI system are named to members only."""

    permission_classes = [permissions.AllowAny]
    parser_classes = [JSONParser, MultiPartParser]
    error_responses = {"415": "Send application/json or multipart/form-data."}

    def post(self, request) -> Response:
        by_file = request.content_type.startswith("multipart/")
        form = (VerifyFile if by_file else VerifyHash)(data=request.data)
        form.is_valid(raise_exception=True)
        if by_file:
            sha256 = services.file_sha256(form.validated_data["file"])
        else:
            sha256 = form.validated_data["sha256"].lower()
        result = services.verify(sha256)
        body = {"sha256": sha256, "verified": result.is_report, "kind": result.kind, "assessment": None}
        if result.assessment is not None:
            assessment = result.assessment
            about = {"id": assessment.pk, "revision": assessment.revision, "status": assessment.status}
            if result.report is not None:
                report = result.report
                about.update(language=report.language, finalized_at=report.generated_at.isoformat())
            if membership_in(request.user, assessment.organization_id):
                about.update(organization=assessment.organization.name, ai_system=assessment.ai_system.name)
            body["assessment"] = about
        return Response(body)
