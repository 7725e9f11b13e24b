"""Pages: an assessment's PDF report (members of its organisation only) and /verify/.

Thin: the report is built by `assessment_report`, stored and looked up by `services`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from compliance.access import membership_in, scoped_or_404
from compliance.models import Assessment
from kzai.pdf.engine import RenderError
from kzai.pdf.http import InvalidLanguage, pdf_response, render_failed, report_language
from legal.view_helpers import bad_request

from . import services


@login_required
@require_GET
def assessment_report_pdf(request, pk: int):
    assessment, _membership = scoped_or_404(
        request.user, Assessment.objects.select_related("organization", "ai_system", "questionnaire"), pk=pk
    )
    try:
        language = report_language(request)
    except InvalidLanguage as error:
        return bad_request(request, str(error))
    try:
        rendered = services.report_pdf(assessment, language)
    except RenderError as error:
        return render_failed(request, error)
    return pdf_response(rendered, services.report_filename(assessment, language))


def read_hash(request) -> str:
    """The SHA-256 to look up: of the uploaded file, else the one typed; ValueError with a
    message for the user when neither is usable."""
    upload = request.FILES.get("file")
    if upload is not None:
        if upload.size > services.MAX_UPLOAD:
            raise ValueError(gettext("Файл больше 25 МБ — это не отчёт kzai."))
        return services.file_sha256(upload)
    typed = "".join(request.POST.get("sha256", "").split()).lower()
    if not typed:
        raise ValueError(gettext("Выберите PDF-файл или введите его SHA-256."))
    if not services.SHA256_RE.match(typed):
        raise ValueError(gettext("SHA-256 — это 64 шестнадцатеричные цифры."))
    return typed


@require_http_methods(["GET", "POST"])
def verify(request):
    """Is this PDF (or hash) an unchanged kzai report, and of which assessment?

    Anyone may ask: the answer names the assessment by number, revision, language and
    date only. Members of the assessment's organisation also see its organisation and AI
    system (see docs/reports.md, "What /verify/ reveals")."""
    if request.method == "GET":
        return render(request, "reports/verify.html", {})
    try:
        sha256 = read_hash(request)
    except ValueError as error:
        return render(request, "reports/verify.html", {"error": str(error)}, status=400)
    result = services.verify(sha256)
    member = result.assessment is not None and membership_in(request.user, result.assessment.organization_id)
    return render(request, "reports/verify.html", {"result": result, "member": bool(member)})
