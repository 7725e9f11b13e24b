# ruff: noqa: F811 (the `case` fixture is imported from report_fixtures)
"""The assessment's PDF report, read back with pypdf: contents, languages, determinism,
storage, access, /verify/, and hostile content that must fetch nothing."""

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from compliance.models import AISystem, Assessment, Membership, Questionnaire, ReportRecord
from compliance.questionnaire_loader import load_questionnaires
from compliance.reports import assessment_report, services
from compliance.services import assessments
from kzai.pdf.engine import write_pdf
from legal.models import Provision
from tests.compliance.report_fixtures import (  # noqa: F401 (the fixture)
    ANSWERS,
    ORGANIZATION,
    SYSTEM,
    case,
    make_assessment,
    make_report_case,
)
from tests.pdf_subsetters import font_subsetter  # noqa: F401 (the fixture)

from .report_helpers import (
    CountingServer,
    attachments_of,
    download,
    flat,
    owner_client,  # noqa: F401 (the fixture)
    report_url,
    text_of,
)

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------ contents


def test_draft_report_says_draft_and_is_not_stored(owner_client, case):
    text = flat(text_of(download(owner_client, case.draft)))
    assert "ЧЕРНОВИК" in text and "черновик — не окончательная оценка" in text
    assert not ReportRecord.objects.filter(assessment=case.draft).exists()


# ------------------------------------------------------------ determinism, storage


def test_same_final_assessment_same_bytes(case, font_subsetter):
    first = write_pdf(assessment_report.document(case.final, "ru"))
    second = write_pdf(assessment_report.document(case.final, "ru"))
    assert first.pdf == second.pdf


def test_final_report_is_stored_once_and_served_unchanged(owner_client, case):
    first = download(owner_client, case.final)
    record = ReportRecord.objects.get(assessment=case.final, language="ru")
    assert record.sha256 == hashlib.sha256(first).hexdigest() and record.size == len(first)
    assert record.generated_at == case.final.finalized_at
    # The knowledge base changes later; the filed report does not.
    Provision.objects.filter(eid="art_21__para_2").update(summary_ru="Изменённое изложение.")
    assert download(owner_client, case.final) == first
    assert ReportRecord.objects.filter(assessment=case.final).count() == 1


# -------------------------------------------------------------------------- access


def test_only_members_get_the_report(client, case):
    assert client.get(report_url(case.final)).status_code == 302  # to the login page
    client.force_login(case.outsider)
    assert client.get(report_url(case.final)).status_code == 404
    viewer = type(case.owner).objects.create_user("qazaq-viewer", password="x")
    Membership.objects.create(organization=case.organization, user=viewer, role="viewer")
    client.force_login(viewer)
    assert client.get(report_url(case.final)).status_code == 200


def test_bad_language_is_a_400(owner_client, case):
    response = owner_client.get(report_url(case.final, "de"))
    assert response.status_code == 400
    assert "Язык отчёта «de» не поддерживается" in response.content.decode()


def test_rendering_too_slow_is_a_503_and_nothing_is_stored(owner_client, case, settings):
    settings.REPORT_RENDER_TIMEOUT = 0.001
    response = owner_client.get(report_url(case.final))
    assert response.status_code == 503
    assert "PDF rendering took longer than 0.001 s" in response.content.decode()
    assert not ReportRecord.objects.exists()


def test_report_context_takes_the_same_queries_whatever_the_findings(case, django_assert_num_queries):
    quiet = AISystem.objects.create(organization=case.organization, name="Тихая", roles=["user"])
    # Fewer findings, but still with obligations and a prohibited practice (their liability
    # is read from the data).
    hidden = {"imitates_reality", "real_people", "likeness_consent", "distributed",
              "machine_readable_mark", "visible_warning", "output_safeguards"}
    calm = {code: value for code, value in ANSWERS.items() if code not in hidden}
    calm.update(generates_media=False, failure_impact="negligible")
    few = make_assessment(quiet, case.owner, calm)
    assert 0 < len(few.snapshot["findings"]) < len(case.final.snapshot["findings"])
    assessment_report.context(case.final, "ru")  # fills the process-wide cache of defined terms
    for pk in (few.pk, case.final.pk):
        assessment = Assessment.objects.get(pk=pk)
        with django_assert_num_queries(14):
            assessment_report.context(assessment, "ru")


