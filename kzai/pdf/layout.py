"""What every kzai PDF shares: the page margins' texts and the document's metadata.

The margins ("page X of Y", the running title, the document id and content hash) are
CSS `content` strings in the document's own <style>. They may contain what users typed
(an organisation's or an AI system's name), so they are written as CSS strings in which
every character but letters, digits and a few punctuation marks is a CSS escape: no
quote, backslash or "</style>" can get out of them.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

_SAFE_PUNCTUATION = set(" .,:;-–—·№#()/")
_PLACEHOLDER = re.compile(r"%\((page|pages)\)s")


def css_string(value: str) -> str:
    """`value` as a double-quoted CSS string, everything unusual escaped (`\\3c ` for <)."""
    out = []
    for char in str(value):
        if char.isalnum() or char in _SAFE_PUNCTUATION:
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def _page_counter() -> str:
    """"Стр. X из Y" in the active language, as CSS: strings around the two counters."""
    pattern = gettext("Стр. %(page)s из %(pages)s")
    parts = []
    position = 0
    for match in _PLACEHOLDER.finditer(pattern):
        if match.start() > position:
            parts.append(css_string(pattern[position : match.start()]))
        parts.append(f"counter({match.group(1)})")
        position = match.end()
    if position < len(pattern):
        parts.append(css_string(pattern[position:]))
    return " ".join(parts)


def page_style(*, running_title: str, footer: str) -> SafeString:
    """The @page rules of one document: running header, footer, "page X of Y"."""
    return mark_safe(
        "@page {"
        f" @top-left {{ content: {css_string(running_title)}; }}"
        f" @bottom-left {{ content: {css_string(footer)}; }}"
        f" @bottom-right {{ content: {_page_counter()}; }}"
        " }"
    )


def w3c_datetime(moment: datetime.datetime | datetime.date) -> str:
    """A date for <meta name="dcterms.created">: WeasyPrint writes it into the PDF's
    info dictionary and XMP metadata, so it must come from the data, not the clock."""
    if not isinstance(moment, datetime.datetime):
        return moment.isoformat()
    return moment.replace(microsecond=0).isoformat()


def canonical_json(data) -> bytes:
    """One byte sequence per value: sorted keys, UTF-8, no insignificant whitespace."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
