"""Admin for search synonyms (imported at the bottom of legal/admin.py)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from legal.models import Synonym


@admin.register(Synonym)
class SynonymAdmin(SimpleHistoryAdmin):
    list_display = ("term", "language", "replacements", "two_way")
    list_filter = ("language", "two_way")
    search_fields = ("term",)
