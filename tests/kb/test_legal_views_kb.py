# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Law pages drawn from the real knowledge base (fixtures/kb.json): the AI law's articles,
its draft and adopted versions, the consolidated codes, our Kazakh translations."""

import re
from html import unescape

import pytest

from legal.models import Provision
from tests.legal.factories import (  # noqa: F401 (fixtures)
    get,
)
from tests.legal.test_views import _switcher, html, links, text

pytestmark = pytest.mark.django_db


def test_kb_ai_law_art_21_para_2(get):
    response = get("/acts/ai-law/2025-11-17/art_21__para_2/")
    assert response.status_code == 200
    page, body, found = text(response), html(response), links(response)
    summary = re.search(r'<section class="unofficial-summary".*?</section>', body).group(0)
    assert "Неофициальное изложение" in summary
    provision = Provision.objects.get(version__act__slug="ai-law", version__code="2025-11-17",
                                      eid="art_21__para_2")
    assert provision.summary_ru[:40] in unescape(summary)
    for url in provision.sources:
        assert url in found
    assert "/practices/unlabelled-synthetic-content/" in found
    # the practice's liability: КоАП 641-1 part 1 item 1 (owners and holders only), with its conditions
    assert "/acts/admin-code/current/art_641-1__para_1__subpara_1/" in found
    assert "Условия ответственности:" in page
    assert "Действует с 18 января 2026" in page
    assert "п. 2 ст. 21 Закона Республики Казахстан" in page


def test_kb_ai_law_redirects_to_the_adopted_text(get):
    assert get("/acts/ai-law/")["Location"] == "/acts/ai-law/2025-11-17/"
    assert get("/acts/ai-law/", as_of="2026-01-18")["Location"] == "/acts/ai-law/2025-11-17/?as_of=2026-01-18"
    response = get("/acts/ai-law/", as_of="2025-12-01")
    assert response.status_code == 200
    assert "ни одна редакция этого акта не действовала" in text(response)
    assert "проект, не действует" in text(response)


def test_kb_draft_banner(get):
    response = get("/acts/ai-law/draft-2025-01/")
    assert '<div class="status-banner status-draft"' in html(response)
    assert "Проект — не имеет юридической силы" in text(response)
    assert "январь 2025" in text(response)


def test_kb_consolidated_wording_warning(get):
    response = get("/acts/criminal-code/current/", as_of="2020-01-01")
    assert response.status_code == 200
    assert "Формулировки на эту дату могли отличаться" in text(response)


def test_kb_adopted_art_17_lists_its_draft_counterparts(get):
    switcher = _switcher(get("/acts/ai-law/2025-11-17/art_17/"))
    assert 'href="/acts/ai-law/draft-2025-01/unk_risk_classification/"' in switcher


KB_PAGES = [
    "/", "/acts/", "/acts/ai-law/2025-11-17/", "/acts/ai-law/draft-2025-01/",
    "/acts/ai-law/2025-11-17/art_21__para_2/", "/acts/ai-law/2025-11-17/art_17/",
    "/acts/ai-law/draft-2025-01/unk_prohibited_practices/", "/acts/admin-code/current/art_641-1/",
    "/acts/criminal-code/current/", "/practices/", "/practices/unlabelled-synthetic-content/",
    "/practices/real-time-remote-biometric-identification/", "/obligations/",
    "/obligations/ai-system-qualification/",
]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_kb_pages_render_in_every_language(get, lang):
    for url in KB_PAGES:
        response = get(url, lang)
        assert response.status_code == 200, url
        assert f'<html lang="{lang}">' in html(response)


def test_kb_our_kazakh_summary_is_labelled_as_our_translation(get):
    provision = Provision.objects.get(version__act__slug="ai-law", version__code="2025-11-17",
                                      eid="art_21__para_2")
    assert "summary_kk" in provision.our_translations
    body = html(get("/acts/ai-law/2025-11-17/art_21__para_2/", "kk"))
    summary = re.search(r'<section class="unofficial-summary".*?</section>', body).group(0)
    assert "Біздің ресми емес баяндамамыздың аудармасы" in summary
    assert '<div class="our-translation"' in summary
    assert '<div lang="ru" class="fallback"' not in summary
