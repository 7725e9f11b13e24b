# ruff: noqa: F811 (the `case` fixture is imported from report_fixtures)
"""API v1: /api/v1/assessments/<id>/report.pdf and /api/v1/verify/."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from compliance.models import ReportRecord
from tests.compliance.report_fixtures import SYSTEM, case  # noqa: F401 (the fixture)

from .report_helpers import reader

pytestmark = pytest.mark.django_db


def test_report_pdf_for_members_only_and_same_file_as_the_page(case, client):
    api = APIClient()
    url = f"/api/v1/assessments/{case.final.pk}/report.pdf"
    assert api.get(url).status_code == 401
    api.force_authenticate(case.outsider)
    assert api.get(url).status_code == 404
    api.force_authenticate(case.owner)
    response = api.get(url + "?lang=kk")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert reader(response.content).trailer["/Root"]["/Lang"] == "kk"
    client.force_login(case.owner)
    assert client.get(f"/assessments/{case.final.pk}/report.pdf?lang=kk").content == response.content
    assert ReportRecord.objects.get(assessment=case.final, language="kk").sha256 == (
        hashlib.sha256(response.content).hexdigest()
    )


def test_verify_by_hash_and_by_file(case):
    api = APIClient()
    api.force_authenticate(case.owner)
    pdf = api.get(f"/api/v1/assessments/{case.final.pk}/report.pdf").content

    anonymous = APIClient()
    digest = hashlib.sha256(pdf).hexdigest()
    found = anonymous.post("/api/v1/verify/", {"sha256": digest}, format="json").json()
    assert found["verified"] is True and found["kind"] == "report"
    assert found["assessment"]["id"] == case.final.pk and found["assessment"]["language"] == "ru"
    assert "organization" not in found["assessment"] and "ai_system" not in found["assessment"]

    changed = bytearray(pdf)
    changed[100] ^= 0x01
    upload = SimpleUploadedFile("r.pdf", bytes(changed), "application/pdf")
    refused = anonymous.post("/api/v1/verify/", {"file": upload}, format="multipart").json()
    assert refused["verified"] is False and refused["kind"] is None and refused["assessment"] is None

    original = SimpleUploadedFile("r.pdf", pdf)
    member = api.post("/api/v1/verify/", {"file": original}, format="multipart").json()
    assert member["verified"] is True and member["assessment"]["ai_system"] == SYSTEM


def test_verify_bad_input_is_a_problem(db):
    response = APIClient().post("/api/v1/verify/", {"sha256": "xyz"}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
