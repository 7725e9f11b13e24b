"""Admin for the workspace: organisations and members, AI systems, case records.

Every change is kept by simple-history (the "History" button). Public case records
(no organisation) are the curated ones `load_cases` maintains; editors may add their own.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import AISystem, CaseProvision, CaseRecord, Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "bin", "created_at"]
    search_fields = ["slug", "name", "bin"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organization", "role", "joined_at"]
    list_filter = ["role", "organization"]
    list_select_related = ["user", "organization"]
    autocomplete_fields = ["user", "organization"]


@admin.register(AISystem)
class AISystemAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organization", "deployment_mode", "produces_synthetic_content", "updated_at"]
    list_filter = ["organization", "deployment_mode", "produces_synthetic_content"]
    list_select_related = ["organization"]
    search_fields = ["name", "sector"]


class CaseProvisionInline(admin.TabularInline):
    model = CaseProvision
    extra = 0
    raw_id_fields = ["provision"]


class PublicFilter(admin.SimpleListFilter):
    title = _("доступ")
    parameter_name = "public"

    def lookups(self, request, model_admin):
        return [("yes", _("публичные")), ("no", _("организаций"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(organization__isnull=True)
        if self.value() == "no":
            return queryset.filter(organization__isnull=False)
        return queryset


@admin.register(CaseRecord)
class CaseRecordAdmin(SimpleHistoryAdmin):
    list_display = [
        "slug", "date", "date_precision", "kind", "technique", "organization", "origin", "confidence",
    ]
    list_filter = [PublicFilter, "kind", "technique", "origin", "confidence"]
    list_select_related = ["organization"]
    search_fields = ["slug"]
    date_hierarchy = "date"
    filter_horizontal = ["practices"]
    inlines = [CaseProvisionInline]
    fieldsets = [
        (None, {"fields": ["slug", "organization", "origin", "kind", "technique", "jurisdiction"]}),
        (_("дата"), {"fields": ["date", "date_precision"]}),
        (_("заголовок"), {"fields": ["title_ru", "title_kk", "title_en"]}),
        (_("описание (Markdown)"), {"fields": ["body_ru", "body_kk", "body_en"]}),
        (_("итог"), {"fields": ["outcome_ru", "outcome_kk", "outcome_en"]}),
        (_("примечание редакции"), {"fields": ["note_ru", "note_kk", "note_en"]}),
        (_("практики, достоверность, источники"), {"fields": ["practices", "confidence", "sources"]}),
    ]


@admin.register(CaseProvision)
class CaseProvisionAdmin(SimpleHistoryAdmin):
    list_display = ["case", "provision", "relation"]
    list_filter = ["relation"]
    list_select_related = ["case", "provision__version__act"]
    raw_id_fields = ["case", "provision"]


from . import admin_questionnaire  # noqa: E402, F401  (questionnaires, rules, assessments)
