"""`{% load kzai_markdown %}{{ case.body|markdown }}`: Markdown rendered safely, citations
linked (compliance/markdown.py); a text standing in for another language is marked."""

from django import template

from compliance.markdown import render_markdown
from kzai.localized import mark_fallback
from legal.linking import context_of

register = template.Library()


@register.filter
def markdown(value, context=None):
    """`{{ text|markdown }}` or `{{ text|markdown:provision }}` (where relative citations resolve)."""
    if value is None or value == "":
        return ""
    return mark_fallback(value, render_markdown(value, context_of(context)), block=True)
