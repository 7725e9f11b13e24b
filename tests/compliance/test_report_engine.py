"""The PDF engine on its own: fetcher, PDF/A metadata, fonts, determinism, time limit."""

import datetime
import io
import multiprocessing
import os

import pytest
from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.ttLib import TTFont
from weasyprint.urls import URLFetchingError, fetch

from kzai.pdf import layout
from kzai.pdf.engine import (
    FONT_SUBSET_EPOCH,
    PdfAttachment,
    PdfDocument,
    RenderError,
    RenderTimeout,
    render_pdf,
    write_pdf,
)
from kzai.pdf.fetcher import AssetFetcher, asset_paths
from tests.pdf_subsetters import font_subsetter  # noqa: F401 (the fixture)

from .report_helpers import CountingServer, attachments_of, reader, text_of, xmp_of

KAZAKH = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"
CREATED = datetime.datetime(2026, 2, 3, 10, 30, tzinfo=datetime.UTC)


def sample(body: str = "", *, title: str = "Отчёт ТОО «Ромашка»", identifier: str = "test:1") -> PdfDocument:
    html = f"""<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>{title}</title>
    <meta name="author" content="ТОО «Ромашка»">
    <meta name="dcterms.created" content="2026-02-03T15:30:00+05:00">
    <link rel="stylesheet" href="kzai:reports/report.css">
    <style>{layout.page_style(running_title=title, footer="id 1 · SHA-256 abc")}</style></head>
    <body><h1>Қазақша: {KAZAKH}</h1>
    <p>Русский текст: съешь же ещё этих мягких французских булок.</p>{body}</body></html>"""
    return PdfDocument(
        html=html,
        identifier=identifier,
        attachments=(PdfAttachment("data.json", b'{"answer": 42}', "data", CREATED),),
    )


@pytest.fixture(scope="module")
def rendered():
    return render_pdf(sample())


# ------------------------------------------------------------------------- fetcher


@pytest.mark.parametrize("url", ["kzai:reports/report.css", "kzai:fonts/DejaVuSans.ttf"])
def test_fetcher_serves_kzai_assets(url):
    with fetch(AssetFetcher(), url) as response:
        assert len(response.read()) > 1000


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.css",
        "https://example.org/x.css",
        "file:///etc/passwd",
        "data:text/plain,hello",
        "ftp://example.org/x",
        "kzai:../settings.py",
        "kzai:reports/../../kzai/settings.py",
        "kzai:fonts/DejaVuSerif.ttf",
    ],
)
def test_fetcher_refuses_everything_else(url):
    fetcher = AssetFetcher()
    with pytest.raises(URLFetchingError), fetch(fetcher, url):
        pass
    assert fetcher.refused == [url]


# ---------------------------------------------------------------------------- PDF


def test_pdf_a3b_identified_in_xmp_with_document_metadata(rendered):
    xmp = xmp_of(rendered.pdf)
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "Отчёт ТОО «Ромашка»" in xmp
    assert "<xmp:CreateDate>2026-02-03T15:30:00+05:00</xmp:CreateDate>" in xmp
    pdf = reader(rendered.pdf)
    assert pdf.metadata.title == "Отчёт ТОО «Ромашка»"
    assert pdf.metadata.author == "ТОО «Ромашка»"
    assert pdf.trailer["/Root"]["/Lang"] == "kk"


def test_kazakh_letters_survive_text_extraction_with_embedded_fonts(rendered):
    assert KAZAKH in text_of(rendered.pdf)
    fonts = reader(rendered.pdf).pages[0]["/Resources"]["/Font"]
    descriptors = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"] for font in fonts.values()
    ]
    assert all("/FontFile2" in descriptor for descriptor in descriptors)
    # The @font-face family of report.css (DejaVu, served by the fetcher), not a system font.
    assert {str(descriptor["/FontName"]).split("+")[1] for descriptor in descriptors} == {
        "Kzai-Sans",
        "Kzai-Sans-Bold",
    }


def test_running_header_footer_and_page_counter(rendered):
    text = text_of(rendered.pdf)
    assert "id 1 · SHA-256 abc" in text
    assert "Стр. 1 из 1" in text


def test_attachment_is_embedded_with_its_data(rendered):
    assert attachments_of(rendered.pdf) == {"data.json": b'{"answer": 42}'}


def test_same_document_same_bytes_and_stable_identifier(font_subsetter):  # noqa: F811
    first, second = write_pdf(sample()), write_pdf(sample())
    assert first.pdf == second.pdf
    other = write_pdf(sample(identifier="test:2"))
    assert other.pdf != first.pdf
    assert reader(first.pdf).trailer["/ID"][1] == reader(other.pdf).trailer["/ID"][1]  # same content
    assert reader(first.pdf).trailer["/ID"][0] != reader(other.pdf).trailer["/ID"][0]


def test_worker_process_gives_the_same_bytes_as_in_process(font_subsetter):  # noqa: F811
    in_process = write_pdf(sample()).pdf  # first: the worker inherits the clock as it is then
    assert render_pdf(sample()).pdf == in_process


def embedded_fonts(pdf: bytes) -> list[TTFont]:
    fonts = []
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object()["/DescendantFonts"]:
                data = descendant.get_object()["/FontDescriptor"]["/FontFile2"].get_data()
                fonts.append(TTFont(io.BytesIO(data)))
    return fonts


def test_subset_fonts_are_not_dated_by_the_clock(font_subsetter, monkeypatch):  # noqa: F811
    """The cause of irreproducible PDFs without libharfbuzz-subset0: fontTools wrote the
    rendering's time into each subset font. Its clock runs a minute a reading here."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")  # somebody else's: left as it was
    fonts = embedded_fonts(write_pdf(sample()).pdf)
    assert len(fonts) >= 2  # regular and bold
    dates = {font["head"].modified for font in fonts}
    original = {TTFont(path)["head"].modified for url, path in asset_paths().items() if url.endswith(".ttf")}
    if font_subsetter == "harfbuzz":
        assert dates <= original  # HarfBuzz keeps the font's own date
    else:
        assert dates == {timestampSinceEpoch(int(FONT_SUBSET_EPOCH))}
    assert os.environ["SOURCE_DATE_EPOCH"] == "1234567890"


def test_margin_texts_cannot_break_out_of_their_css_string():
    hostile = 'x"; } body { display: none } </style><img src="http://127.0.0.1:9/"> \\'
    css = layout.css_string(hostile)
    assert css.startswith('"') and css.endswith('"') and css.count('"') == 2
    assert "<" not in css and "\\" + "\\" not in css and "}" not in css


def test_hostile_markup_fetches_nothing_and_embeds_no_local_file():
    with CountingServer() as server:
        result = render_pdf(sample(server.hostile()))
    assert server.requests == []
    assert set(attachments_of(result.pdf)) == {"data.json"}
    assert "root:" not in text_of(result.pdf)
    assert any(url.startswith(server.url) for url in result.refused)
    assert "file:///etc/passwd" in result.refused


# ---------------------------------------------------------------------- time limit


def test_rendering_past_the_time_limit_is_stopped_with_a_clear_error():
    with pytest.raises(RenderTimeout, match="longer than 0.001 s"):
        render_pdf(sample("<p>x</p>" * 2000), timeout=0.001)
    assert multiprocessing.active_children() == []


def test_a_failing_rendering_is_a_render_error():
    not_bytes = PdfAttachment("a.json", None, "", CREATED)
    broken = PdfDocument(html="<p>x</p>", identifier="x", attachments=(not_bytes,))
    with pytest.raises(RenderError, match="could not be rendered"):
        render_pdf(broken)
