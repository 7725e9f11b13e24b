"""Kazakh references on a catalogue written in memory (no database): the act first, then
the units outermost first; genitive chains, numbers without dashes, abbreviations, Latin
look-alikes, law titles with their number and date, and what is not a reference.
tests/kb/test_legal_citation_kazakh_kb.py checks the real acts' Kazakh names."""

import datetime
from types import SimpleNamespace

import pytest

from legal.citations.catalogue import ActRecord, Catalogue, VersionRecord, act_names
from legal.citations.kazakh import fix_lookalikes
from legal.citations.resolver import extract
from legal.citations.text import normalize, token_key
from legal.versions import in_force_among

TODAY = datetime.date(2026, 6, 1)
AI, UK, KOAP, GK = "ai-law", "criminal-code", "admin-code", "civil-code"


def _version(pk, starts, eids):
    return VersionRecord(pk, "current", "in_force", starts, starts, None, set(eids), {e: "" for e in eids})


def _catalogue() -> Catalogue:
    ai_law = SimpleNamespace(  # an Act's fields, as catalogue_db reads them
        kind="law",
        number="230-VIII",
        citation_aliases=["Закон об ИИ"],
        **{f"{field}_{lang}": "" for field in ("short_name", "citation_name") for lang in ("ru", "kk", "en")},
        title_ru="Об искусственном интеллекте",
        title_kk="Жасанды интеллект туралы",
        title_en="On Artificial Intelligence",
    )
    ai_eids = {"art_17", "art_17__para_3", "art_17__para_3__subpara_2", "art_17__para_3__subpara_3"}
    ai_eids |= {"art_21", "art_21__para_1", "art_21__para_2", "chp_4"}
    uk_eids = {"art_147", "art_174", "art_188", "art_188__para_3", "art_190", "art_190__para_1"}
    uk_eids |= {"art_190__para_2", "art_190__para_2__subpara_1", "art_190__para_2__subpara_3"}
    acts = [
        ActRecord(
            AI, "law", False, True, "230-viii", None, [_version(1, datetime.date(2026, 1, 18), ai_eids)]
        ),
        ActRecord(UK, "code", True, False, "226-v", None, [_version(2, datetime.date(2015, 1, 1), uk_eids)]),
        ActRecord(
            KOAP,
            "code",
            True,
            False,
            "235-v",
            None,
            [_version(3, datetime.date(2015, 1, 1), {"art_73-3__para_2"})],
        ),
        ActRecord(
            GK,
            "code",
            False,
            True,
            "",
            None,
            [_version(4, datetime.date(1995, 1, 1), {"art_143", "art_144", "art_145"})],
        ),
    ]
    names = [
        *((AI, name) for name in act_names(ai_law)),
        *((UK, n) for n in ("Қылмыстық кодекс", "ҚК", "Уголовный кодекс", "УК")),
        *((KOAP, n) for n in ("Әкімшілік құқық бұзушылық туралы кодекс", "ӘҚБтК", "КоАП")),
        *((GK, n) for n in ("Азаматтық кодекс", "АК", "ГК")),
    ]
    return Catalogue(acts, names, in_force=in_force_among)


CATALOGUE = _catalogue()
IN_AI, IN_UK = {"act": AI}, {"act": UK}


def _read(text, **context):
    return [(c.act, c.eid, c.in_kb, c.reason_code) for c in extract(CATALOGUE, text, as_of=TODAY, **context)]


def ok(act, *eids):
    return [(act, eid, True, "") for eid in eids]


def bad(code, times=1):
    return [(None, None, False, code)] * times


