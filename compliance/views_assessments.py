"""The assessment pages in the browser: list, start, review, finalise, results, revise,
answer history (answering by section is compliance.views_wizard).

The services of compliance.services.assessments keep the assessment's invariants; compliance.access
decides who may see (members; others 404) and change (owner, lawyer; a viewer gets 403).
Every page works without JavaScript: a section is a form whose "save" buttons store its
answers. static/js/assessment.js adds saving as you answer (through the API's
`PUT /api/v1/assessments/{id}/answers/`) and shows or hides the questions that depend on
the answer at once.
"""

from __future__ import annotations

from collections import OrderedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kzai.i18n import pick, values_of

from . import selectors
from .access import current_membership, require_editor, scoped_or_404
from .forms_assessments import YES_NO_CHOICES, StartAssessmentForm
from .models import Assessment, QuestionKind
from .services import assessments as services
from .services import results

PAGE_SIZE = 50
HISTORY_PAGE_SIZE = 100


# ----------------------------------------------------------------- helpers


def assessment_or_404(request, pk: int, *, edits: bool = False):
    """(assessment, membership) of one of the user's organisations; 404 otherwise, 403 for a
    viewer when the request changes something."""
    assessment, membership = scoped_or_404(request.user, selectors.assessments(), pk=pk)
    if edits:
        require_editor(membership)
    return assessment, membership


def _current_membership(request):
    membership = current_membership(request)
    if membership is None:
        raise PermissionDenied(_("Вы не состоите ни в одной организации. Обратитесь к её владельцу."))
    return membership


def display_value(question, value) -> str:
    """An answer as the reader sees it: «Да», an option's label, a list of labels, the text."""
    if value is None:
        return ""
    if question.kind == QuestionKind.YES_NO:
        return str(dict(YES_NO_CHOICES)["true" if value else "false"])
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        labels = {option.code: str(pick(values_of(option, "label"))) for option in question.options.all()}
        chosen = value if isinstance(value, list) else [value]
        return "; ".join(labels.get(code, code) for code in chosen)
    return str(value)


def _resume_url(assessment: Assessment, definition=None) -> str:
    section = services.resume_section(assessment, definition)
    if section is None:
        return reverse("compliance:assessment_review", args=[assessment.pk])
    return reverse("compliance:assessment_section", args=[assessment.pk, section.code])


def _report_template_exists() -> bool:
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    try:
        get_template("reports/includes/report_button.html")
    except TemplateDoesNotExist:
        return False
    return True


# ------------------------------------------------------------------- lists


@login_required
def assessment_list(request, system_pk: int | None = None):
    """The current organisation's assessments, or those of one AI system (newest first)."""
    system = None
    if system_pk is not None:
        system, membership = scoped_or_404(request.user, selectors.systems(), pk=system_pk)
        organization = system.organization
    else:
        membership = _current_membership(request)
        organization = membership.organization
    queryset = selectors.organization_assessments(organization, system)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "compliance/assessments/list.html",
        {
            "page_obj": page,
            "assessments": page.object_list,
            "system": system,
            "organization": organization,
            "membership": membership,
            "can_edit": membership.can_edit,
        },
    )


# ------------------------------------------------------------------- start


