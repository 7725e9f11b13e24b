"""Project-wide pytest fixtures: make the test run independent of the shell's environment.

Settings are read from the environment (kzai/settings.py). A developer may have, say,
ALLOWED_HOSTS=kzai.example or SECURE_SSL_REDIRECT=true exported; tests must not care.
Only project-wide tweaks and the choice of test data belong here; app-specific fixtures
live beside their tests.
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
    knowledge base's change time, throttle counters, API responses, the values derived from
    the knowledge base) leaks into the next."""
    from django.core.cache import cache

    from legal import freshness

    cache.clear()
    freshness.invalidate()  # and this process's copy of the change time


def _load_knowledge_base():
    from django.core.management import call_command

    call_command("load_kb", verbosity=0)
    call_command("load_cases", verbosity=0)
    call_command("load_synonyms", verbosity=0)
    call_command("load_questionnaires", verbosity=0)


@pytest.fixture(scope="session")
def real_kb(django_db_setup, django_db_blocker):
    """The real knowledge base, as `make run` loads it (acts, cases, synonyms, questionnaires;
    not the demo workspace), committed once for the session.

    Only the tests that check the real data ask for it: they live in tests/kb/ (whose
    conftest applies it), plus the browser tests and the fuzz (`kb_loaded`). Every other
    test starts from an empty, migrated database and builds what it needs with the
    per-app factories (tests/legal/factories.py, tests/compliance/factories.py), so an edit
    of the research data cannot break it. `pytest_collection_modifyitems` below runs the
    tests that need the real data after those that need an empty database.
    """
    with django_db_blocker.unblock():
        _load_knowledge_base()


@pytest.fixture
def kb_loaded(transactional_db):
    """For transactional tests (browser, live server): the real knowledge base, cases, synonyms
    and questionnaires, loaded again after the previous test's flush."""
    _load_knowledge_base()


def _needs_real_kb(item) -> bool:
    return "real_kb" in getattr(item, "fixturenames", ())


def _django_order(item) -> int:
    """pytest-django's order: 0 database tests, 1 transactional ones, 2 the rest."""
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    flagged = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    if flagged or "transactional_db" in fixtures or "live_server" in fixtures:
        return 1
    return 0 if marker or "db" in fixtures else 2


def pytest_addoption(parser):
    parser.addoption(
        "--real-kb",
        action="store_true",
        help="load the real knowledge base for every test (to see whether a failure comes from the data)",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Within pytest-django's order (database tests, then transactional ones, which flush the
    database, then the rest), run the tests on an empty database before those that load the
    real knowledge base: the session's `real_kb` is committed, so an empty-database test
    after it would see it."""
    if config.getoption("--real-kb"):
        for item in items:
            if _django_order(item) == 0 and "real_kb" not in item.fixturenames:
                item.fixturenames.insert(0, "real_kb")
    items.sort(key=lambda item: (_django_order(item), _needs_real_kb(item)))
