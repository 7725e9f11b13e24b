from django.urls import path, register_converter

from . import views, views_check, views_cite, views_print, views_search
from .views_akn import version_akn
from .views_compare import bilingual, compare, compare_pick
from .views_official import official_text, official_text_download


class EidConverter:
    """Akoma Ntoso eids: art_21__para_2, chp_1, art_73-3, unk_transparency."""

    regex = r"[a-z][A-Za-z0-9_-]*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(EidConverter, "eid")

app_name = "legal"
urlpatterns = [
    path("", views.home, name="home"),
    path("acts/", views.act_list, name="acts"),
    path("acts/<slug:slug>/", views.act_detail, name="act"),
    path("acts/<slug:slug>/compare/", compare_pick, name="compare_pick"),
    path("acts/<slug:slug>/compare/<slug:old>/<slug:new>/", compare, name="compare"),
    path("acts/<slug:slug>/<slug:version>/", views.version_detail, name="version"),
    path("acts/<slug:slug>/<slug:version>/bilingual/", bilingual, name="bilingual"),
    path("acts/<slug:slug>/<slug:version>/terms/", views_cite.terms, name="terms"),
    path("acts/<slug:slug>/<slug:version>/print.pdf", views_print.act_print_pdf, name="version_pdf"),
    path("acts/<slug:slug>/<slug:version>.xml", version_akn, name="version_akn"),
    path("acts/<slug:slug>/<slug:version>/text/", official_text, name="official_text"),
    path("acts/<slug:slug>/<slug:version>/text.txt", official_text_download, name="official_text_download"),
    path("acts/<slug:slug>/<slug:version>/<eid:eid>/", views.provision_detail, name="provision"),
    path("cite/", views_cite.cite, name="cite"),
    path("check/", views_check.check, name="check"),
    path("search/", views_search.search_page, name="search"),
    path("practices/", views.practice_list, name="practices"),
    path("practices/<slug:slug>/", views.practice_detail, name="practice"),
    path("obligations/", views.obligation_list, name="obligations"),
    path("obligations/<slug:slug>/", views.obligation_detail, name="obligation"),
]
