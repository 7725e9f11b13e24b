"""Markdown that users and editors write (case records, help texts) → safe HTML.

1. Markdown with raw HTML switched off: `<script>` typed into a text is shown as text,
   never passed through. Headings are demoted two levels (a text's `#` is an `<h3>` under
   the page's own headings), and an image becomes its alt text: a page never loads a
   picture from a foreign host or a `file://` address on the reader's behalf.
2. nh3 cleans the result (see /work/shared/ENGINEERING-NOTES.md): a narrow set of tags,
   links only to http(s) and mailto (a `javascript:` link loses its href), every link
   `rel="noopener noreferrer nofollow"`.
3. The citations in the cleaned text («ст. 190 УК РК», «п. 2 ст. 21 Закона об ИИ») are
   linked by legal.linking like every other rendered text; one that does not resolve is
   marked as unresolved, never guessed. Text inside links and code is left alone.

The source is what is stored; only the result of `render_markdown` is marked safe.
"""

from __future__ import annotations

from html.parser import HTMLParser
from xml.etree import ElementTree

import markdown
import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from legal.linking import CiteUrl, LinkContext, link_html

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h3", "h4", "h5", "h6", "span", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
HEADING_SHIFT = 2
_NOT_LINKED_INSIDE = {"a", "code", "pre"}
_VOID = {"br", "hr"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
)


class _Tidy(Treeprocessor):
    """Demote headings; replace images with their alt text."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                element.tag = f"h{min(6, int(element.tag[1]) + HEADING_SHIFT)}"
            elif element.tag == "img":
                alt = element.get("alt", "")
                element.attrib.clear()
                element.tag = "span"
                element.text = alt


class _SafeMarkdown(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Tidy(md), "kzai_tidy", 0)


class _CitationLinker(HTMLParser):
    """Re-emits cleaned HTML, linking the citations of its text nodes."""

    def __init__(self, context: LinkContext | None, lang: str | None, cite_url: CiteUrl | None = None):
        super().__init__(convert_charrefs=True)
        self.context = context
        self.lang = lang
        self.cite_url = cite_url
        self.out: list[str] = []
        self.skip = 0  # depth inside <a>, <code>, <pre>

    def handle_starttag(self, tag, attrs):
        rendered = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{rendered}>")
        if tag in _NOT_LINKED_INSIDE:
            self.skip += 1

    def handle_startendtag(self, tag, attrs):
        rendered = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{rendered}>")

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        self.out.append(f"</{tag}>")
        if tag in _NOT_LINKED_INSIDE and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.skip or not data.strip():
            self.out.append(escape(data))
        else:
            self.out.append(link_html(data, self.context, self.lang, self.cite_url))


def clean_html(source: str) -> str:
    """Markdown → cleaned HTML (steps 1 and 2), without citation links."""
    html = markdown.markdown(source, extensions=[_SafeMarkdown(), "sane_lists", "tables"])
    return _cleaner.clean(html)


def render_markdown(
    source, context: LinkContext | None = None, lang: str | None = None, cite_url: CiteUrl | None = None
) -> SafeString:
    """The safe HTML of a Markdown text, its citations linked (resolved against `context`;
    `cite_url` as in legal.linking.link_html)."""
    if not source:
        return mark_safe("")
    lang = lang or getattr(source, "lang", None)
    linker = _CitationLinker(context, lang, cite_url)
    linker.feed(clean_html(str(source)))
    linker.close()
    return mark_safe("".join(linker.out))
