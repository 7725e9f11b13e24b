"""Fixtures for the workspace tests: two organisations, a user of each role, and records.

`ws.org` ("acme") has an owner, a lawyer and a viewer; `ws.outsider` owns `ws.other`.
Each organisation has an AI system and a private case record. Import the fixtures you
use into the test module (`from tests.compliance.workspace import ws  # noqa: F401`).
"""

import datetime
from dataclasses import dataclass

import pytest

from compliance.models import AISystem, CaseProvision, CaseRecord, Membership, Organization
from legal.models import Provision

PASSWORD = "correct horse battery staple"
WHO = ("anonymous", "viewer", "lawyer", "owner", "outsider")


@dataclass
class Workspace:
    org: Organization
    other: Organization
    users: dict
    system: AISystem
    other_system: AISystem
    case: CaseRecord
    other_case: CaseRecord


def make_case(organization, slug, **fields) -> CaseRecord:
    values = {
        "kind": "incident",
        "technique": "deepfake_video",
        "date": datetime.date(2026, 2, 10),
        "title_ru": f"Запись {slug}",
        "body_ru": "Проверить маркировку по п. 2 ст. 21 Закона об ИИ.",
        "confidence": "unverified",
        **fields,
    }
    return CaseRecord.objects.create(organization=organization, slug=slug, **values)


@pytest.fixture
def ws(db, django_user_model, settings) -> Workspace:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    org = Organization.objects.create(slug="acme", name="ТОО «Акме»")
    other = Organization.objects.create(slug="globex", name="АО «Глобекс»")
    users = {}
    for role in ("owner", "lawyer", "viewer"):
        users[role] = django_user_model.objects.create_user(f"acme-{role}", password=PASSWORD)
        Membership.objects.create(organization=org, user=users[role], role=role)
    users["outsider"] = django_user_model.objects.create_user("globex-owner", password=PASSWORD)
    Membership.objects.create(organization=other, user=users["outsider"], role="owner")
    system = AISystem.objects.create(organization=org, name="Генератор роликов", roles=["developer"])
    other_system = AISystem.objects.create(organization=other, name="Скоринг Глобекс", roles=["owner"])
    case = make_case(org, "acme-complaint")
    CaseProvision.objects.create(
        case=case,
        provision=Provision.objects.get(
            version__act__slug="ai-law", version__code="2025-11-17", eid="art_21__para_2"
        ),
        relation="relevant",
    )
    other_case = make_case(other, "globex-review", title_ru="Внутренняя проверка Глобекс")
    return Workspace(org, other, users, system, other_system, case, other_case)


def log_in(client, ws: Workspace, who: str):
    if who != "anonymous":
        client.force_login(ws.users[who])
    return client


@pytest.fixture
def fresh_citations():
    """The citation grammar is cached in memory; a test elsewhere whose acts were rolled
    back (no signal) may have left it stale. Rebuild it from this database."""
    from legal.citations import invalidate_citation_cache
    from legal.linking import invalidate_term_cache

    invalidate_citation_cache()
    invalidate_term_cache()
    yield
    invalidate_citation_cache()
    invalidate_term_cache()
