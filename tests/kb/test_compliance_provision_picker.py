# ruff: noqa: F811 (fixtures imported from the helper modules)
"""The case form's provision picker over the real knowledge base: it lists hundreds of
provisions, searches their texts («клевета») and reads citations («ст. 147 УК РК»)."""

import re
from html import unescape

from django.urls import reverse

from compliance.models import CaseRecord
from legal.models import Provision
from tests.compliance.workspace import log_in, ws  # noqa: F401

# ------------------------------------------------------ h. the case form's provision picker


def select_options(body: str, name: str) -> list[tuple[str, str, str]]:
    """(optgroup label, value, text) of a select's options."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', body, re.S).group(1)
    found, group = [], ""
    tags = r'<optgroup label="([^"]*)">|</optgroup>|<option value="([^"]*)"[^>]*>([^<]*)</option>'
    for tag in re.finditer(tags, select):
        if tag.group(0).startswith("<optgroup"):
            group = unescape(tag.group(1))
        elif tag.group(0) == "</optgroup>":
            group = ""
        else:
            found.append((group, tag.group(2), unescape(tag.group(3))))
    return found


def case_data(**fields) -> dict:
    return {
        "title_ru": "Дипфейк директора",
        "kind": "investigation",
        "date": "2026-03-15",
        "date_precision": "day",
        "technique": "voice_clone",
        "body_ru": "",
        "confidence": "unverified",
        "sources": "",
        "links-TOTAL_FORMS": "3",
        "links-INITIAL_FORMS": "0",
        **{f"links-{i}-{f}": "" for i in range(3) for f in ("provision", "relation")},
        **fields,
    }


def test_case_form_has_a_provision_search(client, ws):
    log_in(client, ws, "lawyer")
    body = client.get(reverse("compliance:case_create")).content.decode()
    assert 'name="provision_q"' in body and 'name="_filter_provisions"' in body
    assert "js/provision_picker.js" in body
    assert len(select_options(body, "links-0-provision")) > 300


def test_provision_search_narrows_the_lists_without_saving(client, ws):
    log_in(client, ws, "lawyer")
    response = client.post(
        reverse("compliance:case_create"),
        case_data(provision_q="клевета", _filter_provisions="1", title_ru=""),
    )
    assert response.status_code == 200
    assert not CaseRecord.objects.filter(organization=ws.org).exclude(pk=ws.case.pk).exists()
    body = response.content.decode()
    listed = select_options(body, "links-0-provision")
    assert 1 < len(listed) < 20 and all("клевет" in text.lower() for _g, value, text in listed if value)
    assert 'value="клевета"' in body
    assert "Это поле обязательно" not in body  # a filter is not a failed save


def test_provision_search_understands_a_citation(client, ws):
    log_in(client, ws, "lawyer")
    art_147 = Provision.objects.get(version__act__slug="criminal-code", eid="art_147")
    response = client.post(
        reverse("compliance:case_create"), case_data(provision_q="ст. 147 УК РК", _filter_provisions="1")
    )
    values = [value for _g, value, _t in select_options(response.content.decode(), "links-0-provision")]
    assert str(art_147.pk) in values


def test_provisions_the_description_cites_are_offered_first(client, ws):
    log_in(client, ws, "lawyer")
    art_190 = Provision.objects.get(version__act__slug="criminal-code", eid="art_190")
    response = client.post(
        reverse("compliance:case_create"),
        case_data(body_ru="Возбуждено дело по ст. 190 УК РК.", _filter_provisions="1"),
    )
    listed = select_options(response.content.decode(), "links-1-provision")
    cited = [(value, text) for group, value, text in listed if group == "Упомянуты в описании"]
    assert cited == [(str(art_190.pk), cited[0][1])] and "Статья 190" in cited[0][1]
    # The saved record's edit page offers what its description cites: here п. 2 ст. 21 Закона об ИИ.
    body = client.get(reverse("compliance:case_edit", args=[ws.case.slug])).content.decode()
    art_21 = Provision.objects.get(
        version__act__slug="ai-law", version__code="2025-11-17", eid="art_21__para_2"
    )
    offered = [value for group, value, _t in select_options(body, "links-1-provision") if group]
    assert offered[0] == str(art_21.pk)


def test_a_filtered_list_keeps_the_provision_a_row_holds(client, ws):
    log_in(client, ws, "lawyer")
    art_190 = Provision.objects.get(version__act__slug="criminal-code", eid="art_190")
    response = client.post(
        reverse("compliance:case_create"),
        case_data(provision_q="клевета", _filter_provisions="1", **{"links-0-provision": str(art_190.pk)}),
    )
    body = response.content.decode()
    assert re.search(rf'<option value="{art_190.pk}" selected>', body)
