"""Reading citations: legal.citations.extract_citations against the knowledge base."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legal.citations import Citation, extract_citations, invalidate_citation_cache
from legal.models import Act, Provision

pytestmark = pytest.mark.django_db

# The AI law is in force from 2026-01-18: a fixed day keeps the expected versions stable.
AS_OF = datetime.date(2026, 6, 1)

AI = "ai-law"
UK = "criminal-code"
KOAP = "admin-code"
GK = "civil-code"
GK_SPECIAL = "civil-code-special"
PD = "personal-data-law"

IN_AI_17_3 = {"act": AI, "provision_eid": "art_17__para_3"}
IN_AI = {"act": AI}
IN_UK = {"act": UK}
IN_UK_147_1 = {"act": UK, "provision_eid": "art_147__para_1"}


def ok(act, eid):
    """Resolved, and the provision is in the knowledge base."""
    return (act, eid, True, True, "")


def nkb(act, eid):
    """Resolved (a known act, understood numbers), but the provision is not in the knowledge base."""
    return (act, eid, False, True, "not_in_kb")


def bad(code):
    """Unresolved, for the reason `code`."""
    return (None, None, False, False, code)


CASES = [
    # --- Russian: units in any case, act names in any case, abbreviations ----------------
    ("статья 21 Закона об ИИ", {}, [ok(AI, "art_21")]),
    ("статьёй 21 Закона об ИИ", {}, [ok(AI, "art_21")]),
    ("статье 21 Закона об ИИ", {}, [ok(AI, "art_21")]),
    ("статью 21 Закона об ИИ", {}, [ok(AI, "art_21")]),
    ("ст. 21", IN_AI, [ok(AI, "art_21")]),
    ("ст.21 Закона об ИИ", {}, [ok(AI, "art_21")]),
    ("СТАТЬЯ 21 ЗАКОНА ОБ ИИ", {}, [ok(AI, "art_21")]),
    ("п. 2 ст. 21 Закона об ИИ", {}, [ok(AI, "art_21__para_2")]),
    ("п. 2 ст. 21", IN_AI, [ok(AI, "art_21__para_2")]),
    ("пп. 3) п. 1 ст. 17 Закона об ИИ", {}, [ok(AI, "art_17__para_1__subpara_3")]),
    ("подпункт 3) пункта 1 статьи 17 Закона об ИИ", {}, [ok(AI, "art_17__para_1__subpara_3")]),
    ("подпунктом 7) пункта 3 статьи 17 Законом об ИИ", {}, [ok(AI, "art_17__para_3__subpara_7")]),
    ("ч. 2 ст. 190 УК РК", {}, [ok(UK, "art_190__para_2")]),
    ("п. 1 ст. 7 ЗРК «О персональных данных и их защите»", {}, [ok(PD, "art_7__para_1")]),
    # the article first, then its part and point, as court papers and police reports write it
    ("ст.190 ч.2 УК РК", {}, [ok(UK, "art_190__para_2")]),
    ("по ст. 190 ч. 2 и ст. 274 УК РК", {}, [ok(UK, "art_190__para_2"), ok(UK, "art_274")]),
    ("ст. 17 п. 3 подп. 6 Закона об ИИ", {}, [ok(AI, "art_17__para_3__subpara_6")]),
    ("ст. 190 ч. 2 п. 1 УК РК", {}, [nkb(UK, "art_190__para_2__subpara_1")]),
    # «ч.» after a number is a part when a number and «ст.» follow (else «2 ч.» is two hours)
    ("по п. 2 ч. 1 ст. 641-1 КоАП", {}, [ok(KOAP, "art_641-1__para_1__subpara_2")]),
    ("части второй статьи 190 Уголовного кодекса", {}, [ok(UK, "art_190__para_2")]),
    ("частью третьей статьи 147 УК", {}, [ok(UK, "art_147__para_3")]),
    ("в части пятой статьи 147 Уголовного кодекса Республики Казахстан", {}, [ok(UK, "art_147__para_5")]),
    ("ч. 2 ст. 190 Уголовного кодекса Республики Казахстан от 3 июля 2014 года № 226-V", {},
     [ok(UK, "art_190__para_2")]),
    ("ст. 73-3 КоАП", {}, [ok(KOAP, "art_73-3")]),
    ("ч. 2 ст. 73-3 КоАП РК", {}, [ok(KOAP, "art_73-3__para_2")]),
    ("пп. 1) ч. 1 ст. 641-1 КоАП", {}, [ok(KOAP, "art_641-1__para_1__subpara_1")]),
    ("п. 2) ч. 1 ст. 641-1 Кодекса Республики Казахстан об административных правонарушениях", {},
     [ok(KOAP, "art_641-1__para_1__subpara_2")]),
    ("ст. 232-1 УК РК", {}, [ok(UK, "art_232-1")]),
    # The Civil Code numbers an article's «1.» units as пункты, like a law.
    ("п. 2 ст. 143 ГК РК", {}, [ok(GK, "art_143__para_2")]),
    ("пункта 1 статьи 145 Гражданского кодекса", {}, [ok(GK, "art_145__para_1")]),
    ("статьи 7 Закона Республики Казахстан «О персональных данных и их защите»", {}, [ok(PD, "art_7")]),
    ("статьи 5 Закона Республики Казахстан «О персональных данных и их защите»", {}, [nkb(PD, "art_5")]),
    ("пункт 2 статьи 21 Закона Республики Казахстан от 17 ноября 2025 года № 230-VIII "
     "«Об искусственном интеллекте»", {}, [ok(AI, "art_21__para_2")]),
    ("ст. 19-1 Закона о персональных данных", {}, [ok(PD, "art_19-1")]),
    ("подпункт 15-1) статьи 1 Закона о персональных данных", {}, [ok(PD, "art_1__def_15-1")]),
    ("пп. 5) п. 1 ст. 22 ЗРК о ПД", {}, [ok(PD, "art_22__para_1__subpara_5")]),
    ("ст. 3 Закона № 230-VIII", {}, [ok(AI, "art_3")]),
    ("ст. 5 230-VIII ЗРК", {}, [ok(AI, "art_5")]),
    ("ст. 1 Закона № 231-VIII", {}, [ok("ai-amendments-2025", "art_1")]),
    ("ст. 9-1 Закона РК об авторском праве", {}, [ok("copyright-law", "art_9-1")]),
    ("ст. 11 Закона об онлайн-платформах", {}, [ok("online-platforms-law", "art_11")]),
    ("ст. 951 ГК РК (Особенная часть)", {}, [ok(GK_SPECIAL, "art_951")]),
    ("ч. 3 ст. 951 Гражданского кодекса Республики Казахстан (Особенная часть)", {},
     [ok(GK_SPECIAL, "art_951__para_3")]),
    # a «1)» unit directly in an article: a subparagraph, or a definition of article 1
    ("пп. 4) ст. 1 Закона об ИИ", {}, [ok(AI, "art_1__def_4")]),
    ("подпункт 3) статьи 4 Закона об ИИ", {}, [ok(AI, "art_4__subpara_3")]),
    # We hold the AI law whole: what it lacks does not exist, so it is not linked anywhere.
    ("подпункт 99) статьи 1 Закона об ИИ", {}, [bad("no_such_provision")]),
    ("ст. 99 Закона об ИИ", {}, [bad("no_such_provision")]),
    ("п. 9 ст. 21 Закона об ИИ", {}, [bad("no_such_provision")]),
    # A bare number in the AI law's own text that is no article of it stays unresolved.
    ("ст. 641-1", {"act": AI, "version": "2025-11-17", "provision_eid": "art_21"},
     [bad("no_such_provision")]),
    ("гл. 4 Закона об ИИ", {}, [ok(AI, "chp_4")]),
    ("главы 2 Закона об ИИ", {}, [ok(AI, "chp_2")]),
    # whole acts
    ("Уголовного кодекса", {}, [ok(UK, None)]),
    ("в соответствии с Уголовным кодексом Республики Казахстан", {}, [ok(UK, None)]),
    ("согласно Гражданскому кодексу РК", {}, [ok(GK, None)]),
    ("Закона Республики Казахстан «О персональных данных и их защите»", {}, [ok(PD, None)]),
    ("ГК РК Особенная часть", {}, [ok(GK_SPECIAL, None)]),
    ("нормы Кодекса Республики Казахстан об административных правонарушениях", {}, [ok(KOAP, None)]),
    ("Қазақстан Республикасы Қылмыстық кодексінің талаптары", {}, [ok(UK, None)]),
    ("under the Criminal Code of Kazakhstan", {}, [ok(UK, None)]),
    ("ст. 5 закона об ии", {}, [ok(AI, "art_5")]),
    # lists and ranges expand
    ("ст.ст. 147, 174 УК", {}, [ok(UK, "art_147"), ok(UK, "art_174")]),
    ("статьи 143–145 ГК РК", {}, [ok(GK, "art_143"), ok(GK, "art_144"), ok(GK, "art_145")]),
    ("ст.ст. 143-145 ГК", {}, [ok(GK, "art_143"), ok(GK, "art_144"), ok(GK, "art_145")]),
    ("статьями 17 и 18 Закона об ИИ", {}, [ok(AI, "art_17"), ok(AI, "art_18")]),
    ("статей 19 и 20 Закона об ИИ", {}, [ok(AI, "art_19"), ok(AI, "art_20")]),
    ("в статьях 25–27 Закона об ИИ", {}, [ok(AI, "art_25"), ok(AI, "art_26"), ok(AI, "art_27")]),
    ("ч. 1 и 2 ст. 79 КоАП", {}, [ok(KOAP, "art_79__para_1"), ok(KOAP, "art_79__para_2")]),
    ("частей первой и второй статьи 147 УК РК", {}, [ok(UK, "art_147__para_1"), ok(UK, "art_147__para_2")]),
    ("ст. 147 и ст. 174 УК РК", {}, [ok(UK, "art_147"), ok(UK, "art_174")]),
    ("п. 2 ст. 21 и ст. 22 Закона об ИИ", {}, [ok(AI, "art_21__para_2"), ok(AI, "art_22")]),
    ("пунктов 1 и 2 статей 21 и 22 Закона об ИИ", {},
     [ok(AI, f"art_{a}__para_{p}") for a in (21, 22) for p in (1, 2)]),
    # known act, provision we do not hold
    ("ст. 9999 УК РК", {}, [nkb(UK, "art_9999")]),
    ("ч. 9 ст. 190 УК РК", {}, [nkb(UK, "art_190__para_9")]),
    # relative references
    ("статьи 17 настоящего Закона", IN_AI, [ok(AI, "art_17")]),
    ("пункте 3 статьи 17 настоящего Закона", IN_AI, [ok(AI, "art_17__para_3")]),
    ("подпунктов 2) и 3) части первой настоящего пункта", IN_AI_17_3,
     [ok(AI, "art_17__para_3__subpara_2"), ok(AI, "art_17__para_3__subpara_3")]),
    ("требования настоящей статьи", IN_AI_17_3, [ok(AI, "art_17")]),
    ("пунктом 2 настоящей статьи", IN_AI_17_3, [ok(AI, "art_17__para_2")]),
    ("в настоящем Законе", IN_AI, [ok(AI, None)]),
    ("статьи 147 настоящего Кодекса", IN_UK, [ok(UK, "art_147")]),
    ("части 2 настоящей статьи", IN_UK_147_1, [ok(UK, "art_147__para_2")]),
    ("п. 2", IN_AI_17_3, [ok(AI, "art_17__para_2")]),
    ("пп. 6)", IN_AI_17_3, [ok(AI, "art_17__para_3__subpara_6")]),
    ("статьи 19 настоящей главы", IN_AI_17_3, [ok(AI, "art_19")]),
    ("настоящей главы", IN_AI_17_3, [ok(AI, "chp_4")]),
    # --- Kazakh: the act first, units from the outside in --------------------------------
    ("ҚК 147-бабы", {}, [ok(UK, "art_147")]),
    ("ҚК-нің 147-бабы", {}, [ok(UK, "art_147")]),
    ("ҚР ҚК 190-бабының 2-бөлігі", {}, [ok(UK, "art_190__para_2")]),
    ("147-бап", IN_UK, [ok(UK, "art_147")]),
    ("190-бабының 2-бөлігі", IN_UK, [ok(UK, "art_190__para_2")]),
    ("21-баптың 2-тармағы", IN_AI, [ok(AI, "art_21__para_2")]),
    ("17-баптың 3-тармағының 6) тармақшасы", IN_AI, [ok(AI, "art_17__para_3__subpara_6")]),
    ("Жасанды интеллект туралы Заңның 21-бабы", {}, [ok(AI, "art_21")]),
    ("ЖИ туралы заңның 17-бабының 3-тармағының 6) тармақшасы", {}, [ok(AI, "art_17__para_3__subpara_6")]),
    ("Қазақстан Республикасы Қылмыстық кодексінің 190-бабының 2-бөлігі", {}, [ok(UK, "art_190__para_2")]),
    ("Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII «Жасанды интеллект туралы» "
     "Заңының 21-бабының 2-тармағы", {}, [ok(AI, "art_21__para_2")]),
    ("ҚК 147, 174-баптары", {}, [ok(UK, "art_147"), ok(UK, "art_174")]),
    ("Азаматтық кодекстің 143–145-баптары", {}, [ok(GK, "art_143"), ok(GK, "art_144"), ok(GK, "art_145")]),
    ("ҚК 147-бабы мен 148-бабы", {}, [ok(UK, "art_147"), ok(UK, "art_148")]),
    ("ӘҚБтК 73-3-бабы", {}, [ok(KOAP, "art_73-3")]),
    ("Дербес деректер туралы заңның 7-бабының 1-тармағы", {}, [ok(PD, "art_7__para_1")]),
    ("осы Заңның 21-бабы", IN_AI, [ok(AI, "art_21")]),
    ("осы баптың 2-тармағы", IN_AI_17_3, [ok(AI, "art_17__para_2")]),
    ("ҚК 9999-бабы", {}, [nkb(UK, "art_9999")]),
    # --- English ---------------------------------------------------------------------------
    ("Article 147 of the Criminal Code", {}, [ok(UK, "art_147")]),
    ("Art. 21(2) of the AI Law", {}, [ok(AI, "art_21__para_2")]),
    ("Article 17(3)(6)", IN_AI, [ok(AI, "art_17__para_3__subpara_6")]),
    ("Articles 143 and 145 of the Civil Code", {}, [ok(GK, "art_143"), ok(GK, "art_145")]),
    ("Articles 143–145 of the Civil Code", {}, [ok(GK, "art_143"), ok(GK, "art_144"), ok(GK, "art_145")]),
    ("paragraph 2 of Article 21 of the AI Law", {}, [ok(AI, "art_21__para_2")]),
    ("subparagraph 6 of paragraph 3 of Article 17 of the AI Law", {}, [ok(AI, "art_17__para_3__subpara_6")]),
    ("part 2 of Article 190 of the Criminal Code", {}, [ok(UK, "art_190__para_2")]),
    ("Article 1(4) of the Law on Artificial Intelligence", {}, [ok(AI, "art_1__def_4")]),
    ("Article 4(3) of this Law", IN_AI, [ok(AI, "art_4__subpara_3")]),
    ("Article 641-1(1)(2) of the Administrative Code", {}, [ok(KOAP, "art_641-1__para_1__subpara_2")]),
    ("Chapter 4 of the AI Law", {}, [ok(AI, "chp_4")]),
    # the act first, as English texts often write it; it is not lent to the reference before
    ("Criminal Code art. 147", {}, [ok(UK, "art_147")]),
    ("Personal Data Law art. 7(1)", IN_AI, [ok(PD, "art_7__para_1")]),
    ("Administrative Code art. 641-1(1)(2).", {}, [ok(KOAP, "art_641-1__para_1__subpara_2")]),
    ("Civil Code arts. 143 and 145", {}, [ok(GK, "art_143"), ok(GK, "art_145")]),
    ("art. 17(1) and Criminal Code art. 147", IN_AI, [ok(AI, "art_17__para_1"), ok(UK, "art_147")]),
    ("Article 9999 of the Penal Code of the Republic of Kazakhstan", {}, [nkb(UK, "art_9999")]),
    ("Article 21(2) of the Law of the Republic of Kazakhstan No. 230-VIII of 17 November 2025 "
     "“On Artificial Intelligence”", {}, [ok(AI, "art_21__para_2")]),
    # --- unresolved, with the reason -------------------------------------------------------
    ("ст. 21", {}, [bad("act_not_specified")]),
    ("147-бап", {}, [bad("act_not_specified")]),
    ("Article 17(3)(6)", {}, [bad("act_not_specified")]),
    ("настоящей статьи", {}, [bad("act_not_specified")]),
    ("ст. 5 Закона о пчеловодстве", {}, [bad("unknown_act")]),
    ("статьи 5 Налогового кодекса РК", {}, [bad("unknown_act")]),
    ("ст. 5 Конституции РК", IN_AI, [bad("unknown_act")]),
    ("ст. 21 указанного Закона", IN_AI, [bad("unknown_act")]),
    ("Бал ара шаруашылығы туралы Заңның 5-бабы", {}, [bad("unknown_act")]),
    ("Article 5 of the EU AI Act", {}, [bad("unknown_act")]),
    # another state's code is not ours, whatever its short name
    ("ч. 2 ст. 190 УК РФ", IN_AI, [bad("unknown_act")]),
    ("ст. 147 и ст. 174 УК РФ", {}, [bad("unknown_act"), bad("unknown_act")]),
    ("в соответствии с ГК Российской Федерации", {}, [bad("unknown_act")]),
    ("статья 274 УК Кыргызстана", {}, [bad("unknown_act")]),
    ("Article 147 of the Criminal Code of the Russian Federation", {}, [bad("unknown_act")]),
    ("Ресей Федерациясының Қылмыстық кодексінің 190-бабы", {}, [bad("unknown_act")]),
    ("ст. 21", {"act": "no-such-act"}, [bad("unknown_act")]),
    ("статьи 147 настоящего Кодекса", IN_AI, [bad("context_mismatch")]),
    ("настоящей статьи", IN_AI, [bad("context_missing")]),
    ("п. 2", IN_AI, [bad("context_missing")]),
    ("ст. 73-1–73-3 КоАП", {}, [bad("malformed")]),
    ("статьи 145–143 ГК РК", {}, [bad("malformed")]),
    ("статьи 1–5000 УК", {}, [bad("malformed")]),
    ("п. 2 УК РК", {}, [bad("malformed")]),
    # --- not citations at all --------------------------------------------------------------
    ("", {}, []),
    ("статья", {}, []),
    ("за 2 ч. до заседания", {}, []),
    ("ст.", {}, []),
    ("ст. abc", {}, []),
    ("в 2025 году 21 человек", {}, []),
    ("Закон должен быть понятным.", {}, []),
    ("встреча в 10 ч. 30 мин.", {}, []),
    ("ручки, карандаши и т.п. 5 штук", {}, []),
    ("this article explains the rules", IN_AI, []),
    ("Kazakhstan's economy grew by 5 per cent", {}, []),
]


def _row(c: Citation):
    return (c.act, c.eid, c.in_kb, c.resolved, c.reason.split(":")[0])


@pytest.mark.parametrize("text, context, expected", CASES, ids=[case[0][:60] for case in CASES])
def test_citations(text, context, expected):
    found = extract_citations(text, as_of=AS_OF, **context)
    assert [_row(c) for c in found] == expected
    for c in found:
        assert text[c.start : c.end] == c.text


def test_enough_cases():
    assert len(CASES) >= 80
    assert sum(1 for _, _, expected in CASES if not expected or not all(e[3] for e in expected)) >= 20


# --- spans ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, context, spans",
    [
        ("Согласно ст. 21 Закона об ИИ, владелец обязан", {}, ["ст. 21 Закона об ИИ"]),
        ("ст.ст. 147, 174 УК", {}, ["ст.ст. 147", "174 УК"]),
        ("ст.ст. 147, 174 и 190 УК РК", {}, ["ст.ст. 147", "174", "190 УК РК"]),
        ("подпунктов 2) и 3) части первой настоящего пункта", IN_AI_17_3,
         ["подпунктов 2)", "3) части первой настоящего пункта"]),
        ("статьи 143–145 ГК РК", {}, ["статьи 143–145 ГК РК"] * 3),
        ("ст. 5, 143–145 ГК", {}, ["ст. 5", "143–145 ГК", "143–145 ГК", "143–145 ГК"]),
        ("ҚК 147, 174-баптары", {}, ["ҚК 147", "174-баптары"]),
        ("Articles 143 and 145 of the Civil Code", {}, ["Articles 143", "145 of the Civil Code"]),
        ("статья 147 УК (в редакции 2025 года)", {}, ["статья 147 УК"]),
        ("(п. 1 ст. 145 ГК)", {}, ["п. 1 ст. 145 ГК"]),
        ("(пп. 6))", IN_AI_17_3, ["пп. 6)"]),
        ("(see Article 21(2) of the AI Law)", {}, ["Article 21(2) of the AI Law"]),
        ("по ч. 2 ст. 190 УК РФ.", {}, ["ч. 2 ст. 190 УК РФ"]),
        ("(see Article 21(2))", IN_AI, ["Article 21(2)"]),
        ("ч. 2 ст. 190 Уголовного кодекса Республики Казахстан от 3 июля 2014 года № 226-V.", {},
         ["ч. 2 ст. 190 Уголовного кодекса Республики Казахстан от 3 июля 2014 года № 226-V"]),
        ("по ст. 5 Закона Республики Казахстан «О персональных данных и их защите», а также", {},
         ["ст. 5 Закона Республики Казахстан «О персональных данных и их защите»"]),
        ("статья 5 Закона об ИИ и статья 147 УК РК, а также Закон о персональных данных.", {},
         ["статья 5 Закона об ИИ", "статья 147 УК РК", "Закон о персональных данных"]),
    ],
)
def test_spans(text, context, spans):
    found = extract_citations(text, as_of=AS_OF, **context)
    assert [c.text for c in found] == spans
    assert all(text[c.start : c.end] == c.text for c in found)
    assert [c.start for c in found] == sorted(c.start for c in found)


# --- URLs, versions, reasons ----------------------------------------------------------------


def test_url_is_our_permalink_when_in_kb():
    [c] = extract_citations("п. 2 ст. 21 Закона об ИИ", as_of=AS_OF)
    provision = Provision.objects.get(version__act__slug=AI, version__code=c.version, eid=c.eid)
    assert c.url == provision.get_absolute_url()
    assert c.reason == ""


def test_url_is_the_official_one_when_only_resolved():
    [c] = extract_citations("ст. 9999 УК РК", as_of=AS_OF)
    assert c.url == Act.objects.get(slug=UK).official_urls["ru"]
    assert c.reason.startswith("not_in_kb: ")


def test_official_url_is_never_an_unofficial_translation():
    # The Copyright Law has only Adilet's English text (an unofficial translation): no official URL.
    [c] = extract_citations("ст. 99 Закона об авторском праве", as_of=AS_OF)
    assert c.resolved and not c.in_kb
    assert Act.objects.get(slug="copyright-law").translation_urls["en"]
    assert c.url is None
    [c] = extract_citations("ст. 999 УК РК", as_of=AS_OF)
    assert c.url == Act.objects.get(slug="criminal-code").official_urls["ru"]


def test_no_url_when_unresolved():
    for text in ("ст. 5 Закона о пчеловодстве", "ст. 21", "ст. 73-1–73-3 КоАП"):
        [c] = extract_citations(text)
        assert c.url is None and c.act is None and c.version is None and not c.resolved


def test_whole_act_links_to_the_version():
    [c] = extract_citations("Уголовного кодекса", as_of=AS_OF)
    assert (c.eid, c.version, c.in_kb) == (None, "current", True)
    assert c.url == "/acts/criminal-code/current/"


def test_reason_is_a_code_and_a_text():
    for text, code in [
        ("ст. 9999 УК РК", "not_in_kb"),
        ("ст. 5 Закона о пчеловодстве", "unknown_act"),
        ("ст. 21", "act_not_specified"),
        ("статьи 145–143 ГК РК", "malformed"),
    ]:
        [c] = extract_citations(text, as_of=AS_OF)
        head, _, human = c.reason.partition(": ")
        assert head == code and human


def test_version_in_force_on_the_day():
    [c] = extract_citations("ст. 3 Закона об ИИ", as_of=datetime.date(2026, 2, 1))
    assert c.version == "2025-11-17"


def test_before_the_law_took_effect_the_latest_adopted_version():
    [c] = extract_citations("ст. 3 Закона об ИИ", as_of=datetime.date(2025, 6, 1))
    assert (c.version, c.resolved, c.in_kb) == ("2025-11-17", True, True)


def test_as_of_defaults_to_today():
    [c] = extract_citations("ст. 3 Закона об ИИ")
    assert c.version == "2025-11-17"


def test_context_version_for_the_texts_own_act():
    draft = {"act": AI, "version": "draft-2025-01"}
    [c] = extract_citations("ст. 3 настоящего Закона", **draft)
    assert (c.version, c.eid, c.in_kb) == ("draft-2025-01", "art_3", True)
    [c] = extract_citations("пп. 2) ст. 1 настоящего Закона", **draft)
    assert (c.eid, c.in_kb) == ("art_1__def_2", True)
    [c] = extract_citations("ст. 21 настоящего Закона", **draft)  # not in the reconstructed draft
    assert (c.version, c.in_kb, c.resolved) == ("draft-2025-01", False, True)
    assert c.url == Act.objects.get(slug=AI).official_urls["ru"]
    [c] = extract_citations("ст. 147 УК РК", as_of=AS_OF, **draft)  # another act: by date
    assert c.version == "current"


def test_citations_come_in_text_order():
    text = "См. ст. 147 УК РК; Article 21(2) of the AI Law; ҚК 190-бабы; гл. 4 Закона об ИИ."
    found = extract_citations(text, as_of=AS_OF)
    assert [c.eid for c in found] == ["art_147", "art_21__para_2", "art_190", "chp_4"]


# --- the grammar is data ---------------------------------------------------------------------


@pytest.fixture
def fresh_grammar():
    invalidate_citation_cache()
    yield
    # The test's changes are rolled back, which sends no signal: forget what was cached.
    invalidate_citation_cache()


def test_an_added_alias_is_recognised(fresh_grammar):
    text = "ст. 5 Закона о роботах"
    [before] = extract_citations(text, as_of=AS_OF)
    assert before.reason.startswith("unknown_act")
    act = Act.objects.get(slug=AI)
    act.citation_aliases = [*act.citation_aliases, "Закон о роботах"]
    act.save()  # the signal drops the cached grammar
    [after] = extract_citations(text, as_of=AS_OF)
    assert (after.act, after.eid, after.in_kb) == (AI, "art_5", True)
    # matched on stems: another grammatical case of the new alias
    [dative] = extract_citations("согласно Закону о роботах", as_of=AS_OF)
    assert (dative.act, dative.eid) == (AI, None)


def test_a_removed_alias_is_forgotten(fresh_grammar):
    assert extract_citations("ст. 79 КоАП", as_of=AS_OF)[0].act == KOAP
    act = Act.objects.get(slug=KOAP)
    act.citation_aliases = [a for a in act.citation_aliases if a not in ("КоАП", "КоАП РК")]
    act.short_name_ru = ""
    act.save()
    [c] = extract_citations("ст. 79 КоАП", as_of=AS_OF)
    assert (c.act, c.resolved, c.reason.split(":")[0]) == (None, False, "act_not_specified")


def test_a_new_act_is_recognised_and_a_deleted_one_forgotten(fresh_grammar):
    text = "ст. 5 Закона о пчеловодстве"
    assert extract_citations(text)[0].reason.startswith("unknown_act")
    act = Act.objects.create(
        slug="beekeeping-law",
        kind="law",
        title_ru="О пчеловодстве",
        official_urls={"ru": "https://adilet.zan.kz/rus/docs/Z000000000"},
    )
    [c] = extract_citations(text)
    assert (c.act, c.eid, c.resolved, c.in_kb, c.version) == ("beekeeping-law", "art_5", True, False, None)
    assert c.url == "https://adilet.zan.kz/rus/docs/Z000000000"
    act.delete()
    assert extract_citations(text)[0].reason.startswith("unknown_act")


def test_a_name_two_acts_share_is_ambiguous(fresh_grammar):
    Act.objects.create(slug="another-code", kind="code", title_ru="Иной кодекс", citation_aliases=["УК"])
    [c] = extract_citations("ст. 147 УК", as_of=AS_OF)
    assert (c.resolved, c.act, c.url) == (False, None, None)
    assert c.reason.startswith("ambiguous_act: ") and "another-code" in c.reason
    [c] = extract_citations("ст. 147 Уголовного кодекса", as_of=AS_OF)  # the other names still work
    assert c.act == UK


def test_a_new_provision_is_in_the_kb(fresh_grammar):
    [before] = extract_citations("ст. 999 УК РК", as_of=AS_OF)
    assert not before.in_kb
    article = Provision.objects.get(version__act__slug=UK, version__code="current", eid="art_147")
    Provision.objects.create(version=article.version, eid="art_999", type="article", num="999", order=999)
    [after] = extract_citations("ст. 999 УК РК", as_of=AS_OF)
    assert after.in_kb and after.reason == "" and after.url == "/acts/criminal-code/current/art_999/"


# --- properties -------------------------------------------------------------------------------

LETTERS = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZİß"
)
PUNCTUATION = " \n\t\u00a0.,;:()[]«»\"“”„'’-‐–—−№§/)"
TOKENS = (
    "ст. ст.ст. статья статьи статьей п. пп. ч. части частью второй третьей подпункт пункта "
    "пунктов глава гл. 1 2 3) 6) 21 147 174 190 73-3 641-1 143–145 145–143 73-1–73-3 9999 и , ; ( ) "
    "« » УК РК ГК КоАП Закона об ИИ ЗРК о ПД Уголовного кодекса Республики Казахстан "
    "настоящей статьи настоящего Закона настоящего пункта Кодекса от 17 ноября 2025 года № 230-VIII "
    "ҚК ҚР 147-бабы 21-баптың 2-тармағы 6) тармақшасы 190-бабының 2-бөлігі осы Заңның баптың "
    "Жасанды интеллект туралы Заңның Қазақстан Республикасының Article Articles Art. paragraph "
    "of the Criminal Code Civil AI Law this 17(3)(6) 21(2) and to"
).split()
CONTEXTS = [
    {},
    {"act": AI},
    {"act": AI, "provision_eid": "art_17__para_3"},
    {"act": UK, "provision_eid": "art_147__para_1"},
    {"act": AI, "provision_eid": "chp_1", "version": "draft-2025-01"},
    {"act": "no-such-act", "provision_eid": "x__y_"},
]
texts = st.one_of(
    st.text(alphabet=LETTERS + "0123456789" + PUNCTUATION, max_size=200),
    st.lists(st.sampled_from(TOKENS), max_size=30).map(" ".join),
    st.lists(st.sampled_from(TOKENS), max_size=30).map("".join),
    st.text(max_size=100),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, context=st.sampled_from(CONTEXTS))
def test_never_raises_and_spans_are_exact(text, context):
    for c in extract_citations(text, **context):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.resolved or (c.act is None and c.url is None and c.reason)
        assert (c.reason == "") == (c.resolved and c.in_kb)
        if c.in_kb:
            assert c.url and c.url.startswith("/acts/")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.text(alphabet=LETTERS + PUNCTUATION, max_size=30),
    suffix=st.text(alphabet=LETTERS + PUNCTUATION, max_size=30),
)
def test_a_citation_survives_surrounding_text(prefix, suffix):
    text = f"{prefix} ч. 2 ст. 190 УК РК {suffix}"
    found = [c for c in extract_citations(text, as_of=AS_OF) if c.eid == "art_190__para_2"]
    assert len(found) == 1
    assert found[0].text.startswith("ч. 2 ст. 190 УК")
