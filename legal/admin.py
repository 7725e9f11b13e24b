"""Admin for editors of the knowledge base: every edit is kept in simple-history.

Search works for Cyrillic on SQLite too: SQLite's LIKE folds only ASCII, so the models
that keep a casefolded `search_text` column are searched through it (each word of the
query must occur), and the others through the searchable model they belong to.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from legal import admin_import
from legal.models import (
    Act,
    ActVersion,
    DutyHolder,
    Obligation,
    ObligationProvision,
    OfficialText,
    PracticeProvision,
    ProhibitedPractice,
    Provision,
    ProvisionLink,
    Term,
    VersionNote,
)


def search_words(search_term: str) -> list[str]:
    """The words of an admin query, quotes allowed ("защита данных"), casefolded."""
    words = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1] and len(bit) > 1:
            bit = unescape_string_literal(bit)
        bit = bit.strip()
        if bit:
            words.append(bit.casefold())
    return words


class CasefoldSearchMixin:
    """Search through casefolded `search_text` columns (`casefold_search_paths`), plus
    exact-case ASCII `search_fields` on the model itself; every word has to match."""

    casefold_search_paths: tuple[str, ...] = ("search_text",)
    ascii_search_fields: tuple[str, ...] = ()
    search_fields = ("search_text",)  # shows the search box; the lookup itself is below
    search_help_text = _("Ищет по всем словам запроса, без учёта регистра (в том числе кириллицы).")

    def get_search_results(self, request, queryset, search_term):
        for word in search_words(search_term):
            condition = Q()
            for path in self.casefold_search_paths:
                condition |= Q(**{f"{path}__contains": word})
            for field in self.ascii_search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        # A word matched through a to-many path could repeat a row.
        may_have_duplicates = any("__" in path for path in self.casefold_search_paths)
        return queryset, may_have_duplicates


class HistoryAdmin(CasefoldSearchMixin, SimpleHistoryAdmin):
    pass


# ------------------------------------------------------------------- acts


class ActVersionInline(admin.TabularInline):
    model = ActVersion
    fields = ("code", "status", "date", "date_precision", "in_force_from", "in_force_until", "label_ru")
    extra = 0
    show_change_link = True


@admin.register(Act)
class ActAdmin(HistoryAdmin):
    list_display = ("slug", "short_name_ru", "kind", "number", "adopted", "partial", "confidence", "order")
    list_filter = ("kind", "partial", "confidence")
    list_editable = ("order",)
    inlines = [ActVersionInline]
    change_list_template = "admin/legal/import_act_change_list.html"  # + «Импортировать официальный текст»
    change_form_template = "admin/legal/import_act_change_form.html"
    fieldsets = (
        (None, {"fields": ("slug", "kind", "number", "adopted", "partial", "order")}),
        (_("Названия"), {"fields": (
            ("title_ru", "title_kk", "title_en"),
            ("short_name_ru", "short_name_kk", "short_name_en"),
            ("citation_name_ru", "citation_name_kk", "citation_name_en"),
            "citation_aliases",
        )}),
        (_("Публикация и источники"), {"fields": (
            "adilet_id", "official_urls", "publication", "confidence", "sources",
        )}),
    )

    def get_urls(self):
        return admin_import.urls(self) + super().get_urls()


class ProvisionTreeInline(admin.TabularInline):
    """The version's provisions in document order; the parent is chosen among the same
    version's units (choices built once per page, not once per row)."""

    model = Provision
    fk_name = "version"
    fields = ("order", "type", "eid", "num", "parent", "title_ru")
    ordering = ("order",)
    extra = 0
    show_change_link = True
    classes = ("collapse",)

    def get_formset(self, request, obj=None, **kwargs):
        self._version = obj
        self._parent_choices = None
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            version = getattr(self, "_version", None)
            kwargs["queryset"] = (
                Provision.objects.filter(version=version).select_related("version__act").order_by("order")
                if version is not None
                else Provision.objects.none()
            )
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = lambda p: f"{'— ' * p.depth}{p.eid}"
            if version is not None:
                field.choices = list(field.choices)  # evaluate once for all rows
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ActVersion)
class ActVersionAdmin(HistoryAdmin):
    list_display = ("__str__", "act", "code", "status", "date", "in_force_from", "in_force_until",
                    "consolidated_as_of")
    list_filter = ("act", "status")
    list_select_related = ("act",)
    casefold_search_paths = ("act__search_text",)
    ascii_search_fields = ("code",)
    inlines = [ProvisionTreeInline]
    fieldsets = (
        (None, {"fields": ("act", "code", "status", ("date", "date_precision"))}),
        (_("Действие во времени"), {"fields": (("in_force_from", "in_force_until"), "consolidated_as_of")}),
        (_("Описание"), {"fields": (
            ("label_ru", "label_kk", "label_en"), "note_ru", "note_kk", "note_en", "sources",
        )}),
    )


# -------------------------------------------------------------- provisions


URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class OfficialTextInline(admin.StackedInline):
    model = OfficialText
    formfield_overrides = URL_FIELDS
    extra = 0
    fields = ("language", "text", "source_url", "source_date", "imported_at", "checksum")


class TermInline(admin.StackedInline):
    model = Term
    extra = 0
    max_num = 1
    fields = ("term_ru", "term_kk", "term_en")