CASES = [
    # genitive chains, the act first, units outermost first
    ("Қылмыстық кодексінің 190-бабының 2-бөлігі", {}, ok(UK, "art_190__para_2")),
    ("Қылмыстық кодексінің 190-бабының 2-бөлігінің 3-тармағы", {}, ok(UK, "art_190__para_2__subpara_3")),
    ("Қылмыстық кодексінің 190-бабының 2-бөлігінің 1) тармағы", {}, ok(UK, "art_190__para_2__subpara_1")),
    ("ҚР ҚК-нің 190-бабының 2-бөлігі", {}, ok(UK, "art_190__para_2")),
    (
        "Жасанды интеллект туралы Заңның 17-бабының 3-тармағының 2) тармақшасы",
        {},
        ok(AI, "art_17__para_3__subpara_2"),
    ),
    ("Жасанды интеллект туралы Заңның 21-бабы 2-тармағы", {}, ok(AI, "art_21__para_2")),
    ("Жасанды интеллект туралы Заңның 4-тарауы", {}, ok(AI, "chp_4")),
    # numbers without dashes
    ("188 баптың 3 бөлігі", IN_UK, ok(UK, "art_188__para_3")),
    ("ҚР ҚК 190 бабының 2 бөлігі", {}, ok(UK, "art_190__para_2")),
    # abbreviations after a dashed number
    ("ӘҚБтК 73-3-б. 2-т.", {}, ok(KOAP, "art_73-3__para_2")),
    ("21-б.", IN_AI, ok(AI, "art_21")),
    ("ҚК 190-б. 2-бөл.", {}, ok(UK, "art_190__para_2")),
    # Latin look-alikes inside Cyrillic words
    ("Қылмыстық кодексiнiң 190-бабының 2-бөлiгi", {}, ok(UK, "art_190__para_2")),
    ("Қылмыстық кoдексiнiң 147-бабы", {}, ok(UK, "art_147")),  # Latin «o» and «i»
    ("Əкiмшiлiк құқық бұзушылық туралы кодекстің 73-3-бабының 2-бөлігі", {}, ok(KOAP, "art_73-3__para_2")),
    # law titles with number and date
    (
        '"Жасанды интеллект туралы" Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII Заңы',
        {},
        ok(AI, None),
    ),
    (
        "Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII «Жасанды интеллект туралы» Заңы",
        {},
        ok(AI, None),
    ),
    ("Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII Заңының 21-бабы", {}, ok(AI, "art_21")),
    (
        "«Жасанды интеллект туралы» Қазақстан Республикасының Заңы 21-бабының 1-тармағы",
        {},
        ok(AI, "art_21__para_1"),
    ),
    (
        "Қазақстан Республикасының 2014 жылғы 3 шілдедегі № 226-V Қылмыстық кодексінің 147-бабы",
        {},
        ok(UK, "art_147"),
    ),
    ("Жасанды интеллект туралы Заң", {}, ok(AI, None)),
    ("Қылмыстық кодексі", {}, ok(UK, None)),
    # lists and ranges
    ("ҚК 147, 174-баптары", {}, ok(UK, "art_147", "art_174")),
    ("ҚК 147 және 174-баптары", {}, ok(UK, "art_147", "art_174")),
    ("ҚК 147-бабы мен 174-бабы", {}, ok(UK, "art_147", "art_174")),
    ("Азаматтық кодекстің 143–145-баптары", {}, ok(GK, "art_143", "art_144", "art_145")),
    ("Азаматтық кодекстің 143-145-баптары", {}, ok(GK, "art_143", "art_144", "art_145")),
    ("ҚК 190-бабының 1, 2-бөліктері", {}, ok(UK, "art_190__para_1", "art_190__para_2")),
    # relative references
    ("осы Кодекстің 147-бабы", IN_UK, ok(UK, "art_147")),
    ("осы баптың 2-бөлігі", {"act": UK, "provision_eid": "art_190__para_1"}, ok(UK, "art_190__para_2")),
    ("осы баптың 2-тармағы", {"act": AI, "provision_eid": "art_21"}, ok(AI, "art_21__para_2")),
    (
        "осы тармақтың 3) тармақшасы",
        {"act": AI, "provision_eid": "art_17__para_3"},
        ok(AI, "art_17__para_3__subpara_3"),
    ),
    (
        "осы Заңның 17-бабының 3-тармағының 2), 3) тармақшалары",
        IN_AI,
        ok(AI, "art_17__para_3__subpara_2", "art_17__para_3__subpara_3"),
    ),
    ("осы Кодекстің 147-бабы", IN_AI, bad("context_mismatch")),
    ("осы баптың 2-тармағы", IN_AI, bad("context_missing")),
    # held in part, held whole, no act, malformed
    ("ҚК 9999-бабы", {}, [(UK, "art_9999", False, "not_in_kb")]),
    ("Жасанды интеллект туралы Заңның 99-бабы", {}, bad("no_such_provision")),
    ("147-бап", {}, bad("act_not_specified")),
    ("ҚК 190-б. 2-б.", {}, bad("malformed")),
    ("ҚК 145–143-баптары", {}, bad("malformed")),
    # other states' acts and acts we do not know stay unknown
    ("Ресей Федерациясының Қылмыстық кодексі", {}, bad("unknown_act")),
    ("Ресей Федерациясының Қылмыстық кодексінің 147-бабы", {}, bad("unknown_act")),
    ("Салық кодексінің 5-бабы", {}, bad("unknown_act")),
    ("Бал ара шаруашылығы туралы Заңның 5-бабы", {}, bad("unknown_act")),
    # not references
    ("Қазақстан Республикасы Парламентінің Жаршысы, 2014 ж., № 13, 83-құжат", {}, []),
    ("2025 жылғы 17 қарашада қабылданды", IN_AI, []),
    ("5 бапкер және 3 бабамыз", IN_AI, []),
    ("Кодекстің 3 бөлімінде", IN_UK, []),
    ("2 тармақталған жол", IN_AI, []),
    ("Алматы, 2010. – 245 б.", IN_AI, []),
    ("15 қызметкер, iPhone-ның 12 моделі", IN_AI, []),
]


@pytest.mark.parametrize(("text", "context", "expected"), CASES)
def test_reads_kazakh_references(text, context, expected):
    assert _read(text, **context) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('"Жасанды интеллект туралы" Заңының 21-бабы', ['"Жасанды интеллект туралы" Заңының 21-бабы']),
        ("ҚК 147, 174-баптары", ["ҚК 147", "174-баптары"]),
        ("бұл ҚК 73-3-б. бойынша", ["ҚК 73-3-б."]),
    ],
)
def test_spans(text, spans):
    assert [c.text for c in extract(CATALOGUE, text, as_of=TODAY)] == spans


def test_latin_lookalikes_only_inside_cyrillic_words():
    text = "Заңның бабы, iPhone, COVID-19, IT, Қазақстанda, бөлiгi, Зaңнiң"
    fixed = fix_lookalikes(text)
    assert len(fixed) == len(text) == len(normalize(text))
    # a Latin «K» alone is not looked for (only i, h, ə, ɵ: the letters typed for Kazakh ones)
    assert fixed == "Заңның бабы, iPhone, COVID-19, IT, Қазақстанda, бөлігі, Заңнің"
    assert fix_lookalikes("ҚK") == "ҚK"


def test_kazakh_endings_keep_the_stem():
    """«кодексі» is кодекс + і (the possessive after a consonant), not кодек + сі."""
    for form in ("кодексі", "кодексінің", "кодекстің", "кодексіне", "кодексінде", "Кодексін"):
        assert token_key(form) == token_key("кодекс"), form
    assert token_key("Заңының") == token_key("Заңы") == token_key("заң")
