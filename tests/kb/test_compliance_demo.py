"""load_demo: the demo workspace for local runs, never with DEBUG off."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from compliance.models import AISystem, CaseRecord, Membership, Organization

pytestmark = pytest.mark.django_db


def test_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not Organization.objects.exists()


def test_loads_users_of_each_role_and_prints_their_logins(settings, capsys):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo")
    out = capsys.readouterr().out
    members = Membership.objects.filter(organization__slug="demo-media")
    roles = dict(members.values_list("user__username", "role"))
    assert roles == {"demo-owner": "owner", "demo-lawyer": "lawyer", "demo-viewer": "viewer"}
    assert Membership.objects.filter(organization__slug="other-company").count() == 1
    logins = {"demo-owner": "kzai-demo-owner", "demo-lawyer": "kzai-demo-lawyer",
              "demo-viewer": "kzai-demo-viewer", "other-owner": "kzai-demo-other"}
    for username, password in logins.items():
        assert username in out and password in out
        assert authenticate(username=username, password=password) is not None
    assert AISystem.objects.filter(organization__slug="demo-media").count() == 2
    assert CaseRecord.objects.filter(organization__slug="demo-media").count() == 1
    call_command("load_demo", verbosity=0)  # idempotent
    assert Organization.objects.filter(slug__in=["demo-media", "other-company"]).count() == 2
    assert AISystem.objects.count() == 3 and CaseRecord.objects.exclude(organization=None).count() == 2
