"""Forms of the assessment wizard: starting an assessment, and one section's answers.

A section form has one field per question of the section, named by the question's code.
Every field is optional here: required questions are enforced when finalising (an
assessment is answered over several sittings). The form turns browser input into the
JSON answer values of compliance.services.assessments (yes/no → true/false, number → a number).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kzai.i18n import pick, values_of
from legal.models import OffenderCategory

from .models import AISystem, Question, QuestionKind, Questionnaire
from .services.assessments import clean_value, default_questionnaire

YES_NO_CHOICES = [("true", _("Да")), ("false", _("Нет"))]


class StartAssessmentForm(forms.Form):
    questionnaire = forms.ModelChoiceField(
        label=_("Опросник"),
        queryset=Questionnaire.objects.none(),
        empty_label=None,
        help_text=_("Опубликованная версия опросника; её вопросы и правила не меняются."),
    )
    as_of = forms.DateField(
        label=_("На дату"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=_(
            "Дата, на которую оценивается соответствие. Пусто — сегодня, но не раньше даты права опросника."
        ),
    )

    category = forms.ChoiceField(
        label=_("Категория организации"),
        choices=[("", "—"), *OffenderCategory.choices],
        required=False,
        help_text=_("Штрафы КоАП зависят от категории. Спрашивается один раз и сохраняется для организации."),
    )

    def __init__(self, *args, questionnaires, organization, **kwargs):
        super().__init__(*args, **kwargs)
        if organization.category:
            del self.fields["category"]
        self.fields["questionnaire"].queryset = questionnaires
        # An empty date is left to start_assessment(): services.assessments.default_as_of.
        chosen = default_questionnaire() or questionnaires.first()
        if chosen is not None:
            self.fields["questionnaire"].initial = chosen.pk


def _options(question: Question) -> list[tuple[str, str]]:
    return [(option.code, str(pick(values_of(option, "label")))) for option in question.options.all()]


def answer_field(question: Question) -> forms.Field:
    """The form field of a question (label and help are rendered by the template)."""
    kind = question.kind
    if kind == QuestionKind.YES_NO:
        return forms.TypedChoiceField(
            choices=YES_NO_CHOICES,
            coerce=lambda value: value == "true",
            empty_value=None,
            widget=forms.RadioSelect,
            required=False,
        )
    if kind == QuestionKind.SINGLE:
        return forms.ChoiceField(choices=_options(question), widget=forms.RadioSelect, required=False)
    if kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=_options(question), widget=forms.CheckboxSelectMultiple, required=False
        )
    if kind == QuestionKind.DATE:
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d"],
            required=False,
        )
    if kind == QuestionKind.NUMBER:
        return forms.DecimalField(required=False, max_digits=20, decimal_places=6)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000)


def answer_initial(question: Question, value):
    """A stored answer as the field's initial value."""
    if value is None:
        return None
    if question.kind == QuestionKind.YES_NO:
        return "true" if value else "false"
    return value


def answer_value(question: Question, value):
    """A cleaned field value as a JSON answer (None clears the answer)."""
    if value in (None, "", []):
        return None
    if question.kind == QuestionKind.DATE:
        return value.isoformat()
    if question.kind == QuestionKind.NUMBER:
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)
    return value


class SectionForm(forms.Form):
    """The answers to the questions of one section; `disabled` for a reader or a final assessment."""

    def __init__(self, *args, questions: list[Question], stored: dict, disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            field = answer_field(question)
            field.disabled = disabled
            field.initial = answer_initial(question, stored.get(question.code))
            self.fields[question.code] = field

    def answers(self, codes) -> dict:
        """{code: value} for the questions `codes` (cleaned data required)."""
        by_code = {question.code: question for question in self.questions}
        return {code: answer_value(by_code[code], self.cleaned_data.get(code)) for code in codes}


#: Answers the AI system's record already holds: question code → AISystem field. The field's
#: value is the answer as it is (cleaned by clean_value: roles → option codes in the options'
#: order, an empty deployment mode → no answer). tests/compliance/test_wizard.py checks that
#: every question exists in the main questionnaire with a kind and options the field fits.
SYSTEM_ANSWERS = {
    "org_roles": "roles",
    "deployment_mode": "deployment_mode",
    "generates_media": "produces_synthetic_content",
}


def system_answers(ai_system: AISystem, definition, stored: dict) -> dict:
    """{code: value} to prefill: what the system's record says, for questions of `definition`
    without a stored answer. Initial values only: saved when the user saves the section."""
    prefill = {}
    for code, field in SYSTEM_ANSWERS.items():
        question = definition.by_code.get(code)
        if question is None or code in stored:
            continue
        try:
            value = clean_value(question, getattr(ai_system, field))
        except ValidationError:
            continue  # a questionnaire version whose question no longer fits the field
        if value is not None:
            prefill[code] = value
    return prefill
