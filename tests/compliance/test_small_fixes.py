# ruff: noqa: F811 (fixtures imported from the helper modules)
"""Small things a newcomer trips over in the workspace (issue #12, points 5 and 6): an
unknown case record, the PDF button at the top of the results, the case form's provision
picker, and the length of an AI system's description and purpose."""

import re
from html import unescape

import pytest
from django.urls import reverse

from compliance.models import AISystem, CaseRecord
from compliance.models.ai_system import DESCRIPTION_MAX_LENGTH, PURPOSE_MAX_LENGTH
from legal.models import Provision
from tests.compliance.report_fixtures import case  # noqa: F401 (the fixture)
from tests.compliance.workspace import log_in, ws  # noqa: F401

pytestmark = pytest.mark.django_db


# --------------------------------------------------------- c. an unknown case record


@pytest.mark.parametrize("who", ["anonymous", "viewer", "outsider"])
def test_unknown_case_record_is_a_404_for_everyone(client, ws, who):
    log_in(client, ws, who)
    assert client.get("/cases/no-such-record/").status_code == 404


def test_private_case_record_access(client, ws):
    # Another organisation's record: the same 404 as an unknown one.
    log_in(client, ws, "outsider")
    assert client.get(f"/cases/{ws.case.slug}/").status_code == 404
    client.logout()
    # Anonymous: a record that exists asks for the login (as every workspace page does).
    response = client.get(f"/cases/{ws.case.slug}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    log_in(client, ws, "viewer")
    assert client.get(f"/cases/{ws.case.slug}/").status_code == 200


# -------------------------------------------------------- f. the PDF button at the top


def test_results_page_offers_the_pdf_near_the_top(client, case):
    client.force_login(case.owner)
    body = client.get(reverse("compliance:assessment_results", args=[case.final.pk])).content.decode()
    report_url = reverse("compliance:assessment_report", args=[case.final.pk])
    button = re.escape(f'class="button report-button" href="{report_url}"')
    buttons = [m.start() for m in re.finditer(button, body)]
    assert len(buttons) == 2, "one at the top and one at the end"
    assert buttons[0] < body.index('id="classification-heading"')
    assert "Скачать отчёт (PDF)" in body[buttons[0]: buttons[0] + 300]


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


# ------------------------------------------------ i. AI system description and purpose


@pytest.mark.parametrize(
    "field, limit", [("description", DESCRIPTION_MAX_LENGTH), ("purpose", PURPOSE_MAX_LENGTH)]
)
def test_ai_system_texts_have_a_length_limit_with_a_clear_message(client, ws, field, limit):
    log_in(client, ws, "lawyer")
    data = {"name": "Новая система", "roles": ["developer"], "description": "", "purpose": ""}
    response = client.post(reverse("compliance:ai_system_create"), {**data, field: "я" * (limit + 1)})
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Не длиннее {limit} знаков, а сейчас {limit + 1}. Сократите текст." in body
    assert not AISystem.objects.filter(name="Новая система").exists()
    assert f'maxlength="{limit}"' in body and f"Не длиннее {limit} знаков." in body
    response = client.post(reverse("compliance:ai_system_create"), {**data, field: "я" * limit})
    assert response.status_code == 302
    assert len(getattr(AISystem.objects.get(name="Новая система"), field)) == limit


def test_ai_system_text_limit_message_in_kazakh(client, ws):
    log_in(client, ws, "lawyer")
    client.cookies["django_language"] = "kk"
    response = client.post(
        reverse("compliance:ai_system_create"),
        {"name": "Жүйе", "roles": ["developer"], "description": "я" * (DESCRIPTION_MAX_LENGTH + 1)},
    )
    limit = DESCRIPTION_MAX_LENGTH
    assert f"{limit} таңбадан аспауы тиіс, қазір {limit + 1}." in response.content.decode()


def test_api_refuses_a_too_long_purpose(client, ws):
    log_in(client, ws, "lawyer")
    response = client.patch(
        reverse("api:ai-system-detail", args=[ws.system.pk]),
        {"purpose": "я" * (PURPOSE_MAX_LENGTH + 1)},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content[:300]
    ws.system.refresh_from_db()
    assert ws.system.purpose == ""
