# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""The real knowledge base (fixtures/kb.json) on the law pages: liability links name only
articles that punish the conduct, with their conditions; КоАП 641-1 reads in Russian with
its offences, subjects and fines; every Russian page shows Russian wherever the data has it.
"""

import re
from html import unescape

import pytest
from django.apps import apps
from django.core.management import call_command

from legal.models import (
    ActVersion,
    FineSchedule,
    Obligation,
    ProhibitedPractice,
    Provision,
)
from tests.legal.factories import fixed_today, get  # noqa: F401 (fixtures)
from tests.legal.test_views import html, links, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb(db):
    """The knowledge base from fixtures/kb.json (tests/kb/conftest.py loads it for the session)."""
    if not ActVersion.objects.filter(act__slug="ai-law", code="2025-11-17").exists():
        call_command("load_kb", verbosity=0)


def liability_links(response) -> list[str]:
    """The provisions listed as liability (the list of the «Ответственность» section; not
    the citations a note may link)."""
    body = response.content.decode()
    match = re.search(r'<section class="liability".*?</section>', body, re.S)
    if match is None:
        return []
    items = re.findall(r'<li>\s*<a href="(/acts/[^"]+)"', match.group(0))
    return items


def liability_text(response) -> str:
    body = response.content.decode()
    match = re.search(r'<section class="liability".*?</section>', body, re.S)
    assert match, "no liability section"
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", match.group(0)))).strip()


# ---------------------------------------------------------- liability links


def test_manipulative_techniques_list_no_administrative_code_641_1_and_say_why(kb, get):
    practice = ProhibitedPractice.objects.get(slug="manipulative-subliminal-techniques")
    assert practice.liability_note_ru
    response = get("/practices/manipulative-subliminal-techniques/")
    assert response.status_code == 200
    found = liability_links(response)
    assert found == ["/acts/ai-law/2025-11-17/art_30/"]  # only the general referral
    section = liability_text(response)
    assert practice.liability_note_ru.split(":")[0] in section  # the note itself, in Russian
    assert re.sub(r"\s+", " ", practice.liability_note_ru)[:60] in section


def test_disclose_ai_use_lists_no_administrative_code_641_1(kb, get):
    obligation = Obligation.objects.get(slug="disclose-ai-use-in-goods-and-services")
    assert not obligation.references.filter(role="liability", provision__eid__startswith="art_641-1").exists()
    response = get("/obligations/disclose-ai-use-in-goods-and-services/")
    assert not [url for url in liability_links(response) if "art_641-1" in url]
    assert obligation.liability_note_ru[:50] in liability_text(response)


@pytest.mark.parametrize(
    "model, prefix", [(ProhibitedPractice, "/practices/"), (Obligation, "/obligations/")]
)
def test_each_liability_link_shows_its_conditions(kb, get, model, prefix):
    for record in model.objects.prefetch_related("references__provision"):
        liability = [ref for ref in record.references.all() if ref.role == "liability"]
        if not liability:
            continue
        section = liability_text(get(f"{prefix}{record.slug}/"))
        for ref in liability:
            assert ref.provision.get_absolute_url() in liability_links(get(f"{prefix}{record.slug}/"))
            if ref.note_ru and ref.note_ru != record.liability_note_ru:
                assert f"Условия ответственности: {ref.note_ru.split()[0]}" in section, (record.slug, ref)


# -------------------------------------------------------------- КоАП 641-1


def test_administrative_code_641_1_in_russian(kb, get):
    response = get("/acts/admin-code/current/art_641-1/")
    assert response.status_code == 200
    page = text(response)
    # both offences of part 1 and the repeat in part 2, each a part of the article
    part_1 = Provision.objects.get(version__act__slug="admin-code", eid="art_641-1__para_1")
    part_2 = Provision.objects.get(version__act__slug="admin-code", eid="art_641-1__para_2")
    for item in ("art_641-1__para_1__subpara_1", "art_641-1__para_1__subpara_2"):
        unit = Provision.objects.get(version__act__slug="admin-code", eid=item)
        assert unit.title_ru in text(get(unit.get_absolute_url()))
    assert part_1.title_ru in page and part_2.title_ru in page
    # the subjects: owners and holders only
    assert "собственник системы ИИ" in page and "владелец системы ИИ" in page
    assert "пользователь" not in re.search(r"На кого возложено(.*?)Состав", page).group(1)
    # the fines per category, both parts, and the repeat
    fines = re.search(r'<section class="fines".*?</section>', response.content.decode(), re.S).group(0)
    fines = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", fines)))
    assert "Физическое лицо 15 МРП 30 МРП" in fines
    assert "Субъект крупного предпринимательства 100 МРП 200 МРП" in fines
    assert "повторное нарушение" in fines
    assert FineSchedule.objects.get(provision=part_1).repeat == part_2
    # no English anywhere in the data shown here
    english = english_texts()
    assert not english_on(page, english)
    assert "MCI" not in page and 'lang="en" class="fallback"' not in html(response)


@pytest.mark.parametrize(
    "slug, eid",
    [
        ("criminal-code", "art_147"),
        ("criminal-code", "art_190"),
        ("admin-code", "art_73-3"),
        ("admin-code", "art_79"),
        ("admin-code", "art_641-1"),
    ],
)
def test_sanctions_read_in_russian(kb, get, slug, eid):
    provision = Provision.objects.get(version__act__slug=slug, version__code="current", eid=eid)
    assert provision.sanction_ru, "the knowledge base has the sanction in Russian"
    body = response_body = get(provision.get_absolute_url()).content.decode()
    sanction = re.search(r'<section class="sanction".*?</section>', body, re.S).group(0)
    assert 'class="fallback"' not in sanction
    plain = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", sanction)))
    assert re.sub(r"\s+", " ", provision.sanction_ru)[:40] in plain
    assert "MCI" not in response_body


# ---------------------------------------------- translations, headings, links


def test_our_kazakh_translation_is_labelled_on_kazakh_pages(kb, get):
    practice = next(p for p in ProhibitedPractice.objects.order_by("pk") if "name_kk" in p.our_translations)
    body = html(get(practice.get_absolute_url(), "kk"))
    heading = re.search(r"<h1>(.*?)</h1>", body).group(1)
    assert practice.name_kk in unescape(heading)
    assert "(біздің аудармамыз)" in heading
    assert "Біздің ресми емес баяндамамыздың аудармасы" in body  # its description


def test_the_english_adilet_text_is_never_called_official(kb, get):
    response = get("/acts/ai-law/2025-11-17/")
    found = links(response)
    english = [url for url in found if "/eng/docs/" in url]
    assert english, "the AI law has its English text on Adilet"
    for url in english:
        assert found[url].startswith("Неофициальный перевод")
    for url in (u for u in found if "/rus/docs/" in u or "/kaz/docs/" in u):
        if found[url].startswith("Официальный текст"):
            assert "/eng/" not in url


def test_units_without_a_russian_or_any_title_render(kb, get):
    for unit in Provision.objects.filter(title_ru="").select_related("version__act"):
        for lang in ("ru", "kk", "en"):
            assert get(unit.get_absolute_url(), lang).status_code == 200, unit
    # the online platforms law's articles 9-13: the official Kazakh heading and our note
    article = Provision.objects.get(version__act__slug="online-platforms-law", eid="art_9")
    assert article.title_kk and not article.title_ru and article.title_note_ru
    body = html(get(article.get_absolute_url()))
    heading = re.search(r"<h1>(.*?)</h1>", body).group(1)
    assert '<span lang="kk" class="fallback"' in heading and article.title_kk in unescape(heading)
    note = "Примечание kzai к заголовку (это не официальный заголовок):"
    assert note in text(get(article.get_absolute_url()))


# ------------------------------------------------------ Russian completeness


LATIN_WORD = re.compile(r"[a-z]{3,}")


def _words(value: str) -> list[str]:
    """Words, a hyphenated identifier (a slug a note may name) as one."""
    return re.findall(r"\w+(?:-\w+)*", value.casefold())


def english_texts() -> list[tuple[str, ...]]:
    """The opening words of every English text in the knowledge base that has a different
    Russian text (each line on its own: examples, evidence), as word tuples."""
    found = set()
    for model in apps.get_app_config("legal").get_models():
        if model.__name__.startswith("Historical"):
            continue
        names = [f.name[:-3] for f in model._meta.fields if f.name.endswith("_en")]
        names = [n for n in names if hasattr(model, f"{n}_ru")]
        if not names:
            continue
        for row in model.objects.values(*[f"{n}_{lang}" for n in names for lang in ("ru", "en")]):
            for name in names:
                en, ru = row[f"{name}_en"].strip(), row[f"{name}_ru"].strip()
                if not en or not ru or en == ru:
                    continue
                for line in en.splitlines():
                    words = _words(line)
                    opening = tuple(words[:5])
                    # two words at least, one of them an English word (not a number or an id)
                    if len(opening) >= 2 and any(LATIN_WORD.fullmatch(w) for w in opening):
                        found.add(opening)
    return sorted(found)


def english_on(page: str, english: list[tuple[str, ...]]) -> list[str]:
    """The English texts whose opening words appear in the page's text (URLs left out:
    a source's address is not text of ours)."""
    words = _words(re.sub(r"https?://\S+", " ", page))
    grams = {n: {tuple(words[i : i + n]) for i in range(len(words) - n + 1)} for n in range(2, 6)}
    return [" ".join(opening) for opening in english if opening in grams[len(opening)]]


def test_russian_pages_show_no_english_where_russian_exists(kb, get):
    """Every practice, obligation and provision page of the knowledge base, in Russian: no
    text of the data appears in English where the record has it in Russian, and (the data
    has Russian for every displayed text) nothing falls back to English."""
    english = english_texts()
    assert len(english) > 100  # the knowledge base has English texts to compare with
    urls = [p.get_absolute_url() for p in ProhibitedPractice.objects.all()]
    urls += [o.get_absolute_url() for o in Obligation.objects.all()]
    urls += [
        p.get_absolute_url()
        for p in Provision.objects.filter(origin="kb").select_related("version__act").order_by("pk")
    ]
    assert len(urls) > 300
    problems = {}
    for url in urls:
        response = get(url, "ru")
        assert response.status_code == 200, url
        found = english_on(text(response), english)
        if 'lang="en" class="fallback"' in response.content.decode():
            found.append("(a text falls back to English)")
        if found:
            problems[url] = found
    assert not problems
