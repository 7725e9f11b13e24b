"""An official text, as lines, into a Document: the header and title, the table of contents
left out, the body's tree (legal.official.tree), the signature block, then the checks.

The reader never raises for a bad layout: what it cannot make sense of is a Problem with
its line number (errors: nothing is imported; warnings: imported, to be looked at). Only
unreadable bytes raise UnreadableFile (legal.official.reading)."""

import re

from legal.official import layout
from legal.official.checks import check
from legal.official.reading import normalise, read_lines
from legal.official.tree import TreeBuilder, assign_eids
from legal.official.types import ERROR, WARNING, Document, Header, Problem

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]")
_KK_ARTICLE = re.compile(r"^\d+(?:-\d+)*-бап\b", re.MULTILINE)
_RU_ARTICLE = re.compile(r"^Статья\s+\d", re.MULTILINE)


def read_official_text(data: bytes, filename: str, language: str | None = None) -> Document:
    """The face of the reader: a file's bytes into a Document (UnreadableFile if the bytes
    are not a text at all)."""
    lines, fmt = read_lines(data, filename)
    return parse(lines, fmt=fmt, language=language)


def detect_language(lines: list[str]) -> str:
    """Kazakh when its article headings («5-бап») outnumber the Russian ones («Статья 5»),
    or, with no headings to count, when Kazakh letters are frequent."""
    sample = "\n".join(lines[:5000])
    kazakh, russian = len(_KK_ARTICLE.findall(sample)), len(_RU_ARTICLE.findall(sample))
    if kazakh != russian:
        return "kk" if kazakh > russian else "ru"
    letters = len(_KAZAKH_LETTERS.findall(sample.lower()))
    return "kk" if letters * 200 > max(len(sample), 1) else "ru"


def parse(lines: list[str], *, fmt: str = "txt", language: str | None = None) -> Document:
    lines = [normalise(line) for line in lines]
    kinds = [layout.classify(line) for line in lines]
    doc = Document(language=language or detect_language(lines), format=fmt, text="\n".join(lines))
    start = _header(doc, lines, kinds)
    if doc.header.line and not doc.header.kind:  # «Принят Верховным Советом …»: the title says
        doc.header.kind = "code" if "кодекс" in doc.header.title.casefold() else "law"
    skip = _table_of_contents(doc, lines, kinds, start)
    end = _signature(doc, lines, kinds)
    builder = TreeBuilder(doc, lines, kinds)
    builder.build(start, end, skip)
    assign_eids(doc.units)
    last_line = next((index + 1 for index in range(end - 1, start - 1, -1) if lines[index]), 0)
    check(doc, lines, last_line)
    doc.problems.sort(key=lambda problem: (problem.severity != ERROR, problem.line))
    return doc


def _header(doc: Document, lines: list[str], kinds) -> int:
    """Reads the header line and the title; returns where the body starts (after both)."""
    index = next((i for i, (kind, _) in enumerate(kinds) if kind == layout.HEADER), None)
    if index is None:
        doc.problems.append(
            Problem(
                ERROR,
                "no_header",
                "Не найдена строка заголовка акта («Закон Республики Казахстан от … № …»): "
                "это не официальный текст акта.",
            )
        )
        return 0
    groups = kinds[index][1]
    doc.header = Header(
        kind=layout.header_kind(groups["kind"]),
        date=layout.parse_date(groups["date"]),
        number=groups["number"],
        line=index + 1,
    )
    if doc.header.date is None:
        doc.problems.append(
            Problem(WARNING, "header_date", "Дата акта в заголовке не распознана.", index + 1)
        )
    before = next((i for i in range(index - 1, -1, -1) if lines[i]), None)
    if before is not None:
        doc.header.title = lines[before]
        return index + 1
    after = next((i for i in range(index + 1, len(lines)) if lines[i]), None)
    if after is not None and kinds[after][0] == layout.TEXT:
        doc.header.title = lines[after]
        return after + 1
    return index + 1


def _table_of_contents(doc: Document, lines: list[str], kinds, start: int) -> range:
    """The lines of the table of contents: from «ОГЛАВЛЕНИЕ» to where its first listed
    heading appears the second time (the body's own heading)."""
    toc = next((i for i in range(start, len(lines)) if kinds[i][0] == layout.TOC), None)
    if toc is None:
        return range(0)
    first = next((i for i in range(toc + 1, len(lines)) if lines[i]), None)
    if first is None:
        return range(toc, len(lines))
    again = next((i for i in range(first + 1, len(lines)) if lines[i] == lines[first]), None)
    if again is None:
        doc.problems.append(
            Problem(
                WARNING,
                "toc",
                f"Оглавление: его первый заголовок «{lines[first][:80]}» не найден в тексте; "
                "оглавление прочитано как текст.",
                toc + 1,
            )
        )
        return range(toc, toc + 1)
    return range(toc, again)


def _signature(doc: Document, lines: list[str], kinds) -> int:
    """Where the signature block starts (the end of the body): the last short «Президент …»
    line after the last article (a longer one is a sentence of the act); len(lines) when
    there is none."""
    last_article = max((i for i, (kind, _) in enumerate(kinds) if kind == layout.ARTICLE), default=-1)
    found = next(
        (
            i
            for i in range(len(lines) - 1, last_article, -1)
            if kinds[i][0] == layout.SIGNATURE and len(lines[i]) <= 80
        ),
        None,
    )
    if found is None:
        return len(lines)
    if lines[found].startswith("Президенті"):
        previous = next((i for i in range(found - 1, last_article, -1) if lines[i]), None)
        if previous is not None and lines[previous] == "Қазақстан Республикасының":
            found = previous
    doc.signature = "\n".join(lines[found:]).strip()
    return found
