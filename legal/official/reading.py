"""Bytes of a file (plain text, a saved Adilet page, a .docx) into the lines of the text.

Lines are stripped of Adilet's indentation, their inner whitespace and non-breaking spaces
normalised; empty lines are kept as "" (they end footnotes and editorial notes). A file that
cannot be read raises UnreadableFile with a stable code, never a half-read text."""

import io
import re
import zipfile

from legal.official.types import ERROR, Problem, UnreadableFile

TXT, HTML, DOCX = "txt", "html", "docx"

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
# The header line of an act, to find the container of the text in a page (see _container).
_HEADER = re.compile(
    r"(?:Республики\s+Казахстан\s+от\s|Қазақстан\s+Республикасының\s+(?:Конституциялық\s+)?(?:Заңы|Кодексі))"
)
_UNIT = re.compile(r"(?:Статья\s+\d|\d+(?:-\d+)*-бап\b)")

_DROPPED = ("script", "style", "nav", "header", "footer", "noscript", "head", "template")
_BLOCKS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "article", "section",
     "main", "table", "ul", "ol", "pre", "body", "html", "center")
)  # fmt: skip
_CELLS = frozenset(("td", "th"))


def _fail(code: str, message: str):
    raise UnreadableFile(Problem(ERROR, code, message))


def normalise(line: str) -> str:
    """One line as the parser sees it: indentation gone, runs of spaces (NBSP too) one space."""
    return _SPACES.sub(" ", line).strip()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            _fail("encoding", "Файл в кодировке UTF-16 повреждён; сохраните его в UTF-8.")
    if b"\x00" in data:
        _fail("binary", "Файл двоичный, а не текст: загрузите текст акта (.txt, .html или .docx).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if text and len(_CYRILLIC.findall(text)) > len(text) // 10:
        _fail("encoding", "Файл в кодировке Windows-1251; сохраните его в UTF-8.")
    _fail("encoding", "Файл не в кодировке UTF-8; сохраните его в UTF-8.")


def _check_text(text: str) -> None:
    if _CONTROL.search(text[:100_000]):
        _fail("binary", "Файл двоичный, а не текст: загрузите текст акта (.txt, .html или .docx).")


def _sniff(data: bytes, filename: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        return DOCX
    start = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype", b"<html")) or b"<html" in start[:512]:
        return HTML
    name = filename.lower()
    if name.endswith(".docx"):
        return DOCX
    if name.endswith((".html", ".htm")):
        return HTML
    return TXT


def read_lines(data: bytes, filename: str) -> tuple[list[str], str]:
    """The file's lines and its format ("txt", "html", "docx"): by its content first (a ZIP
    is a .docx, "<html" a page), by its name otherwise."""
    if not data.strip():
        _fail("empty", "Файл пуст.")
    fmt = _sniff(data, filename)
    if fmt == DOCX:
        lines = _docx_lines(data)
    else:
        text = _decode(data)
        _check_text(text)
        if fmt == HTML:
            lines = _html_lines(text)
        else:
            lines = [normalise(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        _fail("empty", "В файле нет текста.")
    return lines, fmt


# Saved pages.


def _container(body):
    """The element that holds the act: the smallest ancestor of the header line that also
    holds an article, so the site's menus and banners around it are left out."""
    for element in body.iter("p", "div", "h1", "h2", "h3", "h4", "span", "td", "b", "strong"):
        own = element.text or ""
        if not _HEADER.search(own) and not _HEADER.search(element.text_content()[:300]):
            continue
        if len(element.text_content()) > 1000:
            continue
        node = element.getparent()
        while node is not None:
            if _UNIT.search(node.text_content()):
                return node
            node = node.getparent()
        break
    return body


def _html_lines(text: str) -> list[str]:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(text)
    except Exception:  # lxml raises several types (ParserError, ValueError) on a broken page
        _fail("not_html", "Страница HTML не читается.")
    page_title = _page_title(root)  # before the page's chrome, where it may be, is dropped
    for element in list(root.iter(*_DROPPED)):
        if element.getparent() is not None:
            element.drop_tree()
    body = root.find("body")
    container = _container(body if body is not None else root)
    lines: list[str] = []
    buffer: list[str] = []

    def flush(force: bool = False) -> None:
        line = normalise("".join(buffer))
        if line or force:
            lines.append(line)
        buffer.clear()

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            flush(force=True)
        elif tag in _BLOCKS:
            flush()
            before = len(lines)
            had_text = bool(normalise(element.text_content()))
            _children(element)
            flush()
            if len(lines) == before and not had_text:
                lines.append("")
        else:
            if tag in _CELLS and buffer:
                buffer.append(" ")
            _children(element)
        if element.tail:
            buffer.append(element.tail)

    def _children(element) -> None:
        if element.text and isinstance(element.tag, str):
            buffer.append(element.text)
        for child in element:
            walk(child)

    tail, container.tail = container.tail, None
    walk(container)
    container.tail = tail
    flush()
    first = next((line for line in lines if line), "")
    if _HEADER.search(first) and page_title:
        lines[:0] = [page_title, ""]  # the page shows the act's title above the text's container
    return lines


def _page_title(root) -> str:
    """The act's title where the page shows it outside the text: its first <h1>, else the
    <title> up to the site's name."""
    for element in root.iter("h1"):
        text = normalise(element.text_content())
        if text and not _HEADER.search(text) and len(text) <= 500:
            return text
    title = root.find(".//title")
    text = normalise(title.text_content()) if title is not None else ""
    return normalise(re.split(r"\s[-–—|]\s", text)[0]) if text and not _HEADER.search(text) else ""


# Word documents.


def _docx_lines(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                _fail("not_docx", "Файл не является документом Word (.docx): в нём нет word/document.xml.")
    except zipfile.BadZipFile:
        _fail("not_docx", "Файл не является документом Word (.docx): архив повреждён.")
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many types for a damaged package
        _fail("not_docx", "Документ Word (.docx) повреждён и не читается.")
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.extend(_paragraph_lines(block.text))
    return lines


def _paragraph_lines(text: str) -> list[str]:
    """A paragraph's text; a manual line break (Shift+Enter) in it ends a line too."""
    return [normalise(part) for part in text.split("\n")]


def _table_lines(table) -> list[str]:
    """Each cell's paragraphs, row by row; a merged cell once."""
    lines: list[str] = []
    for row in table.rows:
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for block in cell.iter_inner_content():
                if hasattr(block, "rows"):
                    lines.extend(_table_lines(block))
                else:
                    lines.extend(_paragraph_lines(block.text))
    return lines
