"""Forms of the workspace: AI systems and private case records."""

from django import forms
from django.utils.translation import gettext_lazy as _

from legal.i18n import LANGUAGE_CODES
from legal.models import Provision
from legal.templatetags.kzai import path_name

from .models import AISystem, CaseProvision, CaseRecord, SystemRole
from .models.case import period_start


class AISystemForm(forms.ModelForm):
    """An AI system of `organization` (given by the view, never by the browser)."""

    roles = forms.MultipleChoiceField(
        label=_("роли организации"),
        choices=SystemRole.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Разработчик, собственник, владелец и/или пользователь системы (ст. 1 Закона об ИИ)."),
    )

    class Meta:
        model = AISystem
        fields = ["name", "description", "purpose", "sector", "roles", "deployment_mode",
                  "produces_synthetic_content"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = organization

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        duplicate = AISystem.objects.filter(organization=self.instance.organization, name=name)
        if self.instance.pk:
            duplicate = duplicate.exclude(pk=self.instance.pk)
        if duplicate.exists():
            raise forms.ValidationError(_("В организации уже есть система с таким названием."))
        return name


class SourcesField(forms.CharField):
    """Source URLs, one a line, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ProvisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, provision):
        version = provision.version
        act = version.act
        label = f"{act.short_name or act.title} · {path_name(provision, act.kind)}"
        if provision.title:
            label += f". {provision.title}"
        if version.is_draft:
            label += f" [{version.label or version.code}]"
        return label


class CaseRecordForm(forms.ModelForm):
    """A private case record of `organization` (given by the view, never by the browser)."""

    sources = SourcesField(label=_("источники"), required=False, help_text=_("Ссылки, по одной в строке."))

    class Meta:
        model = CaseRecord
        fields = [
            "title_ru", "title_kk", "title_en", "kind", "date", "date_precision", "technique",
            "body_ru", "body_kk", "body_en", "outcome_ru", "outcome_kk", "outcome_en",
            "practices", "confidence", "sources",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "practices": forms.CheckboxSelectMultiple,
            **{f"body_{lang}": forms.Textarea(attrs={"rows": 8}) for lang in LANGUAGE_CODES},
            **{f"outcome_{lang}": forms.Textarea(attrs={"rows": 2}) for lang in LANGUAGE_CODES},
        }
        help_texts = {
            "body_ru": _(
                "Markdown: **жирный**, *курсив*, списки, ссылки. HTML не поддерживается; "
                "ссылки на статьи («ст. 190 УК РК») становятся ссылками сами."
            ),
            "date_precision": _(
                "Если известен только месяц или год, дата сохраняется как первый день периода "
                "и показывается без дня."
            ),
        }

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = organization
        if not self.instance.pk:
            self.instance.slug = CaseRecord.new_private_slug(organization)

    def clean(self):
        cleaned = super().clean()
        day, precision = cleaned.get("date"), cleaned.get("date_precision")
        if day and precision:
            cleaned["date"] = period_start(day, precision)
        return cleaned


CaseProvisionFormSet = forms.inlineformset_factory(
    CaseRecord,
    CaseProvision,
    fields=["provision", "relation"],
    field_classes={"provision": ProvisionChoiceField},
    extra=3,
    can_delete=True,
)


def _provision_queryset():
    return Provision.objects.select_related("version__act").order_by(
        "version__act__order", "version_id", "order"
    )


class CaseProvisionFormSetWithChoices(CaseProvisionFormSet):
    """Each form's provision list, from one shared query."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        provisions = list(_provision_queryset())
        for form in self.forms:
            field = form.fields["provision"]
            field.queryset = _provision_queryset()
            field.choices = [("", "---------")] + [
                (provision.pk, field.label_from_instance(provision)) for provision in provisions
            ]
