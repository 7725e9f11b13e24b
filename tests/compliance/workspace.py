"""Fixtures for the workspace tests: two organisations, a user of each role, and records.

`ws.org` ("acme") has an owner, a lawyer and a viewer; `ws.outsider` owns `ws.other`.
Each organisation has an AI system and a private case record, next to a public one; acme's
record cites п. 2 ст. 21 of the AI law. Import the fixtures you
use into the test module (`from tests.compliance.workspace import ws  # noqa: F401`).
"""

from dataclasses import dataclass

import pytest

from compliance.models import AISystem, CaseProvision, CaseRecord, Organization
from legal.models import Provision
from tests.compliance.factories import (
    law_provision,
    make_ai_system,
    make_case,
    make_member,
    make_organization,
)

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
    public_case: CaseRecord


@pytest.fixture
def ws(db, settings) -> Workspace:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    org = make_organization("acme", "ТОО «Акме»")
    other = make_organization("globex", "АО «Глобекс»")
    users = {role: make_member(org, f"acme-{role}", role) for role in ("owner", "lawyer", "viewer")}
    users["outsider"] = make_member(other, "globex-owner", "owner")
    system = make_ai_system(org, "Генератор роликов", roles=["developer"])
    other_system = make_ai_system(other, "Скоринг Глобекс", roles=["owner"])
    case = make_case(org, "acme-complaint")
    CaseProvision.objects.create(case=case, provision=ai_law_21_2(), relation="relevant")
    other_case = make_case(other, "globex-review", title_ru="Внутренняя проверка Глобекс")
    public_case = make_case(None, "t-public-case", origin="kb", title_ru="Публичная запись kzai")
    return Workspace(org, other, users, system, other_system, case, other_case, public_case)


def ai_law_21_2() -> Provision:
    """П. 2 ст. 21 of the AI law: the real one where the knowledge base is loaded (tests/kb),
    else the sample law's, built without the real acts whose names it shares."""
    real = Provision.objects.filter(
        version__act__slug="ai-law", version__code="2025-11-17", eid="art_21__para_2"
    ).first()
    return real or law_provision("art_21__para_2")


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
