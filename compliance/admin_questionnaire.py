"""Admin for questionnaires, rules and assessments.

A draft questionnaire is edited here (or rebuilt by load_questionnaires); a published one
is shown read-only, because assessments point at it. Assessments are records made through
the workspace: the admin shows them, their answers, answer history and findings, and
changes nothing.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Answer, AnswerEvent, Assessment, Finding, Option, Question, Questionnaire, Rule, Section
from .services import questionnaires


class FrozenWhenPublishedAdmin(admin.ModelAdmin):
    """Read-only once the questionnaire the object belongs to is published."""

    def questionnaire_of(self, obj):
        return obj.questionnaire

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.questionnaire_of(obj).is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.questionnaire_of(obj).is_published:
            return False
        return super().has_delete_permission(request, obj)


class FrozenInline(admin.TabularInline):
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return not (obj and obj.is_published) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.is_published) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.is_published) and super().has_delete_permission(request, obj)


class SectionInline(FrozenInline):
    model = Section
    fields = ["order", "code", "title_ru", "title_kk", "title_en", "context_act"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(FrozenWhenPublishedAdmin):
    list_display = ["slug", "version", "title_ru", "as_of", "status", "published_at"]
    list_filter = ["status", "slug"]
    search_fields = ["slug"]
    readonly_fields = ["status", "published_at", "source_hash"]
    inlines = [SectionInline]
    actions = ["publish"]

    def questionnaire_of(self, obj):
        return obj

    @admin.action(description=_("Опубликовать (после проверки условий и ссылок)"))
    def publish(self, request, queryset):
        from django.contrib import messages
        from django.core.exceptions import ValidationError

        for questionnaire in queryset.filter(status="draft"):
            try:
                questionnaires.publish(questionnaire)
            except ValidationError as exc:
                self.message_user(request, f"{questionnaire}: {'; '.join(exc.messages)}", messages.ERROR)
            else:
                self.message_user(request, _("Опубликован: %(q)s") % {"q": questionnaire}, messages.SUCCESS)


class OptionInline(FrozenInline):
    model = Option
    fields = ["order", "code", "label_ru", "label_kk", "label_en"]

    def has_add_permission(self, request, obj=None):
        return not (obj and obj.questionnaire.is_published) and admin.TabularInline.has_add_permission(
            self, request, obj
        )

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.questionnaire.is_published) and admin.TabularInline.has_change_permission(
            self, request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.questionnaire.is_published) and admin.TabularInline.has_delete_permission(
            self, request, obj
        )


@admin.register(Question)
class QuestionAdmin(FrozenWhenPublishedAdmin):
    list_display = ["code", "questionnaire", "section", "kind", "required", "order"]
    list_filter = ["questionnaire", "kind", "required"]
    list_select_related = ["questionnaire", "section"]
    search_fields = ["code"]
    autocomplete_fields = ["provisions"]
    inlines = [OptionInline]


@admin.register(Rule)
class RuleAdmin(FrozenWhenPublishedAdmin):
    list_display = ["code", "questionnaire", "kind", "severity", "outcome", "priority"]
    list_filter = ["questionnaire", "kind", "severity"]
    list_select_related = ["questionnaire"]
    search_fields = ["code"]
    autocomplete_fields = ["provisions", "obligations", "practices"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = ["question", "value", "answered_by", "answered_at"]


class AnswerEventInline(ReadOnlyInline):
    model = AnswerEvent
    fields = ["at", "user", "question", "value"]


class FindingInline(ReadOnlyInline):
    model = Finding
    fields = ["severity", "rule_code", "title_ru"]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organization", "status", "revision", "risk_level", "autonomy_level", "as_of"]
    list_filter = ["status", "risk_level", "organization"]
    list_select_related = ["organization", "ai_system", "questionnaire"]
    inlines = [AnswerInline, FindingInline, AnswerEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
