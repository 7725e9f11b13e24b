"""Rules: a condition over the answers and what follows from it.

A finding rule yields a finding (severity, explanation, actions, citations). Risk and
autonomy rules classify the system (AI Law art. 17 pp. 1–2): of the rules of one kind whose
condition holds, the one with the highest priority gives the level. All of it is data.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from compliance import conditions
from kzai.i18n import translated
from legal.models import Act, DutyHolder, Obligation, ProhibitedPractice, Provision, RiskLevel

from .questionnaire import CODE_HELP, FrozenWhenPublished, Questionnaire, context_act_field, validate_code


class RuleKind(models.TextChoices):
    FINDING = "finding", _("вывод")
    RISK = "risk", _("степень риска")
    AUTONOMY = "autonomy", _("степень автономности")


class Severity(models.TextChoices):
    """From least to most serious; `prohibited` is a banned practice (AI Law art. 17 p. 3)."""

    INFO = "info", _("к сведению")
    LOW = "low", _("низкая")
    MEDIUM = "medium", _("средняя")
    HIGH = "high", _("высокая")
    PROHIBITED = "prohibited", _("запрещено")


#: Most serious first: the order findings are listed in.
SEVERITY_RANK = {value: rank for rank, value in enumerate(reversed(Severity.values))}


class AutonomyLevel(models.TextChoices):
    """Degrees of autonomy of AI systems (AI Law art. 17 p. 2)."""

    LOW = "low", _("низкая")
    MEDIUM = "medium", _("средняя")
    HIGH = "high", _("высокая")


OUTCOMES = {RuleKind.RISK: RiskLevel, RuleKind.AUTONOMY: AutonomyLevel}


class Rule(
    translated("title", _("заголовок")),
    translated("explanation", _("пояснение (Markdown)"), text=True),
    translated("actions", _("рекомендуемые действия (Markdown)"), text=True),
    FrozenWhenPublished,
):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="rules", verbose_name=_("опросник")
    )
    code = models.CharField(_("код"), max_length=80, validators=[validate_code], help_text=CODE_HELP)
    kind = models.CharField(_("вид"), max_length=10, choices=RuleKind.choices, default=RuleKind.FINDING)
    condition = models.JSONField(
        _("условие"), null=True, blank=True,
        help_text=_("Условие над ответами (docs/compliance.md). Пусто — всегда."),
    )
    severity = models.CharField(
        _("серьёзность"), max_length=10, choices=Severity.choices, blank=True,
        help_text=_("Только для выводов."),
    )
    outcome = models.CharField(
        _("результат"), max_length=10, blank=True,
        help_text=_("Для правил риска — minimal, medium, high; для автономности — low, medium, high."),
    )
    priority = models.PositiveSmallIntegerField(
        _("приоритет"), default=0, help_text=_("Из сработавших правил риска (автономности) решает старшее.")
    )
    order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    context_act = context_act_field(_("Для пояснения и действий, если не тот же, что у опросника."))
    provisions = models.ManyToManyField(
        Provision, blank=True, related_name="rules", verbose_name=_("цитируемые положения"),
        help_text=_("В редакции, действующей на дату опросника."),
    )
    obligations = models.ManyToManyField(
        Obligation, blank=True, related_name="rules", verbose_name=_("обязанности")
    )
    practices = models.ManyToManyField(
        ProhibitedPractice, blank=True, related_name="rules", verbose_name=_("запрещённые практики"),
        help_text=_("Практики, которые вывод устанавливает: только у выводов «запрещено»."),
    )
    duty_holders = models.ManyToManyField(
        DutyHolder, blank=True, related_name="+", verbose_name=_("к кому относится вывод"),
        help_text=_("Ответственность по связям обязанностей должна достигать хотя бы одного из них."),
    )

    class Meta:
        ordering = ["questionnaire", "kind", "order", "pk"]
        verbose_name = _("правило")
        verbose_name_plural = _("правила")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="rule_code_unique"),
            models.UniqueConstraint(
                fields=["questionnaire", "kind", "priority"],
                condition=Q(kind__in=["risk", "autonomy"]),
                name="rule_classification_priority_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind="finding", severity__in=Severity.values, outcome="")
                | Q(kind="risk", severity="", outcome__in=RiskLevel.values)
                | Q(kind="autonomy", severity="", outcome__in=AutonomyLevel.values),
                name="rule_kind_severity_outcome",
            ),
        ]

    def __str__(self):
        return self.code

    def questionnaire_pk(self):
        return self.questionnaire_id

    @property
    def link_act(self) -> Act | None:
        """The context act of the rule's texts (its own, else the questionnaire's)."""
        return self.context_act or self.questionnaire.context_act

    def clean(self):
        errors = {}
        if self.kind == RuleKind.FINDING:
            if not self.severity:
                errors["severity"] = _("У вывода должна быть серьёзность.")
            if self.outcome:
                errors["outcome"] = _("У вывода нет результата классификации.")
        else:
            if self.severity:
                errors["severity"] = _("Серьёзность бывает только у выводов.")
            if self.outcome not in OUTCOMES[self.kind].values:
                allowed = ", ".join(OUTCOMES[self.kind].values)
                errors["outcome"] = _("Допустимо: %(values)s") % {"values": allowed}
        if self.questionnaire_id:
            try:
                conditions.validate_condition(self.condition, self.questionnaire.question_specs())
            except conditions.ConditionError as exc:
                errors["condition"] = str(exc)
        if errors:
            raise ValidationError(errors)

    @property
    def outcome_label(self) -> str:
        if self.kind in OUTCOMES and self.outcome in OUTCOMES[self.kind].values:
            return str(OUTCOMES[self.kind](self.outcome).label)
        return ""
