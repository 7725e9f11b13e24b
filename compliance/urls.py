from django.urls import path

from . import views

app_name = "compliance"
urlpatterns = [
    path("workspace/organization/", views.switch, name="switch_organization"),
    path("systems/", views.AISystemList.as_view(), name="ai_systems"),
    path("systems/new/", views.AISystemCreate.as_view(), name="ai_system_create"),
    path("systems/<int:pk>/", views.AISystemDetail.as_view(), name="ai_system"),
    path("systems/<int:pk>/edit/", views.AISystemUpdate.as_view(), name="ai_system_edit"),
    path("systems/<int:pk>/delete/", views.AISystemDelete.as_view(), name="ai_system_delete"),
]