# -------------------------------------------------------------------------- verify


def test_verify_accepts_the_original_and_rejects_a_one_byte_change(owner_client, case):
    pdf = download(owner_client, case.final)
    client = Client()  # anonymous: not a member
    changed = bytearray(pdf)
    changed[len(changed) // 2] ^= 0x01

    page = client.post("/verify/", {"file": SimpleUploadedFile("r.pdf", pdf, "application/pdf")})
    body = page.content.decode()
    assert page.status_code == 200 and "Подлинный отчёт kzai, файл не изменён" in body
    assert f"№ {case.final.pk}, редакция 1" in body
    assert "Қазақ Әзірлеме" not in body and SYSTEM not in body  # not a member: no names

    page = client.post("/verify/", {"file": SimpleUploadedFile("r.pdf", bytes(changed), "application/pdf")})
    assert "Такого отчёта kzai не выдавал" in page.content.decode()

    member = owner_client.post("/verify/", {"sha256": hashlib.sha256(pdf).hexdigest().upper()})
    assert "Подлинный отчёт kzai" in member.content.decode()
    assert SYSTEM in member.content.decode()  # a member sees which system

    data_hash = client.post("/verify/", {"sha256": case.final.content_hash})
    assert "Это SHA-256 данных оценки, а не файла" in data_hash.content.decode()


@pytest.mark.parametrize(
    ("form", "message"),
    [({}, "Выберите PDF-файл или введите его SHA-256."), ({"sha256": "abc"}, "64 шестнадцатеричные цифры")],
)
def test_verify_bad_input_is_a_400(client, form, message):
    response = client.post("/verify/", form)
    assert response.status_code == 400 and message in response.content.decode()


def test_verify_service_knows_nothing_of_drafts(case):
    pdf = write_pdf(assessment_report.document(case.draft, "ru")).pdf
    assert services.verify(hashlib.sha256(pdf).hexdigest()).kind is None


# ------------------------------------------------------------------ hostile content


HOSTILE_QUESTIONNAIRE = {
    "format": 1,
    "slug": "t-hostile",
    "version": 1,
    "as_of": "2026-04-04",
    "status": "published",
    "title": {"ru": "Проверка"},
    "sections": [
        {
            "code": "notes",
            "title": {"ru": "Заметки"},
            "questions": [
                {"code": "notes", "kind": "text", "text": {"ru": "Комментарий"}, "required": False}
            ],
        }
    ],
    "rules": [],
}


def test_hostile_content_in_names_descriptions_and_answers_fetches_nothing(db):
    with CountingServer() as server:
        hostile = server.hostile()
        hostile_case = make_report_case(
            name=f"ТОО {hostile}"[:200],
            system_name=f"Система {hostile}"[:200],
            description=hostile,
            purpose=hostile,
        )
        load_questionnaires([(Path("t-hostile.json"), HOSTILE_QUESTIONNAIRE)])
        questionnaire = Questionnaire.objects.current("t-hostile")
        assessment = assessments.start_assessment(hostile_case.system, questionnaire, by=hostile_case.owner)
        assessments.save_answers(assessment, {"notes": hostile}, by=hostile_case.owner)
        assessment = assessments.finalize(assessment, by=hostile_case.owner)
        rendered = services.report_pdf(assessment, "ru")
        final = services.report_pdf(hostile_case.final, "ru")
    assert server.requests == []
    for pdf in (rendered.pdf, final.pdf):
        assert set(attachments_of(pdf)) == {"assessment.json"}
        text = text_of(pdf)
        assert "root:x:0:0" not in text
        assert "file:///etc/passwd" in flat(text).replace(" ", "")  # shown as text, not followed


def test_reports_go_with_their_organisation(owner_client, case):
    download(owner_client, case.final)
    case.organization.delete()
    assert not ReportRecord.objects.exists()


