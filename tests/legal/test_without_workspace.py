"""The law runs without the compliance workspace (issue #13: `legal` imports nothing from it).

The page tests below build their data with factories and pass with or without the
workspace. `test_the_law_runs_without_the_workspace` runs `check`, `migrate` and this
module again in a subprocess with tests/settings_legal_only.py (no "compliance" app), so
an import of the workspace from the law, a `{% url 'compliance:…' %}` on a law page or a
legal migration depending on a compliance one fails here.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

from legal import panels
from tests.legal.factories import fixed_today, sample  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
LEGAL_ONLY = "tests.settings_legal_only"
WORKSPACE = apps.is_installed("compliance")

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page without its tags (rendered texts carry term and citation links)."""
    assert response.status_code == 200
    return re.sub(r"<[^>]+>", "", response.content.decode())


def test_act_and_version_pages(client, sample):  # noqa: F811
    response = client.get("/acts/t-ai-law/")
    assert response.status_code == 302
    assert response["Location"] == "/acts/t-ai-law/2025-11-17/"
    assert "Прозрачность систем ИИ" in text(client.get("/acts/t-ai-law/2025-11-17/"))


def test_provision_page(client, sample):  # noqa: F811
    page = text(client.get("/acts/t-ai-law/2025-11-17/art_21__para_2/"))
    assert "Синтетические результаты маркируются в машиночитаемой форме." in page
    registered = [panel.name for panel in panels.panels_of("provision")]
    assert registered == (["compliance.cases"] if WORKSPACE else [])


def test_practice_and_obligation_pages(client, sample):  # noqa: F811
    assert "Синтетический контент без маркировки" in text(client.get(f"/practices/{sample.practice.slug}/"))
    page = text(client.get(f"/obligations/{sample.obligation.slug}/"))
    assert "Маркировать синтетические результаты в машиночитаемой форме." in page


def test_api_list_of_acts(client, sample):  # noqa: F811
    response = client.get("/api/v1/acts/")
    assert response.status_code == 200
    slugs = {act["slug"] for act in response.json()["results"]}
    assert {"t-ai-law", "t-admin-code", "t-criminal-code"} <= slugs


def test_search_page(client, sample):  # noqa: F811
    response = client.get("/search/", {"q": "машиночитаемой"})
    assert response.status_code == 200
    assert "/acts/t-ai-law/2025-11-17/art_21__para_2/" in response.content.decode()


def test_header_links_to_the_workspace_only_when_installed(client, sample):  # noqa: F811
    body = client.get("/acts/").content.decode()
    assert ('href="/cases/"' in body) is WORKSPACE
    assert ("/accounts/login/" in body) is WORKSPACE


def test_panels_render_in_registration_order(client, sample):  # noqa: F811
    """Any app's panel shows on the page kind it was registered for, after the earlier ones."""
    for name in ("first", "second"):
        panels.register(
            "obligation", f"test.{name}", "legal/includes/sources.html",
            lambda request, obligation, name=name: {"sources": [f"https://example.org/{name}-{obligation.slug}"]},
        )
    try:
        body = client.get(f"/obligations/{sample.obligation.slug}/").content.decode()
    finally:
        panels.unregister("obligation", "test.first")
        panels.unregister("obligation", "test.second")
    first = body.index(f"https://example.org/first-{sample.obligation.slug}")
    assert first < body.index(f"https://example.org/second-{sample.obligation.slug}")
    with pytest.raises(ValueError):
        panels.register("act", "test.nowhere", "legal/includes/sources.html", dict)


def _run(*command: str, env: dict) -> str:
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.skipif(not WORKSPACE, reason="this is the run without the workspace")
def test_the_law_runs_without_the_workspace(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_ADDOPTS")}
    env.update(DJANGO_SETTINGS_MODULE=LEGAL_ONLY, KZAI_VAR_DIR=str(tmp_path))
    manage = (sys.executable, "manage.py")
    _run(*manage, "check", env=env)
    # a legal migration depending on a compliance one would stop this (NodeNotFoundError)
    _run(*manage, "migrate", "--noinput", "-v", "0", env=env)
    assert (tmp_path / "kzai.sqlite3").exists()
    out = _run(
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--ds={LEGAL_ONLY}",
        str(Path(__file__).relative_to(ROOT)), env=env,
    )
    assert " passed" in out and "failed" not in out
