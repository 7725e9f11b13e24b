"""The project's URLs plus two views that fail, to test the API's 500 answers."""

from django.urls import path
from rest_framework.views import APIView

from kzai.api.views import ApiMixin
from kzai.urls import urlpatterns as project_urlpatterns


class Crash(ApiMixin, APIView):
    permission_classes = []

    def get(self, request):
        raise RuntimeError("secret detail that must not leak")


def plain_crash(request):
    raise RuntimeError("secret detail that must not leak")


urlpatterns = [
    path("api/crash/", Crash.as_view()),
    path("api/plain-crash/", plain_crash),
    path("plain-crash/", plain_crash),
    *project_urlpatterns,
]
handler404 = "kzai.api.exceptions.page_not_found"
handler500 = "kzai.api.exceptions.server_error"
