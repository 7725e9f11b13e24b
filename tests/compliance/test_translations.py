"""The workspace in Kazakh and English: its catalogue (compliance/locale) is complete, reviewed,
compiled and keeps every placeholder, and its pages really switch language.

The interface is written in Russian (msgids are Russian), so a string missing from a catalogue
is not an error anywhere: the page silently shows Russian. These tests are where it fails.
The workspace's sources are the ones scripts/makemessages_workspace.sh collects.
"""

import ast
import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation.template import templatize

from compliance.services import assessments
from tests.compliance.wizard_helpers import questionnaire  # noqa: F401
from tests.compliance.workspace import log_in, ws  # noqa: F401

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ("kk", "en")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: list = field(default_factory=list)
    flags: set = field(default_factory=set)


def read_po(path: Path) -> tuple[str, list[Entry]]:
    """(header, entries) of a .po file; obsolete (#~) entries are left out."""
    entries, entry, current = [], Entry(), None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current is not None:
                entries.append(entry)
            entry, current = Entry(), None
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current.append(ast.literal_eval(line))
        else:
            keyword, literal = line.split(" ", 1)
            current = [ast.literal_eval(literal)]
            if keyword == "msgid":
                entry.msgid = current
            elif keyword == "msgid_plural":
                entry.msgid_plural = current
            elif keyword.startswith("msgstr"):
                entry.msgstr.append(current)
    for entry in entries:
        entry.msgid = "".join(entry.msgid)
        entry.msgid_plural = "".join(entry.msgid_plural) if entry.msgid_plural is not None else None
        entry.msgstr = ["".join(parts) for parts in entry.msgstr]
    header = next(entry.msgstr[0] for entry in entries if entry.msgid == "")
    return header, [entry for entry in entries if entry.msgid]


def catalogue(language: str) -> Path:
    return ROOT / "compliance" / "locale" / language / "LC_MESSAGES" / "django.po"


def workspace_sources() -> tuple[list[Path], list[Path]]:
    """(Python modules, templates) of the workspace; the PDF reports have their own catalogue."""
    modules = [
        path for path in sorted((ROOT / "compliance").rglob("*.py"))
        if not {"reports", "migrations", "locale"} & set(path.relative_to(ROOT / "compliance").parts)
    ]
    templates = [
        *sorted((ROOT / "templates" / "compliance").rglob("*.html")),
        *sorted((ROOT / "templates" / "registration").rglob("*.html")),
        ROOT / "templates" / "403.html",
    ]
    return modules, templates


GETTEXT_FUNCTIONS = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy"}
LITERAL = re.compile(r"u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")
#: A gettext call in templatize()'s rendering of a template; group 1: its string arguments.
TEMPLATIZED_CALL = re.compile(rf"\b(?:n?gettext|_)\(((?:\s*{LITERAL.pattern}\s*,?)+)")


def marked_strings() -> set[str]:
    """The msgids the workspace's code and templates mark for translation (singular forms)."""
    modules, templates = workspace_sources()
    found = set()
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    for path in templates:
        for call in TEMPLATIZED_CALL.finditer(templatize(path.read_text(encoding="utf-8"), origin=str(path))):
            found.add(ast.literal_eval(LITERAL.match(call[1].strip())[0]))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_declares_its_language_and_two_plural_forms(language):
    header, entries = read_po(catalogue(language))
    assert f"Language: {language}\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header
    assert all(len(entry.msgstr) == 2 for entry in entries if entry.msgid_plural)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_reviewed(language):
    _, entries = read_po(catalogue(language))
    assert [entry.msgid for entry in entries if "fuzzy" in entry.flags] == []
    assert [entry.msgid for entry in entries if not all(entry.msgstr)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    _, entries = read_po(catalogue(language))
    wrong = []
    for entry in entries:
        expected = Counter(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            # Every plural form keeps the placeholders of the singular and the plural original.
            expected = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
            wrong += [(entry.msgid, s) for s in entry.msgstr if set(PLACEHOLDER.findall(s)) != expected]
        elif Counter(PLACEHOLDER.findall(entry.msgstr[0])) != expected:
            wrong.append((entry.msgid, entry.msgstr[0]))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_po_file(language):
    """Django reads the .mo: a .po edited but not compiled changes nothing on the pages."""
    _, entries = read_po(catalogue(language))
    with catalogue(language).with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for entry in entries:
        if entry.msgid_plural:
            shown = [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        else:
            shown = [compiled.gettext(entry.msgid)]
        if shown != entry.msgstr:
            stale.append(entry.msgid)
    assert stale == []


def test_the_catalogue_holds_exactly_the_workspace_strings():
    """Every string the workspace marks is in the catalogue, and nothing else (neither strings
    the code no longer has nor the law pages' strings, which live in locale/)."""
    _, entries = read_po(catalogue("kk"))
    in_catalogue = {entry.msgid for entry in entries}
    marked = marked_strings()
    assert sorted(marked - in_catalogue) == []
    assert sorted(in_catalogue - marked) == []
    assert {entry.msgid for entry in read_po(catalogue("en"))[1]} == in_catalogue


@pytest.fixture
def draft(ws, questionnaire):  # noqa: F811
    return assessments.start_assessment(
        ws.system, questionnaire, by=ws.users["lawyer"], as_of=questionnaire.as_of
    )


#: page → (who reads it, what a Kazakh reader sees, what an English reader sees, the Russian
#: originals neither of them may see).
PAGES = {
    "login": (
        "anonymous",
        ["Жұмыс кеңістігіне кіру", "Пайдаланушы аты", "Құпиясөз"],
        ["Log in to the workspace", "Username", "Password"],
        ["Вход в рабочее пространство", "Имя пользователя", "Пароль"],
    ),
    "ai_systems": (
        "lawyer",
        ["ЖИ жүйелері", "Жүйе қосу", "сәйкестікті бағалау жүргізіледі"],
        ["AI systems", "Add a system", "each gets a compliance assessment"],
        ["Системы ИИ", "Добавить систему", "проводится оценка соответствия"],
    ),
    "assessment_results": (
        "lawyer",
        ["Алдын ала нәтижелер", "Жүйенің жіктелуі", "міндетті сұраққа жауап жоқ.", "Тұжырымдар жоқ."],
        ["Preliminary results", "Classification of the system", "required questions have no answer.",
         "No findings."],
        ["Предварительные результаты", "Классификация системы", "обязательных вопроса", "Выводов нет."],
    ),
}


def page_url(page, draft):
    if page == "login":
        return reverse("login")
    if page == "ai_systems":
        return reverse("compliance:ai_systems")
    return reverse("compliance:assessment_results", args=[draft.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_workspace_pages_speak_the_chosen_language(client, ws, draft, page, language):  # noqa: F811
    who, kazakh, english, russian = PAGES[page]
    log_in(client, ws, who).cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(page_url(page, draft))
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert [text for text in {"kk": kazakh, "en": english}[language] if text not in html] == []
    assert [text for text in russian if text in html] == []
