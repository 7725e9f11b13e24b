"""The citation engine's core without a database: the parser and the resolver read a
catalogue written here in memory (no `db` fixture), so the grammar is tested apart from
the knowledge base's data. tests/kb/test_legal_citations.py checks it on the real acts."""

import datetime
from types import SimpleNamespace

import grimp
import pytest

from legal.citations.catalogue import ActRecord, Catalogue, VersionRecord, act_names
from legal.citations.resolver import extract
from legal.citations.types import Citation
from legal.versions import in_force_among

OFFICIAL = "https://adilet.zan.kz/rus/docs/Z2500000230"
AI_EIDS = {
    "art_1",
    "art_1__def_3",
    "art_17",
    "art_17__para_1",
    "art_17__para_1__subpara_3",
    "art_17__para_3",
    "art_17__para_3__subpara_2",
    "art_17__para_3__subpara_3",
    "art_21",
    "art_21__para_1",
    "art_21__para_2",
    "chp_4",
}


def _version(pk, code, starts, eids, status="in_force"):
    return VersionRecord(pk, code, status, starts, starts, None, set(eids), {e: "" for e in eids})


def _catalogue() -> Catalogue:
    ai_law = SimpleNamespace(  # an Act's fields, as catalogue_db reads them
        kind="law",
        number="230-VIII",
        citation_aliases=["Закон об ИИ", "AI Law"],
        short_name_ru="",
        short_name_kk="",
        short_name_en="",
        citation_name_ru="",
        citation_name_kk="",
        citation_name_en="",
        title_ru="Об искусственном интеллекте",
        title_kk="Жасанды интеллект туралы",
        title_en="On Artificial Intelligence",
    )
    acts = [
        ActRecord(
            "ai-law",
            "law",
            numbered_in_parts=False,
            complete=True,
            number="230-viii",
            official_url=OFFICIAL,
            versions=[
                _version(1, "current", datetime.date(2026, 1, 18), AI_EIDS),
                _version(2, "2027", datetime.date(2027, 1, 1), AI_EIDS | {"art_22"}),
            ],
        ),
        ActRecord(
            "criminal-code",
            "code",
            numbered_in_parts=True,
            complete=False,  # a partial text: what it lacks may exist
            number="226-v",
            official_url=None,
            versions=[
                _version(
                    3,
                    "current",
                    datetime.date(2015, 1, 1),
                    {"art_147", "art_174", "art_190", "art_190__para_2", "art_190__para_2__subpara_1"},
                )
            ],
        ),
        ActRecord(
            "civil-code",
            "code",
            numbered_in_parts=False,
            complete=True,
            number="",
            official_url=None,
            versions=[_version(4, "current", datetime.date(1995, 1, 1), {"art_143", "art_144", "art_145"})],
        ),
        ActRecord("tax-code", "code", True, True, "", None, []),
        ActRecord("tax-code-2008", "code", True, True, "", None, []),
    ]
    names = [
        *(("ai-law", name) for name in act_names(ai_law)),
        *(
            ("criminal-code", n)
            for n in ("Уголовный кодекс", "УК", "Қылмыстық кодекс", "ҚК", "Criminal Code")
        ),
        *(("civil-code", n) for n in ("Гражданский кодекс", "ГК", "Civil Code")),
        ("tax-code", "Налоговый кодекс"),
        ("tax-code-2008", "Налоговый кодекс"),
    ]
    return Catalogue(acts, names, in_force=in_force_among)


CATALOGUE = _catalogue()
TODAY = datetime.date(2026, 6, 1)


def _read(text, **context):
    context.setdefault("as_of", TODAY)
    return [(c.act, c.eid, c.in_kb, c.reason_code) for c in extract(CATALOGUE, text, **context)]


