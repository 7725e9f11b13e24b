"""The site map for page-wide tests (tests/e2e/test_phone_width.py, tests/kb/test_catalogues.py).

Built from the URLconf: every named page of the `legal` and `compliance` apps and the login
page. A page whose address takes arguments needs a sample here (`SAMPLES`); a new page
without one fails `site_map()`, so page-wide tests never forget a page. Addresses that are
not HTML pages a user reads (PDFs, POST-only actions) are listed in `NOT_PAGES`.

Needs the knowledge base (loaded) and a workspace from `make_workspace()`.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import URLPattern, URLResolver, get_resolver, reverse

#: Not pages: downloads and POST-only actions (they redirect on GET).
NOT_PAGES = {
    "compliance:switch_organization",
    "compliance:assessment_report",
    "compliance:assessment_finalize",
    "compliance:assessment_revise",
    "legal:version_pdf",
    "legal:compare_pick",
    "legal:official_text_download",
}

#: Extra addresses: a page's other states (query strings) and an error page.
EXTRA = [
    ("legal:search?q", "/search/?" + urlencode({"q": "дипфейк"})),
    ("legal:search?q=article", "/search/?" + urlencode({"q": "ст. 17 Закона об ИИ"})),
    ("legal:cite?q", "/cite/?" + urlencode({"q": "ст. 999 Закона об ИИ"})),
    ("404", "/no-such-page/"),
]

OWNER_PASSWORD = "x"  # tests.compliance.report_fixtures.make_report_case


def named_patterns(resolver=None, namespace=""):
    """(qualified name, pattern) for every named URL of the URLconf, in order."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def make_workspace():
    """The report tests' workspace: an owner, an AI system, a final and a draft assessment,
    and a case record of the organisation."""
    from compliance.models import CaseRecord
    from tests.compliance.report_fixtures import make_report_case

    case = make_report_case()
    record = CaseRecord.objects.filter(organization=None).order_by("pk").first()
    if record is not None:  # the organisation's own copy of a public record (editable)
        record.pk = record.id = None
        record.slug = CaseRecord.new_private_slug(case.organization)
        record.organization = case.organization
        record.origin = "editor"
        record.save()
    return case, record


def samples(workspace) -> dict[str, dict]:
    """Arguments for the pages whose address takes some."""
    from legal.models import (
        ActVersion,
        Obligation,
        ObligationProvision,
        PracticeProvision,
        ProhibitedPractice,
        Provision,
    )

    case, record = workspace
    versions = ActVersion.objects.select_related("act")
    version = versions.exclude(status="draft").filter(act__slug="ai-law").first()
    version = version or versions.exclude(status="draft").first()
    draft = versions.filter(status="draft").first()
    earlier = versions.filter(act=version.act).exclude(pk=version.pk).first() or version
    provision = (
        Provision.objects.filter(version=version, eid__startswith="art_").order_by("pk").first()
        or Provision.objects.filter(version=version).first()
    )
    practice = ProhibitedPractice.objects.filter(
        pk__in=PracticeProvision.objects.values("practice")
    ).order_by("pk").first() or ProhibitedPractice.objects.first()
    obligation = Obligation.objects.filter(
        pk__in=ObligationProvision.objects.values("obligation")
    ).order_by("pk").first() or Obligation.objects.first()
    section = case.draft.questionnaire.sections.first()
    _official_text_of(provision)
    result = {
        "legal:act": {"slug": version.act.slug},
        "legal:version": {"slug": version.act.slug, "version": version.code},
        "legal:terms": {"slug": version.act.slug, "version": version.code},
        "legal:compare": {"slug": version.act.slug, "old": earlier.code, "new": version.code},
        "legal:bilingual": {"slug": version.act.slug, "version": version.code},
        "legal:provision": {"slug": version.act.slug, "version": version.code, "eid": provision.eid},
        "legal:official_text": {"slug": version.act.slug, "version": version.code},
        "legal:practice": {"slug": practice.slug},
        "legal:obligation": {"slug": obligation.slug},
        "compliance:ai_system": {"pk": case.system.pk},
        "compliance:ai_system_edit": {"pk": case.system.pk},
        "compliance:ai_system_delete": {"pk": case.system.pk},
        "compliance:system_assessments": {"system_pk": case.system.pk},
        "compliance:assessment_start": {"system_pk": case.system.pk},
        "compliance:assessment": {"pk": case.final.pk},
        "compliance:assessment_section": {"pk": case.draft.pk, "code": section.code},
        "compliance:assessment_review": {"pk": case.draft.pk},
        "compliance:assessment_results": {"pk": case.final.pk},
        "compliance:assessment_history": {"pk": case.final.pk},
    }
    if record is not None:
        for name in ("compliance:case", "compliance:case_edit", "compliance:case_delete"):
            result[name] = {"slug": record.slug}
    extra = {}
    if draft is not None:
        extra["legal:version(draft)"] = reverse("legal:version", args=[draft.act.slug, draft.code])
    return result, extra


def _official_text_of(provision) -> None:
    """Invented official wording for the sample provision (the knowledge base ships none),
    so that the whole-text page and the provision page's official wording are pages too."""
    from legal.models import OfficialDocument
    from tests.legal.official_factories import (
        make_amendment,
        make_document,
        make_editorial_note,
        make_official,
    )

    if OfficialDocument.objects.filter(version=provision.version, language="ru").exists():
        return
    make_document(provision.version, "ru", text="Тестовый текст.", signature="Президент")
    make_official(provision, "ru", heading="Тестовый заголовок", text="Тестовый текст.")
    make_amendment(provision.version, provision)
    make_editorial_note(provision.version, provision)


def site_map(workspace) -> list[tuple[str, str]]:
    """(name, address) of every page; fails for a page with arguments but no sample."""
    kwargs, extra = samples(workspace)
    pages, missing = [], []
    for name, pattern in named_patterns():
        app = name.split(":")[0] if ":" in name else ""
        if name != "login" and app not in {"legal", "compliance"}:
            continue
        if name in NOT_PAGES:
            continue
        if pattern.pattern.regex.groupindex:
            if name not in kwargs:
                missing.append(name)
                continue
            pages.append((name, reverse(name, kwargs=kwargs[name])))
        else:
            pages.append((name, reverse(name)))
    assert not missing, f"pages without a sample in tests/site_map.py: {missing}"
    pages += list(extra.items()) + EXTRA
    return pages
