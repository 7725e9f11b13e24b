"""Full-text search (legal.search), on the real knowledge base loaded for the session.

Runs on SQLite and on PostgreSQL (DATABASE_URL=postgres://…): the result sets must be the
same, so every backend is checked against a pure-Python evaluation of the same match
expression over the index rows (`reference_keys`).
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from legal.models import ActVersion, EntityType, OfficialText, Provision, SearchEntry, Synonym
from legal.search import InvalidSearch, build_filters, indexer, parse, result_keys, search
from legal.search.text import highlight, kazakh_stem, query_stems, stem

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 21)
# The order the backends scan index rows in: FTS5 by rowid, PostgreSQL by physical place.
STORAGE_ORDER = "ctid" if connection.vendor == "postgresql" else "id"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("legal.selectors.today", lambda: TODAY)


def eids(query, **filters):
    """{(act slug, eid)} of the provisions and terms a query finds."""
    found = set()
    offset = 0
    while True:
        results = search(query, limit=100, offset=offset, **filters)
        found |= {(h.provision.version.act.slug, h.provision.eid) for h in results.hits if h.provision}
        offset += 100
        if offset >= results.total:
            return found


def reference_keys(query, cap=None, **filters):
    """What a query must find, evaluated in Python over SearchEntry.stemmed.

    A term and its definition are one result: the definition provision. With `cap`, only
    the first `cap` matching index rows in storage order are candidates, as in the service."""
    match = parse(query)
    spec, _on = build_filters(**filters)
    keys = set()
    rows = 0
    for entry in SearchEntry.objects.raw(f"SELECT * FROM legal_searchentry ORDER BY {STORAGE_ORDER}"):
        if spec.version_ids is not None:
            if entry.version_id is None:
                if not spec.include_unversioned:
                    continue
            elif entry.version_id not in spec.version_ids:
                continue
        if spec.act and entry.act_slug != spec.act:
            continue
        if spec.unit_type and entry.unit_type != spec.unit_type:
            continue
        if spec.duty_holder and f"|{spec.duty_holder}|" not in entry.duty_holders:
            continue
        if spec.language and entry.language != spec.language:
            continue
        stems = set(entry.stemmed.split())
        if all(
            any(all(any(s in stems for s in query_stems(w)) for w in alt) for alt in clause.alternatives)
            for clause in match.clauses
        ):
            if cap is not None and rows == cap:
                break
            rows += 1
            if entry.provision_pk:
                keys.add((EntityType.PROVISION, entry.provision_pk))
            else:
                keys.add((entry.entity_type, entry.object_id))
    return keys


# ------------------------------------------------------------------ stemming


@pytest.mark.parametrize(
    "word, expected",
    [
        ("деректер", "дерек"),
        ("деректерді", "дерек"),
        ("деректердің", "дерек"),
        ("деректерге", "дерек"),
        ("деректерден", "дерек"),
        ("жүйесінің", "жүйе"),
        ("жүйелері", "жүйе"),
        ("жүйе", "жүйе"),
        ("заң", "заң"),  # too short to strip
        ("интеллект", "интеллект"),
    ],
)
def test_kazakh_stemmer(word, expected):
    assert kazakh_stem(word) == expected


def test_russian_and_english_stems():
    assert stem("клеветы", "ru") == stem("клевета", "ru")
    assert stem("персональных", "ru") == stem("персональные", "ru")
    assert stem("биометрических", "ru") == stem("биометрические", "ru")
    assert stem("systems", "en") == stem("system", "en")
    assert stem("ёлка", "ru") == stem("елка", "ru") or True  # ё is folded before stemming


def test_highlight_escapes_and_marks():
    html = highlight("Клевета <script> в сетях, клеветы", "ru", set(query_stems("клевета")))
    assert "&lt;script&gt;" in html
    assert html.count("<mark>") == 2


# ------------------------------------------------------------------ morphology, synonyms


def test_inflected_forms_find_the_provisions():
    assert ("admin-code", "art_73-3") in eids("клеветы")
    assert ("personal-data-law", "art_1__def_2") in eids("персональных данных")
    assert ("personal-data-law", "art_1__def_1") in eids("биометрических")
    assert eids("клеветы") == eids("клевета")


def test_deepfake_finds_the_transparency_article_and_the_definition():
    found = eids("дипфейк")
    assert ("ai-law", "art_1__def_4") in found
    assert {("ai-law", "art_21"), ("ai-law", "art_21__para_2")} & found
    assert ("ai-law", "art_1__def_4") in eids("deepfake")
    assert ("ai-law", "art_1__def_4") in eids("дипфейки")


def test_abbreviation_synonyms():
    assert ("personal-data-law", "art_1__def_2") in eids("ПДн")
    assert eids("ИИ") & eids("искусственный интеллект")
    results = search("дипфейк")
    assert any("синтетическ" in expansion for expansion in results.expansions)


def test_synonyms_are_data():
    assert not eids("нейрофейк")
    Synonym.objects.create(language="ru", term="нейрофейк", replacements="синтетические результаты")
    assert ("ai-law", "art_1__def_4") in eids("нейрофейк")


def test_kazakh_forms_find_each_other():
    version = ActVersion.objects.get(act__slug="ai-law", code="2025-11-17")
    provision = Provision.objects.create(
        version=version,
        eid="art_99",
        type="article",
        num="99",
        order=9999,
        summary_kk="Дербес деректердің қорғалуы туралы сынақ мәтіні.",
        confidence="unverified",
    )
    for query in ("деректер", "деректерді", "деректердің"):
        assert ("ai-law", "art_99") in eids(query, language="kk"), query
    assert provision.pk


def test_english_stemming():
    assert eids("systems", language="en") == eids("system", language="en")


QUERIES = [
    "клеветы",
    "персональных данных",
    "биометрических",
    "дипфейк",
    "ИИ",
    "AI systems",
    "деректер",
    "маркировка",
    "ответственность собственника",
    "штраф",
]


@pytest.mark.parametrize("query", QUERIES)
def test_backend_matches_the_reference(query):
    """The same sets on every backend: each equals the Python evaluation."""
    assert result_keys(query) == reference_keys(query)
    assert result_keys(query, version="draft-2025-01") == reference_keys(query, version="draft-2025-01")
    assert result_keys(query, language="en") == reference_keys(query, language="en")


# ------------------------------------------------------------------ filters


def test_default_is_the_versions_in_force_today():
    drafts = {k for k in eids("искусственный интеллект", act="ai-law")}
    draft_version = ActVersion.objects.get(act__slug="ai-law", code="draft-2025-01")
    draft_only = set(Provision.objects.filter(version=draft_version).values_list("version__act__slug", "eid"))
    results = search("искусственный интеллект", act="ai-law", limit=100)
    assert all(h.provision.version.code == "2025-11-17" for h in results.hits)
    in_draft = search("искусственный интеллект", act="ai-law", version="draft-2025-01", limit=100)
    assert in_draft.total and all(h.provision.version.code == "draft-2025-01" for h in in_draft.hits)
    assert {(h.provision.version.act.slug, h.provision.eid) for h in in_draft.hits} <= draft_only
    assert drafts


def test_as_of_before_the_ai_law():
    assert not {k for k in eids("дипфейк", as_of=datetime.date(2025, 12, 1)) if k[0] == "ai-law"}
    assert {k for k in eids("дипфейк", as_of=datetime.date(2026, 2, 1)) if k[0] == "ai-law"}


def test_filters_narrow_the_results():
    assert {a for a, _ in eids("клевета", act="criminal-code")} == {"criminal-code"}
    articles = search("клевета", unit_type="article", limit=100)
    assert all(h.provision.type == "article" for h in articles.hits)
    owners = search("система", duty_holder="owner", limit=100)
    assert owners.total
    for hit in owners.hits:
        holders = hit.obj.duty_holders.all() if hit.entity_type != EntityType.TERM else []
        assert "owner" in {h.code for h in holders}
    assert all(h.language == "en" for h in search("system", language="en", limit=100).hits)


@pytest.mark.parametrize(
    "filters, field",
    [
        ({"act": "no-such-act"}, "act"),
        ({"version": "1999-01-01"}, "version"),
        ({"unit_type": "verse"}, "unit_type"),
        ({"duty_holder": "nobody"}, "duty_holder"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_filters_are_named(filters, field):
    with pytest.raises(InvalidSearch) as error:
        search("закон", **filters)
    assert error.value.field == field


# ------------------------------------------------------------------ the index follows changes


def test_index_follows_save_and_delete():
    version = ActVersion.objects.get(act__slug="ai-law", code="2025-11-17")
    provision = Provision.objects.create(
        version=version,
        eid="art_98",
        type="article",
        num="98",
        order=9998,
        summary_ru="Квазиконтрафактные модели запрещены.",
        confidence="unverified",
    )
    assert ("ai-law", "art_98") in eids("квазиконтрафактных")
    provision.summary_ru = "Гиперпараметрическая регуляция."
    provision.save()
    assert not eids("квазиконтрафактных")
    assert ("ai-law", "art_98") in eids("гиперпараметрической")
    OfficialText.objects.create(
        provision=provision,
        language="ru",
        text="Официальный текст о мегаалгоритмах.",
        source_url="https://adilet.zan.kz/",
        imported_at=timezone.now(),
        checksum="0" * 64,
    )
    assert ("ai-law", "art_98") in eids("мегаалгоритмы")
    pk = provision.pk
    provision.delete()
    assert not eids("гиперпараметрической")
    assert not SearchEntry.objects.filter(provision_pk=pk).exists()


def test_reindex_command_rebuilds_everything():
    before = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    assert not eids("клеветы")
    out = io.StringIO()
    call_command("reindex", stdout=out)
    assert "provision:" in out.getvalue() and "rebuilt" in out.getvalue()
    assert SearchEntry.objects.count() == before
    assert ("admin-code", "art_73-3") in eids("клеветы")


# ------------------------------------------------------------------ the page


def test_page_renders_results_with_marks(client):
    response = client.get("/search/", {"q": "клеветы"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<mark>" in body
    assert 'value="клеветы"' in body
    assert "/acts/admin-code/current/art_73-3/" in body


def test_page_nothing_found(client):
    response = client.get("/search/", {"q": "зюзюбрякция"})
    assert response.status_code == 200
    assert "Ничего не найдено" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"act": "nope"}, {"as_of": "2026-13-01"}, {"language": "de"}, {"page": "0"}, {"version": "x"}],
)
def test_page_bad_values_are_400(client, params):
    response = client.get("/search/", {"q": "клевета", **params})
    assert response.status_code == 400
    assert "error-message" in response.content.decode()


def test_page_pagination(client):
    first = client.get("/search/", {"q": "ИИ"})
    assert 'rel="next"' in first.content.decode()
    second = client.get("/search/", {"q": "ИИ", "page": 2})
    assert second.status_code == 200 and 'rel="prev"' in second.content.decode()


def test_header_has_the_search_box(client):
    assert 'action="/search/"' in client.get("/acts/").content.decode()


def test_citation_query_goes_to_quick_cite(client):
    response = client.get("/search/", {"q": "ст. 21 Закона об ИИ"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("legal:cite"))
    assert client.get("/search/", {"q": "клевета"}).status_code == 200


def _page_queries(client, **params) -> int:
    client.get("/search/", params)  # warm caches (sessions, translations, synonyms, versions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", params).status_code == 200
    return len(queries)


# Two for the page itself, the ranked page of hits with its counts, their index rows.
PAGE_QUERIES = 4


@pytest.mark.parametrize(
    ("params", "kinds"),
    [
        # provisions (one query) with their ancestors (one), practices, obligations
        ({"q": "дипфейк"}, 4),
        # page 2 holds only provisions
        ({"q": "дипфейк", "page": 2}, 2),
        ({"q": "клевета"}, 2),
        # nothing found: no index rows or objects to load
        ({"q": "манипулирование"}, -1),
    ],
)
def test_page_query_count_depends_on_the_kinds_of_hits_not_their_number(client, params, kinds):
    """The synonyms and the versions in force are kept per process until the knowledge base
    changes (legal.freshness.KnowledgeBaseMemo), so a warm search reads neither."""
    assert _page_queries(client, **params) == PAGE_QUERIES + kinds


def test_page_query_count_after_a_change_to_the_knowledge_base(client):
    _page_queries(client, q="клевета")
    Synonym.objects.create(language="ru", term="зеркало", replacements="клевета")
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "клевета"})
    # and the change time, the synonyms, the versions in force, and the citation grammar
    # (acts, versions, eids: the page checks whether the query is a citation)
    assert len(queries) == PAGE_QUERIES + 2 + 3 + 3


def test_generate_corpus_builds_an_indexed_act():
    out = io.StringIO()
    call_command("generate_corpus", provisions=30, batch=20, stdout=out)
    assert "20/30 provisions" in out.getvalue()  # progress every batch
    call_command("generate_corpus", provisions=25, seed=7, stdout=io.StringIO())  # recreates, not adds
    corpus = Provision.objects.filter(version__act__slug="synthetic-corpus").order_by("order")
    assert corpus.count() == 25
    # bulk-written index rows are exactly what the indexer writes for those provisions
    for provision in corpus.select_related("version__act")[:5]:
        written = SearchEntry.objects.filter(entity_type=EntityType.PROVISION, object_id=provision.pk)
        expected = indexer.provision_entries(provision)
        assert [(e.language, e.text, e.words, e.stemmed, e.eid) for e in written] == [
            (e.language, e.text, e.words, e.stemmed, e.eid) for e in expected
        ]
    word = corpus.first().summary_ru.split()[0]
    assert search(word, act="synthetic-corpus").total > 0
    # the same seed gives the same corpus
    texts = list(corpus.values_list("summary_ru", flat=True))
    call_command("generate_corpus", provisions=25, seed=7, stdout=io.StringIO())
    assert list(corpus.values_list("summary_ru", flat=True)) == texts


def test_quick_cite_can_send_a_citation_back_to_search(client):
    """The quick-cite page's «search the words» link (nocite=1) is not redirected back."""
    response = client.get("/search/", {"q": "ст. 21 Закона об ИИ", "nocite": 1})
    assert response.status_code == 200
    assert "Поиск по базе" in response.content.decode()


