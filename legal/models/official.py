"""Official texts as imported from the official publication: the imported document, the
official wording of each provision, the amendment history its footnotes record and the
publisher's notes, which are not law. Only `legal.importing` creates these."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .act import Act, ActVersion
from .provision import Provision

OFFICIAL_LANGUAGE_CHOICES = [("ru", "ru"), ("kk", "kk")]


class OfficialDocument(models.Model):
    """One imported official text: a version of an act in one language, as read."""

    class Format(models.TextChoices):
        TXT = "txt", _("текст")
        HTML = "html", _("HTML")
        DOCX = "docx", _(".docx")

    version = models.ForeignKey(
        ActVersion, on_delete=models.CASCADE, related_name="official_documents", verbose_name=_("редакция")
    )
    language = models.CharField(_("язык"), max_length=2, choices=OFFICIAL_LANGUAGE_CHOICES)
    format = models.CharField(_("формат файла"), max_length=4, choices=Format.choices)
    filename = models.CharField(_("файл"), max_length=255, blank=True)
    source_url = models.URLField(_("источник"), max_length=500)
    source_date = models.DateField(_("дата текста в источнике"), null=True, blank=True)
    imported_at = models.DateTimeField(_("импортирован"))
    checksum = models.CharField(_("SHA-256 текста"), max_length=64)
    text = models.TextField(_("текст, как он прочитан"))
    title = models.CharField(_("заголовок"), max_length=500, blank=True)
    header = models.CharField(_("строка реквизитов"), max_length=500, blank=True)
    preamble = models.TextField(_("преамбула"), blank=True)
    signature = models.TextField(_("подпись"), blank=True)
    report = models.JSONField(_("отчёт об импорте"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "language"]
        verbose_name = _("официальный текст акта")
        verbose_name_plural = _("официальные тексты актов")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language"], name="one_official_document_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.version} [{self.language}]"


class OfficialText(models.Model):
    """The official wording of one provision in one language: its heading, its own words
    before its children (`text`) and after them (`wrap_up`); the whole unit is these and
    its children's, in document order."""

    provision = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="official_texts", verbose_name=_("положение")
    )
    document = models.ForeignKey(
        OfficialDocument,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="texts",
        verbose_name=_("импортированный документ"),
    )
    language = models.CharField(_("язык"), max_length=2, choices=OFFICIAL_LANGUAGE_CHOICES)
    heading = models.CharField(_("заголовок"), max_length=1000, blank=True)
    text = models.TextField(_("текст"), blank=True)
    wrap_up = models.TextField(_("текст после подпунктов"), blank=True)
    source_url = models.URLField(_("источник"), max_length=500)
    source_date = models.DateField(_("дата текста в источнике"), null=True, blank=True)
    imported_at = models.DateTimeField(_("импортирован"))
    checksum = models.CharField(_("SHA-256 текста"), max_length=64)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("официальный текст")
        verbose_name_plural = _("официальные тексты")
        constraints = [
            models.UniqueConstraint(fields=["provision", "language"], name="one_official_text_per_language"),
        ]

    def __str__(self):
        return f"{self.provision} [{self.language}]"


class AmendmentAction(models.TextChoices):
    AMENDED = "amended", _("изменено")
    ADDED = "added", _("дополнено")
    EXCLUDED = "excluded", _("исключено")
    NEW_WORDING = "new_wording", _("изложено в новой редакции")


class Amendment(models.Model):
    """One entry of a provision's (or, without a provision, the act's) amendment history,
    as a footnote of the official text records it."""

    version = models.ForeignKey(
        ActVersion, on_delete=models.CASCADE, related_name="amendments", verbose_name=_("редакция")
    )
    provision = models.ForeignKey(
        Provision,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendments",
        verbose_name=_("положение"),
    )
    language = models.CharField(_("язык сноски"), max_length=2, choices=OFFICIAL_LANGUAGE_CHOICES)
    action = models.CharField(_("что сделано"), max_length=12, choices=AmendmentAction.choices)
    law_kind = models.CharField(_("вид изменяющего акта"), max_length=20, blank=True)
    law_number = models.CharField(_("номер изменяющего акта"), max_length=40, blank=True)
    law_date = models.DateField(_("дата изменяющего акта"), null=True, blank=True)
    amending_act = models.ForeignKey(
        Act,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="amendments_made",
        verbose_name=_("изменяющий акт в базе"),
    )
    effective_from = models.DateField(_("вводится в действие с"), null=True, blank=True)
    effective_note = models.TextField(_("о введении в действие"), blank=True)
    text = models.TextField(_("текст сноски"))
    order = models.PositiveIntegerField(_("порядок"), default=0)

    class Meta:
        ordering = ["version", "order"]
        verbose_name = _("изменение")
        verbose_name_plural = _("история изменений")
        indexes = [models.Index(fields=["provision", "order"], name="amendment_provision_order")]

    def __str__(self):
        return f"{self.get_action_display()} {self.law_number}"


class EditorialNoteKind(models.TextChoices):
    IZPI = "izpi", _("примечание ИЗПИ")
    CONSTITUTIONAL_COURT = "constitutional_court", _("о решении Конституционного Суда")
    EDITORIAL = "editorial", _("примечание издателя")


class EditorialNote(models.Model):
    """A note the publisher put in the official text that is not law («Примечание ИЗПИ!»)."""

    version = models.ForeignKey(
        ActVersion, on_delete=models.CASCADE, related_name="editorial_notes", verbose_name=_("редакция")
    )
    provision = models.ForeignKey(
        Provision,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="editorial_notes",
        verbose_name=_("положение"),
    )
    language = models.CharField(_("язык"), max_length=2, choices=OFFICIAL_LANGUAGE_CHOICES)
    kind = models.CharField(_("вид"), max_length=24, choices=EditorialNoteKind.choices)
    text = models.TextField(_("текст"))
    order = models.PositiveIntegerField(_("порядок"), default=0)

    class Meta:
        ordering = ["version", "order"]
        verbose_name = _("примечание издателя")
        verbose_name_plural = _("примечания издателя")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
