from django.urls import path

from . import views, views_cases
from . import views_assessments as assessments
from . import views_wizard as wizard
from .reports import views as report_views

app_name = "compliance"
urlpatterns = [
    path("workspace/organization/", views.switch, name="switch_organization"),
    path("systems/", views.AISystemList.as_view(), name="ai_systems"),
    path("systems/new/", views.AISystemCreate.as_view(), name="ai_system_create"),
    path("systems/<int:pk>/", views.AISystemDetail.as_view(), name="ai_system"),
    path("systems/<int:pk>/edit/", views.AISystemUpdate.as_view(), name="ai_system_edit"),
    path("systems/<int:pk>/delete/", views.AISystemDelete.as_view(), name="ai_system_delete"),
    path("assessments/<int:pk>/report.pdf", report_views.assessment_report_pdf, name="assessment_report"),
    path("verify/", report_views.verify, name="verify"),
    path("systems/<int:system_pk>/assessments/", assessments.assessment_list, name="system_assessments"),
    path("systems/<int:system_pk>/assessments/new/", assessments.assessment_start, name="assessment_start"),
    path("assessments/", assessments.assessment_list, name="assessments"),
    path("assessments/<int:pk>/", assessments.assessment_detail, name="assessment"),
    path(
        "assessments/<int:pk>/sections/<slug:code>/",
        wizard.assessment_section,
        name="assessment_section",
    ),
    path("assessments/<int:pk>/review/", assessments.assessment_review, name="assessment_review"),
    path("assessments/<int:pk>/finalize/", assessments.assessment_finalize, name="assessment_finalize"),
    path("assessments/<int:pk>/revise/", assessments.assessment_revise, name="assessment_revise"),
    path("assessments/<int:pk>/results/", assessments.assessment_results, name="assessment_results"),
    path("assessments/<int:pk>/history/", assessments.assessment_history, name="assessment_history"),
    path("cases/", views_cases.case_list, name="cases"),
    path("cases/new/", views_cases.CaseCreate.as_view(), name="case_create"),
    path("cases/<slug:slug>/", views_cases.case_detail, name="case"),
    path("cases/<slug:slug>/edit/", views_cases.CaseUpdate.as_view(), name="case_edit"),
    path("cases/<slug:slug>/delete/", views_cases.CaseDelete.as_view(), name="case_delete"),
]
