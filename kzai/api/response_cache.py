"""A cache of rendered GET bodies, after the checks a request must pass (auth, throttles,
parameters) and before the view's work.

The key is the full URL (host included: bodies hold absolute links), the response language,
today's date in Almaty (answers that default to "today" change at midnight) and the view's
`last_modified()` — the time of the last change to the data shown — so a change to the
knowledge base gives new keys and old bodies are never served again (they expire). With
one shared cache (KZAI_CACHE_URL) every worker sees a change at once; with the default
per-process cache, other workers see it when their copy of the change time expires
(legal/freshness.py, at most CACHE_SECONDS there). KZAI_API_CACHE_SECONDS=0 turns it off.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

PREFIX = "kzai:api:response:"


class Hit(Exception):  # noqa: N818 (control flow, not an error: the cached answer)
    def __init__(self, response):
        super().__init__()
        self.response = response


def key(view, request) -> str | None:
    seconds = getattr(settings, "KZAI_API_CACHE_SECONDS", 0)
    if not view.cache_responses or not seconds or request.method not in ("GET", "HEAD"):
        return None
    changed = view.last_modified()
    if changed is None:
        return None
    raw = f"{changed.isoformat()}|{timezone.localdate()}|{view.language}|{request.build_absolute_uri()}"
    return PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def get(cache_key: str) -> HttpResponse | None:
    found = cache.get(cache_key)
    if found is None:
        return None
    content, content_type = found
    return HttpResponse(content, content_type=content_type)


def store(cache_key: str, response) -> None:
    cache.set(cache_key, (response.content, response["Content-Type"]), settings.KZAI_API_CACHE_SECONDS)
