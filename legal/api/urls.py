"""/api/v1/: the legal endpoints (names in the `api` namespace, e.g. api:provision-detail)."""

from django.urls import path

from legal.urls import EidConverter  # noqa: F401 (registers the `eid` converter)

from . import views, views_check
from .views_akn import VersionAkn

urlpatterns = [
    path("acts/", views.ActList.as_view(), name="act-list"),
    path("acts/<slug:slug>/", views.ActDetail.as_view(), name="act-detail"),
    path("acts/<slug:slug>/versions/", views.VersionList.as_view(), name="version-list"),
    path("acts/<slug:slug>/versions/<slug:version>/toc/", views.Toc.as_view(), name="toc"),
    path("acts/<slug:slug>/versions/<slug:version>/akn/", VersionAkn.as_view(), name="version-akn"),
    path(
        "acts/<slug:slug>/versions/<slug:version>/provisions/<eid:eid>/",
        views.ProvisionDetail.as_view(),
        name="provision-detail",
    ),
    path("provisions/", views.ProvisionList.as_view(), name="provision-list"),
    path("akn/<path:uri>", views.ProvisionByUri.as_view(), name="provision-by-uri"),
    path("terms/", views.TermList.as_view(), name="term-list"),
    path("practices/", views.PracticeList.as_view(), name="practice-list"),
    path("practices/<slug:slug>/", views.PracticeDetail.as_view(), name="practice-detail"),
    path("obligations/", views.ObligationList.as_view(), name="obligation-list"),
    path("obligations/<slug:slug>/", views.ObligationDetail.as_view(), name="obligation-detail"),
    path("search/", views.Search.as_view(), name="search"),
    path("resolve/", views.Resolve.as_view(), name="resolve"),
    path("check/", views_check.Check.as_view(), name="check"),
]
