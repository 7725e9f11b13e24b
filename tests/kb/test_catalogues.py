"""Every page speaks the reader's language: rendered in kk and in en (the language cookie),
no page of the site map (tests/site_map.py) shows a string of the catalogues untranslated.

Every msgid of the project's .po files is a Russian phrase; a page in kk or en that shows one
verbatim (as a whole text node or attribute a person reads, or, for a phrase of four words or
more, anywhere in a text) forgot to translate it, unless its translation is the same text.
Content is skipped: elements in another language (`lang="ru"`: the knowledge base's
fallbacks, official texts), elements marked `translate="no"` (sample inputs such as the
citations of /cite/), form fields' values, scripts.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from tests.site_map import make_workspace, site_map

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ("locale", "kzai/locale", "compliance/locale", "kzai/pdf/locale")
LANGUAGES = ("kk", "en")
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
SKIPPED_TAGS = {"script", "style", "textarea", "template"}
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"
}
PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{\{[^}]*\}\}|\{[a-z_]+\}")
SPACES = re.compile(r"\s+")


def _unquote(line: str) -> str:
    body = line[line.index('"') + 1 : line.rindex('"')]
    return body.encode("latin-1", "backslashreplace").decode("unicode_escape") if "\\" in body else body


def read_po(path: Path) -> dict[str, str]:
    """msgid → msgstr ("" when untranslated or fuzzy); plural forms by their first form."""
    entries = {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        fields: dict[str, str] = {}
        field = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#"):
                continue
            elif line.startswith('"') and field:
                fields[field] += _unquote(line)
            elif " " in line:
                field = line.split(" ", 1)[0]
                fields[field] = _unquote(line)
        msgid = fields.get("msgid")
        if msgid:
            entries[msgid] = "" if fuzzy else fields.get("msgstr", fields.get("msgstr[0]", ""))
    return entries


def catalogue(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for folder in CATALOGUES:
        path = ROOT / folder / language / "LC_MESSAGES" / "django.po"
        if path.exists():
            for msgid, msgstr in read_po(path).items():
                if msgstr or msgid not in merged:
                    merged[msgid] = msgstr
    return merged


class ReadableText(HTMLParser):
    """The texts a person reads on a page in `language`: text nodes and some attributes."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[bool] = []  # per open element: does it start skipped content?
        self.skipping = 0
        self.texts: list[str] = []

    def _skip(self, tag, attrs) -> bool:
        lang = attrs.get("lang")
        other_language = lang is not None and tag != "html" and lang.split("-")[0] != self.language
        return tag in SKIPPED_TAGS or other_language or attrs.get("translate") == "no"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = self._skip(tag, attrs)
        if not self.skipping and not skip:
            for name in READ_ATTRIBUTES & attrs.keys():
                self._add(attrs[name])
            if tag == "input" and attrs.get("type") in {"submit", "button"}:
                self._add(attrs.get("value"))
        if tag in VOID_TAGS:
            return
        self.stack.append(skip)
        self.skipping += skip

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or not self.stack:
            return
        self.skipping -= self.stack.pop()

    def handle_data(self, data):
        if not self.skipping:
            self._add(data)

    def _add(self, text):
        text = SPACES.sub(" ", text or "").strip()
        if text:
            self.texts.append(text)


def readable_texts(html: str, language: str) -> list[str]:
    parser = ReadableText(language)
    parser.feed(html)
    return parser.texts


def untranslated(texts: list[str], translations: dict[str, str]) -> list[str]:
    """The msgids shown verbatim though their translation differs."""
    wrong = {text for text in texts if text in translations and translations[text] != text}
    body = "\n".join(texts)
    for msgid, msgstr in translations.items():
        if msgstr == msgid or msgid in wrong:
            continue
        for fragment in PLACEHOLDER.split(msgid):
            fragment = SPACES.sub(" ", fragment).strip(" ,.:;—-")
            if len(fragment.split()) >= 4 and fragment in body and fragment not in msgstr:
                wrong.add(msgid)
                break
    return sorted(wrong)


@pytest.fixture
def pages(db, client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    workspace = make_workspace()
    client.force_login(workspace[0].owner)
    return site_map(workspace)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_shows_an_untranslated_catalogue_string(client, pages, language):
    translations = catalogue(language)
    assert len(translations) > 500
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    problems = []
    for name, url in pages:
        response = client.get(url, follow=True)
        expected = 404 if name == "404" else 200
        assert response.status_code == expected, f"{name} {url}: HTTP {response.status_code}"
        html = response.content.decode()
        assert f'lang="{language}"' in html[:300], f"{name} {url} is not in {language}"
        for msgid in untranslated(readable_texts(html, language), translations):
            problems.append(f"{name} {url}: «{msgid}»")
    assert not problems, f"untranslated on the {language} pages:\n" + "\n".join(problems)


def test_the_parser_skips_content_in_another_language():
    html = (
        '<html lang="kk"><body><p>Акты</p><p lang="ru" class="fallback">Акты</p>'
        '<input type="search" placeholder="Найти"><textarea>Найти</textarea>'
        '<span title="Ссылка не распознана">x</span><br></body></html>'
    )
    assert readable_texts(html, "kk") == ["Акты", "Найти", "Ссылка не распознана", "x"]
    found = untranslated(
        ["Акты", "см. Ссылка записана с ошибкой и не распознана здесь"],
        {"Акты": "Актілер", "Ссылка записана с ошибкой и не распознана": "Сілтеме қате", "kzai": "kzai"},
    )
    assert found == ["Акты", "Ссылка записана с ошибкой и не распознана"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Такого акта нет в базе знаний kzai"),
        ("kk", "Мұндай акт kzai білім қорында жоқ"),
        ("en", "No such act in the kzai knowledge base"),
    ],
)
def test_an_unresolved_citation_explains_itself_in_the_page_language(language, message):
    """The tooltip of `.cite-unresolved` is a message for people; the reason code stays in
    `data-reason` for programs (the English details stay in `Citation.reason`)."""
    from django.utils import translation

    from legal.citations import REASON_MESSAGES
    from legal.linking import link_html

    with translation.override(language):
        html = str(link_html("ст. 5 Закона о пчеловодстве"))
        for code, text in REASON_MESSAGES.items():
            assert str(text) != "" and (language == "ru" or str(text) != catalogue_msgid(text)), code
    assert f'class="cite cite-unresolved" title="{message}" data-reason="unknown_act"' in html


def catalogue_msgid(lazy) -> str:
    """The msgid of a lazy translation (its Russian text)."""
    from django.utils import translation

    with translation.override("ru"):
        return str(lazy)
