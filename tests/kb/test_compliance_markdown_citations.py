"""Markdown citations are linked against the real knowledge base's acts (the citation grammar
knows their names: «Закона об ИИ», «УК РК»); the rest of the rendering is in
tests/compliance/test_markdown.py."""

import pytest

from compliance.markdown import render_markdown
from tests.compliance.workspace import fresh_citations  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_citations")]


def test_citations_are_linked_and_unresolved_ones_marked():
    html = render_markdown("По п. 2 ст. 21 Закона об ИИ и ст. 190 УК РК; ст. 5 Закона о пчеловодстве.")
    ai_law = '<a href="/acts/ai-law/2025-11-17/art_21__para_2/" class="cite">п. 2 ст. 21 Закона об ИИ</a>'
    assert ai_law in html
    assert '<a href="/acts/criminal-code/current/art_190/" class="cite">ст. 190 УК РК</a>' in html
    assert 'class="cite cite-unresolved"' in html


def test_escaped_text_stays_escaped_after_linking():
    html = render_markdown("a &lt;b&gt; & ст. 190 УК РК <x>")
    assert "<x>" not in html and "<b>" not in html
    assert "&lt;b&gt;" in html and "&lt;x&gt;" in html  # Markdown entities: shown as "<b>", not a tag
    assert 'class="cite"' in html
