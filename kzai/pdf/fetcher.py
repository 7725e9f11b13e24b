"""The URL fetcher of every PDF kzai renders: kzai's own report assets, nothing else.

WeasyPrint's default fetcher opens whatever a document names: `http://` (a request from
our server to anywhere: SSRF), `file://` (`<link rel=attachment href="file:///etc/passwd">`
embeds the file in the PDF). Reports contain text our users typed, so the renderer gets
this fetcher instead. It knows a fixed list of assets under the private `kzai:` scheme
(the report stylesheet from static/reports/, the DejaVu fonts) and refuses every other
URL. Documents are rendered without a base URL, so a relative path in user content never
reaches even this fetcher: WeasyPrint drops it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("kzai.reports")

SCHEME = "kzai:"

#: Debian's fonts-dejavu-core; DejaVu Sans covers Cyrillic and the Kazakh letters
#: ә ғ қ ң ө ұ ү һ і. `REPORT_FONT_DIR` in the settings points elsewhere if needed.
DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"

FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")
STYLESHEETS = ("report.css",)

CONTENT_TYPES = {".css": "text/css", ".ttf": "font/ttf"}


class RefusedURL(ValueError):
    """A document asked for something that is not one of kzai's report assets."""


def asset_paths() -> dict[str, Path]:
    """`kzai:` URL → file, for every asset a report may use."""
    font_dir = Path(getattr(settings, "REPORT_FONT_DIR", DEFAULT_FONT_DIR))
    static_dir = Path(settings.BASE_DIR) / "static" / "reports"
    paths = {f"{SCHEME}fonts/{name}": font_dir / name for name in FONTS}
    paths.update({f"{SCHEME}reports/{name}": static_dir / name for name in STYLESHEETS})
    return paths


class _AssetCache:
    """The assets' bytes, read once per process (the fonts are ~700 kB each)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._data: dict[str, bytes] = {}

    def get(self, url: str) -> bytes | None:
        with self._lock:
            if url not in self._data:
                path = asset_paths().get(url)
                if path is None:
                    return None
                self._data[url] = path.read_bytes()
            return self._data[url]

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


assets = _AssetCache()


class AssetFetcher(URLFetcher):
    """Serves `kzai:` assets from memory; refuses (and records) every other URL."""

    def __init__(self):
        super().__init__(allowed_protocols={"kzai"}, allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        data = assets.get(url) if url.startswith(SCHEME) else None
        if data is None:
            self.refused.append(url)
            logger.warning("PDF rendering: refused to fetch %r", url[:200])
            raise RefusedURL(f"kzai reports fetch nothing but their own assets: {url[:200]}")
        content_type = CONTENT_TYPES.get(url[url.rfind(".") :], "application/octet-stream")
        return URLFetcherResponse(url, data, {"Content-Type": content_type})
