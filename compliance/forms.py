"""Forms of the workspace: AI systems and private case records."""

from django import forms
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from kzai.i18n import LANGUAGE_CODES
from legal.citations import extract_citations
from legal.display import path_name
from legal.models import Provision

from .models import AISystem, CaseProvision, CaseRecord, SystemRole
from .models.case import period_start

TOO_LONG = _("Не длиннее %(limit_value)d знаков, а сейчас %(show_value)d. Сократите текст.")


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
        error_messages = {
            field: {"max_length": TOO_LONG} for field in ("description", "purpose")
        }

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = organization
        for field in ("description", "purpose"):
            limit = self.fields[field].max_length
            self.fields[field].help_text = _("Не длиннее %(n)d знаков.") % {"n": limit}

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


MAX_CITED_TEXT = 20_000  # characters of each description read for citations


def cited_provisions(*texts: str) -> list[Provision]:
    """The provisions of the knowledge base that `texts` cite («ст. 190 УК РК»), in the
    order they are first cited, each once (one query)."""
    keys: list[tuple[str, str, str]] = []
    for text in texts:
        for citation in extract_citations((text or "")[:MAX_CITED_TEXT]):
            key = (citation.act, citation.version, citation.eid)
            if citation.in_kb and citation.eid and key not in keys:
                keys.append(key)
    if not keys:
        return []
    query = Q()
    for act, version, eid in keys:
        query |= Q(version__act__slug=act, version__code=version, eid=eid)
    found = {
        (p.version.act.slug, p.version.code, p.eid): p
        for p in Provision.objects.filter(query).select_related("version__act")
    }
    return [found[key] for key in keys if key in found]


class CaseProvisionFormSetWithChoices(CaseProvisionFormSet):
    """Each form's provision list, from one shared query.

    `cited`: provisions the record's description cites, offered first («Упомянуты в
    описании»). `search`: only provisions whose label contains these words, or which the
    search text itself cites, are listed (a provision a row already holds stays listed),
    so the 300-odd provisions can be narrowed without JavaScript too."""

    def __init__(self, *args, cited=(), search="", **kwargs):
        super().__init__(*args, **kwargs)
        provisions = list(_provision_queryset())
        label_of = ProvisionChoiceField(queryset=Provision.objects.none()).label_from_instance
        labels = {provision.pk: label_of(provision) for provision in provisions}
        self.search = search = " ".join((search or "").split())[:200]
        words = search.casefold().split()
        if words:
            searched = {p.pk for p in cited_provisions(search)}
            listed = [
                p for p in provisions
                if p.pk in searched or all(word in labels[p.pk].casefold() for word in words)
            ]
        else:
            listed = provisions
        self.listed_count = len(listed)
        self.cited = list(cited)
        offered = [(p.pk, labels[p.pk]) for p in self.cited]
        for form in self.forms:
            field = form.fields["provision"]
            field.queryset = _provision_queryset()
            current = form["provision"].value()
            options = [(p.pk, labels[p.pk]) for p in listed]
            held = int(current) if str(current or "").isdigit() and int(current) in labels else None
            if held is not None and held not in {pk for pk, _label in options}:
                options = [(held, labels[held]), *options]
            choices = [("", "---------")]
            if offered:
                choices.append((_("Упомянуты в описании"), offered))
                if options:
                    choices.append((_("Все положения") if not words else _("Найденные положения"), options))
            else:
                choices += options
            field.choices = choices

    def hide_errors(self):
        """Show the rows as posted, without errors: the form was sent only to narrow the
        provision lists, not to be saved."""
        self._errors, self._non_form_errors = [], self.error_class()
        for form in self.forms:
            form._errors = ErrorDict()
