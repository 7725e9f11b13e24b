"""/api/v1/: the workspace endpoints (names in the `api` namespace, e.g. api:assessment-detail)."""

from django.urls import path

from compliance.reports import api as report_api

from . import views
from . import views_assessments as va

urlpatterns = [
    path("ai-systems/", views.AISystemList.as_view(), name="ai-system-list"),
    path("ai-systems/<int:pk>/", views.AISystemDetail.as_view(), name="ai-system-detail"),
    path("cases/", views.CaseList.as_view(), name="case-list"),
    path("cases/<slug:slug>/", views.CaseDetail.as_view(), name="case-detail"),
    path("questionnaires/", va.QuestionnaireList.as_view(), name="questionnaire-list"),
    path("questionnaires/<int:pk>/", va.QuestionnaireDetail.as_view(), name="questionnaire-detail"),
    path("assessments/", va.AssessmentList.as_view(), name="assessment-list"),
    path("assessments/<int:pk>/", va.AssessmentDetail.as_view(), name="assessment-detail"),
    path("assessments/<int:pk>/answers/", va.AssessmentAnswers.as_view(), name="assessment-answers"),
    path("assessments/<int:pk>/finalize/", va.AssessmentFinalize.as_view(), name="assessment-finalize"),
    path("assessments/<int:pk>/revise/", va.AssessmentRevise.as_view(), name="assessment-revise"),
    path("assessments/<int:pk>/findings/", va.AssessmentFindings.as_view(), name="assessment-findings"),
    path(
        "assessments/<int:pk>/report.pdf", report_api.AssessmentReportPdf.as_view(), name="assessment-report"
    ),
    path("verify/", report_api.Verify.as_view(), name="verify"),
]
