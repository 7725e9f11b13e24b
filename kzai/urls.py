from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("kzai.api.urls")),
    path("", include("legal.urls")),
]

# problem+json under /api/, the usual pages elsewhere
handler404 = "kzai.api.exceptions.page_not_found"
handler500 = "kzai.api.exceptions.server_error"
