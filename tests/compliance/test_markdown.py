"""Markdown is rendered safely (compliance/markdown.py): what a user types can never run
script, load a foreign resource or smuggle raw HTML; citations in it become links."""

import pytest

from compliance.markdown import render_markdown
from tests.compliance.workspace import fresh_citations  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_citations")]


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "text <script>alert(1)</script> more",
        "<div onclick=alert(1)>x</div>",
        '<a href="javascript:alert(1)">click</a>',
        "<img src=x onerror=alert(1)>",
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
    ],
)
def test_raw_html_is_shown_as_text(source):
    html = render_markdown(source)
    assert "<script" not in html and "<div" not in html and "<img" not in html
    assert "<iframe" not in html and "<style" not in html and "<a href" not in html
    assert "&lt;" in html  # the reader sees what was typed


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[c](vbscript:x)",
        "[c](data:text/html,x)",
    ],
)
def test_dangerous_link_schemes_lose_their_href(source):
    html = render_markdown(source)
    assert "href" not in html
    assert "click" in html or ">c<" in html


def test_images_become_their_alt_text_and_load_nothing():
    html = render_markdown("![схема](http://evil.example/x.png) ![файл](file:///etc/passwd)")
    assert "<img" not in html and "src=" not in html
    assert "evil.example" not in html and "file://" not in html
    assert "схема" in html and "файл" in html


def test_links_get_rel_and_markdown_formatting_survives():
    html = render_markdown("**жирный** и *курсив*\n\n- один\n- два\n\n[Әділет](https://adilet.zan.kz/rus)")
    assert "<strong>жирный</strong>" in html and "<em>курсив</em>" in html
    assert "<ul>" in html and "<li>один</li>" in html
    assert '<a href="https://adilet.zan.kz/rus" rel="noopener noreferrer nofollow">Әділет</a>' in html


def test_headings_are_demoted_below_the_page_headings():
    html = render_markdown("# Заголовок\n\n## Подзаголовок")
    assert "<h3>Заголовок</h3>" in html and "<h4>Подзаголовок</h4>" in html
    assert "<h1" not in html and "<h2" not in html


def test_citations_inside_code_and_links_are_left_alone():
    html = render_markdown("`ст. 190 УК РК` и [ст. 190 УК РК](https://example.kz/)")
    assert "<code>ст. 190 УК РК</code>" in html
    assert 'class="cite"' not in html
