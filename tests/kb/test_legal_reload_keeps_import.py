"""Reloading the knowledge base (every `make run` does) keeps what an import of the official
text set: the document order of the version, headings the knowledge base leaves empty,
defined terms in the official wording, and the end of an edition a newer imported edition
replaced. The text is invented test data in Adilet's layout under the AI Law's header."""

import datetime

import pytest
from django.core.management import call_command

from legal.importing import ImportOptions, import_official_text
from legal.models import Act, ActVersion, OfficialText, Provision, Term
from legal.official import read_official_text

pytestmark = pytest.mark.django_db
SOURCE = "https://adilet.zan.kz/rus/docs/Z2500000230"
TEXT = """Об искусственном интеллекте

Закон Республики Казахстан от 17 ноября 2025 года № 230-VIII ЗРК.

Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Тестовые понятия

В настоящем Законе используются следующие основные понятия:
1) тестовый термин – тестовое определение;
2) второй термин – тестовое определение;
3) третий термин – тестовое определение;
4) четвертый термин – тестовое определение.

Статья 1-1. Тестовая статья, которой нет в базе знаний

Тестовый текст.

Президент
Республики Казахстан К. ТЕСТ
"""


def _order(version):
    return list(version.provisions.order_by("order").values_list("eid", flat=True))


def test_reloading_the_knowledge_base_keeps_the_import():
    act = Act.objects.get(slug="ai-law")
    adopted = act.versions.get(code="2025-11-17")
    import_official_text(act, read_official_text(TEXT.encode(), "ai.txt"), ImportOptions(source_url=SOURCE))
    changed = TEXT.replace("Тестовый текст.", "Другой тестовый текст.")
    options = ImportOptions(source_url=SOURCE, in_force_from=datetime.date(2026, 6, 1))
    result = import_official_text(act, read_official_text(changed.encode(), "ai.txt"), options)
    edition = act.versions.get(code=result.version_code)
    before = _order(adopted), _order(edition)
    texts = OfficialText.objects.count()

    call_command("load_kb", verbosity=0)

    assert (_order(adopted), _order(edition)) == before
    term = Term.objects.get(provision__version=adopted, provision__eid="art_1__def_1")
    assert term.term_ru == "тестовый термин"
    added = Provision.objects.get(version=adopted, eid="art_1-1")
    assert added.title_ru == "Тестовая статья, которой нет в базе знаний"
    assert ActVersion.objects.get(pk=adopted.pk).in_force_until == datetime.date(2026, 6, 1)
    assert OfficialText.objects.count() == texts
