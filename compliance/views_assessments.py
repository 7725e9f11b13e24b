"""The assessment wizard in the browser: list, start, answer by section, review, finalise,
results, revise, answer history.

The services of compliance.assessments keep the assessment's invariants; compliance.access
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
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kzai.i18n import pick, values_of
from legal.models import Provision

from . import assessments as services
from . import conditions, results
from .access import current_membership, require_editor, scoped_or_404
from .forms_assessments import YES_NO_CHOICES, SectionForm, StartAssessmentForm, system_answers
from .models import (
    AISystem,
    Answer,
    AnswerEvent,
    Assessment,
    QuestionKind,
    Questionnaire,
)

PAGE_SIZE = 50
HISTORY_PAGE_SIZE = 100


# ----------------------------------------------------------------- helpers


def _assessment(request, pk: int, *, edits: bool = False):
    """(assessment, membership) of one of the user's organisations; 404 otherwise, 403 for a
    viewer when the request changes something."""
    queryset = Assessment.objects.select_related(
        "organization", "ai_system", "questionnaire", "created_by", "finalized_by", "next_revision"
    )
    assessment, membership = scoped_or_404(request.user, queryset, pk=pk)
    if edits:
        require_editor(membership)
    return assessment, membership


def _current_membership(request):
    membership = current_membership(request)
    if membership is None:
        raise PermissionDenied(_("Вы не состоите ни в одной организации. Обратитесь к её владельцу."))
    return membership


def _answers(assessment: Assessment, definition: services.Definition) -> tuple[dict, dict]:
    """(code → Answer with who answered, code → value) of every stored answer (one query)."""
    codes = {question.pk: question.code for question in definition.questions}
    rows = {
        codes[answer.question_id]: answer
        for answer in Answer.objects.filter(assessment=assessment).select_related("answered_by")
    }
    return rows, {code: answer.value for code, answer in rows.items()}


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


def _sections_progress(definition, shown, values):
    """[(section, asked, answered)] for the wizard's table of sections."""
    progress = OrderedDict((section.pk, [section, 0, 0]) for section in definition.sections)
    for question in definition.questions:
        if shown[question.code]:
            entry = progress[question.section_id]
            entry[1] += 1
            entry[2] += question.code in values
    return [tuple(entry) for entry in progress.values()]


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
        system, membership = scoped_or_404(
            request.user, AISystem.objects.select_related("organization"), pk=system_pk
        )
        organization = system.organization
    else:
        membership = _current_membership(request)
        organization = membership.organization
    queryset = (
        Assessment.objects.filter(organization=organization)
        .select_related("ai_system", "questionnaire", "created_by")
        .order_by("-created_at", "-pk")
    )
    if system is not None:
        queryset = queryset.filter(ai_system=system)
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
    system, membership = scoped_or_404(
        request.user, AISystem.objects.select_related("organization"), pk=system_pk
    )
    require_editor(membership)
    questionnaires = Questionnaire.objects.published().order_by("slug", "-version")
    form = StartAssessmentForm(
        request.POST or None, questionnaires=questionnaires, organization=system.organization
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
    assessment, _membership = _assessment(request, pk)
    if assessment.is_final:
        return redirect("compliance:assessment_results", pk=assessment.pk)
    return redirect(_resume_url(assessment))


@login_required
def assessment_section(request, pk: int, code: str):
    """One section of the wizard: only the questions the answers ask (the others are in the
    page, hidden and disabled, for the script to reveal)."""
    assessment, membership = _assessment(request, pk, edits=request.method == "POST")
    definition = services.Definition.of(assessment.questionnaire)
    section = next((s for s in definition.sections if s.code == code), None)
    if section is None:
        raise Http404(_("В опроснике нет такого раздела."))
    rows, values = _answers(assessment, definition)
    read_only = assessment.is_final or not membership.can_edit
    # What the system's record already says, shown (not saved) where nothing is answered yet.
    prefilled = {} if read_only else system_answers(assessment.ai_system, definition, values)
    initial = {**values, **prefilled}
    shown = definition.visibility(initial)
    questions = [q for q in definition.questions if q.section_id == section.pk]
    prefetch_related_objects(
        questions, Prefetch("provisions", queryset=Provision.objects.select_related("version__act"))
    )
    form = SectionForm(request.POST or None, questions=questions, stored=initial, disabled=read_only)

    if request.method == "POST":
        if assessment.is_final:
            messages.error(request, _("Оценка окончательная и не изменяется: создайте новую редакцию."))
            return redirect("compliance:assessment_results", pk=assessment.pk)
        if form.is_valid():
            section_codes = [q.code for q in questions]
            rendered = _posted_codes(request, "rendered", section_codes, shown)
            asked = _posted_codes(request, "asked", section_codes, shown)
            submitted = form.answers([c for c in section_codes if c in asked])
            merged = {c: v for c, v in {**values, **submitted}.items() if v is not None}
            after = definition.visibility(merged)
            to_save = {c: v for c, v in submitted.items() if after[c]}
            try:
                services.save_answers(assessment, to_save, by=request.user)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                saved = {c: v for c, v in {**values, **to_save}.items() if v is not None}
                return redirect(_after_save(
                    request, assessment, definition, section, questions, rendered, asked, after, saved
                ))

    index = definition.sections.index(section)
    return render(
        request,
        "compliance/assessments/section.html",
        {
            "assessment": assessment,
            "organization": assessment.organization,
            "can_edit": not read_only,
            "read_only": read_only,
            "section": section,
            "items": [
                {
                    "question": q,
                    "field": form[q.code],
                    "shown": shown[q.code],
                    "answer": rows.get(q.code),
                    "prefilled": q.code in prefilled,
                }
                for q in questions
            ],
            "form": form,
            "shown_codes": " ".join(q.code for q in questions if shown[q.code]),
            "wizard_data": {
                # the browser evaluates these with static/js/conditions.js (same rules as the server)
                "questions": [{"code": q.code, "visible_if": q.visible_if} for q in definition.questions],
                "answers": {
                    c: v for c, v in values.items() if definition.by_code[c].section_id != section.pk
                },
            },
            "progress": _sections_progress(definition, shown, values),
            "previous_section": definition.sections[index - 1] if index > 0 else None,
            "next_section": definition.sections[index + 1] if index + 1 < len(definition.sections) else None,
            "answers_api": reverse("api:assessment-answers", args=[assessment.pk]),
        },
    )


def _posted_codes(request, name: str, section_codes: list[str], shown: dict) -> set[str]:
    """The question codes a section form lists in its hidden field `name` ("rendered": asked
    when the page was rendered; "asked": asked when it was submitted, kept up to date by the
    script). Without the field (an older page): those the server shows now."""
    if name not in request.POST:
        return {c for c in section_codes if shown[c]}
    return set(request.POST[name].split()) & set(section_codes)


def _after_save(
    request, assessment, definition, section, questions, rendered, asked, shown_after, saved
) -> str:
    """Where "save" leads: the section again while the answers opened questions in it that are
    required and unanswered, or that the user has not seen (no script); else where the button says."""
    here = reverse("compliance:assessment_section", args=[assessment.pk, section.code])
    opened = [q for q in questions if shown_after[q.code] and q.code not in rendered]
    open_required = [q for q in opened if q.required and not conditions.is_answered(saved.get(q.code))]
    if open_required:
        messages.warning(
            request,
            _(
                "Ответы сохранены. В разделе появились новые вопросы; "
                "обязательные из них ещё без ответа: %(questions)s."
            )
            % {"questions": "; ".join(f"«{pick(values_of(q, 'text'))}»" for q in open_required)},
        )
        return here
    if any(q.code not in asked for q in opened):
        messages.info(request, _("Ответы сохранены. В разделе появились новые вопросы."))
        return here
    messages.success(request, _("Ответы сохранены."))
    action = request.POST.get("action", "next")
    index = definition.sections.index(section)
    if action == "stay":
        return here
    if action == "previous" and index > 0:
        return reverse(
            "compliance:assessment_section", args=[assessment.pk, definition.sections[index - 1].code]
        )
    if action == "next" and index + 1 < len(definition.sections):
        return reverse(
            "compliance:assessment_section", args=[assessment.pk, definition.sections[index + 1].code]
        )
    return reverse("compliance:assessment_review", args=[assessment.pk])


def _review_context(assessment, membership):
    definition = services.Definition.of(assessment.questionnaire)
    rows, values = _answers(assessment, definition)
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
    assessment, membership = _assessment(request, pk)
    return render(request, "compliance/assessments/review.html", _review_context(assessment, membership))


@require_POST
@login_required
def assessment_finalize(request, pk: int):
    """Freeze the assessment; refused, with the list of what is missing, while required answers are.

    Safe to repeat (a double click): finalize() is idempotent and serialised, so a request
    for an assessment already final, or finalised meanwhile by a concurrent request, lands on
    the results as the first one does.
    """
    assessment, membership = _assessment(request, pk, edits=True)
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
    assessment, _membership = _assessment(request, pk, edits=True)
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
    assessment, membership = _assessment(request, pk)
    events = (
        AnswerEvent.objects.filter(assessment=assessment)
        .select_related("user", "question__section")
        .prefetch_related("question__options")
        .order_by("-at", "-pk")
    )
    page = Paginator(events, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
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
    assessment, membership = _assessment(request, pk)
    data = services.assessment_data(assessment)
    missing = [] if assessment.is_final else services.missing_required(assessment)
    return render(
        request,
        "compliance/assessments/results.html",
        {
            "assessment": assessment,
            "organization": assessment.organization,
            "can_edit": membership.can_edit,
            "results": results.page_data(data),
            "content_hash": data.get("content_hash", ""),
            "missing": missing,
            "report_button": _report_template_exists(),
        },
    )
