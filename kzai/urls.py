from django.apps import apps
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", include("kzai.api.urls")),
]
# The workspace is optional: the law runs without it (tests/settings_legal_only.py).
if apps.is_installed("compliance"):
    urlpatterns.append(path("", include("compliance.urls")))
urlpatterns.append(path("", include("legal.urls")))

# problem+json under /api/, the usual pages elsewhere
handler404 = "kzai.api.exceptions.page_not_found"
handler500 = "kzai.api.exceptions.server_error"
