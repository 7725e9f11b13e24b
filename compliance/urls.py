from django.urls import path

from . import views, views_cases

app_name = "compliance"
urlpatterns = [
    path("workspace/organization/", views.switch, name="switch_organization"),
    path("systems/", views.AISystemList.as_view(), name="ai_systems"),
    path("systems/new/", views.AISystemCreate.as_view(), name="ai_system_create"),
    path("systems/<int:pk>/", views.AISystemDetail.as_view(), name="ai_system"),
    path("systems/<int:pk>/edit/", views.AISystemUpdate.as_view(), name="ai_system_edit"),
    path("systems/<int:pk>/delete/", views.AISystemDelete.as_view(), name="ai_system_delete"),
    path("cases/", views_cases.case_list, name="cases"),
    path("cases/new/", views_cases.CaseCreate.as_view(), name="case_create"),
    path("cases/<slug:slug>/", views_cases.case_detail, name="case"),
    path("cases/<slug:slug>/edit/", views_cases.CaseUpdate.as_view(), name="case_edit"),
    path("cases/<slug:slug>/delete/", views_cases.CaseDelete.as_view(), name="case_delete"),
]
