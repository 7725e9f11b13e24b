"""Questionnaires: versioned sets of questions about an AI system, asked at one date of the law.

A questionnaire is data (fixtures/questionnaires/, the admin), never code. Once published it
is frozen: assessments point at its questions and rules, so a change means a new version.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from compliance import conditions
from kzai.i18n import translated
from legal.models import Act, Provision

CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CODE_HELP = _("Латинские строчные буквы, цифры и «_», начиная с буквы: uses_biometrics.")


def validate_code(value: str) -> None:
    if not CODE_RE.match(value or ""):
        raise ValidationError(CODE_HELP)


def context_act_field(help_text):
    """The act that a reference naming none («п. 4 ст. 17») in these texts belongs to.

    Texts are linked with it (legal.linking); without one such references stay unresolved."""
    return models.ForeignKey(
        Act, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("акт ссылок без названия"), help_text=help_text,
    )


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", _("черновик")
    PUBLISHED = "published", _("опубликован")


class QuestionnaireQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=QuestionnaireStatus.PUBLISHED)

    def current(self, slug: str) -> Questionnaire | None:
        """The latest published version of questionnaire `slug`."""
        return self.published().filter(slug=slug).order_by("-version").first()


class QuestionnairePublished(ValidationError):
    """A published questionnaire (or a part of it) was about to change."""

    def __init__(self, questionnaire_id):
        super().__init__(
            _("Опубликованный опросник не изменяется: создайте новую версию."), code="published"
        )
        self.questionnaire_id = questionnaire_id


class FrozenWhenPublished(models.Model):
    """A part of a questionnaire: it cannot be saved or deleted once the questionnaire is published."""

    class Meta:
        abstract = True

    def questionnaire_pk(self):
        raise NotImplementedError

    def _check_not_published(self):
        pk = self.questionnaire_pk()
        if pk and Questionnaire.objects.published().filter(pk=pk).exists():
            raise QuestionnairePublished(pk)

    def save(self, *args, **kwargs):
        self._check_not_published()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_not_published()
        return super().delete(*args, **kwargs)


class Questionnaire(
    translated("title", _("название")),
    translated("description", _("описание"), text=True),
    models.Model,
):
    """One version of a questionnaire; `as_of` is the date of the law its questions and rules apply."""

    slug = models.SlugField(_("идентификатор"), max_length=80)
    version = models.PositiveSmallIntegerField(_("версия"), default=1)
    as_of = models.DateField(
        _("право на дату"),
        help_text=_("Цитируемые положения берутся в редакции, действующей на эту дату."),
    )
    status = models.CharField(
        _("статус"), max_length=10, choices=QuestionnaireStatus.choices, default=QuestionnaireStatus.DRAFT
    )
    published_at = models.DateTimeField(_("опубликован"), null=True, blank=True)
    context_act = context_act_field(
        _("Ссылки в текстах опросника, не называющие акт («п. 4 ст. 17»), указывают на этот акт.")
    )
    roles_question = models.CharField(
        _("вопрос о роли организации"), max_length=80, blank=True,
        help_text=_("Код вопроса с множественным выбором, варианты которого — коды субъектов "
                    "обязанностей (owner, holder, user …): по нему видно, к кому относится ответственность."),
    )
    source_hash = models.CharField(
        _("хеш источника"), max_length=64, blank=True, editable=False,
        help_text=_("SHA-256 определения, из которого загружен опросник (load_questionnaires)."),
    )

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        ordering = ["slug", "-version"]
        verbose_name = _("опросник")
        verbose_name_plural = _("опросники")
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="questionnaire_version_unique"),
            models.CheckConstraint(
                condition=Q(status="draft", published_at__isnull=True)
                | Q(status="published", published_at__isnull=False),
                name="questionnaire_published_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def natural_key(self):
        return (self.slug, self.version)

    @property
    def is_published(self) -> bool:
        return self.status == QuestionnaireStatus.PUBLISHED

    def save(self, *args, **kwargs):
        if self.pk and Questionnaire.objects.published().filter(pk=self.pk).exists():
            raise QuestionnairePublished(self.pk)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and Questionnaire.objects.published().filter(pk=self.pk).exists():
            raise QuestionnairePublished(self.pk)
        return super().delete(*args, **kwargs)

    def question_specs(self) -> dict[str, conditions.QuestionSpec]:
        """code → QuestionSpec for the condition validator (two queries)."""
        options: dict[int, list[str]] = {}
        for question_id, code in Option.objects.filter(question__questionnaire=self).values_list(
            "question_id", "code"
        ):
            options.setdefault(question_id, []).append(code)
        return {
            code: conditions.QuestionSpec(kind, tuple(options.get(pk, ())))
            for pk, code, kind in self.questions.values_list("pk", "code", "kind")
        }


class Section(
    translated("title", _("название")),
    translated("intro", _("вступление (Markdown)"), text=True),
    FrozenWhenPublished,
):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="sections", verbose_name=_("опросник")
    )
    code = models.CharField(_("код"), max_length=60, validators=[validate_code], help_text=CODE_HELP)
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    context_act = context_act_field(_("Для текстов раздела, если не тот же, что у опросника."))

    class Meta:
        ordering = ["questionnaire", "order", "pk"]
        verbose_name = _("раздел опросника")
        verbose_name_plural = _("разделы опросника")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="section_code_unique"),
        ]

    def __str__(self):
        return str(self.title) or self.code

    def questionnaire_pk(self):
        return self.questionnaire_id

    @property
    def link_act(self) -> Act | None:
        """The context act of the section's texts (its own, else the questionnaire's)."""
        return self.context_act or self.questionnaire.context_act


class QuestionKind(models.TextChoices):
    YES_NO = conditions.YES_NO, _("да / нет")
    SINGLE = conditions.SINGLE, _("один вариант")
    MULTIPLE = conditions.MULTIPLE, _("несколько вариантов")
    TEXT = conditions.TEXT, _("текст")
    DATE = conditions.DATE, _("дата")
    NUMBER = conditions.NUMBER, _("число")


CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})


class Question(
    translated("text", _("вопрос"), text=True),
    translated("help", _("пояснение (Markdown)"), text=True),
    FrozenWhenPublished,
):
    """One question; `visible_if` (a condition over earlier answers) decides whether it is asked."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions", verbose_name=_("опросник")
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="questions", verbose_name=_("раздел")
    )
    code = models.CharField(_("код"), max_length=60, validators=[validate_code], help_text=CODE_HELP)
    kind = models.CharField(_("вид ответа"), max_length=10, choices=QuestionKind.choices)
    required = models.BooleanField(_("обязательный"), default=True)
    visible_if = models.JSONField(
        _("показывать, если"), null=True, blank=True,
        help_text=_('Условие (docs/compliance.md), например {"eq": ["produces_synthetic", true]}. '
                    "Пусто — всегда."),
    )
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    provisions = models.ManyToManyField(
        Provision, blank=True, related_name="questions", verbose_name=_("о каких положениях"),
        help_text=_("В редакции, действующей на дату опросника."),
    )

    class Meta:
        ordering = ["questionnaire", "section__order", "order", "pk"]
        verbose_name = _("вопрос")
        verbose_name_plural = _("вопросы")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="question_code_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values), name="question_kind_known"
            ),
        ]

    def __str__(self):
        return self.code

    def questionnaire_pk(self):
        return self.questionnaire_id

    def clean(self):
        if self.section_id and self.section.questionnaire_id != self.questionnaire_id:
            raise ValidationError({"section": _("Раздел другого опросника.")})
        if self.questionnaire_id and self.code:
            specs = self.questionnaire.question_specs()
            own_options = specs[self.code].options if self.code in specs else ()
            specs[self.code] = conditions.QuestionSpec(self.kind, own_options)
            try:
                conditions.validate_condition(self.visible_if, specs)
            except conditions.ConditionError as exc:
                raise ValidationError({"visible_if": str(exc)}) from None

    @property
    def has_options(self) -> bool:
        return self.kind in CHOICE_KINDS


class Option(translated("label", _("вариант")), FrozenWhenPublished):
    """A possible answer to a single- or multiple-choice question."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="options", verbose_name=_("вопрос")
    )
    code = models.CharField(_("код"), max_length=60, validators=[validate_code], help_text=CODE_HELP)
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("вариант ответа")
        verbose_name_plural = _("варианты ответа")
        constraints = [
            models.UniqueConstraint(fields=["question", "code"], name="option_code_unique"),
        ]

    def __str__(self):
        return self.code

    def questionnaire_pk(self):
        if not self.question_id:
            return None
        return Question.objects.filter(pk=self.question_id).values_list("questionnaire_id", flat=True).first()
