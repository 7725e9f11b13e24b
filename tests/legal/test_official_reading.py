"""Reading a file into lines: plain text, an Adilet-like saved page, a .docx give the same
lines; unreadable files are refused with a stable code and a clear Russian message."""

import html
import io
import subprocess
import sys
import zipfile

import docx
import pytest

from legal.official import read_official_text
from legal.official.reading import read_lines
from legal.official.types import ERROR, UnreadableFile
from tests.legal.adilet_samples import CODE_RU, LAW_KK, LAW_RU, as_docx, as_html, cp1251_bytes, utf16_bytes


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


@pytest.mark.parametrize("text", [LAW_RU, LAW_KK, CODE_RU], ids=["law_ru", "law_kk", "code_ru"])
def test_txt_html_and_docx_read_into_the_same_lines(text):
    assert read_lines(text.encode(), "act.txt") == (_lines(text), "txt")
    assert read_lines(as_html(text), "act.html") == (_lines(text), "html")
    assert read_lines(as_docx(text), "act.docx") == (_lines(text), "docx")


def test_format_is_sniffed_from_the_content_before_the_name():
    assert read_lines(as_html(LAW_RU), "act.txt")[1] == "html"
    assert read_lines(as_docx(LAW_RU), "download")[1] == "docx"
    assert read_lines(LAW_RU.encode(), "act.html")[1] == "html"  # by its name: no markup inside


def test_page_chrome_is_left_out():
    lines, _ = read_lines(as_html(LAW_RU), "act.html")
    page = "\n".join(lines)
    for chrome in ("Войти", "Законы", "Статья 99", "футер", "JavaScript", "тестовая страница"):
        assert chrome not in page


def test_page_without_a_header_line_is_read_whole():
    page = (
        "<html><body><div><p>Первая строка</p><p>Вторая&nbsp;&nbsp; строка<br>третья</p></div></body></html>"
    )
    assert read_lines(page.encode(), "x.html")[0] == ["Первая строка", "Вторая строка", "третья"]


def test_indentation_whitespace_and_line_ends_are_normalised():
    data = "\ufeffЗаголовок\r\n\r\n    1.\u00a0\u00a0Пункт  первый\t\r\n\u00a0\r\nКонец".encode()
    assert read_lines(data, "x.txt") == (["Заголовок", "", "1. Пункт первый", "", "Конец"], "txt")


def test_utf8_bom_and_utf16_are_read():
    assert read_lines(b"\xef\xbb\xbf" + LAW_RU.encode(), "x.txt")[0] == _lines(LAW_RU)
    assert read_lines(utf16_bytes(), "x.txt")[0] == _lines(LAW_RU)


def test_docx_reads_table_cells_in_document_order():
    document = docx.Document()
    document.add_paragraph("Статья 1. Первая")
    document.add_paragraph("")
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text = "Президент Республики Казахстан"
    row.cells[1].text = "К. ТЕСТОВ"
    document.add_paragraph("После таблицы")
    out = io.BytesIO()
    document.save(out)
    lines, fmt = read_lines(out.getvalue(), "x.docx")
    assert (lines, fmt) == (
        ["Статья 1. Первая", "", "Президент Республики Казахстан", "К. ТЕСТОВ", "После таблицы"],
        "docx",
    )


def _refused(data: bytes, filename: str = "act.txt"):
    with pytest.raises(UnreadableFile) as caught:
        read_lines(data, filename)
    problem = caught.value.problem
    assert problem.severity == ERROR
    assert problem.message
    return problem


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_file(data):
    assert _refused(data).code == "empty"


def test_empty_page():
    assert _refused(b"<html><body><script>x()</script></body></html>", "x.html").code == "empty"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"text\x01\x02\x03\x04 more"])
def test_binary_file(data):
    assert _refused(data).code == "binary"


def test_windows_1251_is_named():
    problem = _refused(cp1251_bytes())
    assert problem.code == "encoding"
    assert "Windows-1251" in problem.message
    assert "UTF-8" in problem.message


def test_other_encodings_are_refused_without_guessing():
    problem = _refused("Gesetz über Prüfungen, Änderungen".encode("latin-1"))
    assert problem.code == "encoding"
    assert "Windows-1251" not in problem.message


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 this is not really a zip archive",
        _zip({"content.xml": b"<office:document/>"}),  # an OpenDocument-like zip, not Word
        b"plain text saved with a .docx name",
    ],
    ids=["bad_zip", "no_document_xml", "not_a_zip"],
)
def test_docx_that_is_not_a_word_document(data):
    assert _refused(data, "act.docx").code == "not_docx"


def test_the_reader_imports_no_django():
    """legal.official is pure: the importer and the tests may use it without a database."""
    code = "import sys, legal.official; sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>X</title></head><body><div class='menu'>Меню</div><h1>{title}</h1>"
        "<div class='text'>{body}</div></body></html>",
        "<html><head><title>{title} - ИПС «Әділет»</title></head>"
        "<body><div class='text'>{body}</div></body></html>",
    ],
)
def test_a_page_with_the_title_outside_the_text_keeps_the_title(page):
    title, rest = LAW_RU.split("\n", 1)
    body = "".join(f"<p>{html.escape(line)}</p>" for line in rest.splitlines())
    doc = read_official_text(page.format(title=title, body=body).encode(), "law.html")
    assert doc.header.title == "О тестовых образцах"
    assert doc.header.number == "901-VIII" and not doc.errors
