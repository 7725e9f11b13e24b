# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""How the law pages show the knowledge base's editorial fields honestly, on small data
built with tests/legal/factories.py: unofficial translations of acts, our notes on
headings, our own Kazakh translations, liability notes and conditions, recommendations
(never duties), fines per category of offender."""

import re
from html import unescape

import pytest

from legal.models import FineSchedule, Provision
from tests.legal.factories import (  # noqa: F401 (fixtures)
    cite,
    fixed_today,
    get,
    make_act,
    make_obligation,
    make_practice,
    make_provision,
    make_version,
    sample,
)
from tests.legal.test_views import html, links, text

pytestmark = pytest.mark.django_db


def section(response, css_class: str) -> str:
    """The first element with `css_class` (a <section>, <aside> or <p>) as plain text."""
    body = response.content.decode()
    match = re.search(rf'<(section|aside|p|div) class="{css_class}"[^>]*>(.*?)</\1>', body, re.S)
    assert match, css_class
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", match.group(2)))).strip()


# ------------------------------------------------ official text vs translation


ADILET = "https://adilet.zan.kz/{}/docs/Z2500000230"


def test_the_english_adilet_text_is_an_unofficial_translation(sample, get):
    act = sample.ai_law
    act.official_urls = {"ru": ADILET.format("rus"), "kk": ADILET.format("kaz")}
    act.translation_urls = {"en": ADILET.format("eng")}
    act.save()
    for lang, official, unofficial in (
        ("ru", "Официальный текст", "Неофициальный перевод"),
        ("kk", "Ресми мәтін", "Ресми емес аударма"),
        ("en", "Official text", "Unofficial translation"),
    ):
        response = get("/acts/t-ai-law/2025-11-17/", lang)
        found = links(response)
        assert found[ADILET.format("rus")].startswith(official)
        assert found[ADILET.format("kaz")].startswith(official)
        assert found[ADILET.format("eng")].startswith(unofficial)
        assert not found[ADILET.format("eng")].startswith(official)
    # the provision page offers it beside the official publication, labelled the same way
    response = get("/acts/t-ai-law/2025-11-17/art_21__para_2/", "en")
    found = links(response)
    assert found[ADILET.format("eng")].startswith("Unofficial translation")
    assert found[ADILET.format("rus")] == "Open the official publication of the act"
    assert "not the official text of the act" in text(response)


def test_an_english_url_among_official_ones_is_still_not_called_official(sample, get):
    act = sample.ai_law
    act.official_urls = {"ru": ADILET.format("rus"), "en": ADILET.format("eng")}
    act.save()
    found = links(get("/acts/t-ai-law/2025-11-17/"))
    assert found[ADILET.format("eng")].startswith("Неофициальный перевод")
    # the English page opens the Russian official text, not the translation, as "official"
    found = links(get("/acts/t-ai-law/2025-11-17/art_21__para_2/", "en"))
    assert found[ADILET.format("rus")] == "Open the official publication of the act"


# ---------------------------------------------------------------- headings


def test_a_unit_without_a_title_renders(sample, get):
    untitled = make_provision(
        sample.adopted, "art_99", "article", "99", parent=sample.p["adopted:chp_3"],
        summary_ru="Статья без заголовка в базе.",
    )
    for lang in ("ru", "kk", "en"):
        response = get(f"/acts/t-ai-law/2025-11-17/{untitled.eid}/", lang)
        assert response.status_code == 200
        assert re.search(r"<h1>\s*(Статья 99|99-бап|Article 99)\s*</h1>", html(response))
        assert 'class="title-note"' not in html(response)
    toc = get("/acts/t-ai-law/2025-11-17/")
    assert links(toc)["/acts/t-ai-law/2025-11-17/art_99/"] == "Статья 99"


def test_an_official_kazakh_heading_with_our_note_on_a_russian_page(sample, get):
    make_provision(
        sample.adopted, "art_9", "article", "9", parent=sample.p["adopted:chp_3"],
        title_kk="Онлайн-платформалардың құқықтық режимі",
        title_note_ru=(
            "Официальный русский заголовок не видели. "
            "Наш перевод казахского: «Правовой режим онлайн-платформ»."
        ),
        title_note_en=(
            "Only the Kazakh heading was seen. Our English rendering: 'Legal regime of online platforms'."
        ),
    )
    page = html(get("/acts/t-ai-law/2025-11-17/art_9/"))
    heading = re.search(r"<h1>(.*?)</h1>", page).group(1)
    # the official heading, in Kazakh and marked as such, never replaced by our rendering
    assert '<span lang="kk" class="fallback"' in heading
    assert "Онлайн-платформалардың құқықтық режимі" in heading
    assert "Правовой режим онлайн-платформ" not in heading
    response = get("/acts/t-ai-law/2025-11-17/art_9/")
    note = section(response, "title-note")
    assert note.startswith("Примечание kzai к заголовку (это не официальный заголовок):")
    assert "Наш перевод казахского: «Правовой режим онлайн-платформ»." in note
    english = get("/acts/t-ai-law/2025-11-17/art_9/", "en")
    assert "Our English rendering: 'Legal regime of online platforms'." in section(english, "title-note")
    # on the Kazakh page the heading is simply the official one
    kazakh = html(get("/acts/t-ai-law/2025-11-17/art_9/", "kk"))
    assert '<span lang="kk" class="fallback"' not in re.search(r"<h1>(.*?)</h1>", kazakh).group(1)


# ------------------------------------------------------------ our translations


def test_our_kazakh_translation_is_labelled_in_kazakh(sample, get):
    provision = sample.p["adopted:art_21__para_2"]
    provision.summary_kk = "Синтетикалық нәтижелер машинамен оқылатын нысанда таңбаланады."
    provision.our_translations = ["summary_kk"]
    provision.save()
    article = sample.p["adopted:art_21"]
    article.title_kk = "ЖИ жүйелерінің ашықтығы"
    article.our_translations = ["title_kk"]
    article.save()

    body = html(get("/acts/t-ai-law/2025-11-17/art_21__para_2/", "kk"))
    summary = re.search(r'<section class="unofficial-summary".*?</section>', body).group(0)
    assert '<p class="our-translation-note">Біздің ресми емес баяндамамыздың аудармасы</p>' in summary
    assert "машинамен оқылатын нысанда таңбаланады" in summary
    # the enclosing article's title: "our translation"
    context = re.search(r'<p class="context">.*?</p>', body, re.S).group(0)
    assert "ЖИ жүйелерінің ашықтығы" in context
    assert '<span class="our-translation-note"> (біздің аудармамыз)</span>' in context
    # in the table of contents too
    toc = html(get("/acts/t-ai-law/2025-11-17/", "kk"))
    assert re.search(
        r'ЖИ жүйелерінің ашықтығы</span><span class="our-translation-note"> \(біздің аудармамыз\)', toc
    )
    # the Russian page shows the Russian text with no such label
    russian = html(get("/acts/t-ai-law/2025-11-17/art_21__para_2/", "ru"))
    assert "our-translation" not in russian


def test_our_kazakh_translation_of_a_practice_and_its_reference_note(sample, get):
    practice = sample.practice
    practice.name_kk = "Таңбаланбаған синтетикалық контент"
    practice.description_kk = "Синтетикалық нәтижелерді таңбасыз тарату."
    practice.our_translations = ["name_kk", "description_kk"]
    practice.save()
    reference = practice.references.get(role="liability")
    reference.note_kk = "Тек меншік иелері мен иеленушілер."
    reference.our_translations = ["note_kk"]
    reference.save()
    body = html(get("/practices/t-unlabelled-synthetic-content/", "kk"))
    assert re.search(r'<h1><span class="our-translation"[^>]*>Таңбаланбаған синтетикалық контент</span>'
                     r'<span class="our-translation-note"> \(біздің аудармамыз\)</span></h1>', body)
    assert "Біздің ресми емес баяндамамыздың аудармасы" in body
    note = re.search(r'<div class="link-note link-note--conditions">.*?</div>\s*</li>', body, re.S).group(0)
    assert "Жауаптылық шарттары:" in note
    assert "Тек меншік иелері мен иеленушілер." in note and "our-translation-note" in note


# ------------------------------------------------------- liability, advice


def test_a_practice_shows_its_liability_note_and_the_conditions_of_each_link(sample, get):
    practice = sample.practice
    practice.liability_note_ru = "Иной специальной санкции нет."
    practice.save()
    liability = section(get("/practices/t-unlabelled-synthetic-content/"), "liability")
    assert liability.startswith("Ответственность")
    assert "Условия ответственности: Штрафы за отсутствие маркировки." in liability
    assert "Иной специальной санкции нет." in liability


def test_a_practice_without_a_specific_sanction_says_so(sample, get):
    make_practice(
        "t-social-scoring", name_ru="Социальный скоринг",
        liability_note_ru="Специальной санкции нет: ст. 30 — лишь общая отсылка.",
    )
    response = get("/practices/t-social-scoring/")
    liability = section(response, "liability")
    assert "Специальной санкции нет: ст. 30 — лишь общая отсылка." in liability
    assert "/acts/t-admin-code/current/art_641-1/" not in links(response)
    # a liability note equal to a link's note is not printed twice
    practice = sample.practice
    reference = practice.references.get(role="liability")
    practice.liability_note_ru = reference.note_ru
    practice.save()
    liability = section(get("/practices/t-unlabelled-synthetic-content/"), "liability")
    assert liability.count(reference.note_ru) == 1


def test_a_recommendation_is_shown_apart_from_the_duty(sample, get):
    obligation = sample.obligation
    obligation.recommendation_ru = "Назначить ответственного за маркировку."
    obligation.recommendation_kk = "Таңбалауға жауапты адамды тағайындау."
    obligation.our_translations = ["recommendation_kk"]
    obligation.save()
    response = get("/obligations/t-machine-readable-marking/")
    body = html(response)
    duty = re.search(r"<h1[^>]*>(.*?)</h1>", body).group(1)
    assert "Маркировать синтетические результаты" in duty
    assert "Назначить ответственного" not in duty
    advice = section(response, "recommendation")
    assert advice.startswith("Рекомендация (не правовая обязанность)")
    assert "Закон этого не требует" in advice
    assert "Назначить ответственного за маркировку." in advice
    assert "Маркировать синтетические результаты" not in advice
    # not under the legal basis or the liability either
    for css in ("liability",):
        assert "Назначить ответственного" not in section(response, css)
    kazakh = get("/obligations/t-machine-readable-marking/", "kk")
    advice = section(kazakh, "recommendation")
    assert advice.startswith("Ұсыныс (құқықтық міндет емес)")
    assert "Біздің ресми емес баяндамамыздың аудармасы" in advice
    # without one, no box
    assert 'class="recommendation"' not in html(get("/obligations/t-high-risk-security/"))


# -------------------------------------------------------------------- fines


def _fined_article(sample):
    article = sample.p["admin:art_641-1"]
    parts = {
        num: make_provision(
            sample.admin_current, f"art_641-1__para_{num}", "para", str(num), parent=article,
            title_ru=title,
        )
        for num, title in ((1, "Два состава"), (2, "Повторное нарушение"))
    }
    item = make_provision(
        sample.admin_current, "art_641-1__para_1__subpara_1", "subpara", "1", parent=parts[1],
        title_ru="Неинформирование пользователей",
    )
    FineSchedule.objects.create(
        provision=parts[1], repeat=parts[2],
        amounts={"individual": 15, "small": 20, "medium": 30, "large": 100, "nonprofit": 20},
        note_ru="Субъекты — только собственники и владельцы.", note_en="Owners and holders only.",
    )
    FineSchedule.objects.create(
        provision=parts[2], amounts={"individual": 30, "small": 50, "medium": 70, "large": 200},
    )
    return article, parts, item


def test_fines_per_category_of_offender_on_the_article_its_parts_and_items(sample, get):
    _fined_article(sample)
    response = get("/acts/t-admin-code/current/art_641-1/")
    fines = section(response, "fines")
    assert fines.startswith("Штрафы по категориям нарушителей")
    for row in (
        "Физическое лицо 15 МРП 30 МРП",
        "Субъект малого предпринимательства 20 МРП 50 МРП",
        "Субъект крупного предпринимательства 100 МРП 200 МРП",
        "Некоммерческая организация 20 МРП —",  # part 2 sets no fine for this category here
    ):
        assert row in fines
    assert "«—»: эта норма не устанавливает штраф для этой категории." in fines
    assert "Часть 1: повторное нарушение — КоАП · Статья 641-1, часть 2. Повторное нарушение" in fines
    assert "Субъекты — только собственники и владельцы." in fines
    assert "/acts/t-admin-code/current/art_641-1__para_2/" in links(response)
    assert "Owners and holders" not in text(response)
    # an item of part 1 shows the fines of the part that includes it
    item = section(get("/acts/t-admin-code/current/art_641-1__para_1__subpara_1/"), "fines")
    assert "Часть 1 (включает это положение)" in item and "Физическое лицо 15 МРП" in item
    assert "Часть 2" not in item and "Физическое лицо 15 МРП Субъект" in item
    # in Kazakh and English, the amounts in АЕК / MCI
    assert "Жеке тұлға 15 АЕК 30 АЕК" in section(get("/acts/t-admin-code/current/art_641-1/", "kk"), "fines")
    english = section(get("/acts/t-admin-code/current/art_641-1/", "en"), "fines")
    assert "Individual 15 MCI 30 MCI" in english and "Owners and holders only." in english
    # a unit with no fines has no table
    assert 'class="fines"' not in html(get("/acts/t-ai-law/2025-11-17/art_21__para_2/"))


def test_liability_reached_from_a_duty_shows_its_conditions(sample, get):
    reference = sample.practice.references.get(role="liability")
    reference.note_ru = "Только собственники и владельцы; только вводящие в заблуждение результаты."
    reference.save()
    response = get("/acts/t-ai-law/2025-11-17/art_21__para_2/")
    body = html(response)
    liability = re.search(r"Ответственность за нарушение</h3>(.*?)</ul>", body, re.S).group(1)
    assert "/acts/t-admin-code/current/art_641-1/" in liability
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", liability))
    assert "Условия ответственности: Только собственники и владельцы; только вводящие" in plain


def test_provision_without_fines_but_with_a_sanction_in_russian(sample, get):
    provision = sample.p["admin:art_641-1"]
    provision.sanction_en = "Fine of 15 to 200 MCI."
    provision.save()
    response = get("/acts/t-admin-code/current/art_641-1/")
    sanction = section(response, "sanction")
    assert "Штраф от 15 до 200 МРП." in sanction
    assert "MCI" not in text(response)
    assert "Fine of 15 to 200 MCI." in section(get("/acts/t-admin-code/current/art_641-1/", "en"), "sanction")
    assert Provision.objects.get(pk=provision.pk).sanction_ru


def test_an_obligation_reference_note_is_the_condition_of_its_liability(sample, get):
    obligation = make_obligation(
        "t-visible-warning", obligation_ru="Предупреждать о синтетических результатах."
    )
    cite(obligation, sample.p["adopted:art_21__para_2"], "basis")
    cite(obligation, sample.p["admin:art_641-1"], "liability",
         note_ru="Только если результаты способны ввести в заблуждение.")
    liability = section(get("/obligations/t-visible-warning/"), "liability")
    assert "Условия ответственности: Только если результаты способны ввести в заблуждение." in liability
