"""Settings come from the environment (kzai/settings.py).

Each case starts a fresh Python process with a controlled environment, because settings
are read once at import time and the test process has its own settings already loaded.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

# Every variable kzai/settings.py reads (and one Django reads), removed from the inherited
# environment so that what the developer or CI has exported does not leak into these cases.
SETTINGS_VARS = {
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE", "KZAI_VAR_DIR", "LOG_LEVEL", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE",
}

DUMP_SETTINGS = """
import json
import django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SECRET_KEY": settings.SECRET_KEY,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": settings.CSRF_TRUSTED_ORIGINS,
    "ENGINE": db["ENGINE"],
    "NAME": str(db["NAME"]),
    "HOST": db.get("HOST", ""),
    "PORT": db.get("PORT", ""),
    "USER": db.get("USER", ""),
    "LANGUAGE_CODE": settings.LANGUAGE_CODE,
    "LANGUAGES": [code for code, _ in settings.LANGUAGES],
    "TIME_ZONE": settings.TIME_ZONE,
    "USE_TZ": settings.USE_TZ,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "LOG_LEVEL": settings.LOGGING["root"]["level"],
}))
"""


def production_env(**extra: str) -> dict[str, str]:
    env = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64)[:50],
        "ALLOWED_HOSTS": "kzai.example",
        "CSRF_TRUSTED_ORIGINS": "https://kzai.example",
    }
    env.update(extra)
    return env


def run_python(
    args: list[str], env: dict[str, str], tmp_path: Path, *, isolate_var_dir: bool = True
) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARS}
    full_env["DJANGO_SETTINGS_MODULE"] = "kzai.settings"
    if isolate_var_dir:
        # Never touch the developer's var/ (SQLite file, static files) from these tests.
        full_env["KZAI_VAR_DIR"] = str(tmp_path)
    full_env.update(env)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=full_env, capture_output=True, text=True, timeout=120
    )


def load_settings(tmp_path: Path, **env: str) -> dict:
    result = run_python(["-c", DUMP_SETTINGS], env, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_development_defaults(tmp_path):
    s = load_settings(tmp_path)
    assert s["DEBUG"] is True
    assert s["SECRET_KEY"]  # a development-only key, so `make run` needs no configuration
    assert "127.0.0.1" in s["ALLOWED_HOSTS"] and "localhost" in s["ALLOWED_HOSTS"]
    assert s["SECURE_SSL_REDIRECT"] is False
    assert s["SESSION_COOKIE_SECURE"] is False


def test_default_database_is_sqlite_file_under_var_dir(tmp_path):
    s = load_settings(tmp_path)
    assert s["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(s["NAME"]) == tmp_path / "kzai.sqlite3"


def test_default_var_dir_is_var_in_project(tmp_path):
    code = "from kzai import settings; print(settings.DATABASES['default']['NAME'])"
    result = run_python(["-c", code], {}, tmp_path, isolate_var_dir=False)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == BASE_DIR / "var" / "kzai.sqlite3"


def test_database_url_selects_postgresql(tmp_path):
    s = load_settings(tmp_path, DATABASE_URL="postgres://kzai:secret@db.internal:5433/kzai_prod")
    assert s["ENGINE"] == "django.db.backends.postgresql"
    assert (s["NAME"], s["HOST"], s["PORT"], s["USER"]) == ("kzai_prod", "db.internal", 5433, "kzai")


def test_languages_and_time_zone(tmp_path):
    s = load_settings(tmp_path)
    assert s["LANGUAGE_CODE"] == "ru"
    assert s["LANGUAGES"] == ["ru", "kk", "en"]
    assert s["TIME_ZONE"] == "Asia/Almaty"
    assert s["USE_TZ"] is True


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = run_python(["-c", DUMP_SETTINGS], {"DEBUG": "false", "ALLOWED_HOSTS": "kzai.example"}, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_production_with_secret_key_starts_hardened(tmp_path):
    env = production_env()
    s = load_settings(tmp_path, **env)
    assert s["DEBUG"] is False
    assert s["SECRET_KEY"] == env["SECRET_KEY"]
    assert s["ALLOWED_HOSTS"] == ["kzai.example"]
    assert s["CSRF_TRUSTED_ORIGINS"] == ["https://kzai.example"]
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_HSTS_SECONDS"] >= 31536000
    assert s["SESSION_COOKIE_SECURE"] is True and s["CSRF_COOKIE_SECURE"] is True


def test_production_allows_no_host_unless_configured(tmp_path):
    s = load_settings(tmp_path, DEBUG="false", SECRET_KEY=secrets.token_urlsafe(64)[:50])
    assert s["ALLOWED_HOSTS"] == []


def test_list_and_number_variables(tmp_path):
    s = load_settings(
        tmp_path,
        **production_env(
            ALLOWED_HOSTS=" kzai.example, www.kzai.example ,",
            CSRF_TRUSTED_ORIGINS="https://kzai.example,https://www.kzai.example",
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="3600",
            LOG_LEVEL="INFO",
        ),
    )
    assert s["ALLOWED_HOSTS"] == ["kzai.example", "www.kzai.example"]
    assert s["CSRF_TRUSTED_ORIGINS"] == ["https://kzai.example", "https://www.kzai.example"]
    assert s["SECURE_SSL_REDIRECT"] is False
    assert s["SECURE_HSTS_SECONDS"] == 3600
    assert s["LOG_LEVEL"] == "INFO"


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_unparseable_boolean_is_refused(tmp_path, value):
    result = run_python(["-c", DUMP_SETTINGS], {"DEBUG": value}, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.parametrize("name", ["SECURE_HSTS_SECONDS", "DATABASE_CONN_MAX_AGE"])
def test_unparseable_number_is_refused(tmp_path, name):
    result = run_python(["-c", DUMP_SETTINGS], {name: "a year"}, tmp_path)
    assert result.returncode != 0
    assert f"{name} must be a whole number" in result.stderr


def test_check_deploy_is_clean_in_production(tmp_path):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(), tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_development_settings(tmp_path):
    """The deploy check is not vacuous: the development defaults fail it."""
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], {}, tmp_path)
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on
