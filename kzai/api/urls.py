"""/api/: the versioned API, its OpenAPI schema and Swagger UI (local static files)."""

from django.apps import apps
from django.conf import settings
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import views

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("v1/", include("legal.api.urls")),
]
if apps.is_installed("compliance"):
    urlpatterns.append(path("v1/", include("compliance.api.urls")))
if settings.KZAI_API_FLOOR:
    urlpatterns.append(path("floor/", views.floor, name="floor"))
urlpatterns.append(re_path(r"^(?P<rest>.*)$", views.not_found, name="not-found"))

app_name = "api"