def _ok(act, *eids):
    return [(act, eid, True, "") for eid in eids]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russian
        ("п. 3 ст. 17 Закона об ИИ", _ok("ai-law", "art_17__para_3")),
        ("пп. 3) п. 1 ст. 17 Закона об ИИ", _ok("ai-law", "art_17__para_1__subpara_3")),
        ("ст. 21 Закона Республики Казахстан «Об искусственном интеллекте»", _ok("ai-law", "art_21")),
        ("пп. 3) ст. 1 Закона об ИИ", _ok("ai-law", "art_1__def_3")),
        ("главы 4 Закона об ИИ", _ok("ai-law", "chp_4")),
        ("ч. 2 ст. 190 УК РК", _ok("criminal-code", "art_190__para_2")),
        ("п. 1) ч. 2 ст. 190 УК", _ok("criminal-code", "art_190__para_2__subpara_1")),
        ("части второй статьи 190 Уголовного кодекса", _ok("criminal-code", "art_190__para_2")),
        ("ст.ст. 147, 174 УК", _ok("criminal-code", "art_147", "art_174")),
        ("статьи 143–145 ГК", _ok("civil-code", "art_143", "art_144", "art_145")),
        # Kazakh
        ("Жасанды интеллект туралы Заңның 21-бабы", _ok("ai-law", "art_21")),
        ("ҚК 147-бабы", _ok("criminal-code", "art_147")),
        ("Қылмыстық кодекстің 190-бабының 2-бөлігі", _ok("criminal-code", "art_190__para_2")),
        # English
        ("Art. 21(2) of the AI Law", _ok("ai-law", "art_21__para_2")),
        ("Article 17(3)(2) of the AI Law", _ok("ai-law", "art_17__para_3__subpara_2")),
        ("paragraph 2 of Article 21 of the AI Law", _ok("ai-law", "art_21__para_2")),
        ("Criminal Code art. 147", _ok("criminal-code", "art_147")),
        # Held in part, held whole, unknown, ambiguous, foreign, malformed
        ("ст. 999 УК", [("criminal-code", "art_999", False, "not_in_kb")]),
        ("ст. 99 Закона об ИИ", [(None, None, False, "no_such_provision")]),
        ("ст. 5 Закона о пчеловодстве", [(None, None, False, "unknown_act")]),
        ("ст. 5 УК РФ", [(None, None, False, "unknown_act")]),
        ("Article 5 of the Criminal Code of the Russian Federation", [(None, None, False, "unknown_act")]),
        ("ст. 10 Налогового кодекса", [(None, None, False, "ambiguous_act")]),
        ("ст. 145–143 УК", [(None, None, False, "malformed")]),
        ("ст. 21", [(None, None, False, "act_not_specified")]),
        ("настоящей статьи", [(None, None, False, "act_not_specified")]),
    ],
)
def test_reads_references_without_context(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        (
            "подпунктов 2) и 3) части первой настоящего пункта",
            {"act": "ai-law", "provision_eid": "art_17__para_3"},
            _ok("ai-law", "art_17__para_3__subpara_2", "art_17__para_3__subpara_3"),
        ),
        (
            "пункт 2 настоящей статьи",
            {"act": "ai-law", "provision_eid": "art_21__para_1"},
            _ok("ai-law", "art_21__para_2"),
        ),
        ("п. 2", {"act": "ai-law", "provision_eid": "art_21"}, _ok("ai-law", "art_21__para_2")),
        ("ст. 21", {"act": "ai-law"}, _ok("ai-law", "art_21")),
        ("осы Заңның 21-бабы", {"act": "ai-law"}, _ok("ai-law", "art_21")),
        (
            "17-баптың 3-тармағының 2) тармақшасы",
            {"act": "ai-law"},
            _ok("ai-law", "art_17__para_3__subpara_2"),
        ),
        (
            "paragraph 2 of this Article",
            {"act": "ai-law", "provision_eid": "art_21"},
            _ok("ai-law", "art_21__para_2"),
        ),
        ("настоящего Закона", {"act": "ai-law"}, _ok("ai-law", None)),
        ("ст. 147 УК", {"act": "ai-law", "provision_eid": "art_21"}, _ok("criminal-code", "art_147")),
        ("пункт 2 настоящей статьи", {"act": "ai-law"}, [(None, None, False, "context_missing")]),
        ("п. 2", {"act": "ai-law"}, [(None, None, False, "context_missing")]),
        ("настоящего Кодекса", {"act": "ai-law"}, [(None, None, False, "context_mismatch")]),
        ("ст. 21", {"act": "no-such-act"}, [(None, None, False, "unknown_act")]),
    ],
)
def test_reads_references_in_context(text, context, expected):
    assert _read(text, **context) == expected


def test_version_in_force_on_the_day():
    """A provision added by a later version exists only from the day that version applies."""
    assert _read("ст. 22 Закона об ИИ", as_of=datetime.date(2026, 6, 1)) == [
        (None, None, False, "no_such_provision")
    ]
    (cite,) = extract(CATALOGUE, "ст. 22 Закона об ИИ", as_of=datetime.date(2027, 6, 1))
    assert (cite.act, cite.version, cite.eid, cite.in_kb) == ("ai-law", "2027", "art_22", True)


def test_spans_of_a_list():
    text = "по ст.ст. 147, 174 УК"
    assert [(c.start, c.end, c.text) for c in extract(CATALOGUE, text, as_of=TODAY)] == [
        (3, 13, "ст.ст. 147"),
        (15, 21, "174 УК"),
    ]


def test_citation_keeps_code_detail_permalink_and_official_url_apart():
    (held,) = extract(CATALOGUE, "ст. 21 Закона об ИИ", as_of=TODAY)
    assert held.permalink == "/acts/ai-law/current/art_21/" == held.url
    assert held.official_url == OFFICIAL
    assert (held.reason_code, held.detail, held.reason, held.title) == ("", "", "", "")
    (lacking,) = extract(CATALOGUE, "ст. 999 УК", as_of=TODAY)
    assert lacking.permalink is None and lacking.url is None  # the code has no official URL here
    assert lacking.reason == f"not_in_kb: {lacking.detail}" and "art_999" in lacking.detail
    unknown = Citation(0, 5, "ст. 5", None, None, None, False, False, "unknown_act", "…")
    assert unknown.reason_message == "Такого акта нет в базе знаний kzai"


def test_the_core_reads_no_database():
    """No pure module imports django.db, directly or through another module of the project
    (.importlinter cannot name a part of an external package)."""
    graph = grimp.build_graph("legal", "kzai", "compliance", include_external_packages=True, cache_dir=None)
    core = [
        f"legal.citations.{name}"
        for name in ("types", "text", "kazakh", "vocabulary", "catalogue", "chains", "parser", "resolver")
    ]
    for module in core:
        for importer in {module, *graph.find_upstream_modules(module)}:
            if importer.split(".")[0] not in ("legal", "kzai", "compliance"):
                continue
            lines = [
                d["line_contents"] for d in graph.get_import_details(importer=importer, imported="django")
            ]
            assert not [line for line in lines if "django.db" in line], (module, importer)
