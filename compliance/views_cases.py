"""Case records: the list with filters, a record's page, and the private records an
organisation's owners and lawyers enter.

Reading follows `CaseRecord.objects.visible_to` (public records to all, private ones to
their organisation's members); changing follows compliance.access.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import InvalidPage, Paginator
from django.db import transaction
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, UpdateView

from kzai.i18n import LANGUAGE_CODES
from legal.view_helpers import bad_request

from . import selectors
from .access import MemberRequiredMixin, OrganizationObjectMixin, membership_in
from .forms import CaseProvisionFormSetWithChoices, CaseRecordForm, cited_provisions
from .models import CaseKind, CaseRecord, Technique

CASES_PER_PAGE = 25
FILTER_BUTTON = "_filter_provisions"


def case_list(request):
    acts, practices = selectors.filter_choices()
    try:
        chosen = selectors.case_filter(request.GET, acts, practices)
    except selectors.InvalidCaseFilter as error:
        return bad_request(request, str(error))
    paginator = Paginator(selectors.cases(request.user, chosen), CASES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        return bad_request(
            request,
            _("Страницы «%(value)s» нет: страниц %(count)s.")
            % {"value": request.GET.get("page"), "count": paginator.num_pages},
        )
    return render(
        request,
        "compliance/case_list.html",
        {
            "page": page,
            "cases": page.object_list,
            "chosen": chosen,
            "acts": acts,
            "practices": practices,
            "kinds": CaseKind.choices,
            "techniques": Technique.choices,
        },
    )


def case_detail(request, slug):
    """A public record, or a private one to its organisation's members.

    An unknown slug is a 404 for everyone, logged in or not. A private record that exists
    asks an anonymous reader to log in, as every other workspace page does (a member who
    followed a link while logged out lands on it after logging in); this tells nothing a
    stranger could use, because private slugs end in a random token
    (`CaseRecord.new_private_slug`). A logged-in user of another organisation gets the same
    404 as for an unknown slug."""
    case = selectors.visible_case(request.user, slug)
    if case is None:
        if not request.user.is_authenticated and CaseRecord.objects.filter(slug=slug).exists():
            return redirect_to_login(request.get_full_path())
        raise Http404(_("Такого дела нет или оно вам недоступно."))
    membership = membership_in(request.user, case.organization_id) if case.organization_id else None
    return render(
        request,
        "compliance/case_detail.html",
        {"case": case, "membership": membership, "can_edit": bool(membership and membership.can_edit)},
    )


class CaseFormMixin:
    """The record's form and its provision links, saved together or not at all."""

    model = CaseRecord
    form_class = CaseRecordForm
    template_name = "compliance/case_form.html"
    context_object_name = "case"

    def links(self):
        """The provision rows. Their lists offer first what the description cites (as
        posted, or as saved) and are narrowed by the picker's search words (`provision_q`)."""
        posted = self.request.POST if self.request.method == "POST" else None
        if posted is not None:
            texts = [posted.get(f"body_{lang}", "") for lang in LANGUAGE_CODES]
        elif self.object is not None:
            texts = [getattr(self.object, f"body_{lang}", "") for lang in LANGUAGE_CODES]
        else:
            texts = []
        return CaseProvisionFormSetWithChoices(
            posted,
            instance=self.object or CaseRecord(),
            prefix="links",
            cited=cited_provisions(*texts),
            search=(posted or self.request.GET).get("provision_q", ""),
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("links", self.links())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        """«Отобрать» (the picker's button, for browsers without JavaScript) shows the form
        again as posted, its provision lists narrowed, and saves nothing."""
        if FILTER_BUTTON not in request.POST:
            return super().post(request, *args, **kwargs)
        self.object = self.get_object() if isinstance(self, UpdateView) else None
        form = self.get_form()
        form._errors = ErrorDict()
        links = self.links()
        links.hide_errors()
        return self.render_to_response(self.get_context_data(form=form, links=links))

    def form_valid(self, form):
        links = self.links()
        if not links.is_valid():
            return self.render_to_response(self.get_context_data(form=form, links=links))
        with transaction.atomic():
            self.object = form.save()
            links.instance = self.object
            links.save()
        messages.success(self.request, _("Запись сохранена."))
        return redirect(self.object)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form, links=self.links()))


class CaseCreate(MemberRequiredMixin, CaseFormMixin, CreateView):
    edits = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.organization}


class CaseUpdate(OrganizationObjectMixin, CaseFormMixin, UpdateView):
    """Only private records: public ones are edited in the admin (404 here)."""

    edits = True
    queryset = CaseRecord.objects.select_related("organization")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.object.organization}


class CaseDelete(OrganizationObjectMixin, DeleteView):
    edits = True
    queryset = CaseRecord.objects.select_related("organization")
    template_name = "compliance/case_confirm_delete.html"
    context_object_name = "case"
    success_url = reverse_lazy("compliance:cases")

    def form_valid(self, form):
        messages.success(self.request, _("Запись «%(title)s» удалена.") % {"title": self.object.title})
        return super().form_valid(form)