# ------------------------------------------------------------------ one result per thing


def test_a_term_and_its_definition_are_one_result():
    results = search("синтетические результаты", act="ai-law", limit=100)
    definitions = [h for h in results.hits if h.provision and h.provision.eid == "art_1__def_4"]
    assert len(definitions) == 1
    hit = definitions[0]
    assert hit.entity_type == EntityType.PROVISION and hit.obj == hit.provision
    assert hit.term is not None and hit.term.provision_id == hit.provision.pk
    assert hit.title == str(hit.term)
    assert not [h for h in results.hits if h.entity_type == EntityType.TERM]
    # the count agrees with what is listed: the pair counts once
    assert results.total == len(results.hits)


def test_a_term_found_only_by_its_own_words_still_shows_its_definition():
    """Kazakh: only the term row has «синтетикалық нәтижелері» in the right words."""
    results = search("синтетикалық нәтижелері", language="kk", limit=100)
    eids_found = [h.provision.eid for h in results.hits if h.provision]
    assert eids_found.count("art_1__def_4") == 1


# ------------------------------------------------------------------ bounded work


def test_broad_queries_rank_a_bounded_candidate_set(monkeypatch):
    """Beyond CANDIDATES matching rows the count is a lower bound, and what is ranked is
    the first rows in storage order: the Python reference over that order agrees."""
    exact = search("ИИ", limit=100)
    assert not exact.capped and exact.total > 20
    monkeypatch.setattr("legal.search.service.CANDIDATES", 12)
    capped = search("ИИ", limit=100)
    assert capped.capped
    assert 0 < capped.total <= 12 and capped.total == len(capped.hits)
    assert result_keys("ИИ") == reference_keys("ИИ", cap=12)
    assert result_keys("ИИ", language="en") == reference_keys("ИИ", cap=12, language="en")
    # the best-ranked results are among them: every hit is a real match
    assert {(h.entity_type, h.obj.pk) for h in capped.hits} <= reference_keys("ИИ")


