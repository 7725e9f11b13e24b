"""/api/v1/: the workspace endpoints (names in the `api` namespace, e.g. api:assessment-detail)."""

from django.urls import path

from compliance.reports import api as report_api

from . import views

urlpatterns = [
    path("ai-systems/", views.AISystemList.as_view(), name="ai-system-list"),
    path("ai-systems/<int:pk>/", views.AISystemDetail.as_view(), name="ai-system-detail"),
    path("cases/", views.CaseList.as_view(), name="case-list"),
    path("cases/<slug:slug>/", views.CaseDetail.as_view(), name="case-detail"),
    path("questionnaires/", views.QuestionnaireList.as_view(), name="questionnaire-list"),
    path("questionnaires/<int:pk>/", views.QuestionnaireDetail.as_view(), name="questionnaire-detail"),
    path("assessments/", views.AssessmentList.as_view(), name="assessment-list"),
    path("assessments/<int:pk>/", views.AssessmentDetail.as_view(), name="assessment-detail"),
    path("assessments/<int:pk>/answers/", views.AssessmentAnswers.as_view(), name="assessment-answers"),
    path("assessments/<int:pk>/finalize/", views.AssessmentFinalize.as_view(), name="assessment-finalize"),
    path("assessments/<int:pk>/revise/", views.AssessmentRevise.as_view(), name="assessment-revise"),
    path("assessments/<int:pk>/findings/", views.AssessmentFindings.as_view(), name="assessment-findings"),
    path(
        "assessments/<int:pk>/report.pdf", report_api.AssessmentReportPdf.as_view(), name="assessment-report"
    ),
    path("verify/", report_api.Verify.as_view(), name="verify"),
]
