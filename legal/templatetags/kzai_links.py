"""`{% load kzai_links %}`: citations in rendered text become links, defined terms get a
hover definition (see legal/linking.py and docs/citations.md).

    {% link_context provision as_of as lctx %}
    {{ provision.summary|linkify_block:lctx }}   paragraphs
    {{ ref.note|linkify:ref.provision }}         inline

The argument says where the text sits (a Provision with its version and act loaded, an
ActVersion, an Act or its slug, a LinkContext or nothing): relative («настоящей статьи») and bare
(«ст. 21») references resolve against it, and the terms of that act version are defined.
"""

from django import template
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from kzai.localized import mark_fallback
from legal.linking import context_of, link_html

register = template.Library()


def _render(value, context, block: bool):
    if value is None or value == "":
        return ""
    body = link_html(value, context_of(context))
    return mark_fallback(value, mark_safe(linebreaks(body)) if block else body, block)


@register.filter
def linkify(value, context=None):
    """Inline text (HTML-escaped) with its citations linked and defined terms explained;
    a text in another language than the page's is marked like `loc` does."""
    return _render(value, context, block=False)


@register.filter
def linkify_block(value, context=None):
    """Like `linkify`, in paragraphs (like `loc_block`)."""
    return _render(value, context, block=True)


@register.simple_tag
def link_context(obj=None, as_of=None):
    """`{% link_context provision as_of as lctx %}`: the context for `linkify`."""
    return context_of(obj, as_of or None)
