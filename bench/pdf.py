"""PDF reports: time of a ~20-page assessment report, and kzai's overhead over WeasyPrint.

    python bench/pdf.py [--repeat 5]

Runs inside Django (kzai.settings, the database of your environment). The knowledge base
and the questionnaires must be loaded (`make run` does it, or `manage.py migrate`,
`load_kb`, `load_questionnaires`). The bench creates an organisation, an AI system and a
finalised assessment with findings of every severity inside a transaction that it rolls
back at the end, so the database is left as it was.

Two measurements, alternated in the same run so that machine load affects both alike:

- kzai: the whole path of a download without the stored copy: read the assessment's data
  and the cited provisions, render the template, fork the worker, render, return the PDF
  (`render_pdf(assessment_report.document(...))`);
- floor: WeasyPrint alone on the same pre-built HTML with the same options, in this
  process (`HTML(string=…).write_pdf(pdf_variant="pdf/a-3b", attachments=…)`).

Targets (issue 6): the report ≤ 2 s for 20 pages, kzai's overhead ≤ 15 % of the floor.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kzai.settings")

import django  # noqa: E402

django.setup()

import weasyprint  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from compliance.models import AISystem, Membership, Organization, Questionnaire  # noqa: E402
from compliance.reports import assessment_report  # noqa: E402
from compliance.services import assessments  # noqa: E402
from kzai.pdf.engine import PDF_VARIANT, render_pdf  # noqa: E402
from kzai.pdf.fetcher import AssetFetcher  # noqa: E402

#: A deepfake video generator that also recognises job applicants' emotions without
#: consent: prohibited, high, medium and info findings, many citations.
ANSWERS = {
    "org_roles": ["developer", "owner"], "deployment_mode": "closed", "restricted_data": False,
    "failure_impact": "harm", "decision_autonomy": "human_decides", "human_control": True,
    "ban_manipulation": False, "ban_vulnerability": False, "ban_social_scoring": False,
    "ban_biometric_categorisation": False, "emotion_recognition": True, "emotion_consent": "none",
    "ban_prohibited_output": False, "ai_disclosed": True, "affects_rights": False,
    "forwards_synthetic": False, "processes_pd": False, "trains_models": False,
    "user_agreement": True, "documentation": True, "capabilities_info": True, "risk_process": True,
    "risk_review_yearly": True, "suspension_procedure": True, "security_measures": True,
    "generates_media": True, "imitates_reality": "yes", "real_people": True, "likeness_consent": True,
    "distributed": True, "machine_readable_mark": False, "visible_warning": False, "output_safeguards": True,
}


class Rollback(Exception):
    pass


def make_assessment():
    user = get_user_model().objects.create_user("bench-pdf-owner")
    organization = Organization.objects.create(slug="bench-pdf", name="ТОО «Бенчмарк Қазақстан»")
    Membership.objects.create(organization=organization, user=user, role="owner")
    system = AISystem.objects.create(
        organization=organization, name="Бейнегенератор", roles=["developer", "owner"],
        description="Рекламные ролики с лицами реальных людей.", produces_synthetic_content=True,
    )
    questionnaire = Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE)
    if questionnaire is None:
        sys.exit("No published questionnaire: run `manage.py load_questionnaires` first.")
    assessment = assessments.start_assessment(system, questionnaire, by=user)
    assessments.save_answers(assessment, ANSWERS, by=user)
    return assessments.finalize(assessment, by=user)


def floor(document):
    fetcher = AssetFetcher()
    attachments = [
        weasyprint.Attachment(string=a.data, name=a.name, relationship=a.relationship, url_fetcher=fetcher)
        for a in document.attachments
    ]
    html = weasyprint.HTML(string=document.html, base_url=None, url_fetcher=fetcher)
    return html.write_pdf(pdf_variant=PDF_VARIANT, attachments=attachments)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            assessment = make_assessment()
            document = assessment_report.document(assessment, "ru")
            pages = len(weasyprint.HTML(string=document.html, url_fetcher=AssetFetcher()).render().pages)
            render_pdf(document)  # warm: fonts read, caches filled
            floor(document)
            kzai_times, floor_times = [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                render_pdf(assessment_report.document(assessment, "ru"))
                kzai_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                floor(document)
                floor_times.append(time.perf_counter() - start)
            raise Rollback
    except Rollback:
        pass
    kzai, base = statistics.median(kzai_times), statistics.median(floor_times)
    overhead = (kzai - base) / base * 100
    print(f"report: {pages} pages, {len(document.html) // 1024} kB of HTML, {args.repeat} runs (medians)")
    print(f"kzai (data + template + worker + render): {kzai:.2f} s  ({kzai / pages * 20:.2f} s per 20 pages)")
    print(f"floor (WeasyPrint alone, same HTML):      {base:.2f} s")
    print(f"kzai's overhead over the floor:           {overhead:+.1f} %")
    ok = kzai / pages * 20 <= 2.0 and overhead <= 15
    print("targets (≤ 2 s per 20 pages, overhead ≤ 15 %):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
