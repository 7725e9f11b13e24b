"""The PDF report of an assessment: what a lawyer signs and files.

Everything the report says about the assessment comes from `assessment_data()` (for a
final assessment, the snapshot stored when it was finalised), and that same data is
embedded in the PDF as `assessment.json`. The cited provisions are read at the versions
the findings cite (the questionnaire's as-of law), never at today's version. Dates in
the PDF come from the data (finalisation), so the same assessment gives the same bytes.

Queries: a fixed number whatever the number of findings and citations (the questionnaire
definition, the cited provisions with their official texts). A finding's liability, the
prohibited practices and the fines come from the data too (compliance.services.results); only data
finalised before they were recorded reads the liability references of the knowledge base.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from compliance.markdown import render_markdown
from compliance.models import Assessment, AutonomyLevel, DeploymentMode, QuestionKind, Severity, SystemRole
from compliance.services import results
from compliance.services.assessment_data import assessment_data
from compliance.services.definition import visible_questions
from kzai.i18n import normalize_language, pick
from kzai.localized import format_date, mark_fallback
from kzai.pdf import layout
from kzai.pdf.engine import PdfAttachment, PdfDocument
from legal import linking
from legal.models import ActKind, ObligationProvision, PracticeProvision, Provision, ReferenceRole, RiskLevel
from legal.printed import PrintedProvision, anchor_id, official_texts_prefetch, printed

#: Most serious first, as a lawyer reads them.
SEVERITY_ORDER = [Severity.PROHIBITED, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO]
SEVERITY_COLOURS = {
    Severity.PROHIBITED: "#7a1d12",
    Severity.HIGH: "#b33a2b",
    Severity.MEDIUM: "#a86b00",
    Severity.LOW: "#2f5d9b",
    Severity.INFO: "#5d6470",
}

Key = tuple[str, str, str]  # (act slug, version code, eid)


@dataclass
class Citation:
    """A provision a finding cites, as the data recorded it, and the provision itself."""

    key: Key
    text: object  # LocalizedText of the standard citation; None: show the provision's heading
    confidence: str
    block: PrintedProvision | None  # None: not in the knowledge base any more (unresolved)
    notes: list = field(default_factory=list)  # a liability link's conditions


@dataclass
class ReportFinding:
    severity: str
    title: object
    explanation: object
    actions: object
    context_act: str = ""  # where its texts' references naming no act point
    explanation_html: SafeString = SafeString("")  # linked to the appendix (_linked_block)
    actions_html: SafeString = SafeString("")
    basis: list[Citation] = field(default_factory=list)
    liability: list[Citation] = field(default_factory=list)
    obligations: list = field(default_factory=list)
    practices: list = field(default_factory=list)


@dataclass
class ReportAnswer:
    section: object
    question: object
    answer: object  # LocalizedText, str or None (not answered)


def _key(citation: dict) -> Key:
    return (citation["act"], citation["version"], citation["eid"])


def _load_provisions(keys: list[Key], language: str) -> dict[Key, PrintedProvision]:
    """The cited provisions at the cited versions, with official texts (two queries)."""
    if not keys:
        return {}
    wanted = Q()
    for act, version, eid in keys:
        wanted |= Q(version__act__slug=act, version__code=version, eid=eid)
    found = (
        Provision.objects.filter(wanted)
        .select_related("version__act", "term")
        .prefetch_related(official_texts_prefetch())
    )
    blocks = {}
    for provision in found:
        (block,) = printed([provision], language)
        blocks[(provision.version.act.slug, provision.version.code, provision.eid)] = block
    return blocks


def _liability_keys(findings: list[dict]) -> dict[int, list[Key]]:
    """finding index → its liability provisions: recorded in the data, or (data finalised
    before liability was recorded) those of its obligations and practices (two queries)."""
    if all("liability" in finding for finding in findings):
        return {index: [_key(entry) for entry in f["liability"]] for index, f in enumerate(findings)}
    obligations = {o["slug"] for f in findings for o in f["obligations"]}
    practices = {p["slug"] for f in findings for p in f["practices"]}
    by_owner: dict[tuple[str, str], list[Key]] = {}
    for model, owner, slugs in (
        (ObligationProvision, "obligation", obligations),
        (PracticeProvision, "practice", practices),
    ):
        if not slugs:
            continue
        refs = (
            model.objects.filter(**{f"{owner}__slug__in": slugs}, role=ReferenceRole.LIABILITY)
            .select_related(owner, "provision__version__act")
            .order_by("order", "pk")
        )
        for ref in refs:
            p = ref.provision
            key = (p.version.act.slug, p.version.code, p.eid)
            by_owner.setdefault((owner, getattr(ref, owner).slug), []).append(key)
    result = {}
    for index, finding in enumerate(findings):
        keys = [k for o in finding["obligations"] for k in by_owner.get(("obligation", o["slug"]), [])]
        keys += [k for p in finding["practices"] for k in by_owner.get(("practice", p["slug"]), [])]
        result[index] = list(dict.fromkeys(keys))
    return result


def severity_chart(counts: dict[str, int]) -> SafeString:
    """Findings by severity as a small horizontal bar chart (inline SVG, no fetches)."""
    width, row, label_width = 420, 18, 130
    peak = max(counts.values(), default=0) or 1
    bars = []
    for index, severity in enumerate(SEVERITY_ORDER):
        count = counts.get(severity, 0)
        y = index * row
        length = round((width - label_width - 30) * count / peak)
        bars.append(
            format_html(
                '<text x="0" y="{}" font-size="9">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                '<text x="{}" y="{}" font-size="9">{}</text>',
                y + 12, Severity(severity).label, label_width, y + 3, length, row - 6,
                SEVERITY_COLOURS[severity], label_width + length + 4, y + 12, count,
            )
        )
    return format_html(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" '
        'aria-label="{}" font-family="Kzai Sans">{}</svg>',
        width, row * len(SEVERITY_ORDER), gettext("Выводы по степени серьёзности"),
        format_html_join("", "{}", ((bar,) for bar in bars)),
    )


def _answer_text(answer: dict, language: str):
    value, kind = answer["value"], answer["kind"]
    if kind == QuestionKind.YES_NO:
        return gettext("Да") if value else gettext("Нет")
    if kind == QuestionKind.SINGLE:
        return pick(answer["labels"] or {}, language) or str(value)
    if kind == QuestionKind.MULTIPLE:
        labels = [pick(label or {}, language) for label in (answer["labels"] or [])]
        return "; ".join(str(label) for label in labels) or "—"
    if kind == QuestionKind.DATE:
        return format_date(datetime.date.fromisoformat(value))
    return str(value)


def _moment(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


def report_date(assessment: Assessment, data: dict) -> datetime.datetime:
    """The date the PDF carries: finalisation; for a draft, its last change (so an
    unchanged draft also gives the same bytes)."""
    if assessment.is_final:
        return assessment.finalized_at
    moments = [assessment.updated_at, *(_moment(a["answered_at"]) for a in data["answers"])]
    return max(m for m in moments if m)


def context(assessment: Assessment, language: str) -> dict:
    """Everything the template shows (call with `language` active)."""
    data = assessment_data(assessment)
    content_hash = data.get("content_hash") or layout.sha256(layout.canonical_json(data))
    findings_data = data["findings"]
    classifications = [c for c in (data["risk"], data["autonomy"]) if c]

    cited: list[Key] = []
    for item in [*classifications, *findings_data]:
        cited += [_key(c) for c in item["citations"]]
    liability_keys = _liability_keys(findings_data)
    all_keys = list(dict.fromkeys([*cited, *(k for keys in liability_keys.values() for k in keys)]))
    blocks = _load_provisions(all_keys, language)

    def citation(key: Key, recorded: dict | None) -> Citation:
        block = blocks.get(key)
        if recorded is not None:
            text = pick(recorded["citation"], language)
            confidence = recorded.get("confidence", "")
        else:  # a liability reference of the knowledge base: shown by its heading
            text = None
            confidence = block.provision.confidence if block else ""
        return Citation(key, text, confidence, block)

    def liability_citation(entry: dict) -> Citation:
        return Citation(_key(entry), pick(entry["citation"], language), entry.get("confidence", ""),
                        blocks.get(_key(entry)), [pick(note, language) for note in entry["notes"]])

    findings = []
    for index, item in enumerate(findings_data):
        basis, liability = [], []
        if "liability" in item:
            basis = [citation(_key(recorded), recorded) for recorded in item["citations"]]
            liability = [liability_citation(entry) for entry in item["liability"]]
        else:
            for recorded in item["citations"]:
                entry = citation(_key(recorded), recorded)
                is_code = entry.block is not None and entry.block.act.kind == ActKind.CODE
                (liability if is_code else basis).append(entry)
            known = {c.key for c in liability}
            liability += [citation(key, None) for key in liability_keys[index] if key not in known]
        findings.append(
            ReportFinding(
                severity=item["severity"],
                title=pick(item["title"], language),
                explanation=pick(item["explanation"], language),
                actions=pick(item["actions"], language),
                context_act=item.get("context_act", ""),  # absent from data finalised before it
                basis=basis,
                liability=liability,
                obligations=[
                    (pick(o["obligation"], language), pick(o.get("recommendation") or {}, language))
                    for o in item["obligations"]
                ],
                practices=[pick(p["name"], language) for p in item["practices"]],
            )
        )
    findings.sort(key=lambda f: SEVERITY_ORDER.index(f.severity))

    answered = {a["question"]: a for a in data["answers"]}
    answers = [
        ReportAnswer(
            section=question.section.title,
            question=question.text,
            answer=_answer_text(answered[question.code], language) if question.code in answered else None,
        )
        for question in visible_questions(assessment)
    ]

    appendix = sorted(
        blocks.values(), key=lambda b: (b.act.order, b.act.slug, b.version.code, b.provision.order)
    )
    texts = [
        *(str(f.title) + "\n" + str(f.explanation) + "\n" + str(f.actions) for f in findings),
        *(str(pick(c["explanation"], language)) for c in classifications),
        *(str(a.question) for a in answers),
    ]
    # The defined terms used: those whose definitions the findings cite, and those the
    # report's texts use (matched like the hover definitions of the law pages).
    terms = []
    for act, version in dict.fromkeys((key[0], key[1]) for key in all_keys):
        in_text = {entry.eid for entry in linking.terms_in(texts, act, version, language)}
        terms += [
            (entry, pick(entry.terms, language), pick(entry.definitions, language), act, version)
            for entry in linking.version_terms(act, version)
            if entry.eid in in_text or (act, version, entry.eid) in blocks
        ]

    as_of = datetime.date.fromisoformat(data["assessment"]["as_of"])
    anchors = {(b.act.slug, b.version.code, b.provision.eid) for b in appendix}

    def linked(value, act: str) -> SafeString:
        return _linked_block(value, act, as_of, anchors)

    for finding in findings:
        finding.explanation_html = linked(finding.explanation, finding.context_act)
        finding.actions_html = linked(finding.actions, finding.context_act)

    counts = Counter(f.severity for f in findings)
    system = data["ai_system"]
    risk, autonomy = data["risk"], data["autonomy"]
    return {
        "data": data,
        "content_hash": content_hash,
        "assessment": assessment,
        "draft": not assessment.is_final,
        "organization": data["organization"]["name"],
        "system": system,
        "system_roles": [SystemRole(role).label for role in system["roles"] if role in SystemRole.values],
        "deployment_mode": (
            DeploymentMode(system["deployment_mode"]).label
            if system["deployment_mode"] in DeploymentMode.values else system["deployment_mode"]
        ),
        "questionnaire_title": pick(data["questionnaire"]["title"], language),
        "as_of": as_of,
        "questionnaire_as_of": datetime.date.fromisoformat(data["questionnaire"]["as_of"]),
        "generated_at": timezone.localtime(report_date(assessment, data)),
        "risk": risk and {**risk, "label": RiskLevel(risk["level"]).label,
                          "explanation_html": linked(pick(risk["explanation"], language),
                                                     risk.get("context_act", ""))},
        "autonomy": autonomy and {**autonomy, "label": AutonomyLevel(autonomy["level"]).label,
                                  "explanation_html": linked(pick(autonomy["explanation"], language),
                                                             autonomy.get("context_act", ""))},
        "prohibited": [
            {**practice, "name": pick(practice["name"], language)}
            for practice in results.summary_of(data)["prohibited"]
        ],
        "exposure": results.exposure_view(data.get("exposure")),
        "findings": findings,
        "counts": [(Severity(s).label, s, counts.get(s, 0)) for s in SEVERITY_ORDER],
        "chart": severity_chart(counts),
        "answers": answers,
        "appendix": appendix,
        "terms": terms,
    }


def _linked_block(value, act: str, as_of: datetime.date, anchors: set[Key]) -> SafeString:
    """A finding's Markdown text for the PDF: lists kept, each reference to a provision of
    the appendix linked to it, one to another provision shown unlinked, an unresolved one
    marked; `act` is where references naming no act point (the rule's context act)."""
    if not value:
        return SafeString("")

    def to_appendix(cite) -> str | None:
        key = (cite.act, cite.version, cite.eid)
        return f"#{anchor_id(*key)}" if key in anchors else None

    html = render_markdown(value, linking.LinkContext(act or None, None, None, as_of), cite_url=to_appendix)
    return mark_fallback(value, html, block=True)


def document(assessment: Assessment, language: str) -> PdfDocument:
    """The PdfDocument of the report in `language` (ru, kk or en)."""
    language = normalize_language(language)
    with translation.override(language):
        ctx = context(assessment, language)
        number = assessment.pk
        title = gettext("Оценка соответствия № %(id)s — %(system)s") % {
            "id": number, "system": ctx["system"]["name"]
        }
        footer = gettext("kzai · оценка № %(id)s, редакция %(revision)s · SHA-256 данных %(hash)s") % {
            "id": number, "revision": assessment.revision, "hash": ctx["content_hash"][:16]
        }
        html = render_to_string(
            "reports/assessment.html",
            {
                **ctx,
                "lang": language,
                "doc_title": title,
                "doc_author": ctx["organization"],
                "doc_description": ctx["questionnaire_title"],
                "doc_created": layout.w3c_datetime(ctx["generated_at"]),
                "page_style": layout.page_style(running_title=title, footer=footer),
            },
        )
        description = gettext("Данные оценки: ответы, выводы, редакции цитируемых положений")
    return PdfDocument(
        html=html,
        identifier=f"assessment:{assessment.pk}:{language}",
        attachments=(
            PdfAttachment(
                name="assessment.json",
                data=layout.canonical_json(ctx["data"]),
                description=description,
                created=ctx["generated_at"],
            ),
        ),
    )
