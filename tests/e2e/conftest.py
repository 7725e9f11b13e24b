"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

No browser is ever downloaded (`playwright install` is not used): Playwright launches the
system Chromium at /usr/bin/chromium (override with KZAI_CHROMIUM).

A missing browser (or a missing playwright package):
- by default (`make test`, `make e2e` on a developer's machine): the browser tests are
  SKIPPED, with the reason in the summary and a banner at the end of the run;
- with KZAI_REQUIRE_BROWSER=1 (set by .ci/run): they FAIL. CI never skips them.

On a failing test a screenshot and the page's HTML are saved in test-results/.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KZAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RESULTS_DIR = Path(__file__).resolve().parent.parent.parent / "test-results"
TIMEOUT_MS = 15_000

_skipped_for_missing_browser: list[str] = []


def browser_required() -> bool:
    return os.environ.get("KZAI_REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}


def _browser_unavailable(reason: str):
    if browser_required():
        pytest.fail(f"KZAI_REQUIRE_BROWSER is set and {reason}", pytrace=False)
    _skipped_for_missing_browser.append(reason)
    pytest.skip(
        f"BROWSER TESTS SKIPPED: {reason}. Install it with `apt-get install chromium` "
        "(CI sets KZAI_REQUIRE_BROWSER=1 and fails instead of skipping)."
    )


@pytest.fixture(scope="package")
def browser():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _browser_unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("the playwright package is not installed (pip install -r requirements-dev.txt)")

    # Playwright's sync API keeps an asyncio loop in this thread; without this, ORM calls
    # made from a test (e.g. loading the knowledge base) raise SynchronousOnlyOperation.
    # Set only while the browser runs (package scope): the rest of the suite, and the
    # subprocesses of tests/test_settings.py (`check --deploy` flags it), never see it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(request, browser, live_server):
    # Russian first, like the site's default; Chromium would otherwise ask for en-US.
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        try:
            page.screenshot(path=str(RESULTS_DIR / f"{name}.png"), full_page=True)
            (RESULTS_DIR / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception as exc:  # the page may be gone; the test's own error matters more
            print(f"could not save a screenshot of {request.node.nodeid}: {exc}")
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter):
    if _skipped_for_missing_browser:
        terminalreporter.section("BROWSER TESTS SKIPPED", sep="!", red=True, bold=True)
        terminalreporter.line(
            f"{_skipped_for_missing_browser[0]}: the browser tests did not run. "
            "Install Debian's chromium (`apt-get install chromium`) to run them.",
            red=True,
        )