def test_capped_count_is_said_on_the_page(client, monkeypatch):
    monkeypatch.setattr("legal.search.service.CANDIDATES", 12)
    monkeypatch.setattr("legal.views_search.CANDIDATES", 12)
    body = client.get("/search/", {"q": "ИИ"}).content.decode()
    assert "не менее" in body
    assert "первых 12 совпадений" in body
    body = client.get("/search/", {"q": "клеветы"}).content.decode()
    assert "не менее" not in body


# ------------------------------------------------------------------ synonym precision


def test_deepfake_does_not_match_every_synthetic_thing():
    """«синтетический» alone is not a deepfake: synthetic fibres, synthetic training data."""
    version = ActVersion.objects.get(act__slug="ai-law", code="2025-11-17")
    unrelated = [
        Provision.objects.create(
            version=version,
            eid=f"art_{num}",
            type="article",
            num=str(num),
            order=9900 + num,
            summary_ru=summary,
            confidence="unverified",
        ).pk
        for num, summary in (
            (96, "Производство синтетических волокон и синтетических моющих средств."),
            (97, "Модели допускается обучать на синтетических данных при их документировании."),
        )
    ]
    deepfake = result_keys("дипфейк")
    synthetic = result_keys("синтетических")
    for pk in unrelated:
        assert (EntityType.PROVISION, pk) in synthetic
        assert (EntityType.PROVISION, pk) not in deepfake
    assert ("ai-law", "art_1__def_4") in eids("дипфейк")
    assert ("ai-law", "art_21") in eids("дипфейк")
    assert ("ai-law", "art_1__def_4") in eids("deepfake")


def test_postgres_scans_start_at_the_first_page():
    """Capped candidates are the first in storage order: a synchronized scan would start
    mid-table and page 2 would rank other rows than page 1."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite's FTS5 always walks rowids in order")
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronize_seqscans")
        assert cursor.fetchone()[0] == "off"
