"""What an assessment's findings add up to: the one place the results page, the PDF report
and the API take the prohibited-practice flags, the summary and the fines to show from
(`summary_of` is the data's own, services.assessment_data, shown from here).

A finding establishes a prohibited practice exactly when its severity is `prohibited`;
the questionnaire checks refuse a rule that names a practice without that severity (or
the other way round), so the flags, the summary and the findings cannot disagree.
"""

from __future__ import annotations

from collections import OrderedDict

from django.utils.translation import gettext

from compliance.models import Assessment, Severity
from compliance.services.assessment_data import assessment_data, summary_of
from compliance.services.definition import missing_required
from kzai.i18n import pick, values_of
from legal.models import Act, ActKind, ActVersion, DutyHolder, OffenderCategory


def group_thousands(number: int) -> str:
    """432500 → '432 500' (no-break spaces, as Kazakh and Russian texts write sums)."""
    return f"{number:,}".replace(",", "\u00a0")


def money(amount: dict | None) -> str:
    """{"mrp": 100, "tenge": 432500} → '100 МРП (432 500 ₸)'; without tenge just the МРП."""
    if not amount:
        return ""
    text = gettext("%(n)s МРП") % {"n": group_thousands(amount["mrp"])}
    if amount.get("tenge") is not None:
        text += f" ({group_thousands(amount['tenge'])}\u00a0₸)"
    return text


def fine_lines(fine: dict, category: str) -> list[dict]:
    """The lines of one fine schedule to show: the organisation's category, or every category
    the unit fines when the category is not known."""
    first = fine.get("amounts") or {}
    repeat = (fine.get("repeat") or {}).get("amounts") or {}
    categories = [category] if category else [c for c in OffenderCategory.values if c in first]
    return [
        {
            "category": code,
            "label": OffenderCategory(code).label,
            "first": money(first.get(code)),
            "repeat": money(repeat.get(code)),
        }
        for code in categories
    ]


def liability_view(entry: dict, category: str, holders: dict[str, str]) -> dict:
    """One liability entry in the active language: citation, conditions, reach, fine lines."""
    return {
        **entry,
        "text": pick(entry["citation"]),
        "notes": [pick(note) for note in entry["notes"]],
        "reach_names": [holders.get(code, code) for code in entry["reach"]],
        "fines": [
            {**fine, "text": pick(fine["citation"]), "note": pick(fine["note"]) if fine["note"] else "",
             "repeat": fine["repeat"] and {**fine["repeat"], "text": pick(fine["repeat"]["citation"])},
             "lines": fine_lines(fine, category)}
            for fine in entry["fines"]
        ],
    }


def exposure_view(exposure: dict | None, holders: dict[str, str] | None = None) -> dict | None:
    """The exposure of assessment data in the active language, with the fine lines to show
    for the organisation's category (every category when it is not known)."""
    if not exposure:
        return None
    category = exposure.get("category", "")
    holders = duty_holder_names() if holders is None else holders
    mrp = exposure["mrp"]
    return {
        **exposure,
        "category_label": OffenderCategory(category).label if category else "",
        "mrp": {**mrp, "tenge_text": group_thousands(mrp["tenge"]) if mrp.get("tenge") else "",
                "note": pick(mrp["note"]) if mrp.get("note") else ""},
        "rows": [liability_view(row, category, holders) for row in exposure["rows"]],
    }


def duty_holder_names() -> dict[str, str]:
    """code → name of every duty holder in the active language (one query)."""
    return {holder.code: str(holder.name) for holder in DutyHolder.objects.all()}


# ------------------------------------------------------------------ the results page


def page(assessment: Assessment) -> dict:
    """What the results page shows: the data ready for the page, its hash, and (a draft's
    preview) the required questions still unanswered."""
    data = assessment_data(assessment)
    return {
        "results": page_data(data),
        "content_hash": data.get("content_hash", ""),
        "missing": [] if assessment.is_final else missing_required(assessment),
    }