@login_required
def assessment_start(request, system_pk: int):
    """Choose a published questionnaire and the date; the wizard starts at its first section."""
    system, membership = scoped_or_404(request.user, selectors.systems(), pk=system_pk)
    require_editor(membership)
    form = StartAssessmentForm(
        request.POST or None,
        questionnaires=selectors.published_questionnaires(),
        organization=system.organization,
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.start_assessment(
                system, form.cleaned_data["questionnaire"], by=request.user, as_of=form.cleaned_data["as_of"],
                category=form.cleaned_data.get("category", ""),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Оценка начата. Ответы сохраняются по мере ввода."))
            return redirect(_resume_url(assessment))
    return render(
        request,
        "compliance/assessments/start.html",
        {"form": form, "system": system, "organization": system.organization, "can_edit": True},
    )


# ------------------------------------------------------------------ wizard


@login_required
def assessment_detail(request, pk: int):
    """Where an assessment is read: a final one's results; a draft resumes where it was left."""
    assessment, _membership = assessment_or_404(request, pk)
    if assessment.is_final:
        return redirect("compliance:assessment_results", pk=assessment.pk)
    return redirect(_resume_url(assessment))


def _review_context(assessment, membership):
    definition = services.Definition.of(assessment.questionnaire)
    rows, values = selectors.answer_rows(assessment, definition)
    shown = definition.visibility(values)
    sections = OrderedDict(
        (section.pk, {"section": section, "answers": []}) for section in definition.sections
    )
    missing = []
    for question in definition.questions:
        if not shown[question.code]:
            continue
        answer = rows.get(question.code)
        if answer is None and question.required:
            missing.append(question)
        sections[question.section_id]["answers"].append(
            {
                "question": question,
                "answer": answer,
                "display": display_value(question, answer.value) if answer else "",
            }
        )
    return {
        "assessment": assessment,
        "organization": assessment.organization,
        "can_edit": membership.can_edit and not assessment.is_final,
        "may_edit": membership.can_edit,
        "sections": [entry for entry in sections.values() if entry["answers"]],
        "missing": missing,
        "report_button": _report_template_exists(),
    }


@login_required
def assessment_review(request, pk: int):
    """Every answer that counts, by section, with who gave it; the required ones still missing."""
    assessment, membership = assessment_or_404(request, pk)
    return render(request, "compliance/assessments/review.html", _review_context(assessment, membership))


@require_POST
@login_required
def assessment_finalize(request, pk: int):
    """Freeze the assessment; refused, with the list of what is missing, while required answers are.

    Safe to repeat (a double click): finalize() is idempotent and serialised, so a request
    for an assessment already final, or finalised meanwhile by a concurrent request, lands on
    the results as the first one does.
    """
    assessment, membership = assessment_or_404(request, pk, edits=True)
    if assessment.is_final:
        messages.info(request, _("Оценка уже окончательная."))
        return redirect("compliance:assessment_results", pk=assessment.pk)
    try:
        services.finalize(assessment, by=request.user)
    except ValidationError:
        context = _review_context(assessment, membership)
        context["refused"] = True
        return render(request, "compliance/assessments/review.html", context, status=400)
    messages.success(request, _("Оценка завершена. Её ответы и выводы больше не изменяются."))
    return redirect("compliance:assessment_results", pk=assessment.pk)


@require_POST
@login_required
def assessment_revise(request, pk: int):
    """A new draft revision of a final assessment, its answers copied."""
    assessment, _membership = assessment_or_404(request, pk, edits=True)
    try:
        revision = services.revise(assessment, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(assessment.get_absolute_url())
    messages.success(
        request,
        _("Создана редакция %(revision)s: измените ответы и завершите её.") % {"revision": revision.revision},
    )
    return redirect(_resume_url(revision))


@login_required
def assessment_history(request, pk: int):
    """Every change of an answer: who, when, what (newest first)."""
    assessment, membership = assessment_or_404(request, pk)
    history = selectors.answer_history(assessment)
    page = Paginator(history, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {"event": event, "display": display_value(event.question, event.value)} for event in page.object_list
    ]
    return render(
        request,
        "compliance/assessments/history.html",
        {
            "assessment": assessment,
            "organization": assessment.organization,
            "can_edit": membership.can_edit,
            "page_obj": page,
            "rows": rows,
        },
    )


# ----------------------------------------------------------------- results


@login_required
def assessment_results(request, pk: int):
    """Risk and autonomy, prohibited practices, findings by severity with their citations at
    the assessment's date, and the liability exposure. A draft shows a preview."""
    assessment, membership = assessment_or_404(request, pk)
    return render(
        request,
        "compliance/assessments/results.html",
        {
            "assessment": assessment,
            "organization": assessment.organization,
            "can_edit": membership.can_edit,
            **results.page(assessment),
            "report_button": _report_template_exists(),
        },
    )
