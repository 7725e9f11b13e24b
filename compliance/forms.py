"""Forms of the workspace: AI systems and private case records."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AISystem, SystemRole


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
