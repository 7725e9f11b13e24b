"""The demo workspace (fixtures/demo.json): organisations, users of each role, AI systems and
private case records, for local runs and demonstrations. Loaded only with DEBUG on
(`manage.py load_demo`; `make run` calls it). Idempotent: users, organisations, systems
and records are updated by their natural keys, and the demo passwords are reset.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from legal.fixture_files import iso_date, langs
from legal.models import Origin, ProhibitedPractice, Provision

from .access import forget_memberships
from .models import AISystem, CaseProvision, CaseRecord, Membership, Organization

DEFAULT_PATH = Path(settings.BASE_DIR) / "fixtures" / "demo.json"


class DemoError(Exception):
    """The demo fixture cannot be loaded; nothing was changed."""


def read_demo(path: Path = DEFAULT_PATH) -> dict:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DemoError(f"{path}: {exc}") from exc
    if data.get("format") != 1 or "organizations" not in data:
        raise DemoError(f"{path}: not a kzai demo fixture")
    return data


def load_demo(data: dict) -> list[tuple[str, str, str]]:
    """Apply the demo fixture in one transaction; returns (username, password, roles) rows."""
    User = get_user_model()
    with transaction.atomic():
        users = {}
        for row in data["users"]:
            user, _ = User.objects.get_or_create(username=row["username"])
            user.first_name = row.get("first_name", "")
            user.last_name = row.get("last_name", "")
            user.is_staff = user.is_superuser = bool(row.get("superuser"))
            user.set_password(row["password"])
            user.save()
            forget_memberships(user)
            users[row["username"]] = user
        roles: dict[str, list[str]] = {username: [] for username in users}
        for org_row in data["organizations"]:
            organization, _ = Organization.objects.update_or_create(
                slug=org_row["slug"], defaults={"name": org_row["name"]}
            )
            for member in org_row["members"]:
                Membership.objects.update_or_create(
                    organization=organization,
                    user=users[member["username"]],
                    defaults={"role": member["role"]},
                )
                roles[member["username"]].append(f"{member['role']} @ {organization.slug}")
            for system in org_row.get("ai_systems", []):
                obj, _ = AISystem.objects.update_or_create(
                    organization=organization, name=system["name"],
                    defaults={key: value for key, value in system.items() if key != "name"},
                )
                obj.full_clean()
            for case in org_row.get("cases", []):
                _load_case(organization, case)
        return [
            (row["username"], row["password"], ", ".join(roles[row["username"]]) or
             ("superuser" if row.get("superuser") else ""))
            for row in data["users"]
        ]


def _load_case(organization: Organization, row: dict) -> None:
    existing = CaseRecord.objects.filter(slug=row["slug"]).first()
    if existing is not None and existing.organization_id != organization.pk:
        raise DemoError(f"case {row['slug']}: the slug belongs to another record")
    case, _ = CaseRecord.objects.update_or_create(
        slug=row["slug"],
        defaults={
            "organization": organization,
            "origin": Origin.EDITOR,
            "kind": row["kind"],
            "date": iso_date(row["date"] if len(row["date"]) == 10 else f"{row['date']}-01"),
            "date_precision": row["date_precision"],
            "technique": row["technique"],
            **langs("title", row["title"]),
            **langs("body", row["body"]),
            **langs("outcome", row["outcome"]),
            "confidence": row["confidence"],
            "sources": row["sources"],
        },
    )
    case.full_clean()
    kept = []
    for order, ref in enumerate(row["provisions"]):
        provision = Provision.objects.filter(
            version__act__slug=ref["act"], version__code=ref["version"], eid=ref["eid"]
        ).first()
        if provision is None:
            raise DemoError(f"case {row['slug']}: no provision {ref['act']}@{ref['version']}/{ref['eid']}")
        link, _ = CaseProvision.objects.update_or_create(
            case=case, provision=provision, relation=ref["relation"], defaults={"order": order}
        )
        kept.append(link.pk)
    case.provision_links.exclude(pk__in=kept).delete()
    practices = list(ProhibitedPractice.objects.filter(slug__in=row["practices"]))
    if len(practices) != len(set(row["practices"])):
        raise DemoError(f"case {row['slug']}: unknown practice in {row['practices']}")
    case.practices.set(practices)