def findings(assessment: Assessment) -> dict:
    """What the API shows of the results: risk, autonomy, findings, summary and exposure as data."""
    data = assessment_data(assessment)
    return {
        "assessment": assessment.pk,
        "status": assessment.status,
        "preview": not assessment.is_final,
        "as_of": assessment.as_of.isoformat(),
        "risk": data["risk"],
        "autonomy": data["autonomy"],
        "findings": data["findings"],
        "summary": summary_of(data),
        "exposure": data.get("exposure"),
        "content_hash": data.get("content_hash"),
    }


def _localized(values: dict | None):
    return pick(values) if values else ""


def _version_labels(data: dict) -> dict[tuple[str, str], object]:
    """(act slug, version code) → the version's label in the page's language, for every
    citation of the data (one query): the page shows the label, never the code."""
    citations = [c for f in data["findings"] for c in f["citations"]]
    for key in ("risk", "autonomy"):
        citations += (data.get(key) or {}).get("citations") or []
    pairs = {(c["act"], c["version"]) for c in citations if c.get("act") and c.get("version")}
    if not pairs:
        return {}
    versions = ActVersion.objects.filter(
        act__slug__in={act for act, _code in pairs}, code__in={code for _act, code in pairs}
    ).select_related("act")
    return {(v.act.slug, v.code): pick(values_of(v, "label")) for v in versions}


def _labelled(citations: list[dict], labels: dict) -> list[dict]:
    return [{**c, "version_label": labels.get((c.get("act"), c.get("version")), "")} for c in citations]


def page_data(data: dict) -> dict:
    """assessment_data() ready for the page: texts in the page's language, findings grouped
    by severity (most serious first), the prohibited practices (summary_of) and the
    liability exposure with the fines for the organisation's category."""

    labels = _version_labels(data)

    def classification(entry):
        if not entry:
            return None
        return {
            **entry,
            "title": _localized(entry["title"]),
            "explanation": _localized(entry["explanation"]),
            "citations": _labelled(
                [{**c, "text": _localized(c.get("citation"))} for c in entry.get("citations") or []], labels
            ),
        }

    category = data["organization"].get("category", "")
    holders = duty_holder_names()
    findings = [
        {
            **finding,
            "title": _localized(finding["title"]),
            "explanation": _localized(finding["explanation"]),
            "actions": _localized(finding["actions"]),
            "citations": _labelled(
                [{**c, "text": _localized(c["citation"])} for c in finding["citations"]], labels
            ),
            "obligations": [
                {"text": _localized(o["obligation"]), "recommendation": _localized(o.get("recommendation"))}
                for o in finding["obligations"]
            ],
            "practices": [{"slug": p["slug"], "name": _localized(p["name"])} for p in finding["practices"]],
            "liability": [
                liability_view(entry, category, holders) for entry in finding.get("liability", [])
            ],
        }
        for finding in data["findings"]
    ]
    groups = [
        {"severity": severity, "label": label, "findings": [f for f in findings if f["severity"] == value]}
        for value, label, severity in ((s.value, s.label, s.value) for s in reversed(list(Severity)))
    ]
    summary = summary_of(data)
    by_rule = {finding["rule"]: finding for finding in findings}
    return {
        "risk": classification(data["risk"]),
        "autonomy": classification(data["autonomy"]),
        "groups": [group for group in groups if group["findings"]],
        "prohibited": [
            {**practice, "name": _localized(practice["name"]),
             "findings": [by_rule[code] for code in practice["findings"]]}
            for practice in summary["prohibited"]
        ],
        "exposure": exposure_view(data.get("exposure"), holders),
        "cited_codes": [] if "exposure" in data else _cited_codes(findings),
        "count": len(findings),
    }


def _cited_codes(findings: list[dict]) -> list[dict]:
    """For assessments finalised before liability came from the knowledge base's links:
    the provisions of the codes their findings cite, as they were shown then."""
    codes = set(Act.objects.filter(kind=ActKind.CODE).values_list("slug", flat=True))
    exposure: OrderedDict[tuple, dict] = OrderedDict()
    for finding in findings:
        for citation in finding["citations"]:
            if citation["act"] in codes:
                key = (citation["act"], citation["eid"])
                entry = exposure.setdefault(key, {"citation": citation, "findings": []})
                entry["findings"].append(finding)
    return sorted(exposure.values(), key=lambda e: (e["citation"]["act"], e["citation"]["eid"]))