@admin.register(Provision)
class ProvisionAdmin(HistoryAdmin):
    list_display = ("tree_label", "eid", "type", "num", "version", "confidence")
    list_display_links = ("tree_label",)
    list_filter = ("version__act", "version", "type", "confidence", "duty_holders", "origin")
    list_select_related = ("version__act",)
    ordering = ("version", "order")
    list_per_page = 200
    autocomplete_fields = ("parent",)
    filter_horizontal = ("duty_holders",)
    readonly_fields = ("path", "depth")
    inlines = [TermInline, OfficialTextInline]
    fieldsets = (
        (None, {"fields": ("version", "parent", "eid", "type", "num", "order", ("path", "depth"), "origin")}),
        (_("Заголовок и изложение"), {"fields": (
            ("title_ru", "title_kk", "title_en"),
            "summary_ru", "summary_kk", "summary_en",
        )}),
        (_("Санкция и статус"), {"fields": (
            "sanction_ru", "sanction_kk", "sanction_en",
            "status_note_ru", "status_note_kk", "status_note_en",
        )}),
        (_("Обязанные лица, достоверность"), {"fields": ("duty_holders", "confidence", "sources")}),
    )

    @admin.display(description=_("положение"), ordering="order")
    def tree_label(self, obj):
        title = obj.title_ru or obj.title_en
        label = f"{obj.get_type_display()} {obj.num or '—'}"
        return "— " * obj.depth + label + (f". {title}" if title else "")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            if object_id:
                version_id = (
                    Provision.objects.filter(pk=object_id).values_list("version_id", flat=True).first()
                )
                kwargs["queryset"] = (
                    Provision.objects.filter(version_id=version_id).select_related("version__act")
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(OfficialText)
class OfficialTextAdmin(HistoryAdmin):
    list_display = ("provision", "language", "source_date", "imported_at")
    list_filter = ("language", "provision__version__act")
    list_select_related = ("provision__version__act",)
    casefold_search_paths = ("provision__search_text",)
    raw_id_fields = ("provision",)
    formfield_overrides = URL_FIELDS


@admin.register(Term)
class TermAdmin(HistoryAdmin):
    list_display = ("__str__", "term_en", "provision")
    list_filter = ("provision__version__act", "provision__version")
    list_select_related = ("provision__version__act",)
    casefold_search_paths = ("provision__search_text",)
    ascii_search_fields = ("provision__eid",)
    autocomplete_fields = ("provision",)


@admin.register(ProvisionLink)
class ProvisionLinkAdmin(HistoryAdmin):
    list_display = ("source", "kind", "target", "origin", "confidence")
    list_filter = ("kind", "origin", "confidence", "source__version__act", "target__version__act")
    list_select_related = ("source__version__act", "target__version__act")
    casefold_search_paths = ("source__search_text", "target__search_text")
    autocomplete_fields = ("source", "target")


@admin.register(VersionNote)
class VersionNoteAdmin(HistoryAdmin):
    list_display = ("act", "eid", "from_version", "to_version", "confidence", "order")
    list_filter = ("act", "to_version", "confidence", "origin")
    list_select_related = ("act", "from_version__act", "to_version__act")
    casefold_search_paths = ("act__search_text",)
    ascii_search_fields = ("eid",)


# ------------------------------------------------------ practices, duties


class ProvisionReferenceInline(admin.TabularInline):
    """The provisions an editorial record cites, with their role (basis, liability …)."""

    extra = 0
    fields = ("role", "provision", "confidence", "order", "note_ru", "note_en")
    autocomplete_fields = ("provision",)


class PracticeProvisionInline(ProvisionReferenceInline):
    model = PracticeProvision


@admin.register(ProhibitedPractice)
class ProhibitedPracticeAdmin(HistoryAdmin):
    list_display = ("slug", "name_ru", "confidence", "draft_confidence", "order")
    list_filter = ("confidence", "draft_confidence", "references__role", "origin")
    inlines = [PracticeProvisionInline]


@admin.register(PracticeProvision)
class PracticeProvisionAdmin(HistoryAdmin):
    list_display = ("practice", "role", "provision", "confidence")
    list_filter = ("role", "confidence", "provision__version__act")
    list_select_related = ("practice", "provision__version__act")
    casefold_search_paths = ("practice__search_text", "provision__search_text")
    autocomplete_fields = ("practice", "provision")


class ObligationProvisionInline(ProvisionReferenceInline):
    model = ObligationProvision


@admin.register(Obligation)
class ObligationAdmin(HistoryAdmin):
    list_display = ("slug", "short_text", "confidence", "applies_to_minimal_risk", "applies_to_medium_risk",
                    "applies_to_high_risk", "order")
    list_filter = ("duty_holders", "confidence", "applies_to_minimal_risk", "applies_to_medium_risk",
                   "applies_to_high_risk", "origin")
    filter_horizontal = ("duty_holders",)
    inlines = [ObligationProvisionInline]

    @admin.display(description=_("обязанность"))
    def short_text(self, obj):
        text = obj.obligation_ru or obj.obligation_en
        return text[:100] + ("…" if len(text) > 100 else "")


@admin.register(ObligationProvision)
class ObligationProvisionAdmin(HistoryAdmin):
    list_display = ("obligation", "role", "provision", "confidence")
    list_filter = ("role", "confidence", "provision__version__act")
    list_select_related = ("obligation", "provision__version__act")
    casefold_search_paths = ("obligation__search_text", "provision__search_text")
    autocomplete_fields = ("obligation", "provision")


@admin.register(DutyHolder)
class DutyHolderAdmin(SimpleHistoryAdmin):

    list_display = ("code", "name_ru", "name_kk", "name_en", "order")
    list_editable = ("order",)
    search_fields = ("code",)

from legal import admin_search  # noqa: E402, F401  (search synonyms)
