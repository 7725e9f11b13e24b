"""Project-wide pytest fixtures: make the test run independent of the shell's environment.

Settings are read from the environment (kzai/settings.py). A developer may have, say,
ALLOWED_HOSTS=kzai.example or SECURE_SSL_REDIRECT=true exported; tests must not care.
Only project-wide tweaks belong here; app-specific fixtures live beside their tests.
"""

import pytest

TEST_HOSTS = ["testserver", "localhost", "127.0.0.1", "[::1]"]


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.ALLOWED_HOSTS = [*TEST_HOSTS, *[h for h in settings.ALLOWED_HOSTS if h not in TEST_HOSTS]]
    # The test client and the live server speak plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    # With DEBUG=false exported, the manifest storage would need `collectstatic` first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: nothing cached from a rolled-back test (the
    knowledge base's change time, throttle counters, API responses) leaks into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts as `make run` leaves a fresh one: migrated, knowledge base and
    public case records loaded (not the demo workspace: tests make their own users).

    pytest-django runs transactional tests (live_server, browser) after the others; they
    flush the database, so they load the knowledge base again themselves (`kb_loaded`).
    """
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_kb", verbosity=0)
        call_command("load_cases", verbosity=0)
        call_command("load_synonyms", verbosity=0)
        call_command("load_questionnaires", verbosity=0)


@pytest.fixture
def kb_loaded(transactional_db):
    """For transactional tests: the knowledge base and cases, loaded again after the last flush."""
    from django.core.management import call_command

    call_command("load_kb", verbosity=0)
    call_command("load_cases", verbosity=0)

