"""The workspace: the organisation switcher and the organisation's AI systems.

Access is decided in compliance.access (non-members 404, viewers 403 on changes); these
views only say which pages change data (`edits = True`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from .access import MemberRequiredMixin, OrganizationObjectMixin, switch_organization
from .forms import AISystemForm
from .models import AISystem


@require_POST
@login_required
def switch(request):
    """POST organization=<slug>, next=<url>: make that organisation current (404 for a non-member)."""
    membership = switch_organization(request, request.POST.get("organization", ""))
    messages.success(
        request, _("Текущая организация: %(name)s.") % {"name": membership.organization.name}
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("compliance:ai_systems")
    return redirect(target)


class AISystemList(MemberRequiredMixin, ListView):
    template_name = "compliance/ai_system_list.html"
    context_object_name = "systems"
    paginate_by = 50

    def get_queryset(self):
        return AISystem.objects.filter(organization=self.organization).order_by("name", "pk")


class AISystemDetail(OrganizationObjectMixin, DetailView):
    model = AISystem
    queryset = AISystem.objects.select_related("organization")
    template_name = "compliance/ai_system_detail.html"
    context_object_name = "system"


class AISystemCreate(MemberRequiredMixin, CreateView):
    edits = True
    model = AISystem
    form_class = AISystemForm
    template_name = "compliance/ai_system_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.organization}

    def form_valid(self, form):
        messages.success(self.request, _("Система ИИ добавлена."))
        return super().form_valid(form)


class AISystemUpdate(OrganizationObjectMixin, UpdateView):
    edits = True
    model = AISystem
    queryset = AISystem.objects.select_related("organization")
    form_class = AISystemForm
    template_name = "compliance/ai_system_form.html"
    context_object_name = "system"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.object.organization}

    def form_valid(self, form):
        messages.success(self.request, _("Изменения сохранены."))
        return super().form_valid(form)


class AISystemDelete(OrganizationObjectMixin, DeleteView):
    edits = True
    model = AISystem
    queryset = AISystem.objects.select_related("organization")
    template_name = "compliance/ai_system_confirm_delete.html"
    context_object_name = "system"
    success_url = reverse_lazy("compliance:ai_systems")

    def form_valid(self, form):
        name = self.object.name
        try:
            response = super().form_valid(form)
        except (ProtectedError, RestrictedError):
            messages.error(
                self.request,
                _("Систему «%(name)s» нельзя удалить: на неё ссылаются оценки.") % {"name": name},
            )
            return redirect(self.object)
        messages.success(self.request, _("Система ИИ «%(name)s» удалена.") % {"name": name})
        return response
