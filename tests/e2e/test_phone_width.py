"""Every page of the site map fits a 375 px phone: no horizontal scrolling of the page, and
no element of the header wider than the viewport (wide tables scroll in `.table-scroll`)."""

import pytest

from tests.site_map import OWNER_PASSWORD, make_workspace, site_map

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 375, 800

OVERFLOW = """() => {
  const width = window.innerWidth;
  const culprits = [];
  const seen = new Set();
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 0.5) continue;
    // An element inside a scrolling container is fine: the container scrolls.
    let parent = el.parentElement, scrolls = false;
    while (parent && parent !== document.body) {
      const style = getComputedStyle(parent);
      if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) { scrolls = true; break; }
      parent = parent.parentElement;
    }
    if (scrolls) continue;
    const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    if (!seen.has(name)) { seen.add(name); culprits.push(name + ' → ' + Math.round(box.right)); }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    culprits: culprits.slice(0, 8),
  };
}"""

HEADER = """() => {
  const width = window.innerWidth;
  const header = document.querySelector('header.site-header');
  if (!header) return ['no header.site-header'];
  return [header, ...header.querySelectorAll('*')]
    .filter(el => {
      const box = el.getBoundingClientRect();
      return box.width > width + 0.5 || (box.width > 0 && (box.left < -0.5 || box.right > width + 0.5));
    })
    .map(el => el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '').replace(/\\s+/g, '.'));
}"""


@pytest.fixture
def phone(browser, live_server, settings, kb_loaded):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    workspace = make_workspace()
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": WIDTH, "height": HEIGHT}
    )
    context.set_default_timeout(15_000)
    yield context, workspace
    context.close()


def overflowing_pages(page, pages) -> list[str]:
    problems = []
    for name, url in pages:
        response = page.goto(url)
        status = response.status if response else None
        if status is None or (status >= 400 and name != "404"):
            problems.append(f"{name} {url}: HTTP {status}")
            continue
        result = page.evaluate(OVERFLOW)
        header = page.evaluate(HEADER)
        if result["scrollWidth"] > result["innerWidth"] or header:
            problems.append(
                f"{name} {url}: scrollWidth {result['scrollWidth']} > {result['innerWidth']}"
                f" {result['culprits']} header: {header}"
            )
    return problems


def log_in(page, username):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", OWNER_PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator("[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_every_page_fits_a_phone(phone, language, live_server):
    context, workspace = phone
    case, _record = workspace
    page = context.new_page()
    pages = site_map(workspace)
    assert len(pages) > 25
    public = [(name, url) for name, url in pages if not name.startswith("compliance:") or name in (
        "compliance:verify", "compliance:cases")]
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])

    problems = overflowing_pages(page, [("login", "/accounts/login/")] + public)
    log_in(page, case.owner.username)
    problems += overflowing_pages(page, pages)
    assert not problems, "pages wider than 375 px:\n" + "\n".join(problems)
