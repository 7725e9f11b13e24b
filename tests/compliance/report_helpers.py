"""Reading kzai PDFs back in tests (pypdf), downloading them as a member, and a local HTTP
server that counts requests."""

from __future__ import annotations

import io
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from pypdf import PdfReader


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def report_url(assessment, lang=None):
    url = reverse("compliance:assessment_report", args=[assessment.pk])
    return f"{url}?lang={lang}" if lang else url


def download(client, assessment, lang=None) -> bytes:
    response = client.get(report_url(assessment, lang))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return response.content


@pytest.fixture
def owner_client(client, case):
    """The client, logged in as the owner of the report fixtures' `case`."""
    client.force_login(case.owner)
    return client


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in reader(pdf).pages)


def attachments_of(pdf: bytes) -> dict[str, bytes]:
    return {name: contents[0] for name, contents in reader(pdf).attachments.items()}


def json_attachment(pdf: bytes, name: str):
    return json.loads(attachments_of(pdf)[name])


def xmp_of(pdf: bytes) -> str:
    return reader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data().decode()


class CountingServer:
    """An HTTP server on 127.0.0.1 (random port) recording every request it receives."""

    def __init__(self):
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                outer.requests.append(self.path)
                body = b"body { color: red }"
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def hostile(self) -> str:
        """Markup that makes a careless renderer fetch from this server and read local files."""
        return (
            f'<img src="{self.url}/img.png"><link rel="stylesheet" href="{self.url}/link.css">'
            f'<style>@import url("{self.url}/import.css");'
            f' body {{ background: url("{self.url}/bg.png") }}</style>'
            f'<link rel="attachment" href="file:///etc/passwd"><img src="file:///etc/hostname">'
            f'<a rel="attachment" href="{self.url}/a.bin">x</a><img src="../../../etc/passwd">'
            f'<object data="{self.url}/object"></object><iframe src="{self.url}/frame"></iframe>'
            f'<svg><image href="{self.url}/svg.png" width="10" height="10"/></svg>'
        )
