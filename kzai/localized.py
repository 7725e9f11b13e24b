"""Translated text on pages: a fallback to another language visibly marked, kzai's own
translation labelled, dates in the active language. Plain functions; the template tag
library `kzai` only registers them."""

import datetime
from urllib.parse import urlencode, urlsplit

from django.utils.dates import MONTHS, MONTHS_ALT
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language, gettext

from kzai.i18n import LocalizedText, normalize_language

# ------------------------------------------------------------- multilingual text


def _language_name(code: str) -> str:
    return {
        "ru": gettext("русском"),
        "kk": gettext("казахском"),
        "en": gettext("английском"),
    }.get(code, code)


def fallback_note(value: LocalizedText) -> str:
    return gettext("Нет перевода на язык страницы — показан текст на %(language)s языке.") % {
        "language": _language_name(value.lang)
    }


def render_localized(value, block: bool = False) -> str:
    """HTML for a LocalizedText (escaped; paragraphs when `block`), marked if a fallback."""
    if value is None or value == "":
        return ""
    body = conditional_escape(str(value))
    return mark_fallback(value, mark_safe(linebreaks(body)) if block else body, block)


def mark_fallback(value, body: str, block: bool = False) -> str:
    """Wrap the safe HTML `body` of `value` when it stands in for another language (an
    element with its own `lang`, class "fallback", and a short visible note), and label it
    when it is kzai's own translation (`mark_ours`)."""
    body = mark_ours(value, body, block)
    if not getattr(value, "is_fallback", False):
        return body
    tag = "div" if block else "span"
    return format_html(
        '<{tag} lang="{lang}" class="fallback" title="{title}">{body}</{tag}>'
        '<span class="fallback-note"> ({note})</span>',
        tag=tag,
        lang=value.lang,
        title=fallback_note(value),
        body=body,
        note=gettext("нет перевода"),
    )


# Headings, names and excerpts in lists: "our translation"; any other text is our
# unofficial summary or note.
SHORT_LABEL_FIELDS = frozenset({"title", "name", "short_name", "label", "term", "excerpt"})


def our_translation_label(field: str) -> str:
    """What a text of ours in another language is called on the page."""
    if field in SHORT_LABEL_FIELDS:
        return gettext("наш перевод")
    return gettext("перевод нашего неофициального изложения")


def mark_ours(value, body: str, block: bool = False) -> str:
    """Label the safe HTML `body` when `value` is kzai's own translation (e.g. our Kazakh
    of a Russian summary): visibly, never as official wording. Block texts get the label
    first, as a line of its own."""
    field = getattr(value, "ours", "")
    if not field:
        return body
    title = gettext("Перевод редакции kzai, не официальный текст на этом языке.")
    if block:
        html = '{}<div class="our-translation" title="{}">{}</div>'
        return format_html(html, ours_note(value), title, body)
    return format_html(
        '<span class="our-translation" title="{}">{}</span><span class="our-translation-note"> ({})</span>',
        title, body, our_translation_label(field),
    )


def ours_note(value):
    """`{{ obligation.evidence|ours_note }}`: the label, as a line of its own, when `value` is
    kzai's own translation ("" otherwise); for a list whose items are shown unlabelled."""
    field = getattr(value, "ours", "")
    if not field:
        return ""
    return format_html('<p class="our-translation-note">{}</p>', capfirst(our_translation_label(field)))


def loc(value):
    """`{{ act.title|loc }}`: inline text, a fallback visibly marked."""
    return render_localized(value)


def loc_block(value):
    """`{{ provision.summary|loc_block }}`: paragraphs, a fallback visibly marked."""
    return render_localized(value, block=True)


def words(value, count=30):
    """Truncate to `count` words, keeping the text's language (apply before `loc`)."""
    if not value:
        return value
    short = Truncator(str(value)).words(int(count), truncate="…")
    if isinstance(value, LocalizedText):
        return value.derive(short)
    return short


def lines(value):
    """Text with one item a line → the non-empty lines (examples, evidence)."""
    if not value:
        return []
    return [line.strip(" \t-•") for line in str(value).splitlines() if line.strip(" \t-•")]


def localized_lines(value):
    """Like `lines`, keeping each line's language so a fallback can still be marked (label
    our translation once, before the list: `ours_note`)."""
    if not value:
        return []
    items = lines(value)
    if isinstance(value, LocalizedText):
        # each line keeps its language; our translation is labelled once (`ours_note`)
        return [LocalizedText(item, value.lang, value.requested) for item in items]
    return items


# ------------------------------------------------------------------------ dates


def format_date(value, precision: str = "day") -> str:
    """A date in the active language: "17 ноября 2025", "17 November 2025",
    "2025 жылғы 17 қараша"; month precision "январь 2025"; year precision "2025"."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    language = normalize_language(get_language())
    if precision == "year":
        return str(value.year)
    month = str(MONTHS[value.month])
    if precision == "month":
        if language == "en":
            return f"{month} {value.year}"
        if language == "kk":
            return f"{value.year} жылғы {month.lower()}"
        return f"{month.lower()} {value.year}"
    if language == "en":
        return f"{value.day} {month} {value.year}"
    if language == "kk":
        return f"{value.year} жылғы {value.day} {month.lower()}"
    return f"{value.day} {str(MONTHS_ALT[value.month]).lower()} {value.year}"


def kzdate(value, precision="day"):
    return format_date(value, precision or "day")


def as_of_query(as_of):
    """"?as_of=2020-01-01" when a date is chosen, "" otherwise."""
    return f"?{urlencode({'as_of': as_of.isoformat()})}" if as_of else ""


def host(url):
    """The site name of a source URL, for compact source lists."""
    try:
        return urlsplit(str(url)).hostname or url
    except ValueError:
        return url


def language_name(code):
    return {"ru": gettext("Русский"), "kk": gettext("Қазақша"), "en": gettext("English")}.get(code, code)
