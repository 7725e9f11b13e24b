"""The assessment wizard: one section's questions, answered and saved.

Every page works without JavaScript: a section is a form whose "save" buttons store its
answers through services.assessments.save_answers (the same rule for hidden answers as the
API's). static/js/assessment.js adds saving as you answer (through the API's
`PUT /api/v1/assessments/{id}/answers/`) and shows or hides the questions that depend on
the answer at once.
"""

from __future__ import annotations

from collections import OrderedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kzai.i18n import pick, values_of
from legal.models import Provision

from . import conditions, selectors
from .forms_assessments import SectionForm, system_answers
from .services import assessments as services
from .views_assessments import assessment_or_404


def _sections_progress(definition, shown, values):
    """[(section, asked, answered)] for the wizard's table of sections."""
    progress = OrderedDict((section.pk, [section, 0, 0]) for section in definition.sections)
    for question in definition.questions:
        if shown[question.code]:
            entry = progress[question.section_id]
            entry[1] += 1
            entry[2] += question.code in values
    return [tuple(entry) for entry in progress.values()]


@login_required
def assessment_section(request, pk: int, code: str):
    """One section of the wizard: only the questions the answers ask (the others are in the
    page, hidden and disabled, for the script to reveal)."""
    assessment, membership = assessment_or_404(request, pk, edits=request.method == "POST")
    definition = services.Definition.of(assessment.questionnaire)
    section = next((s for s in definition.sections if s.code == code), None)
    if section is None:
        raise Http404(_("В опроснике нет такого раздела."))
    rows, values = selectors.answer_rows(assessment, definition)
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
            try:
                saved = services.save_answers(assessment, submitted, by=request.user)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                if saved.ignored:
                    messages.warning(request, _ignored_message(definition, saved.ignored))
                return redirect(_after_save(
                    request, assessment, definition, section, questions, rendered, asked,
                    saved.shown, saved.answers,
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


def _ignored_message(definition, codes: list[str]) -> str:
    """The wizard's side of the rule for hidden answers: say which answers were not stored."""
    names = "; ".join(f"«{pick(values_of(definition.by_code[code], 'text'))}»" for code in codes)
    return _(
        "Не сохранены ответы на вопросы, которые при данных ответах не задаются: %(questions)s."
    ) % {"questions": names}


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
