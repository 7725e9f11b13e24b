# ruff: noqa: F811 (the `case` fixture is imported from report_fixtures)
"""What the assessment's PDF report says when drawn from the real data: the main
questionnaire's texts in three languages, the AI law's citations and terms, the fines, and
links from the findings to the appendix. The report's behaviour (storage, access, /verify/,
hostile content) is tested in tests/compliance/test_report.py on a small questionnaire."""

import datetime
import re

import pytest

from compliance.reports import assessment_report
from compliance.services import assessments
from kzai.pdf.engine import write_pdf
from legal.models import Provision
from tests.compliance.report_fixtures import ORGANIZATION, SYSTEM, case  # noqa: F401 (the fixture)
from tests.compliance.report_helpers import (
    download,
    flat,
    json_attachment,
    owner_client,  # noqa: F401 (the fixture)
    reader,
    text_of,
    xmp_of,
)

pytestmark = pytest.mark.django_db


def test_final_report_contents(owner_client, case):
    pdf = download(owner_client, case.final)
    data = assessments.assessment_data(case.final)
    text = flat(text_of(pdf))
    pages = len(reader(pdf).pages)
    assert pages >= 5
    assert f"Стр. 1 из {pages}" in text and f"Стр. {pages} из {pages}" in text

    # Cover and footer.
    assert ORGANIZATION in text and SYSTEM in text  # Kazakh letters extracted intact
    assert f"№ {case.final.pk}, редакция 1" in text
    assert "окончательная" in text and "ЧЕРНОВИК" not in text
    assert f"SHA-256 данных {case.final.content_hash[:16]}" in text
    assert "Соответствие системы ИИ: Закон об ИИ и персональные данные" in text
    # Executive summary: levels, the prohibited practice, the chart.
    assert "Степень риска (ст. 17 п. 1 Закона об ИИ) средний" in text
    assert "Запрещённая возможность: определение эмоций без согласия" in text
    # Every finding, with its citations, as of the version they cite.
    for finding in data["findings"]:
        assert flat(finding["title"]["ru"]) in text
    assert "пп. 6) п. 3 ст. 17 Закона Республики Казахстан от 17 ноября 2025 года № 230-VIII" in text
    assert "Ответственность" in text and "641-1" in text
    # Answers to the visible questions, the appendix with the cited provisions' titles.
    assert "Определяет ли система эмоции человека (по лицу, голосу, тексту, поведению)? Да" in text
    appendix = text.split("Приложение: цитируемые положения")[1]
    cited = Provision.objects.get(version__act__slug="ai-law", version__code="2025-11-17", eid="art_21")
    assert "Закон об ИИ · Статья 21, пункт 2" in appendix
    assert "НЕОФИЦИАЛЬНОЕ ИЗЛОЖЕНИЕ KZAI — НЕ ТЕКСТ АКТА" in appendix
    assert "art_21__para_2" in appendix and cited.version.label_ru.split()[0] in appendix
    assert "Термины" in text
    assert "синтетические результаты деятельности систем искусственного интеллекта" in text
    assert "Оговорка" in text

    # The data, the metadata.
    assert json_attachment(pdf, "assessment.json") == data
    xmp = xmp_of(pdf)
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    meta = reader(pdf).metadata
    assert meta.author == ORGANIZATION
    assert meta.title == f"Оценка соответствия № {case.final.pk} — {SYSTEM}"
    assert reader(pdf).trailer["/Root"]["/Lang"] == "ru"


def test_kazakh_and_english_reports_mark_russian_fallbacks(owner_client, case):
    kk = flat(text_of(download(owner_client, case.final, "kk")))
    assert "ЖИ жүйесінің сәйкестігі: Жасанды интеллект туралы заң және дербес деректер" in kk
    assert "аударма жоқ" in kk  # finding texts written in Russian only
    en = flat(text_of(download(owner_client, case.final, "en")))
    assert "AI system compliance: Law on AI and personal data" in en
    assert "Page 1 of" in en


def test_findings_link_their_references_to_the_appendix(case):
    """«(п. 2 ст. 21)» in a finding's text is a link inside the PDF to that provision in the
    appendix; every link has its target, and the PDF carries them as internal links."""
    document = assessment_report.document(case.final, "ru")
    targets = re.findall(r'href="#(prov-[^"]+)"', document.html)
    assert targets and all(f'id="{target}"' in document.html for target in targets)
    assert "cite-unresolved" not in document.html  # the questionnaire's references all resolve
    pdf = write_pdf(document).pdf
    internal = [
        annotation.get_object()
        for page in reader(pdf).pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/Subtype") == "/Link" and "/Dest" in annotation.get_object()
    ]
    assert len(internal) >= len(set(targets))


def test_a_reference_outside_the_appendix_is_shown_and_an_unresolved_one_marked():
    anchors = {("ai-law", "2025-11-17", "art_21__para_2")}
    text = "См. п. 2 ст. 21. Также ст. 17. Иное — ст. 5 Закона о пчеловодстве."
    html = assessment_report._linked_block(text, "ai-law", datetime.date(2026, 4, 4), anchors)
    assert '<a href="#prov-ai-law-2025-11-17-art_21__para_2" class="cite">п. 2 ст. 21</a>' in html
    assert '<span class="cite">ст. 17</span>' in html  # in the knowledge base, not in this appendix
    assert 'class="cite cite-unresolved"' in html and "Закона о пчеловодстве" in html


def test_kazakh_report_has_no_fallback_in_questionnaire_content(owner_client, case):
    """Questions, answers, findings and their explanations are in Kazakh: the only Russian a
    Kazakh report may show (marked) is knowledge-base text nobody has translated yet."""
    data = assessments.assessment_data(case.final)
    kk = flat(text_of(download(owner_client, case.final, "kk")))
    before_appendix = kk.split("Қосымша: сілтеме жасалған ережелер")[0]
    assert "аударма жоқ" not in before_appendix
    for finding in data["findings"]:
        assert flat(finding["title"]["kk"]) in kk
    assert "Ұйымның рөлі және жүйе" in kk
    assert "Жауаптылық және айыппұлдар" in kk
