"""Vocabulary shared by every record of the knowledge base."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated


class Confidence(models.TextChoices):
    """How well a fact was checked (see docs/data-model.md)."""

    VERIFIED = "verified", _("проверено по тексту акта")
    SECONDARY = "secondary", _("по вторичным источникам")
    UNVERIFIED = "unverified", _("не подтверждено")


class Origin(models.TextChoices):
    """Where a record came from; `load_kb` only replaces what it loaded itself."""

    KB = "kb", _("база знаний kzai")
    IMPORT = "import", _("импорт официального текста")
    EDITOR = "editor", _("редактор")


def validate_sources(value):
    if not isinstance(value, list) or not all(isinstance(url, str) and url for url in value):
        raise ValidationError(_("Источники — это список ссылок."))
    bad = [url for url in value if not url.startswith(("http://", "https://"))]
    if bad:
        raise ValidationError(_("Не ссылка: %(url)s"), params={"url": bad[0]})


class Sourced(models.Model):
    """A fact with its confidence and the sources it was read in."""

    confidence = models.CharField(_("достоверность"), max_length=12, choices=Confidence.choices)
    sources = models.JSONField(_("источники"), default=list, blank=True, validators=[validate_sources])

    class Meta:
        abstract = True


class OurTranslations(models.Model):
    """Which of the record's texts are kzai's own translation (e.g. ``["summary_kk"]``).

    The research data is written in Russian (and English); the Kazakh of titles and
    summaries is our translation of our unofficial summary, and pages label it so. It
    is never official wording: that comes only from an imported official text.
    """

    our_translations = models.JSONField(
        _("наш перевод"),
        default=list,
        blank=True,
        help_text=_('Поля, текст которых — перевод kzai, например ["summary_kk"].'),
    )

    class Meta:
        abstract = True

    def is_our_translation(self, name: str, lang: str) -> bool:
        return f"{name}_{lang}" in (self.our_translations or ())


class CasefoldSearchable(models.Model):
    """A casefolded copy of the record's words, so admin search works for Cyrillic.

    SQLite's LIKE/lower() fold only ASCII; searching a casefolded column with a
    casefolded term behaves the same on SQLite and PostgreSQL.
    """

    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def searchable_parts(self) -> list[str]:
        raise NotImplementedError

    def refresh_search_text(self) -> None:
        self.search_text = " ".join(part for part in self.searchable_parts() if part).casefold()

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)


class DutyHolder(translated("name", _("название")), models.Model):
    """Who a duty falls on: owner, holder, user, developer of an AI system, …"""

    code = models.SlugField(_("код"), primary_key=True, max_length=30)
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("субъект обязанности")
        verbose_name_plural = _("субъекты обязанностей")

    def __str__(self):
        return str(self.name) or self.code

    def natural_key(self):
        return (self.code,)
