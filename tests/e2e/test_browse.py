"""A reader's journey through the AI law in a real browser (see tests/e2e/conftest.py)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

AI_LAW_VERSION = "/acts/ai-law/2025-11-17/"
ARTICLE_17 = re.compile(r"^\s*Статья\s+17(?![\d-])")


def version_link(switcher, text: str):
    """The switcher's link to the version whose entry mentions `text`.

    Either the link itself names the version ("Проект …"), or it sits in the list item
    that does (the provision page lists, under each version's label, the corresponding
    provisions of that version).
    """
    return switcher.locator("a", has_text=text).or_(switcher.locator("li", has_text=text).locator("a")).first


def test_admin_login_page_renders(page):
    """The browser set-up itself: a page served by the live server, with no data needed."""
    response = page.goto("/admin/login/")
    assert response is not None and response.ok
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("input[name=username]")).to_be_visible()


def test_browse_ai_law_versions_and_languages(page, kb_loaded):
    response = page.goto("/")
    assert response is not None and response.ok

    # Home → the AI law (its act page, or straight to a version of it).
    page.locator('a[href^="/acts/ai-law/"]').first.click()
    expect(page).to_have_url(re.compile(r"/acts/ai-law/"))
    page.wait_for_load_state()

    # The table of contents lists articles as links "Статья 17. …". If the act page is an
    # overview without a table of contents, go on to the adopted version first.
    article_link = page.get_by_role("link", name=ARTICLE_17)
    if article_link.count() == 0:
        page.locator(f'a[href="{AI_LAW_VERSION}"]').first.click()
        expect(page).to_have_url(re.compile(re.escape(AI_LAW_VERSION) + "$"))
    article_link.first.click()
    expect(page).to_have_url(re.compile(re.escape(AI_LAW_VERSION + "art_17/") + "$"))
    expect(page.locator("h1")).to_contain_text("17")

    # The version switcher: one link per version; go to the draft.
    switcher = page.locator("nav.version-switcher")
    expect(switcher.locator("a").first).to_be_visible()
    version_link(switcher, "Проект").click()
    expect(page.locator(".status-banner.status-draft")).to_be_visible()
    assert not page.url.split("?")[0].endswith(AI_LAW_VERSION + "art_17/")

    # …and back to the adopted law, No. 230-VIII.
    version_link(page.locator("nav.version-switcher"), "230-VIII").click()
    expect(page).to_have_url(re.compile(re.escape(AI_LAW_VERSION)))
    banner = page.locator(".status-banner")
    expect(banner.first).to_have_class(re.compile(r"\bstatus-in_force\b"))
    path_before = page.url

    # Languages: English, then Kazakh; the reader stays on the same page.
    page.locator('form.language-switcher button[name="language"][value="en"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(path_before)
    page.locator('form.language-switcher button[name="language"][value="kk"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page).to_have_url(path_before)
