"""The search index (one row per record and language) and the synonyms searches expand."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import LANGUAGE_CODES

from .act import ActVersion


class EntityType(models.TextChoices):
    PROVISION = "provision", _("положение")
    TERM = "term", _("термин")
    PRACTICE = "practice", _("запрещённая практика")
    OBLIGATION = "obligation", _("обязанность")


class SearchEntry(models.Model):
    """The words of one record in one language, maintained by `legal.search.indexer`.

    Filters are copied here (act, version, eid, unit type, duty holders) so a search is
    one query over this table. SQLite mirrors `stemmed` into the FTS5 table `search_fts`
    (triggers); PostgreSQL keeps `search_vector` (a trigger, GIN index) — both created by
    migration 0004 for their vendor only. Editorial records (practices, obligations) have
    no version: they are found whatever the point in time.
    """

    entity_type = models.CharField(max_length=12, choices=EntityType.choices)
    object_id = models.PositiveBigIntegerField()
    provision_pk = models.PositiveBigIntegerField(null=True, blank=True)
    version = models.ForeignKey(ActVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    act_slug = models.CharField(max_length=60, blank=True)
    eid = models.CharField(max_length=200, blank=True)
    unit_type = models.CharField(max_length=12, blank=True)
    duty_holders = models.CharField(max_length=300, blank=True, help_text="|owner|user|")
    language = models.CharField(max_length=2, choices=[(code, code) for code in LANGUAGE_CODES])
    text = models.TextField()
    words = models.TextField(help_text="lowercase words, ё→е: what PostgreSQL's russian config reads")
    stemmed = models.TextField(help_text="Python stems: what FTS5 and PostgreSQL's simple config read")
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("запись поискового индекса")
        verbose_name_plural = _("поисковый индекс")
        indexes = [
            models.Index(fields=["entity_type", "object_id"], name="search_entry_object"),
            models.Index(fields=["version", "language"], name="search_entry_version"),
            # a page's rows of a provision and of the term it defines; deleting a provision
            models.Index(fields=["provision_pk"], name="search_entry_provision"),
        ]

    def __str__(self):
        return f"{self.entity_type}:{self.object_id} [{self.language}]"


class Synonym(models.Model):
    """A query word or phrase and what it also means: «дипфейк» → «синтетические результаты»."""

    term = models.CharField(_("слово или выражение"), max_length=200)
    replacements = models.TextField(_("синонимы (по одному в строке)"))
    language = models.CharField(
        _("язык"), max_length=2, choices=[(code, code) for code in LANGUAGE_CODES], default="ru"
    )
    two_way = models.BooleanField(
        _("в обе стороны"), default=False, help_text=_("Каждый синоним тоже ищется как слово.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["language", "term"]
        verbose_name = _("синоним")
        verbose_name_plural = _("синонимы")
        constraints = [models.UniqueConstraint(fields=["language", "term"], name="unique_synonym_term")]

    def __str__(self):
        return f"{self.term} → {', '.join(self.replacement_list)}"

    @property
    def replacement_list(self) -> list[str]:
        return [line.strip() for line in self.replacements.splitlines() if line.strip()]
